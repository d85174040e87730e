/// Turns a parsed query into a pipeline of stages: resolves every variable to a slot, plans each
/// MATCH (``MatchPlanner``), compiles expressions (``ExpressionCompiler``) and checks the semantic
/// rules of openCypher before anything runs.
///
/// - Throws: ``QueryError`` (semantic): unknown variables, a variable reused as another kind of
///   element, an aggregate in WHERE or a pattern, an expression neither aggregated nor grouped,
///   duplicate column names, bad SKIP/LIMIT values.
struct QueryCompiler {
    let indexes: GraphIndexes
    let parameters: [String: QueryValue]
    let maxHops: Int
    let budget: ExecutionBudget
    private(set) var explain: [String] = []
    private var hiddenCount = 0

    init(indexes: GraphIndexes, parameters: [String: QueryValue], maxHops: Int, budget: ExecutionBudget) {
        self.indexes = indexes
        self.parameters = parameters
        self.maxHops = min(maxHops, Parser.maximumHops)
        self.budget = budget
    }

    private var graph: Graph { indexes.graph }

    private func compiler(_ scope: Scope, forbid context: String?) -> ExpressionCompiler {
        ExpressionCompiler(graph: graph, parameters: parameters, scope: scope, forbidAggregatesIn: context)
    }

    /// The pipeline's first stage, its final projection, and the scope of the rows fed to it.
    mutating func compile(_ ast: QueryAST) throws(QueryError) -> (first: Stage, result: ProjectionStage, columns: [String], scope: Scope) {
        let initial = Scope()
        var scope = initial
        var stages: [Stage] = []
        var columns: [String] = []
        for clause in ast.clauses {
            switch clause {
            case .match(let match):
                stages.append(try compileMatch(match, scope))
            case .unwind(let list, let variable, let at):
                let eval = try compiler(scope, forbid: "UNWIND").compile(list)
                if scope.lookup(variable) != nil {
                    throw QueryError(.semantic, "variable '\(variable)' is already declared", at: at)
                }
                stages.append(UnwindStage(list: eval, slot: scope.declare(variable, .value)))
                explain.append("Unwind \(list.canonical) AS \(variable)")
            case .with(let projection, let predicate):
                let (stage, next, _) = try compileProjection(projection, scope, isReturn: false)
                if let predicate {
                    stage.filter = (try compiler(next, forbid: "WHERE").compile(predicate), predicate.start)
                    explain.append("Filter \(predicate.canonical)")
                }
                stages.append(stage)
                scope = next
            case .return(let projection):
                let (stage, _, names) = try compileProjection(projection, scope, isReturn: true)
                stages.append(stage)
                columns = names
            }
        }
        for (stage, next) in zip(stages, stages.dropFirst()) { stage.next = next }
        return (stages[0], stages.last as! ProjectionStage, columns, initial)
    }

    // MARK: MATCH

    private mutating func hiddenName() -> String {
        hiddenCount += 1
        return " anonymous \(hiddenCount)"
    }

    private mutating func compileMatch(_ clause: MatchClause, _ scope: Scope) throws(QueryError) -> Stage {
        var nodes: [PatternNode] = []
        var nodeIndex: [String: Int] = [:]
        var relationships: [PatternRelationship] = []
        var paths: [PatternPath] = []
        var clauseNames = Set<String>()
        var declaredHere = Set<String>()
        var nodeOccurrences: [(node: Int, pattern: NodePattern)] = []
        var relationshipOccurrences: [(relationship: Int, pattern: RelationshipPattern)] = []

        for part in clause.patterns {
            var partNodes: [Int] = []
            for pattern in part.nodes {
                let name = pattern.variable ?? hiddenName()
                if let existing = nodeIndex[name] {
                    partNodes.append(existing)
                } else {
                    if declaredHere.contains(name) {
                        throw QueryError(.semantic, "'\(name)' is already used for a relationship or path in this pattern", at: pattern.position)
                    }
                    var boundBefore = false
                    let slot: Int
                    if let variable = scope.lookup(name) {
                        guard variable.kind == .node || variable.kind == .value else {
                            throw QueryError(.semantic, "'\(name)' is a \(variable.kind.rawValue), not a node", at: pattern.position)
                        }
                        boundBefore = true
                        slot = variable.slot
                    } else {
                        slot = scope.declare(name, .node, visible: pattern.variable != nil)
                        declaredHere.insert(name)
                    }
                    nodeIndex[name] = nodes.count
                    partNodes.append(nodes.count)
                    nodes.append(PatternNode(name: pattern.variable ?? "", slot: slot, position: pattern.position, boundBefore: boundBefore))
                    clauseNames.insert(name)
                }
                nodeOccurrences.append((partNodes.last!, pattern))
            }
            var partRelationships: [Int] = []
            for (position, pattern) in part.relationships.enumerated() {
                let name = pattern.variable ?? hiddenName()
                if clauseNames.contains(name) {
                    throw QueryError(.semantic, "'\(name)' is used twice in this pattern; a relationship variable can appear once", at: pattern.position)
                }
                if let variable = scope.lookup(name) {
                    throw QueryError(.semantic, "'\(name)' is already bound (a \(variable.kind.rawValue)); reusing it in a pattern is not supported", at: pattern.position)
                }
                let hops: (min: Int, max: Int)?
                if part.shortest != .none {
                    let length = pattern.length ?? (1, 1)
                    guard length.min <= 1 else {
                        throw QueryError(.semantic, "shortestPath needs a lower bound of 0 or 1, not \(length.min)", at: pattern.position)
                    }
                    hops = (length.min, length.max ?? maxHops)
                } else {
                    hops = pattern.length.map { ($0.min, $0.max ?? max(maxHops, $0.min)) }
                }
                let slot = scope.declare(name, hops == nil ? .relationship : .relationships, visible: pattern.variable != nil)
                declaredHere.insert(name)
                clauseNames.insert(name)
                var kinds: [Bool]?
                var impossible = false
                if !pattern.kinds.isEmpty {
                    var mask = [Bool](repeating: false, count: graph.edgeKinds.count)
                    for kind in pattern.kinds { if let index = graph.edgeKindIndex(kind) { mask[Int(index)] = true } }
                    impossible = !mask.contains(true)
                    kinds = mask
                }
                partRelationships.append(relationships.count)
                relationshipOccurrences.append((relationships.count, pattern))
                relationships.append(PatternRelationship(
                    name: pattern.variable ?? "", slot: slot, position: pattern.position, kinds: kinds, kindNames: pattern.kinds,
                    impossible: impossible, direction: pattern.direction, hops: hops, shortest: part.shortest,
                    left: partNodes[position], right: partNodes[position + 1]))
            }
            if let name = part.pathVariable {
                if clauseNames.contains(name) || scope.lookup(name) != nil {
                    throw QueryError(.semantic, "variable '\(name)' is already declared", at: part.position)
                }
                let slot = scope.declare(name, .path)
                declaredHere.insert(name)
                clauseNames.insert(name)
                paths.append(PatternPath(name: name, slot: slot, nodes: partNodes, relationships: partRelationships))
            }
        }

        // Constraints: labels, property maps, WHERE conjuncts.
        let unboundHere = declaredHere
        var filters: [(variables: Set<String>, eval: Eval, text: String, position: QueryPosition)] = []
        var seeks: [Int: [(key: String, value: Eval, text: String, constant: Bool, many: Bool, at: QueryPosition)]] = [:]
        func variables(_ expr: Expr) -> Set<String> {
            var names: [(String, QueryPosition)] = []
            expr.variables(into: &names)
            return Set(names.map(\.0))
        }
        func nameOf(_ node: Int) -> String { nodeIndex.first { $0.value == node }!.key }
        let patternCompiler = compiler(scope, forbid: "a pattern")
        for (node, pattern) in nodeOccurrences {
            for label in pattern.labels {
                guard let kind = graph.nodeKindIndex(label) else {
                    nodes[node].impossible = true
                    continue
                }
                if let existing = nodes[node].kind, existing != kind { nodes[node].impossible = true }
                nodes[node].kind = kind
            }
            let name = nameOf(node)
            for (key, value) in pattern.properties {
                let reads = variables(value)
                if reads.isDisjoint(with: unboundHere) {
                    let eval = try patternCompiler.compile(value)
                    nodes[node].properties.append((key, NodeProperty(key, graph), eval, value.canonical))
                    seeks[node, default: []].append((key, eval, value.canonical, reads.isEmpty, false, value.position))
                } else {
                    let test = Expr.binary(.equal, .property(.variable(name, pattern.position), key, pattern.position), value, pattern.position)
                    filters.append((reads.union([name]).intersection(clauseNames), try patternCompiler.compile(test),
                                    "\(pattern.variable ?? "(anonymous)").\(key) = \(value.canonical)", value.position))
                }
            }
        }
        for (relationship, pattern) in relationshipOccurrences {
            for (key, value) in pattern.properties {
                let reads = variables(value)
                guard reads.isDisjoint(with: unboundHere) else {
                    throw QueryError(.semantic, "a relationship property map can only use values known before this MATCH; move the condition to WHERE", at: value.position)
                }
                relationships[relationship].properties.append((key, EdgeProperty(key, graph), try patternCompiler.compile(value), value.canonical))
            }
        }
        if let predicate = clause.predicate {
            let whereCompiler = compiler(scope, forbid: "WHERE")
            for conjunct in Self.conjuncts(predicate) {
                let reads = variables(conjunct)
                filters.append((reads.intersection(clauseNames), try whereCompiler.compile(conjunct), conjunct.canonical, conjunct.start))
                // `n.key = value` or `n.key IN list` (`id(n)` for `n.id`), with the value known
                // before the match, can seek n through an index.
                func target(_ side: Expr) -> (name: String, key: String)? {
                    if case .property(.variable(let name, _), let key, _) = side { return (name, key) }
                    if case .call("id", false, let args, _) = side, args.count == 1, case .variable(let name, _) = args[0] {
                        return (name, "id")
                    }
                    return nil
                }
                var candidates: [(Expr, Expr, many: Bool)] = []
                if case .binary(.equal, let lhs, let rhs, _) = conjunct { candidates = [(lhs, rhs, false), (rhs, lhs, false)] }
                if case .binary(.in, let lhs, let rhs, _) = conjunct { candidates = [(lhs, rhs, true)] }
                for (side, other, many) in candidates {
                    guard let (name, key) = target(side), let node = nodeIndex[name], !nodes[node].boundBefore,
                          !other.containsAggregate else { continue }
                    let otherReads = variables(other)
                    guard otherReads.isDisjoint(with: unboundHere) else { continue }
                    seeks[node, default: []].append((key, try whereCompiler.compile(other), other.canonical, otherReads.isEmpty, many, conjunct.position))
                }
            }
        }

        var planner = MatchPlanner(indexes: indexes, nodes: nodes, relationships: relationships, paths: paths,
                                   filters: filters, seeks: seeks, emptyRow: [QueryValue](repeating: .null, count: scope.width))
        for index in planner.nodes.indices where planner.nodes[index].name.isEmpty {
            planner.nodes[index].name = "anonymous"
        }
        let (steps, lines) = planner.plan()
        explain.append((clause.optional ? "OptionalMatch" : "Match"))
        explain += lines.map { "  " + $0 }
        let matcher = Matcher(indexes: indexes, nodes: planner.nodes, relationships: relationships, paths: paths,
                              steps: steps, budget: budget)
        return MatchStage(matcher: matcher, optional: clause.optional, budget: budget, position: clause.position)
    }

    /// The AND-separated parts of a predicate, each filterable on its own.
    static func conjuncts(_ expr: Expr) -> [Expr] {
        if case .binary(.and, let lhs, let rhs, _) = expr { return conjuncts(lhs) + conjuncts(rhs) }
        return [expr]
    }

    // MARK: WITH and RETURN

    private mutating func compileProjection(_ projection: Projection, _ scope: Scope, isReturn: Bool)
        throws(QueryError) -> (ProjectionStage, Scope, [String]) {
        var items = projection.items
        if projection.star {
            let names = scope.names.sorted()
            if names.isEmpty {
                throw QueryError(.semantic, "\(isReturn ? "RETURN" : "WITH") * needs variables in scope", at: projection.position)
            }
            items = names.map { .init(expr: .variable($0, projection.position), name: $0, hasAlias: true) } + items
        }
        var names = Set<String>()
        for item in items where !names.insert(item.name).inserted {
            throw QueryError(.semantic, "column '\(item.name)' is projected twice; give one an alias", at: item.expr.start)
        }
        let stage = ProjectionStage()
        stage.inputWidth = scope.width
        stage.distinct = projection.distinct
        stage.aggregating = items.contains { $0.expr.containsAggregate }
        var plain = compiler(scope, forbid: "a grouping key")

        if stage.aggregating {
            var keyVariables = Set<String>()
            var aggregateCalls: [Expr] = []
            for item in items {
                if item.expr.containsAggregate {
                    Self.collectAggregates(item.expr, into: &aggregateCalls)
                } else {
                    var reads: [(String, QueryPosition)] = []
                    item.expr.variables(into: &reads)
                    keyVariables.formUnion(reads.map(\.0))
                    stage.keys.append(try plain.compile(item.expr))
                }
            }
            let argumentCompiler = compiler(scope, forbid: "an aggregate's argument")
            for (index, call) in aggregateCalls.enumerated() {
                plain.aggregateSlots[call.position.offset] = (index, aggregateCalls.count)
                switch call {
                case .countStar(let at):
                    stage.aggregates.append(AggregateSpec(function: .countStar, distinct: false, argument: nil, position: at))
                case .call(let name, let distinct, let args, let at):
                    guard args.count == 1 else {
                        throw QueryError(.semantic, "\(name)() takes 1 argument, not \(args.count)", at: at)
                    }
                    stage.aggregates.append(AggregateSpec(function: AggregateSpec.Function(rawValue: name)!, distinct: distinct,
                                                          argument: try argumentCompiler.compile(args[0]), position: at))
                default:
                    break
                }
            }
            plain.aggregateContext = nil
            for item in items {
                if item.expr.containsAggregate {
                    var outside: [(String, QueryPosition)] = []
                    item.expr.variables(outsideAggregates: true, into: &outside)
                    if let (name, at) = outside.first(where: { !keyVariables.contains($0.0) }) {
                        throw QueryError(.semantic, "'\(name)' is used next to an aggregate but is not a grouping key: return it as its own column", at: at)
                    }
                }
                stage.items.append(try plain.compile(item.expr))
            }
            explain.append("Aggregate keys [\(items.filter { !$0.expr.containsAggregate }.map(\.name).joined(separator: ", "))]"
                + " aggregates [\(aggregateCalls.map(\.canonical).joined(separator: ", "))]")
        } else {
            for item in items { stage.items.append(try plain.compile(item.expr)) }
            explain.append("Project [\(items.map(\.name).joined(separator: ", "))]")
        }
        if projection.distinct { explain.append("Distinct") }

        // ORDER BY sees the projected columns by name, and the input's variables when neither
        // aggregating nor DISTINCT.
        if !projection.order.isEmpty {
            let orderScope = Scope()
            for item in items {
                var kind = Scope.Kind.value
                if case .variable(let name, _) = item.expr, let variable = scope.lookup(name) { kind = variable.kind }
                orderScope.declare(item.name, kind)
            }
            stage.orderSeesInput = !stage.aggregating && !projection.distinct
            if stage.orderSeesInput {
                for name in scope.names where orderScope.lookup(name) == nil {
                    let variable = scope.lookup(name)!
                    orderScope.alias(name, slot: items.count + variable.slot, variable.kind)
                }
                orderScope.reserve(width: items.count + scope.width)
            }
            let orderCompiler = compiler(orderScope, forbid: "ORDER BY unless it is also returned")
            for (expr, ascending) in projection.order {
                if let column = items.firstIndex(where: { $0.expr.canonical == expr.canonical }) {
                    stage.order.append(.init(key: { row in row[column] }, ascending: ascending))
                } else {
                    stage.order.append(.init(key: try orderCompiler.compile(expr), ascending: ascending))
                }
            }
            explain.append("Sort [\(projection.order.map { $0.0.canonical + ($0.ascending ? "" : " DESC") }.joined(separator: ", "))]")
        }
        if let skip = projection.skip {
            stage.skip = try constantCount(skip, "SKIP")
            explain.append("Skip \(stage.skip)")
        }
        if let limit = projection.limit {
            stage.limit = try constantCount(limit, "LIMIT")
            explain.append("Limit \(stage.limit!)")
        }

        let next = Scope()
        if !isReturn {
            for item in items {
                var kind = Scope.Kind.value
                if case .variable(let name, _) = item.expr, let variable = scope.lookup(name) { kind = variable.kind }
                next.declare(item.name, kind)
            }
            stage.nextScope = next
        }
        return (stage, next, items.map(\.name))
    }

    private func constantCount(_ expr: Expr, _ clause: String) throws(QueryError) -> Int {
        let eval = try compiler(Scope(), forbid: clause).compile(expr)
        switch try eval([]) {
        case .int(let value) where value >= 0: return value
        case let value:
            throw QueryError(.semantic, "\(clause) needs a non-negative integer, not \(value.literalText)", at: expr.position)
        }
    }

    private static func collectAggregates(_ expr: Expr, into calls: inout [Expr]) {
        switch expr {
        case .countStar:
            calls.append(expr)
        case .call(let name, _, let args, _):
            if aggregateFunctions.contains(name) {
                calls.append(expr)
            } else {
                for arg in args { collectAggregates(arg, into: &calls) }
            }
        case .literal, .parameter, .variable:
            break
        case .property(let base, _, _):
            collectAggregates(base, into: &calls)
        case .list(let items, _):
            for item in items { collectAggregates(item, into: &calls) }
        case .map(let pairs, _):
            for (_, value) in pairs { collectAggregates(value, into: &calls) }
        case .unary(_, let operand, _), .isNull(let operand, _, _):
            collectAggregates(operand, into: &calls)
        case .binary(_, let lhs, let rhs, _), .index(let lhs, let rhs, _):
            collectAggregates(lhs, into: &calls)
            collectAggregates(rhs, into: &calls)
        case .slice(let base, let from, let to, _):
            for part in [base, from, to].compactMap({ $0 }) { collectAggregates(part, into: &calls) }
        case .caseWhen(let subject, let branches, let otherwise, _):
            for part in [subject, otherwise].compactMap({ $0 }) { collectAggregates(part, into: &calls) }
            for (condition, value) in branches {
                collectAggregates(condition, into: &calls)
                collectAggregates(value, into: &calls)
            }
        case .listComprehension(_, let list, let predicate, let projection, _):
            for part in [list, predicate, projection].compactMap({ $0 }) { collectAggregates(part, into: &calls) }
        }
    }
}
