/// The syntax tree of a query, as the parser reads it; every node keeps its position for messages.
struct QueryAST: Sendable {
    var clauses: [Clause]
}

enum Clause: Sendable {
    case match(MatchClause)
    case unwind(Expr, variable: String, position: QueryPosition)
    case with(Projection, where: Expr?)
    case `return`(Projection)
}

struct MatchClause: Sendable {
    var optional: Bool
    var patterns: [PatternPart]
    var predicate: Expr?
    var position: QueryPosition
}

struct PatternPart: Sendable {
    enum Shortest: Sendable { case none, one, all }
    var pathVariable: String?
    var shortest: Shortest
    var nodes: [NodePattern]
    /// `relationships[i]` joins `nodes[i]` and `nodes[i + 1]`.
    var relationships: [RelationshipPattern]
    var position: QueryPosition
}

struct NodePattern: Sendable {
    var variable: String?
    var labels: [String]
    var properties: [(String, Expr)]
    var position: QueryPosition
}

enum Direction: Sendable {
    /// `-[]->`
    case outgoing
    /// `<-[]-`
    case incoming
    /// `-[]-`
    case either
}

struct RelationshipPattern: Sendable {
    var variable: String?
    var kinds: [String]
    var properties: [(String, Expr)]
    var direction: Direction
    /// `nil` for a single relationship; the hop bounds for `*a..b` (upper `nil` when open).
    var length: (min: Int, max: Int?)?
    var position: QueryPosition
}

struct Projection: Sendable {
    struct Item: Sendable {
        var expr: Expr
        /// The column name: the alias, or the expression's text as written.
        var name: String
        var hasAlias: Bool
    }
    var distinct: Bool
    /// `RETURN *` / `WITH *`: every variable in scope, before the listed items.
    var star: Bool
    var items: [Item]
    var order: [(Expr, ascending: Bool)]
    var skip: Expr?
    var limit: Expr?
    var position: QueryPosition
}

/// An expression, with the position of its operator or first token.
indirect enum Expr: Sendable {
    case literal(QueryValue, QueryPosition)
    case parameter(String, QueryPosition)
    case variable(String, QueryPosition)
    case property(Expr, String, QueryPosition)
    case list([Expr], QueryPosition)
    case map([(String, Expr)], QueryPosition)
    case unary(UnaryOperator, Expr, QueryPosition)
    case binary(BinaryOperator, Expr, Expr, QueryPosition)
    case isNull(Expr, negated: Bool, QueryPosition)
    case index(Expr, Expr, QueryPosition)
    case slice(Expr, Expr?, Expr?, QueryPosition)
    /// A function call; `name` is lower-cased. `count(*)` is `countStar`.
    case call(String, distinct: Bool, [Expr], QueryPosition)
    case countStar(QueryPosition)
    /// `CASE [subject] WHEN … THEN … [ELSE …] END`.
    case caseWhen(subject: Expr?, [(Expr, Expr)], otherwise: Expr?, QueryPosition)
    /// `[x IN list WHERE … | …]`.
    case listComprehension(variable: String, Expr, predicate: Expr?, projection: Expr?, QueryPosition)

    var position: QueryPosition {
        switch self {
        case .literal(_, let p), .parameter(_, let p), .variable(_, let p), .property(_, _, let p),
            .list(_, let p), .map(_, let p), .unary(_, _, let p), .binary(_, _, _, let p),
            .isNull(_, _, let p), .index(_, _, let p), .slice(_, _, _, let p), .call(_, _, _, let p),
            .countStar(let p), .caseWhen(_, _, _, let p), .listComprehension(_, _, _, _, let p):
            p
        }
    }
}

extension Expr {
    /// Where the expression's text begins (its leftmost operand), for messages about it as a whole.
    var start: QueryPosition {
        switch self {
        case .property(let base, _, _), .index(let base, _, _), .slice(let base, _, _, _): base.start
        case .binary(_, let lhs, _, _): lhs.start
        case .isNull(let operand, _, _): operand.start
        default: position
        }
    }
}

enum UnaryOperator: String, Sendable {
    case not = "NOT"
    case minus = "-"
    case plus = "+"
}

enum BinaryOperator: String, Sendable {
    case or = "OR", xor = "XOR", and = "AND"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
}

/// The aggregating functions.
let aggregateFunctions: Set<String> = ["count", "sum", "avg", "min", "max", "collect"]

extension Expr {
    /// A canonical text, equal for expressions that are written differently but mean the same
    /// (spacing, keyword case): used to match ORDER BY expressions with projected ones.
    var canonical: String {
        switch self {
        case .literal(let value, _): value.literalText
        case .parameter(let name, _): "$" + name
        case .variable(let name, _): name
        case .property(let base, let key, _): base.canonical + "." + key
        case .list(let items, _): "[" + items.map(\.canonical).joined(separator: ", ") + "]"
        case .map(let pairs, _): "{" + pairs.map { $0.0 + ": " + $0.1.canonical }.joined(separator: ", ") + "}"
        case .unary(let op, let operand, _): "(" + op.rawValue + " " + operand.canonical + ")"
        case .binary(let op, let lhs, let rhs, _): "(" + lhs.canonical + " " + op.rawValue + " " + rhs.canonical + ")"
        case .isNull(let operand, let negated, _): "(" + operand.canonical + (negated ? " IS NOT NULL)" : " IS NULL)")
        case .index(let base, let index, _): base.canonical + "[" + index.canonical + "]"
        case .slice(let base, let from, let to, _):
            base.canonical + "[" + (from?.canonical ?? "") + ".." + (to?.canonical ?? "") + "]"
        case .call(let name, let distinct, let args, _):
            name + "(" + (distinct ? "DISTINCT " : "") + args.map(\.canonical).joined(separator: ", ") + ")"
        case .countStar: "count(*)"
        case .caseWhen(let subject, let branches, let otherwise, _):
            "CASE " + (subject.map { $0.canonical + " " } ?? "")
                + branches.map { "WHEN " + $0.0.canonical + " THEN " + $0.1.canonical + " " }.joined()
                + (otherwise.map { "ELSE " + $0.canonical + " " } ?? "") + "END"
        case .listComprehension(let variable, let list, let predicate, let projection, _):
            "[" + variable + " IN " + list.canonical + (predicate.map { " WHERE " + $0.canonical } ?? "")
                + (projection.map { " | " + $0.canonical } ?? "") + "]"
        }
    }

    /// Whether the expression contains an aggregating function call (outside list comprehensions'
    /// own scope, which cannot hold one).
    var containsAggregate: Bool { firstAggregate != nil }

    /// The first aggregate call inside the expression, for error positions.
    var firstAggregate: Expr? {
        switch self {
        case .countStar: return self
        case .call(let name, _, let args, _):
            if aggregateFunctions.contains(name) { return self }
            return args.lazy.compactMap(\.firstAggregate).first
        case .literal, .parameter, .variable: return nil
        case .property(let base, _, _): return base.firstAggregate
        case .list(let items, _): return items.lazy.compactMap(\.firstAggregate).first
        case .map(let pairs, _): return pairs.lazy.compactMap(\.1.firstAggregate).first
        case .unary(_, let operand, _), .isNull(let operand, _, _): return operand.firstAggregate
        case .binary(_, let lhs, let rhs, _), .index(let lhs, let rhs, _):
            return lhs.firstAggregate ?? rhs.firstAggregate
        case .slice(let base, let from, let to, _):
            return base.firstAggregate ?? from?.firstAggregate ?? to?.firstAggregate
        case .caseWhen(let subject, let branches, let otherwise, _):
            return subject?.firstAggregate
                ?? branches.lazy.compactMap { $0.0.firstAggregate ?? $0.1.firstAggregate }.first
                ?? otherwise?.firstAggregate
        case .listComprehension(_, let list, let predicate, let projection, _):
            return list.firstAggregate ?? predicate?.firstAggregate ?? projection?.firstAggregate
        }
    }

    /// The variables the expression reads, outside aggregate calls when `outsideAggregates` is set;
    /// variables bound by a list comprehension are left out inside it.
    func variables(outsideAggregates: Bool = false, into names: inout [(String, QueryPosition)], bound: Set<String> = []) {
        switch self {
        case .variable(let name, let p): if !bound.contains(name) { names.append((name, p)) }
        case .literal, .parameter, .countStar: break
        case .call(let name, _, let args, _):
            if outsideAggregates && aggregateFunctions.contains(name) { return }
            for arg in args { arg.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound) }
        case .property(let base, _, _): base.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound)
        case .list(let items, _):
            for item in items { item.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound) }
        case .map(let pairs, _):
            for (_, value) in pairs { value.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound) }
        case .unary(_, let operand, _), .isNull(let operand, _, _):
            operand.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound)
        case .binary(_, let lhs, let rhs, _), .index(let lhs, let rhs, _):
            lhs.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound)
            rhs.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound)
        case .slice(let base, let from, let to, _):
            for part in [base, from, to].compactMap({ $0 }) {
                part.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound)
            }
        case .caseWhen(let subject, let branches, let otherwise, _):
            var parts = [subject, otherwise].compactMap { $0 }
            for (condition, value) in branches { parts += [condition, value] }
            for part in parts { part.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound) }
        case .listComprehension(let variable, let list, let predicate, let projection, _):
            list.variables(outsideAggregates: outsideAggregates, into: &names, bound: bound)
            var inner = bound
            inner.insert(variable)
            for part in [predicate, projection].compactMap({ $0 }) {
                part.variables(outsideAggregates: outsideAggregates, into: &names, bound: inner)
            }
        }
    }
}
