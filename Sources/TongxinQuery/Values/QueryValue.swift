/// A value a query computes: Cypher's null, booleans, 64-bit integers, doubles, strings, lists, maps,
/// and references to the graph's nodes, relationships and paths (by index).
///
/// Two notions of sameness coexist, as in openCypher:
/// - ``equals(_:)`` is Cypher's `=`: three-valued (`null` when either side is or holds null),
///   numerically equal numbers are equal (`1 = 1.0`), different types are unequal.
/// - `==` / `Hashable` is *equivalence*, used by DISTINCT, grouping and `IN` lookups of literals:
///   like `=` but `null` is equivalent to `null` and NaN to NaN.
public enum QueryValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([QueryValue])
    /// A map, keeping its keys in the order written (output follows it).
    case map([MapEntry])
    /// A node, by index into the graph.
    case node(Int32)
    /// A relationship (edge), by index into the graph.
    case relationship(Int32)
    /// A path: `nodes.count == relationships.count + 1`.
    case path(QueryPath)

    public struct MapEntry: Sendable, Hashable {
        public var key: String
        public var value: QueryValue
        public init(_ key: String, _ value: QueryValue) {
            self.key = key
            self.value = value
        }
    }

    public init(_ attribute: AttributeValue?) {
        switch attribute {
        case nil: self = .null
        case .string(let value): self = .string(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .bool(let value): self = .bool(value)
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The Cypher type name, for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "float"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        case .node: "node"
        case .relationship: "relationship"
        case .path: "path"
        }
    }

    /// The value in Cypher literal syntax (strings quoted); nodes and relationships by index.
    public var description: String { literalText }

    var literalText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): QueryValue.format(value)
        case .string(let value): "'" + value.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
        case .list(let items): "[" + items.map(\.literalText).joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { $0.key + ": " + $0.value.literalText }.joined(separator: ", ") + "}"
        case .node(let node): "node#\(node)"
        case .relationship(let edge): "relationship#\(edge)"
        case .path(let path): "path(\(path.nodes.map(String.init).joined(separator: ",")))"
        }
    }

    /// A double as text: the shortest form that reads back (`0.1`, `2.0`), `NaN`, `Infinity`.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    // MARK: Equivalence (Hashable)

    public static func == (lhs: QueryValue, rhs: QueryValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): compareNumbers(a, b) == 0
        case (.string(let a), .string(let b)): a.utf8.elementsEqual(b.utf8)
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)):
            a.count == b.count && a.allSatisfy { entry in b.contains { $0.key == entry.key && $0.value == entry.value } }
        case (.node(let a), .node(let b)): a == b
        case (.relationship(let a), .relationship(let b)): a == b
        case (.path(let a), .path(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value):
            if value.isNaN {
                hasher.combine(1 as UInt8)
            } else if let exact = Int(exactly: value) {
                hasher.combine(exact)
            } else {
                hasher.combine(value)
            }
        case .string(let value):
            // By UTF-8 bytes, as == compares: String's own hash normalizes Unicode, which costs
            // several times more on Chinese text.
            var text = value
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
        case .list(let items): hasher.combine(items)
        case .map(let entries):
            hasher.combine(entries.count)
            for key in entries.map(\.key).sorted() { hasher.combine(key) }
        case .node(let node): hasher.combine(node); hasher.combine(2 as UInt8)
        case .relationship(let edge): hasher.combine(edge); hasher.combine(3 as UInt8)
        case .path(let path): hasher.combine(path)
        }
    }

    // MARK: Cypher `=`

    /// Cypher's `=`: `nil` (null) when either side is null or the answer depends on a null inside
    /// a list or map.
    public func equals(_ other: QueryValue) -> Bool? {
        switch (self, other) {
        case (.null, _), (_, .null): return nil
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
            return b.isNaN ? false : QueryValue.compareNumbers(a, b) == 0
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            var unknown = false
            for (x, y) in zip(a, b) {
                switch x.equals(y) {
                case false?: return false
                case nil: unknown = true
                case true?: break
                }
            }
            return unknown ? nil : true
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            var unknown = false
            for entry in a {
                guard let match = b.first(where: { $0.key == entry.key }) else { return false }
                switch entry.value.equals(match.value) {
                case false?: return false
                case nil: unknown = true
                case true?: break
                }
            }
            return unknown ? nil : true
        default:
            return self == other
        }
    }

    // MARK: Comparison and ordering

    /// Compares an integer and a double exactly (no rounding of large integers). NaN must be excluded
    /// by the caller.
    static func compareNumbers(_ a: Int, _ b: Double) -> Int {
        if b >= 9_223_372_036_854_775_808.0 { return -1 }
        if b < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = b.rounded(.down)
        let intPart = Int(whole)
        if a != intPart { return a < intPart ? -1 : 1 }
        return whole == b ? 0 : -1
    }

    /// Cypher's `<` family: the sign of `self - other` for two numbers, two strings (by code point)
    /// or two booleans (`false < true`); `nil` (null) for anything else or when NaN is involved.
    func compare(_ other: QueryValue) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.int(let a), .double(let b)):
            return b.isNaN ? nil : QueryValue.compareNumbers(a, b)
        case (.double(let a), .int(let b)):
            return a.isNaN ? nil : -QueryValue.compareNumbers(b, a)
        case (.string(let a), .string(let b)): return QueryValue.compareStrings(a, b)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        default: return nil
        }
    }

    /// Strings compare by Unicode code point (UTF-8 byte order), as Neo4j and Kùzu do.
    static func compareStrings(_ a: String, _ b: String) -> Int {
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }

    /// The rank of the value's type in openCypher's global sort order (ascending):
    /// map < node < relationship < list < path < string < boolean < number < null.
    private var orderRank: Int {
        switch self {
        case .map: 0
        case .node: 1
        case .relationship: 2
        case .list: 3
        case .path: 4
        case .string: 5
        case .bool: 6
        case .int, .double: 7
        case .null: 8
        }
    }

    /// openCypher's total order for ORDER BY (ascending): values of different types by
    /// ``orderRank``, numbers numerically with NaN above every number, lists element by element,
    /// null last.
    public func orderCompare(_ other: QueryValue) -> Int {
        let rankA = orderRank, rankB = other.orderRank
        if rankA != rankB { return rankA < rankB ? -1 : 1 }
        switch (self, other) {
        case (.double(let a), .double(let b)) where a.isNaN || b.isNaN:
            return a.isNaN == b.isNaN ? 0 : (a.isNaN ? 1 : -1)
        case (.double(let a), .int) where a.isNaN: return 1
        case (.int, .double(let b)) where b.isNaN: return -1
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                let order = x.orderCompare(y)
                if order != 0 { return order }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        case (.map(let a), .map(let b)):
            let keysA = a.map(\.key).sorted(), keysB = b.map(\.key).sorted()
            let keyOrder = QueryValue.list(keysA.map(QueryValue.string)).orderCompare(.list(keysB.map(QueryValue.string)))
            if keyOrder != 0 { return keyOrder }
            for key in keysA {
                let x = a.first { $0.key == key }!.value, y = b.first { $0.key == key }!.value
                let order = x.orderCompare(y)
                if order != 0 { return order }
            }
            return 0
        case (.node(let a), .node(let b)), (.relationship(let a), .relationship(let b)):
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.path(let a), .path(let b)):
            return QueryValue.list(a.nodes.map { .node($0) }).orderCompare(.list(b.nodes.map { .node($0) }))
        case (.null, .null):
            return 0
        default:
            return compare(other) ?? 0
        }
    }
}

/// A path through the graph: alternating nodes and relationships, `nodes.count == relationships.count + 1`.
public struct QueryPath: Sendable, Hashable {
    public var nodes: [Int32]
    public var relationships: [Int32]

    public init(nodes: [Int32], relationships: [Int32]) {
        self.nodes = nodes
        self.relationships = relationships
    }
}
