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
            let value = Double(text), value.isFinite
        {
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
/// Columns keep the order in which their names first appeared, so writers are deterministic. A
/// graph being built holds its values as enums; a graph mapped from a `.txg` file holds
/// ``PackedAttributeColumn``s viewing the file, decoded on access.
public struct AttributeColumns: Sendable {
    /// The attribute names, in first-seen order.
    public private(set) var names: [String] = []
    /// Each column's type, parallel to ``names``.
    public private(set) var types: [AttributeType] = []
    /// The columns of a graph built in memory. Two plain properties rather than an enum of both: a
    /// column is then changed in place, never copied out of a payload.
    private var valueColumns: [ValueColumn] = []
    /// The columns of a mapped graph; `nil` while building.
    private var packedColumns: [PackedAttributeColumn]?
    private var indexByName: [String: Int] = [:]
    /// One column of a graph built in memory: each row's position in `values` (-1: absent), up to
    /// the last row set. An absent value costs 4 bytes rather than a 24-byte optional, so sparse
    /// columns (an attribute a few nodes have) stay small. O(1) to read, amortized O(1) to set.
    private struct ValueColumn: Sendable {
        var slots: [Int32] = []
        var values: [AttributeValue] = []

        subscript(row: Int) -> AttributeValue? {
            guard row < slots.count, case let slot = slots[row], slot >= 0 else { return nil }
            return values[Int(slot)]
        }
    }
    /// How many rows (nodes or edges) each column has.
    public private(set) var count = 0

    public init() {}

    /// Columns over packed storage (a mapped `.txg` file's), `rows` rows each.
    ///
    /// - Precondition: names are distinct and every column has `rows` rows of its type (the reader
    ///   validates with ``PackedAttributeColumn/firstInvalidRow(type:)``).
    public init(names: [String], types: [AttributeType], packed: [PackedAttributeColumn], rows: Int) {
        precondition(names.count == types.count && types.count == packed.count && packed.allSatisfy { $0.count == rows })
        self.names = names
        self.types = types
        self.count = rows
        packedColumns = packed
        indexByName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The column number of `name`, if the attribute exists.
    public func column(named name: String) -> Int? { indexByName[name] }

    /// The value of attribute `name` in row `row`, or `nil` when absent.
    public func value(_ name: String, at row: Int) -> AttributeValue? {
        guard let column = indexByName[name] else { return nil }
        return value(column: column, at: row)
    }

    /// The value in column `column` at `row`.
    public func value(column: Int, at row: Int) -> AttributeValue? {
        if let packedColumns { return packedColumns[column][row] }
        return valueColumns[column][row]
    }

    /// The attributes that row `row` has, in column order.
    public func values(at row: Int) -> [(name: String, value: AttributeValue)] {
        var result: [(name: String, value: AttributeValue)] = []
        for (column, name) in names.enumerated() {
            if let value = value(column: column, at: row) { result.append((name, value)) }
        }
        return result
    }

    /// Column `column` in packed form: the stored columns of a mapped graph as they are, others
    /// packed now. O(rows) for the latter.
    public func packed(column: Int) -> PackedAttributeColumn {
        if let packedColumns { return packedColumns[column] }
        let source = valueColumns[column]
        return PackedAttributeColumn(
            rows: count,
            values: source.slots.indices.lazy.filter { source.slots[$0] >= 0 }.map {
                (row: $0, value: source.values[Int(source.slots[$0])])
            })
    }

    /// One row holding `values`, columns in name order: a graph's metadata as a `.txg` file keeps it.
    public static func singleRow(_ values: [String: AttributeValue]) -> AttributeColumns {
        var columns = AttributeColumns()
        columns.appendRow()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { _ = columns.set(name, value, at: 0) }
        return columns
    }

    /// The column of `name`: a scan of the names while there are few (comparing short strings is
    /// cheaper than hashing one), the dictionary beyond.
    @inline(__always)
    private func column(of name: String) -> Int? {
        guard names.count <= 8 else { return indexByName[name] }
        return names.firstIndex(of: name)
    }

    /// Adds an empty row. O(1): a column holds values up to its last row set (``set(_:_:at:)``
    /// pads it), the rows after that are absent.
    mutating func appendRow() {
        precondition(packedColumns == nil, "packed attribute columns are read-only")
        count += 1
    }

    /// Sets `name` to `value` in `row`. Returns the column's existing type when it differs from the
    /// value's (and leaves the column unchanged), `nil` on success.
    mutating func set(_ name: String, _ value: AttributeValue, at row: Int) -> AttributeType? {
        precondition(packedColumns == nil, "packed attribute columns are read-only")
        let column: Int
        if let existing = self.column(of: name) {
            column = existing
            if types[column] != value.type { return types[column] }
        } else {
            column = valueColumns.count
            indexByName[name] = column
            names.append(name)
            types.append(value.type)
            valueColumns.append(ValueColumn())
        }
        if row < valueColumns[column].slots.count, case let slot = valueColumns[column].slots[row], slot >= 0 {
            valueColumns[column].values[Int(slot)] = value
            return nil
        }
        if row >= valueColumns[column].slots.count {
            valueColumns[column].slots.append(contentsOf: repeatElement(-1, count: row + 1 - valueColumns[column].slots.count))
        }
        valueColumns[column].slots[row] = Int32(valueColumns[column].values.count)
        valueColumns[column].values.append(value)
        return nil
    }
}

/// One attribute column in flat form, as a `.txg` file stores it: a tag byte and an 8-byte payload
/// per row, and the column's strings in a ``StringTable``.
///
/// Tags: 0 absent, 1 string (payload: index into ``strings``), 2 integer (payload: the value),
/// 3 double (payload: its IEEE-754 bits), 4 bool (payload: 0 or 1). Reading a row is O(1), plus the
/// string's length for strings.
public struct PackedAttributeColumn: Sendable {
    public let tags: FlatArray<UInt8>
    public let payloads: FlatArray<Int64>
    public let strings: StringTable

    public static let absent: UInt8 = 0, stringTag: UInt8 = 1, intTag: UInt8 = 2, doubleTag: UInt8 = 3, boolTag: UInt8 = 4

    /// A column over existing arrays.
    ///
    /// - Precondition: `tags` and `payloads` have the same count.
    public init(tags: FlatArray<UInt8>, payloads: FlatArray<Int64>, strings: StringTable) {
        precondition(tags.count == payloads.count, "one payload per tag")
        self.tags = tags
        self.payloads = payloads
        self.strings = strings
    }

    /// The packed form of `values`. O(rows + string bytes).
    public init(_ values: some Collection<AttributeValue?>) {
        self.init(rows: values.count, values: values.enumerated().lazy.compactMap { row, value in value.map { (row: row, value: $0) } })
    }

    /// The packed form of a column of `rows` rows holding `values` (in increasing row order), the
    /// other rows absent: written straight into the column's arrays. O(rows + string bytes).
    public init(rows: Int, values: some Sequence<(row: Int, value: AttributeValue)>) {
        var strings = [String]()
        var payloads = FlatArray<Int64>()
        let tags = FlatArray<UInt8>(count: rows) { tags in
            payloads = FlatArray<Int64>(count: rows) { payloads in
                tags.initialize(repeating: Self.absent)
                payloads.initialize(repeating: 0)
                for (row, value) in values {
                    switch value {
                    case .string(let text):
                        tags[row] = Self.stringTag
                        payloads[row] = Int64(strings.count)
                        strings.append(text)
                    case .int(let number):
                        tags[row] = Self.intTag
                        payloads[row] = Int64(number)
                    case .double(let number):
                        tags[row] = Self.doubleTag
                        payloads[row] = Int64(bitPattern: number.bitPattern)
                    case .bool(let flag):
                        tags[row] = Self.boolTag
                        payloads[row] = flag ? 1 : 0
                    }
                }
            }
        }
        self.init(tags: tags, payloads: payloads, strings: StringTable(strings))
    }

    public var count: Int { tags.count }

    public subscript(row: Int) -> AttributeValue? {
        let payload = payloads[row]
        switch tags[row] {
        case Self.stringTag: return .string(strings[Int(payload)])
        case Self.intTag: return .int(Int(payload))
        case Self.doubleTag: return .double(Double(bitPattern: UInt64(bitPattern: payload)))
        case Self.boolTag: return .bool(payload != 0)
        default: return nil
        }
    }

    /// The first row whose tag is not absent or of `type`, or whose string index is out of range,
    /// or whose bool is not 0/1; `nil` when every row is valid. O(rows).
    public func firstInvalidRow(type: AttributeType) -> Int? {
        let stringCount = Int64(strings.count)
        for row in 0..<count {
            let payload = payloads[row]
            switch (tags[row], type) {
            case (Self.absent, _): continue
            case (Self.stringTag, .string) where payload >= 0 && payload < stringCount: continue
            case (Self.intTag, .number), (Self.doubleTag, .number): continue
            case (Self.boolTag, .bool) where payload == 0 || payload == 1: continue
            default: return row
            }
        }
        return nil
    }
}
