/// A compiled expression: evaluates against one row of its scope.
typealias Eval = ([QueryValue]) throws(QueryError) -> QueryValue

/// Turns an ``Expr`` into a closure once per query, resolving variables to row slots, property keys
/// to attribute columns and parameters to their values, and checking names, arities and aggregate
/// placement before anything runs.
///
/// - Complexity: O(size of the expression) to compile; evaluation costs one closure call per node
///   of the expression.
/// - Throws: ``QueryError`` (semantic) for an unknown variable, parameter or function, a wrong
///   number of arguments, or an aggregate where none is allowed.
struct ExpressionCompiler {
    let graph: Graph
    let parameters: [String: QueryValue]
    let scope: Scope
    /// Where aggregates are forbidden, the clause to name in the message (`WHERE`…); `nil` when
    /// aggregates are substituted by ``aggregateSlots``.
    var aggregateContext: String?
    /// For an aggregating projection: each aggregate's index among the `count` results appended
    /// to the group's row, by the aggregate call's offset in the query.
    var aggregateSlots: [Int: (index: Int, count: Int)] = [:]

    init(graph: Graph, parameters: [String: QueryValue], scope: Scope, forbidAggregatesIn context: String?) {
        self.graph = graph
        self.parameters = parameters
        self.scope = scope
        self.aggregateContext = context
    }

    func compile(_ expr: Expr) throws(QueryError) -> Eval {
        switch expr {
        case .literal(let value, _):
            return { _ in value }
        case .parameter(let name, let at):
            guard let value = parameters[name] else {
                throw QueryError(.semantic, "parameter $\(name) was not given", at: at)
            }
            return { _ in value }
        case .variable(let name, let at):
            guard let variable = scope.lookup(name) else {
                throw QueryError(.semantic, "unknown variable '\(name)'", at: at)
            }
            let slot = variable.slot
            return { row in row[slot] }
        case .property(let base, let key, let at):
            return try property(try compile(base), key, at)
        case .list(let items, _):
            return try list(items)
        case .map(let pairs, _):
            return try map(pairs)
        case .unary(let op, let operand, let at):
            return try unary(op, try compile(operand), at)
        case .binary(let op, let lhs, let rhs, let at):
            return try binary(op, try compile(lhs), try compile(rhs), at)
        case .isNull(let operand, let negated, _):
            let value = try compile(operand)
            return { row throws(QueryError) in .bool(try value(row).isNull != negated) }
        case .index(let base, let index, let at):
            let list = try compile(base), position = try compile(index)
            return { row throws(QueryError) in try Functions.element(try list(row), try position(row), at, graph) }
        case .slice(let base, let from, let to, let at):
            return try slice(base, from, to, at)
        case .countStar(let at):
            return try aggregate(at)
        case .call(let name, let distinct, let args, let at):
            if aggregateFunctions.contains(name) { return try aggregate(at) }
            return try call(name, distinct: distinct, args, at)
        case .caseWhen(let subject, let branches, let otherwise, let at):
            return try caseWhen(subject, branches, otherwise, at)
        case .listComprehension(let variable, let list, let predicate, let projection, let at):
            return try listComprehension(variable, list, predicate, projection, at)
        }
    }

    /// An optional subexpression, compiled when present.
    private func compile(_ expr: Expr?) throws(QueryError) -> Eval? {
        guard let expr else { return nil }
        return try compile(expr)
    }

    /// `[a, b, …]`: each item evaluated in order.
    private func list(_ items: [Expr]) throws(QueryError) -> Eval {
        let compiled = try items.map { (item) throws(QueryError) in try compile(item) }
        return { row throws(QueryError) in
            var values: [QueryValue] = []
            values.reserveCapacity(compiled.count)
            for item in compiled { values.append(try item(row)) }
            return .list(values)
        }
    }

    /// `{key: value, …}`: entries in the order written.
    private func map(_ pairs: [(String, Expr)]) throws(QueryError) -> Eval {
        let compiled = try pairs.map { (pair) throws(QueryError) in (pair.0, try compile(pair.1)) }
        return { row throws(QueryError) in
            var entries: [QueryValue.MapEntry] = []
            for (key, value) in compiled { entries.append(.init(key, try value(row))) }
            return .map(entries)
        }
    }

    /// `NOT x`, `-x`, and `+x` (which only checks that x is a number or null).
    private func unary(_ op: UnaryOperator, _ value: @escaping Eval, _ at: QueryPosition) throws(QueryError) -> Eval {
        switch op {
        case .not: return { row throws(QueryError) in try Operators.not(try value(row), at) }
        case .minus: return { row throws(QueryError) in try Operators.negate(try value(row), at) }
        case .plus:
            return { row throws(QueryError) in
                let result = try value(row)
                switch result {
                case .int, .double, .null: return result
                default: throw QueryError(.runtime, "cannot apply unary '+' to \(result.typeName)", at: at)
                }
            }
        }
    }

    /// `list[from..to]`, either bound optional.
    private func slice(_ base: Expr, _ from: Expr?, _ to: Expr?, _ at: QueryPosition) throws(QueryError) -> Eval {
        let list = try compile(base)
        let low = try compile(from), high = try compile(to)
        return { row throws(QueryError) in
            try Functions.slice(try list(row), try low?(row), try high?(row), at)
        }
    }

    /// A scalar function call (``Functions``), its arguments evaluated in order.
    private func call(_ name: String, distinct: Bool, _ args: [Expr], _ at: QueryPosition) throws(QueryError) -> Eval {
        if distinct { throw QueryError(.semantic, "DISTINCT is only allowed in aggregate functions", at: at) }
        let compiled = try args.map { (arg) throws(QueryError) in try compile(arg) }
        let function = try Functions.resolve(name, arguments: args.count, at: at, graph: graph)
        return { row throws(QueryError) in
            var values: [QueryValue] = []
            values.reserveCapacity(compiled.count)
            for arg in compiled { values.append(try arg(row)) }
            return try function(values)
        }
    }

    /// `CASE [subject] WHEN … THEN … [ELSE …] END`: the first branch whose value equals the subject
    /// (or, without one, whose condition is true), else the ELSE value or null.
    private func caseWhen(_ subject: Expr?, _ branches: [(Expr, Expr)], _ otherwise: Expr?, _ at: QueryPosition)
        throws(QueryError) -> Eval
    {
        let value = try compile(subject)
        let compiled = try branches.map { (branch) throws(QueryError) in (try compile(branch.0), try compile(branch.1)) }
        let fallback = try compile(otherwise)
        return { row throws(QueryError) in
            let tested = try value?(row)
            for (condition, result) in compiled {
                let test = try condition(row)
                let holds = if let tested { tested.equals(test) == true } else { try Operators.truth(test, at, "a WHEN condition") == true }
                if holds { return try result(row) }
            }
            return try fallback?(row) ?? .null
        }
    }

    /// `[x IN list WHERE predicate | projection]`: the variable lives in a hidden slot past the row.
    private func listComprehension(
        _ variable: String, _ list: Expr, _ predicate: Expr?, _ projection: Expr?,
        _ at: QueryPosition
    ) throws(QueryError) -> Eval {
        let source = try compile(list)
        let slot = scope.hiddenSlot()
        let (filter, map) = try scope.withLocal(variable, slot: slot) { () throws(QueryError) -> (Eval?, Eval?) in
            (try compile(predicate), try compile(projection))
        }
        return { row throws(QueryError) in
            let items: [QueryValue]
            switch try source(row) {
            case .null: return .null
            case .list(let values): items = values
            case let other: throw QueryError(.runtime, "a list comprehension needs a list, not \(other.typeName)", at: at)
            }
            var local = row
            if local.count <= slot { local += [QueryValue](repeating: .null, count: slot + 1 - local.count) }
            var result: [QueryValue] = []
            for item in items {
                local[slot] = item
                if let filter, try Operators.truth(try filter(local), at, "a list comprehension's WHERE") != true { continue }
                result.append(try map?(local) ?? item)
            }
            return .list(result)
        }
    }

    private func aggregate(_ at: QueryPosition) throws(QueryError) -> Eval {
        if let aggregateContext {
            throw QueryError(.semantic, "aggregate functions are not allowed in \(aggregateContext)", at: at)
        }
        guard let (index, count) = aggregateSlots[at.offset] else {
            throw QueryError(.semantic, "aggregate functions cannot be nested", at: at)
        }
        return { row in row[row.count - count + index] }
    }

    private func binary(_ op: BinaryOperator, _ lhs: @escaping Eval, _ rhs: @escaping Eval, _ at: QueryPosition) throws(QueryError) -> Eval
    {
        switch op {
        case .and:
            // Short-circuit on false, keeping three-valued results (false AND null = false).
            return { row throws(QueryError) in
                let a = try Operators.truth(try lhs(row), at, "the left operand of AND")
                if a == false { return .bool(false) }
                let b = try Operators.truth(try rhs(row), at, "the right operand of AND")
                if b == false { return .bool(false) }
                return a == nil || b == nil ? .null : .bool(true)
            }
        case .or:
            return { row throws(QueryError) in
                let a = try Operators.truth(try lhs(row), at, "the left operand of OR")
                if a == true { return .bool(true) }
                let b = try Operators.truth(try rhs(row), at, "the right operand of OR")
                if b == true { return .bool(true) }
                return a == nil || b == nil ? .null : .bool(false)
            }
        default:
            return { row throws(QueryError) in try Operators.binary(op, try lhs(row), try rhs(row), at) }
        }
    }

    private func property(_ base: @escaping Eval, _ key: String, _ at: QueryPosition) throws(QueryError) -> Eval {
        let node = NodeProperty(key, graph)
        let edge = EdgeProperty(key, graph)
        let graph = self.graph
        return { row throws(QueryError) in
            switch try base(row) {
            case .node(let index): return node.value(Int(index), graph)
            case .relationship(let index): return edge.value(Int(index), graph)
            case .null: return .null
            case .map(let entries): return entries.first { $0.key == key }?.value ?? .null
            case let other:
                throw QueryError(.runtime, "cannot read property '\(key)' of \(other.typeName) \(other.literalText)", at: at)
            }
        }
    }
}

/// A node property resolved once: `id`, `name`, `kind`, or an attribute column.
enum NodeProperty {
    case id, name, kind, column(Int), absent

    init(_ key: String, _ graph: Graph) {
        switch key {
        case "id": self = .id
        case "name": self = .name
        case "kind": self = .kind
        default: self = graph.nodeAttributes.column(named: key).map(NodeProperty.column) ?? .absent
        }
    }

    func value(_ node: Int, _ graph: Graph) -> QueryValue {
        switch self {
        case .id: .string(graph.ids[node])
        case .name: .string(graph.name(of: node))
        case .kind: .string(graph.kind(of: node))
        case .column(let column): QueryValue(graph.nodeAttributes.value(column: column, at: node))
        case .absent: .null
        }
    }
}

/// A relationship property resolved once: `kind`, `weight`, or an attribute column.
enum EdgeProperty {
    case kind, weight, column(Int), absent

    init(_ key: String, _ graph: Graph) {
        switch key {
        case "kind": self = .kind
        case "weight": self = .weight
        default: self = graph.edgeAttributes.column(named: key).map(EdgeProperty.column) ?? .absent
        }
    }

    func value(_ edge: Int, _ graph: Graph) -> QueryValue {
        switch self {
        case .kind: .string(graph.kind(ofEdge: edge))
        case .weight:
            if let weight = graph.weights?[edge] { .double(weight) } else { .double(1) }
        case .column(let column): QueryValue(graph.edgeAttributes.value(column: column, at: edge))
        case .absent: .null
        }
    }
}
