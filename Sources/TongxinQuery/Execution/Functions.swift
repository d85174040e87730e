/// The scalar functions of the query language. Each returns null for a null argument (except
/// `coalesce`), and raises a positioned error for an argument of the wrong type.
///
/// Graph: `id(n)` (the node's id string; a relationship's index), `labels(n)` (`[kind]`), `type(r)`
/// (the relationship's kind), `keys(x)`, `properties(x)`, `startNode(r)`, `endNode(r)`, `nodes(p)`,
/// `relationships(p)`, `length(p)`. Lists and strings: `size`, `head`, `last`, `tail`, `reverse`,
/// `range`, `toLower`, `toUpper`, `trim`, `ltrim`, `rtrim`, `substring`, `replace`, `split`,
/// `left`, `right`. Conversion: `toString`, `toInteger`, `toFloat`, `toBoolean`, `coalesce`. Numbers:
/// `abs`, `ceil`, `floor`, `round`, `sqrt`, `sign`.
enum Functions {
    typealias Function = ([QueryValue]) throws(QueryError) -> QueryValue

    private static let arities: [String: ClosedRange<Int>] = [
        "id": 1...1, "labels": 1...1, "type": 1...1, "keys": 1...1, "properties": 1...1,
        "startnode": 1...1, "endnode": 1...1, "nodes": 1...1, "relationships": 1...1, "length": 1...1,
        "size": 1...1, "head": 1...1, "last": 1...1, "tail": 1...1, "reverse": 1...1, "range": 2...3,
        "tolower": 1...1, "toupper": 1...1, "trim": 1...1, "ltrim": 1...1, "rtrim": 1...1,
        "substring": 2...3, "replace": 3...3, "split": 2...2, "left": 2...2, "right": 2...2,
        "tostring": 1...1, "tointeger": 1...1, "tofloat": 1...1, "toboolean": 1...1, "coalesce": 1...64,
        "abs": 1...1, "ceil": 1...1, "floor": 1...1, "round": 1...1, "sqrt": 1...1, "sign": 1...1
    ]

    /// The function `name` (lower-cased) taking `arguments` arguments.
    ///
    /// - Throws: ``QueryError`` (semantic) for an unknown function or a wrong argument count.
    static func resolve(_ name: String, arguments: Int, at: QueryPosition, graph: Graph) throws(QueryError) -> Function {
        guard let arity = arities[name] else {
            throw QueryError(.semantic, "unknown function '\(name)'", at: at)
        }
        guard arity.contains(arguments) else {
            let expected = arity.count == 1 ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw QueryError(.semantic, "\(name)() takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), not \(arguments)", at: at)
        }
        return { args throws(QueryError) in try apply(name, args, at, graph) }
    }

    private static func typeError(_ name: String, _ value: QueryValue, _ at: QueryPosition) -> QueryError {
        QueryError(.runtime, "\(name)() cannot take \(value.typeName) \(value.literalText)", at: at)
    }

    private static func integer(_ value: QueryValue, _ name: String, _ at: QueryPosition) throws(QueryError) -> Int {
        guard case .int(let number) = value else { throw typeError(name, value, at) }
        return number
    }

    /// Applies function `name` (arity already checked): `coalesce` and `range` first, null for any
    /// null argument, then each family in turn; a value no family takes is a type error.
    private static func apply(_ name: String, _ args: [QueryValue], _ at: QueryPosition, _ graph: Graph) throws(QueryError) -> QueryValue {
        if name == "coalesce" { return args.first { !$0.isNull } ?? .null }
        if name == "range" { return try range(args, at) }
        if args.contains(where: \.isNull) { return .null }
        if let result = try graphFunction(name, args[0], at, graph) { return result }
        if let result = listFunction(name, args[0]) { return result }
        if let result = try stringFunction(name, args, at) { return result }
        if let result = conversion(name, args[0]) { return result }
        if let result = try numberFunction(name, args[0], at) { return result }
        throw typeError(name, args[0], at)
    }

    /// `id`, `labels`, `type`, `keys`, `properties`, `startNode`, `endNode`, `nodes`,
    /// `relationships` and `length` of a path; `nil` when `name` is none of them for `value`.
    private static func graphFunction(_ name: String, _ value: QueryValue, _ at: QueryPosition, _ graph: Graph)
        throws(QueryError) -> QueryValue?
    {
        switch (name, value) {
        case ("id", .node(let node)): return .string(graph.ids[Int(node)])
        case ("id", .relationship(let edge)): return .int(Int(edge))
        case ("labels", .node(let node)): return .list([.string(graph.kind(of: Int(node)))])
        case ("type", .relationship(let edge)): return .string(graph.kind(ofEdge: Int(edge)))
        case ("keys", _), ("properties", _):
            let entries = try properties(name, value, at, graph)
            return name == "keys" ? .list(entries.map { .string($0.key) }) : .map(entries)
        case ("startnode", .relationship(let edge)): return .node(graph.sources[Int(edge)])
        case ("endnode", .relationship(let edge)): return .node(graph.targets[Int(edge)])
        case ("nodes", .path(let path)): return .list(path.nodes.map(QueryValue.node))
        case ("relationships", .path(let path)): return .list(path.relationships.map(QueryValue.relationship))
        case ("length", .path(let path)): return .int(path.relationships.count)
        default: return nil
        }
    }

    /// Every property of a node (`id`, `kind`, `name`, then its attributes), a relationship
    /// (`kind`, `weight`, then its attributes) or a map, for `keys` and `properties`.
    private static func properties(_ name: String, _ value: QueryValue, _ at: QueryPosition, _ graph: Graph)
        throws(QueryError) -> [QueryValue.MapEntry]
    {
        switch value {
        case .node(let node):
            return [
                .init("id", .string(graph.ids[Int(node)])), .init("kind", .string(graph.kind(of: Int(node)))),
                .init("name", .string(graph.name(of: Int(node))))
            ]
                + graph.nodeAttributes.values(at: Int(node)).map { .init($0.name, QueryValue($0.value)) }
        case .relationship(let edge):
            return [.init("kind", .string(graph.kind(ofEdge: Int(edge)))), .init("weight", .double(graph.weight(of: Int(edge))))]
                + graph.edgeAttributes.values(at: Int(edge)).map { .init($0.name, QueryValue($0.value)) }
        case .map(let pairs):
            return pairs
        default:
            throw typeError(name, value, at)
        }
    }

    /// `size`/`length`, `head`, `last`, `tail` and `reverse` of a list (and of a string for
    /// `size`, `length`, `reverse`); `nil` otherwise.
    private static func listFunction(_ name: String, _ value: QueryValue) -> QueryValue? {
        switch (name, value) {
        case ("length", .list(let items)), ("size", .list(let items)): return .int(items.count)
        case ("length", .string(let text)), ("size", .string(let text)): return .int(text.count)
        case ("head", .list(let items)): return items.first ?? .null
        case ("last", .list(let items)): return items.last ?? .null
        case ("tail", .list(let items)): return .list(Array(items.dropFirst()))
        case ("reverse", .list(let items)): return .list(items.reversed())
        case ("reverse", .string(let text)): return .string(String(text.reversed()))
        default: return nil
        }
    }

    /// `range(low, high[, step])`, inclusive, at most 10,000,000 values; a null argument is an error.
    private static func range(_ args: [QueryValue], _ at: QueryPosition) throws(QueryError) -> QueryValue {
        if args.contains(where: \.isNull) { throw typeError("range", .null, at) }
        let low = try integer(args[0], "range", at), high = try integer(args[1], "range", at)
        let step = args.count > 2 ? try integer(args[2], "range", at) : 1
        if step == 0 { throw QueryError(.runtime, "range() step cannot be 0", at: at) }
        // The size is estimated in floating point, so that range(-2^63, 2^63 - 1) cannot overflow.
        let span = step > 0 ? Double(high) - Double(low) : Double(low) - Double(high)
        let count = span < 0 ? 0 : (span / Double(step.magnitude)).rounded(.down) + 1
        if count > 10_000_000 {
            throw QueryError(.runtime, "range() would hold about \(count) values; the limit is 10000000", at: at)
        }
        var values: [QueryValue] = []
        var next = low
        while step > 0 ? next <= high : next >= high {
            values.append(.int(next))
            let (following, overflow) = next.addingReportingOverflow(step)
            if overflow { break }
            next = following
        }
        return .list(values)
    }

    /// The string functions: case, trimming, `substring`, `left`, `right`, `replace`, `split`;
    /// `nil` when the first argument is not a string or `name` is none of them.
    private static func stringFunction(_ name: String, _ args: [QueryValue], _ at: QueryPosition) throws(QueryError) -> QueryValue? {
        guard case .string(let text) = args[0] else { return nil }
        switch name {
        case "tolower": return .string(text.lowercased())
        case "toupper": return .string(text.uppercased())
        case "trim": return .string(String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
        case "ltrim": return .string(String(text.drop(while: \.isWhitespace)))
        case "rtrim": return .string(String(text.reversed().drop(while: \.isWhitespace).reversed()))
        case "substring":
            let start = try integer(args[1], name, at)
            let length = args.count > 2 ? try integer(args[2], name, at) : Int.max
            if start < 0 || length < 0 { throw QueryError(.runtime, "substring() needs non-negative start and length", at: at) }
            return .string(String(text.dropFirst(start).prefix(length)))
        case "left", "right":
            let length = try integer(args[1], name, at)
            if length < 0 { throw QueryError(.runtime, "\(name)() needs a non-negative length", at: at) }
            return .string(String(name == "left" ? text.prefix(length) : text.suffix(length)))
        case "replace":
            guard case .string(let target) = args[1], case .string(let replacement) = args[2] else {
                throw typeError(name, args[1], at)
            }
            return .string(target.isEmpty ? text : text.replacing(target, with: replacement))
        case "split":
            guard case .string(let separator) = args[1], !separator.isEmpty else { throw typeError(name, args[1], at) }
            return .list(text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
        default: return nil
        }
    }

    /// `toString`, `toInteger` (truncating), `toFloat`, `toBoolean`: null for text that does not
    /// convert; `nil` for a value of a type the function does not take.
    private static func conversion(_ name: String, _ value: QueryValue) -> QueryValue? {
        switch (name, value) {
        case ("tostring", .string): return value
        case ("tostring", .int), ("tostring", .double), ("tostring", .bool): return .string(value.displayText)
        case ("tointeger", .int): return value
        case ("tointeger", .double(let number)): return truncated(number)
        case ("tointeger", .string(let text)):
            if let number = Int(text) { return .int(number) }
            return Double(text).map(truncated) ?? .null
        case ("tofloat", .int(let number)): return .double(Double(number))
        case ("tofloat", .double): return value
        case ("tofloat", .string(let text)): return Double(text).map(QueryValue.double) ?? .null
        case ("toboolean", .bool): return value
        case ("toboolean", .string(let text)):
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        default: return nil
        }
    }

    /// A number truncated toward zero as an integer, or null when it is not finite or out of range.
    private static func truncated(_ number: Double) -> QueryValue {
        guard number.isFinite, let truncated = Int(exactly: number.rounded(.towardZero)) else { return .null }
        return .int(truncated)
    }

    /// `abs`, `ceil`, `floor`, `round` (half away from zero), `sqrt`, `sign`; `nil` otherwise.
    private static func numberFunction(_ name: String, _ value: QueryValue, _ at: QueryPosition) throws(QueryError) -> QueryValue? {
        switch (name, value) {
        case ("abs", .int(let number)):
            if number == .min { throw QueryError(.runtime, "integer overflow: abs(\(number))", at: at) }
            return .int(abs(number))
        case ("abs", .double(let number)): return .double(abs(number))
        case ("ceil", _), ("floor", _), ("round", _), ("sqrt", _):
            guard let number = value.asDouble else { throw typeError(name, value, at) }
            switch name {
            case "ceil": return .double(number.rounded(.up))
            case "floor": return .double(number.rounded(.down))
            case "round": return .double(number.rounded(.toNearestOrAwayFromZero))
            default: return .double(number.squareRoot())
            }
        case ("sign", .int(let number)): return .int(number.signum())
        case ("sign", .double(let number)): return .int(number > 0 ? 1 : (number < 0 ? -1 : 0))
        default: return nil
        }
    }

    /// `list[i]` (negative counts from the end; out of range is null) and `map[key]`.
    static func element(_ base: QueryValue, _ index: QueryValue, _ at: QueryPosition, _ graph: Graph) throws(QueryError) -> QueryValue {
        switch (base, index) {
        case (.null, _), (_, .null): return .null
        case (.list(let items), .int(let position)):
            let resolved = position < 0 ? items.count + position : position
            return resolved >= 0 && resolved < items.count ? items[resolved] : .null
        case (.map(let entries), .string(let key)): return entries.first { $0.key == key }?.value ?? .null
        case (.node(let node), .string(let key)): return NodeProperty(key, graph).value(Int(node), graph)
        case (.relationship(let edge), .string(let key)): return EdgeProperty(key, graph).value(Int(edge), graph)
        default:
            throw QueryError(.runtime, "cannot index \(base.typeName) with \(index.typeName)", at: at)
        }
    }

    /// `list[from..to]`, bounds clamped, negative bounds counted from the end.
    static func slice(_ base: QueryValue, _ from: QueryValue?, _ to: QueryValue?, _ at: QueryPosition) throws(QueryError) -> QueryValue {
        if base.isNull || from?.isNull == true || to?.isNull == true { return .null }
        guard case .list(let items) = base else { throw QueryError(.runtime, "cannot slice \(base.typeName)", at: at) }
        func bound(_ value: QueryValue?, _ fallback: Int) throws(QueryError) -> Int {
            guard let value else { return fallback }
            guard case .int(let position) = value else { throw QueryError(.runtime, "a slice bound must be an integer", at: at) }
            let resolved = position < 0 ? items.count + position : position
            return min(max(resolved, 0), items.count)
        }
        let low = try bound(from, 0), high = try bound(to, items.count)
        return .list(low < high ? Array(items[low..<high]) : [])
    }
}
