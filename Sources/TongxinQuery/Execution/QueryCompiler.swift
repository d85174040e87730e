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
    mutating func compile(_ ast: QueryAST) throws(QueryError) -> CompiledQuery {
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
                let compiled = try compileProjection(projection, scope, isReturn: false)
                if let predicate {
                    compiled.stage.filter = (try compiler(compiled.scope, forbid: "WHERE").compile(predicate), predicate.start)
                    explain.append("Filter \(predicate.canonical)")
                }
                stages.append(compiled.stage)
                scope = compiled.scope
            case .return(let projection):
                let compiled = try compileProjection(projection, scope, isReturn: true)
                stages.append(compiled.stage)
                columns = compiled.columns
            }
        }
        for (stage, next) in zip(stages, stages.dropFirst()) { stage.next = next }
        return CompiledQuery(first: stages[0], result: stages.last as! ProjectionStage, columns: columns, scope: initial)
    }

    // MARK: MATCH

    private mutating func hiddenName() -> String {
        hiddenCount += 1
        return " anonymous \(hiddenCount)"
    }

    /// Declares the clause's pattern elements, gathers its constraints (labels, property maps, WHERE
    /// conjuncts) and plans the order in which they bind.
    private mutating func compileMatch(_ clause: MatchClause, _ scope: Scope) throws(QueryError) -> Stage {
        var pattern = MatchPattern()
        for part in clause.patterns {
            let partNodes = try declareNodes(of: part, in: &pattern, scope)
            let partRelationships = try declareRelationships(of: part, joining: partNodes, in: &pattern, scope)
            if let name = part.pathVariable {
                if pattern.clauseNames.contains(name) || scope.lookup(name) != nil {
                    throw QueryError(.semantic, "variable '\(name)' is already declared", at: part.position)
                }
                pattern.declare(name)
                pattern.paths.append(
                    PatternPath(
                        name: name, slot: scope.declare(name, .path), nodes: partNodes,
                        relationships: partRelationships))
            }
        }
        var constraints = MatchConstraints()
        let patternCompiler = compiler(scope, forbid: "a pattern")
        try constrainNodes(&pattern, &constraints, patternCompiler)
        try constrainRelationships(&pattern, patternCompiler)
        if let predicate = clause.predicate {
            try constrainWhere(predicate, pattern, &constraints, compiler(scope, forbid: "WHERE"))
        }

        var planner = MatchPlanner(
            indexes: indexes, nodes: pattern.nodes, relationships: pattern.relationships,
            paths: pattern.paths, filters: constraints.filters, seeks: constraints.seeks,
            emptyRow: [QueryValue](repeating: .null, count: scope.width))
        for index in planner.nodes.indices where planner.nodes[index].name.isEmpty {
            planner.nodes[index].name = "anonymous"
        }
        let (steps, lines) = planner.plan()
        explain.append((clause.optional ? "OptionalMatch" : "Match"))
        explain += lines.map { "  " + $0 }
        let matcher = Matcher(
            indexes: indexes, nodes: planner.nodes, relationships: pattern.relationships,
            paths: pattern.paths, steps: steps, budget: budget)
        return MatchStage(matcher: matcher, optional: clause.optional, budget: budget, position: clause.position)
    }

    /// Declares the nodes of one pattern part (a name seen earlier in the clause is the same node),
    /// returning their indices in the clause's pattern in the order of the part.
    private mutating func declareNodes(of part: PatternPart, in pattern: inout MatchPattern, _ scope: Scope)
        throws(QueryError) -> [Int]
    {
        var partNodes: [Int] = []
        for node in part.nodes {
            let name = node.variable ?? hiddenName()
            if let existing = pattern.nodeIndex[name] {
                partNodes.append(existing)
            } else {
                if pattern.declaredHere.contains(name) {
                    throw QueryError(.semantic, "'\(name)' is already used for a relationship or path in this pattern", at: node.position)
                }
                var boundBefore = false
                let slot: Int
                if let variable = scope.lookup(name) {
                    guard variable.kind == .node || variable.kind == .value else {
                        throw QueryError(.semantic, "'\(name)' is a \(variable.kind.rawValue), not a node", at: node.position)
                    }
                    boundBefore = true
                    slot = variable.slot
                } else {
                    slot = scope.declare(name, .node, visible: node.variable != nil)
                    pattern.declaredHere.insert(name)
                }
                pattern.nodeIndex[name] = pattern.nodes.count
                partNodes.append(pattern.nodes.count)
                pattern.nodes.append(PatternNode(name: node.variable ?? "", slot: slot, position: node.position, boundBefore: boundBefore))
                pattern.nodeNames.append(name)
                pattern.clauseNames.insert(name)
            }
            pattern.nodeOccurrences.append((partNodes.last!, node))
        }
        return partNodes
    }

    /// Declares the relationships of one pattern part, `relationships[i]` joining `partNodes[i]` and
    /// `partNodes[i + 1]`, with their hop bounds and kind masks; returns their indices.
    private mutating func declareRelationships(
        of part: PatternPart, joining partNodes: [Int], in pattern: inout MatchPattern, _ scope: Scope
    ) throws(QueryError) -> [Int] {
        var partRelationships: [Int] = []
        for (position, relationship) in part.relationships.enumerated() {
            let name = relationship.variable ?? hiddenName()
            if pattern.clauseNames.contains(name) {
                throw QueryError(
                    .semantic, "'\(name)' is used twice in this pattern; a relationship variable can appear once", at: relationship.position
                )
            }
            if let variable = scope.lookup(name) {
                throw QueryError(
                    .semantic, "'\(name)' is already bound (a \(variable.kind.rawValue)); reusing it in a pattern is not supported",
                    at: relationship.position)
            }
            let hops = try hopBounds(relationship, shortest: part.shortest)
            let slot = scope.declare(name, hops == nil ? .relationship : .relationships, visible: relationship.variable != nil)
            pattern.declare(name)
            let (kinds, impossible) = kindMask(relationship.kinds)
            partRelationships.append(pattern.relationships.count)
            pattern.relationshipOccurrences.append((pattern.relationships.count, relationship))
            pattern.relationships.append(
                PatternRelationship(
                    name: relationship.variable ?? "", slot: slot, position: relationship.position, kinds: kinds,
                    kindNames: relationship.kinds, impossible: impossible, direction: relationship.direction, hops: hops,
                    shortest: part.shortest, left: partNodes[position], right: partNodes[position + 1]))
        }
        return partRelationships
    }

    /// A variable-length relationship's hop bounds with the upper one defaulted (shortest paths
    /// start at 0 or 1 hops), or `nil` for a single hop.
    private func hopBounds(_ relationship: RelationshipPattern, shortest: PatternPart.Shortest)
        throws(QueryError) -> (min: Int, max: Int)?
    {
        guard shortest != .none else {
            return relationship.length.map { ($0.min, $0.max ?? max(maxHops, $0.min)) }
        }
        let length = relationship.length ?? (1, 1)
        guard length.min <= 1 else {
            throw QueryError(.semantic, "shortestPath needs a lower bound of 0 or 1, not \(length.min)", at: relationship.position)
        }
        return (length.min, length.max ?? maxHops)
    }

    /// The allowed edge kinds by kind index (`nil` for any kind), and whether none of the named
    /// kinds exists in the graph.
    private func kindMask(_ names: [String]) -> (kinds: [Bool]?, impossible: Bool) {
        guard !names.isEmpty else { return (nil, false) }
        var mask = [Bool](repeating: false, count: graph.edgeKinds.count)
        for kind in names { if let index = graph.edgeKindIndex(kind) { mask[Int(index)] = true } }
        return (mask, !mask.contains(true))
    }

    /// Resolves node labels to a kind and node property maps to seeks (values known before the
    /// match) or filters (values that read this clause's own elements).
    private func constrainNodes(
        _ pattern: inout MatchPattern, _ constraints: inout MatchConstraints, _ patternCompiler: ExpressionCompiler
    ) throws(QueryError) {
        for (node, occurrence) in pattern.nodeOccurrences {
            for label in occurrence.labels {
                guard let kind = graph.nodeKindIndex(label) else {
                    pattern.nodes[node].impossible = true
                    continue
                }
                if let existing = pattern.nodes[node].kind, existing != kind { pattern.nodes[node].impossible = true }
                pattern.nodes[node].kind = kind
            }
            let name = pattern.nodeNames[node]
            for (key, value) in occurrence.properties {
                let reads = Self.variableNames(value)
                if reads.isDisjoint(with: pattern.declaredHere) {
                    let eval = try patternCompiler.compile(value)
                    pattern.nodes[node].properties.append((key, NodeProperty(key, graph), eval, value.canonical))
                    constraints.seeks[node, default: []].append(
                        NodeSeek(
                            key: key, value: eval, text: value.canonical, constant: reads.isEmpty, many: false, position: value.position))
                } else {
                    let test = Expr.binary(
                        .equal, .property(.variable(name, occurrence.position), key, occurrence.position), value,
                        occurrence.position)
                    constraints.filters.append(
                        MatchFilter(
                            variables: reads.union([name]).intersection(pattern.clauseNames), eval: try patternCompiler.compile(test),
                            text: "\(occurrence.variable ?? "(anonymous)").\(key) = \(value.canonical)", position: value.position))
                }
            }
        }
    }

    /// Compiles relationship property maps, whose values must be known before the match.
    private func constrainRelationships(_ pattern: inout MatchPattern, _ patternCompiler: ExpressionCompiler)
        throws(QueryError)
    {
        for (relationship, occurrence) in pattern.relationshipOccurrences {
            for (key, value) in occurrence.properties {
                guard Self.variableNames(value).isDisjoint(with: pattern.declaredHere) else {
                    throw QueryError(
                        .semantic, "a relationship property map can only use values known before this MATCH; move the condition to WHERE",
                        at: value.position)
                }
                pattern.relationships[relationship].properties.append(
                    (key, EdgeProperty(key, graph), try patternCompiler.compile(value), value.canonical))
            }
        }
    }

    /// Turns each WHERE conjunct into a filter, and each `n.key = value` or `n.key IN list` (`id(n)`
    /// for `n.id`) whose value is known before the match into a seek for n through an index.
    private func constrainWhere(
        _ predicate: Expr, _ pattern: MatchPattern, _ constraints: inout MatchConstraints, _ whereCompiler: ExpressionCompiler
    ) throws(QueryError) {
        for conjunct in Self.conjuncts(predicate) {
            let reads = Self.variableNames(conjunct)
            constraints.filters.append(
                MatchFilter(
                    variables: reads.intersection(pattern.clauseNames), eval: try whereCompiler.compile(conjunct),
                    text: conjunct.canonical, position: conjunct.start))
            for (side, other, many) in Self.seekableSides(of: conjunct) {
                guard let (name, key) = Self.seekTarget(side), let node = pattern.nodeIndex[name],
                    !pattern.nodes[node].boundBefore, !other.containsAggregate
                else { continue }
                let otherReads = Self.variableNames(other)
                guard otherReads.isDisjoint(with: pattern.declaredHere) else { continue }
                constraints.seeks[node, default: []].append(
                    NodeSeek(
                        key: key, value: try whereCompiler.compile(other), text: other.canonical, constant: otherReads.isEmpty,
                        many: many, position: conjunct.position))
            }
        }
    }

    /// The (target, value) pairs of a conjunct that could seek the target: both orders of an
    /// equality, the left side of an IN (`many`).
    private static func seekableSides(of conjunct: Expr) -> [(target: Expr, value: Expr, many: Bool)] {
        if case .binary(.equal, let lhs, let rhs, _) = conjunct { return [(lhs, rhs, false), (rhs, lhs, false)] }
        if case .binary(.in, let lhs, let rhs, _) = conjunct { return [(lhs, rhs, true)] }
        return []
    }

    /// The node variable and key a seek target reads: `n.key`, or `id(n)` for `n.id`.
    private static func seekTarget(_ side: Expr) -> (name: String, key: String)? {
        if case .property(.variable(let name, _), let key, _) = side { return (name, key) }
        if case .call("id", false, let args, _) = side, args.count == 1, case .variable(let name, _) = args[0] {
            return (name, "id")
        }
        return nil
    }

    /// The names of the variables an expression reads.
    private static func variableNames(_ expr: Expr) -> Set<String> {
        var names: [(String, QueryPosition)] = []
        expr.variables(into: &names)
        return Set(names.map(\.0))
    }

    /// The AND-separated parts of a predicate, each filterable on its own.
    static func conjuncts(_ expr: Expr) -> [Expr] {
        if case .binary(.and, let lhs, let rhs, _) = expr { return conjuncts(lhs) + conjuncts(rhs) }
        return [expr]
    }

    // MARK: WITH and RETURN

    /// Compiles a WITH or RETURN: its items (grouped when one aggregates), DISTINCT, ORDER BY,
    /// SKIP and LIMIT, and (for WITH) the scope the next clause sees.
    private mutating func compileProjection(_ projection: Projection, _ scope: Scope, isReturn: Bool)
        throws(QueryError) -> CompiledProjection
    {
        let items = try projectedItems(projection, scope, isReturn: isReturn)
        let stage = ProjectionStage()
        stage.inputWidth = scope.width
        stage.distinct = projection.distinct
        stage.aggregating = items.contains { $0.expr.containsAggregate }
        if stage.aggregating {
            try compileAggregation(items, into: stage, scope)
        } else {
            let plain = compiler(scope, forbid: "a grouping key")
            for item in items { stage.items.append(try plain.compile(item.expr)) }
            explain.append("Project [\(items.map(\.name).joined(separator: ", "))]")
        }
        if projection.distinct { explain.append("Distinct") }
        if !projection.order.isEmpty { try compileOrder(projection, items, into: stage, scope) }
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
            for item in items { next.declare(item.name, Self.kind(of: item, in: scope)) }
            stage.nextScope = next
        }
        return CompiledProjection(stage: stage, scope: next, columns: items.map(\.name))
    }

    /// The projection's items, `*` expanded to the variables in scope (sorted by name), each name
    /// used once.
    private func projectedItems(_ projection: Projection, _ scope: Scope, isReturn: Bool) throws(QueryError) -> [Projection.Item] {
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
        return items
    }

    /// An aggregating projection: the non-aggregate items become grouping keys, every aggregate
    /// call an ``AggregateSpec``, and the items are compiled over the group's row with the
    /// aggregates' results appended.
    private mutating func compileAggregation(_ items: [Projection.Item], into stage: ProjectionStage, _ scope: Scope)
        throws(QueryError)
    {
        var plain = compiler(scope, forbid: "a grouping key")
        var keyVariables = Set<String>()
        var aggregateCalls: [Expr] = []
        for item in items {
            if item.expr.containsAggregate {
                Self.collectAggregates(item.expr, into: &aggregateCalls)
            } else {
                keyVariables.formUnion(Self.variableNames(item.expr))
                stage.keys.append(try plain.compile(item.expr))
            }
        }
        let argumentCompiler = compiler(scope, forbid: "an aggregate's argument")
        for (index, call) in aggregateCalls.enumerated() {
            plain.aggregateSlots[call.position.offset] = (index, aggregateCalls.count)
            if let spec = try Self.aggregateSpec(call, argumentCompiler) { stage.aggregates.append(spec) }
        }
        plain.aggregateContext = nil
        for item in items {
            if item.expr.containsAggregate {
                var outside: [(String, QueryPosition)] = []
                item.expr.variables(outsideAggregates: true, into: &outside)
                if let (name, at) = outside.first(where: { !keyVariables.contains($0.0) }) {
                    throw QueryError(
                        .semantic, "'\(name)' is used next to an aggregate but is not a grouping key: return it as its own column", at: at)
                }
            }
            stage.items.append(try plain.compile(item.expr))
        }
        explain.append(
            "Aggregate keys [\(items.filter { !$0.expr.containsAggregate }.map(\.name).joined(separator: ", "))]"
                + " aggregates [\(aggregateCalls.map(\.canonical).joined(separator: ", "))]")
    }

    /// The aggregate a `count(*)` or aggregate function call computes.
    private static func aggregateSpec(_ call: Expr, _ argumentCompiler: ExpressionCompiler) throws(QueryError) -> AggregateSpec? {
        switch call {
        case .countStar(let at):
            return AggregateSpec(function: .countStar, distinct: false, argument: nil, position: at)
        case .call(let name, let distinct, let args, let at):
            guard args.count == 1 else {
                throw QueryError(.semantic, "\(name)() takes 1 argument, not \(args.count)", at: at)
            }
            return AggregateSpec(
                function: AggregateSpec.Function(rawValue: name)!, distinct: distinct,
                argument: try argumentCompiler.compile(args[0]), position: at)
        default:
            return nil
        }
    }

    /// ORDER BY sees the projected columns by name, and the input's variables when neither
    /// aggregating nor DISTINCT; a sort key equal to a projected item reads that column.
    private mutating func compileOrder(
        _ projection: Projection, _ items: [Projection.Item], into stage: ProjectionStage,
        _ scope: Scope
    ) throws(QueryError) {
        let orderScope = Scope()
        for item in items { orderScope.declare(item.name, Self.kind(of: item, in: scope)) }
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

    /// The kind a projected item keeps: a bare variable's own kind, `value` otherwise.
    private static func kind(of item: Projection.Item, in scope: Scope) -> Scope.Kind {
        if case .variable(let name, _) = item.expr, let variable = scope.lookup(name) { return variable.kind }
        return .value
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

/// A compiled query: the pipeline's first stage, its final projection, the result's column names,
/// and the scope of the rows fed to the first stage.
struct CompiledQuery {
    let first: Stage
    let result: ProjectionStage
    let columns: [String]
    let scope: Scope
}

/// A compiled WITH or RETURN: its stage, the scope the next clause sees, and its column names.
struct CompiledProjection {
    let stage: ProjectionStage
    let scope: Scope
    let columns: [String]
}

/// One MATCH clause's pattern while it is declared: its elements, the names they bind, and where
/// each node and relationship pattern occurs (a node can occur several times).
struct MatchPattern {
    var nodes: [PatternNode] = []
    /// The name of each node (a hidden name for an anonymous one), by index.
    var nodeNames: [String] = []
    var nodeIndex: [String: Int] = [:]
    var relationships: [PatternRelationship] = []
    var paths: [PatternPath] = []
    /// Every name the clause's pattern uses.
    var clauseNames = Set<String>()
    /// The names this clause declares (not bound by an earlier clause).
    var declaredHere = Set<String>()
    var nodeOccurrences: [(node: Int, pattern: NodePattern)] = []
    var relationshipOccurrences: [(relationship: Int, pattern: RelationshipPattern)] = []

    /// Records a relationship or path name declared by this clause.
    mutating func declare(_ name: String) {
        declaredHere.insert(name)
        clauseNames.insert(name)
    }
}

/// The constraints of one MATCH clause that the planner places: filters, and seeks by node.
struct MatchConstraints {
    var filters: [MatchFilter] = []
    var seeks: [Int: [NodeSeek]] = [:]
}
