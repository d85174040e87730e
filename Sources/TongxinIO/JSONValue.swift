/// A JSON value whose objects keep their keys in the order they were given, so every JSON output of
/// Tongxin is deterministic and reads in a sensible order (`id` before `score`).
///
/// Build values with literals — `["id": "v1", "score": 0.5, "tags": ["a"], "parent": nil]` — or from
/// attribute values, then serialize with ``serialized(pretty:)``:
///
/// ```swift
/// let value: JSONValue = ["measure": "degree", "nodes": [["id": "v1", "score": 2]]]
/// value.serialized()              // {"measure":"degree","nodes":[{"id":"v1","score":2}]}
/// ```
///
/// Numbers: integers print without a fraction (`2`), doubles in the shortest form that reads back
/// to the same value (`0.1`, `2.0`, `1e-07`); a non-finite double prints as `null`, since JSON has
/// no infinity or NaN. Strings are UTF-8 with only `"`, `\` and control characters escaped, so Chinese
/// text stays readable.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// An object as ordered key/value pairs; keys are expected to be distinct.
    case object([(String, JSONValue)])

    /// The value of an attribute: strings, integers, doubles and bools map one to one.
    public init(_ attribute: AttributeValue) {
        switch attribute {
        case .string(let value): self = .string(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .bool(let value): self = .bool(value)
        }
    }

    /// `value` as a JSON value, or `null` when it is `nil`.
    public init(_ attribute: AttributeValue?) {
        self = attribute.map(JSONValue.init) ?? .null
    }

    /// The value for `key` in an object (the first one, if a key repeats); `nil` for other values.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let pairs):
            hasher.combine(pairs.count)
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    // MARK: Serializing

    /// The value as JSON text: compact (`{"a":1}`), or pretty with two-space indentation and
    /// `"key": value` (`{\n  "a": 1\n}`). No trailing newline.
    ///
    /// - Complexity: O(size of the output).
    public func serialized(pretty: Bool = false) -> String {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value's JSON text to `output`.
    public func write(to output: inout [UInt8], pretty: Bool = false, indent: Int = 0) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): JSONText.appendInt(value, to: &output)
        case .double(let value): JSONText.appendDouble(value, to: &output)
        case .string(let value): JSONText.appendString(value, to: &output)
        case .array(let values):
            if values.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (position, value) in values.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONText.newline(indent + 1, &output) }
                value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONText.newline(indent, &output) }
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (position, (key, value)) in pairs.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONText.newline(indent + 1, &output) }
                JSONText.appendString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONText.newline(indent, &output) }
            output.append(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}

extension JSONValue: CustomStringConvertible {
    /// The compact serialization.
    public var description: String { serialized() }
}

/// The pieces of JSON text every writer shares, so numbers and strings look the same in all outputs.
public enum JSONText {
    /// Appends `value` in decimal.
    public static func appendInt(_ value: Int, to output: inout [UInt8]) {
        output.append(contentsOf: String(value).utf8)
    }

    /// Appends `value` in the shortest form that reads back to the same double (Swift's
    /// `description`: `0.1`, `2.0`, `1e-07`, `1e+20`); `null` when it is not finite.
    public static func appendDouble(_ value: Double, to output: inout [UInt8]) {
        guard value.isFinite else { output.append(contentsOf: "null".utf8); return }
        output.append(contentsOf: value.description.utf8)
    }

    /// Appends `value` as a quoted JSON string: `"` and `\` escaped, control characters as `\n`, `\t`,
    /// `\r`, `\b`, `\f` or `\u00XX`, everything else (including CJK) as UTF-8.
    public static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case 0x0A: output.append(contentsOf: "\\n".utf8)
                case 0x09: output.append(contentsOf: "\\t".utf8)
                case 0x0D: output.append(contentsOf: "\\r".utf8)
                case 0x08: output.append(contentsOf: "\\b".utf8)
                case 0x0C: output.append(contentsOf: "\\f".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0xF)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    static func newline(_ indent: Int, _ output: inout [UInt8]) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}
