/// A typed attribute value: a string, a number (kept as an integer when it was written as one) or a bool.
///
/// Tongxin keeps integers and floating-point numbers apart so that files round-trip exactly and the
/// query language can follow Cypher's integer and float arithmetic; both have ``AttributeType/number``.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    /// The value's type: `int` and `double` are both ``AttributeType/number``.
    public var type: AttributeType {
        switch self {
        case .string: .string
        case .int, .double: .number
        case .bool: .bool
        }
    }

    /// The value as a `Double`, for numbers; `nil` otherwise.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string, .bool: nil
        }
    }

    /// The value as a string, for strings; `nil` otherwise.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The canonical text of the value: strings as they are, integers in decimal, doubles in the
    /// shortest form that reads back to the same value (`2.0`, `0.1`, `1e-07`), bools as `true`/`false`.
    public var description: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): value.description
        case .bool(let value): value ? "true" : "false"
        }
    }

    /// Parses `text` as a value of `type`, the way CSV and GraphML cells are read: numbers without a
    /// fraction or exponent become `.int`, `true`/`false` (any case) become bools.
    /// Returns `nil` when `text` is not a valid value of that type.
    public static func parse(_ text: Substring, as type: AttributeType) -> AttributeValue? {
        switch type {
        case .string:
            return .string(String(text))
        case .number:
            if let value = Int(text) { return .int(value) }
            guard let value = Double(text), value.isFinite else { return nil }
            return .double(value)
        case .bool:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        }
    }

    /// Infers the type of an untyped cell (a CSV field): a number if it reads as one, a bool if it is
    /// `true` or `false`, a string otherwise.
    public static func infer(_ text: Substring) -> AttributeValue {
        if let value = Int(text) { return .int(value) }
        if let first = text.first, first.isNumber || first == "-" || first == "+" || first == ".",
           let value = Double(text), value.isFinite {
            return .double(value)
        }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        return .string(String(text))
    }
}

/// The type of an attribute. One attribute name has one type across all nodes (or all edges) of a graph.
public enum AttributeType: String, Sendable, CaseIterable {
    case string
    case number
    case bool
}

/// Attribute columns for nodes or for edges: one dense column per attribute name, indexed by node or
/// edge index. Absent values are `nil`.
///
/// Columns keep the order in which their names first appeared, so writers are deterministic.
public struct AttributeColumns: Sendable {
    /// The attribute names, in first-seen order.
    public private(set) var names: [String] = []
    /// Each column's type, parallel to ``names``.
    public private(set) var types: [AttributeType] = []
    private var columns: [[AttributeValue?]] = []
    private var indexByName: [String: Int] = [:]
    /// How many rows (nodes or edges) each column has.
    public private(set) var count = 0

    public init() {}

    /// The column number of `name`, if the attribute exists.
    public func column(named name: String) -> Int? { indexByName[name] }

    /// The value of attribute `name` in row `row`, or `nil` when absent.
    public func value(_ name: String, at row: Int) -> AttributeValue? {
        guard let column = indexByName[name] else { return nil }
        return columns[column][row]
    }

    /// The value in column `column` at `row`.
    public func value(column: Int, at row: Int) -> AttributeValue? { columns[column][row] }

    /// The attributes that row `row` has, in column order.
    public func values(at row: Int) -> [(name: String, value: AttributeValue)] {
        var result: [(name: String, value: AttributeValue)] = []
        for (column, name) in names.enumerated() {
            if let value = columns[column][row] { result.append((name, value)) }
        }
        return result
    }

    /// Adds an empty row.
    mutating func appendRow() {
        count += 1
        for column in columns.indices { columns[column].append(nil) }
    }

    /// Sets `name` to `value` in `row`. Returns the column's existing type when it differs from the
    /// value's (and leaves the column unchanged), `nil` on success.
    mutating func set(_ name: String, _ value: AttributeValue, at row: Int) -> AttributeType? {
        let column: Int
        if let existing = indexByName[name] {
            column = existing
            if types[column] != value.type { return types[column] }
        } else {
            column = columns.count
            indexByName[name] = column
            names.append(name)
            types.append(value.type)
            columns.append([AttributeValue?](repeating: nil, count: count))
        }
        columns[column][row] = value
        return nil
    }
}
