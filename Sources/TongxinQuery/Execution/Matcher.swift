/// Shared state of one query run: the budgets that keep every query bounded — paths explored by
/// variable-length and shortest-path expansions, rows produced by MATCH clauses, and time.
final class ExecutionBudget {
    private var paths: Int
    private var rows: Int
    let pathTotal: Int
    let rowTotal: Int
    /// The time the run may take, checked every 4,096 match steps (a clock read costs about as
    /// much as a hundred steps).
    private let timeLimit: Duration
    private let deadline: ContinuousClock.Instant
    private var stepsUntilCheck = 4_096

    init(paths: Int, rows: Int, timeLimit: Duration) {
        pathTotal = paths
        rowTotal = rows
        self.paths = paths
        self.rows = rows
        self.timeLimit = timeLimit
        deadline = ContinuousClock.now.advanced(by: timeLimit)
    }

    /// Counts one match step; past the deadline, stops the query with an error at `at`.
    @inline(__always)
    func step(_ at: @autoclosure () -> QueryPosition) throws(QueryError) {
        stepsUntilCheck -= 1
        guard stepsUntilCheck <= 0 else { return }
        stepsUntilCheck = 4_096
        if ContinuousClock.now > deadline {
            let (seconds, attoseconds) = timeLimit.components
            let limit = attoseconds == 0 ? "\(seconds)" : "\(Double(seconds) + Double(attoseconds) / 1e18)"
            throw QueryError(
                .runtime,
                "the query ran longer than \(limit) s (its time limit): "
                    + "make the patterns more selective or anchor them on a named node", at: at())
        }
    }

    func spend(_ at: QueryPosition) throws(QueryError) {
        try step(at)
        paths -= 1
        if paths < 0 {
            throw QueryError(
                .runtime,
                "a variable-length pattern expanded more than \(pathTotal) paths (the query's budget): "
                    + "give it a smaller upper bound (*1..N) or start from a more selective node", at: at)
        }
    }

    func spendRow(_ at: QueryPosition) throws(QueryError) {
        rows -= 1
        if rows < 0 {
            throw QueryError(
                .runtime,
                "the matches of this query passed \(rowTotal) rows (the query's budget): "
                    + "make the patterns more selective, or aggregate in an earlier WITH", at: at)
        }
    }
}

/// Runs one MATCH clause's plan for each input row, depth-first: every step binds or checks one
/// pattern element, WHERE conjuncts sit right after the step that completes their variables, and a
/// stack of the relationships in use enforces openCypher's relationship uniqueness (no edge twice
/// in one MATCH, variable-length paths included).
///
/// - Complexity: proportional to the partial matches explored: for a chain anchored on `s` start
///   candidates, O(s · d^k) for k hops of average fan-out d, less what filters prune early.
final class Matcher {
    private let graph: Graph
    private let indexes: GraphIndexes
    private let nodes: [PatternNode]
    private let relationships: [PatternRelationship]
    private let paths: [PatternPath]
    private let steps: [MatchStep]
    private let budget: ExecutionBudget

    private let nodeKinds: FlatArray<Int32>
    private let edgeKinds: FlatArray<Int32>
    private let sources: FlatArray<Int32>
    private let targets: FlatArray<Int32>
    /// Flat copies of the pattern's constraints, so the per-edge and per-node tests read plain
    /// arrays: the required kind of each pattern node (-1 for any), whether it can match at all and
    /// whether it has property constraints; which edge kinds each relationship allows
    /// (`allowedKinds[relationship * edgeKindCount + kind]`), and whether it has properties.
    private let nodeKind: [Int32]
    private let nodePossible: [Bool]
    private let nodeHasProperties: [Bool]
    private let edgeKindCount: Int
    private let allowedKinds: [Bool]
    private let relationshipHasProperties: [Bool]

    @exclusivity(unchecked) private var row: [QueryValue] = []
    @exclusivity(unchecked) private var used: [Int32] = []
    private var sink: ([QueryValue]) throws(QueryError) -> Void = { _ in }

    init(
        indexes: GraphIndexes, nodes: [PatternNode], relationships: [PatternRelationship], paths: [PatternPath],
        steps: [MatchStep], budget: ExecutionBudget
    ) {
        graph = indexes.graph
        self.indexes = indexes
        self.nodes = nodes
        self.relationships = relationships
        self.paths = paths
        self.steps = steps
        self.budget = budget
        nodeKinds = graph.nodeKindIndices
        edgeKinds = graph.edgeKindIndices
        sources = graph.sources
        targets = graph.targets
        nodeKind = nodes.map { $0.kind ?? -1 }
        nodePossible = nodes.map { !$0.impossible }
        nodeHasProperties = nodes.map { !$0.properties.isEmpty }
        let kindCount = indexes.graph.edgeKinds.count
        edgeKindCount = kindCount
        allowedKinds = relationships.flatMap { $0.kinds ?? [Bool](repeating: true, count: kindCount) }
        relationshipHasProperties = relationships.map { !$0.properties.isEmpty }
    }

    /// Calls `emit` with `input` extended by each match.
    func run(_ input: [QueryValue], emit: @escaping ([QueryValue]) throws(QueryError) -> Void) throws(QueryError) {
        row = input
        used.removeAll(keepingCapacity: true)
        sink = emit
        try step(0)
    }

    private func step(_ index: Int) throws(QueryError) {
        try budget.step(QueryPosition(offset: 0, line: 1, column: 1))
        guard index < steps.count else { return try sink(row) }
        switch steps[index] {
        case .scanAll(let node):
            for candidate in 0..<graph.nodeCount { try bind(node, Int32(candidate), then: index) }
        case .scanKind(let node, let kind):
            for candidate in indexes.nodes(ofKind: kind) { try bind(node, candidate, then: index) }
        case .seek(let node, let key, let value, let many, let position):
            let wanted = try value(row)
            guard many else {
                for candidate in indexes.nodes(withProperty: key, equalTo: wanted) { try bind(node, candidate, then: index) }
                return
            }
            switch wanted {
            case .null: return
            case .list(let items):
                var candidates = Set<Int32>()
                for item in Set(items) { candidates.formUnion(indexes.nodes(withProperty: key, equalTo: item)) }
                for candidate in candidates.sorted() { try bind(node, candidate, then: index) }
            default:
                throw QueryError(.runtime, "the right side of IN must be a list, not \(wanted.typeName)", at: position)
            }
        case .scanRelationship(let relationship):
            try scanRelationship(relationship, then: index)
        case .checkBound(let node):
            switch row[nodes[node].slot] {
            case .node(let bound):
                if try matches(node, bound) { try step(index + 1) }
            case .null:
                return
            case let other:
                throw QueryError(.runtime, "variable '\(nodes[node].name)' holds \(other.typeName), not a node", at: nodes[node].position)
            }
        case .expand(let relationship, let from, let to, let reversed, let into):
            try expand(relationship, from, to, reversed, into, then: index)
        case .shortest(let relationship, let from, let to):
            try shortest(relationship, from, to, then: index)
        case .filter(let predicate, _, let position):
            if try Operators.truth(try predicate(row), position, "a WHERE condition") == true {
                try step(index + 1)
            }
        case .bindPath(let path):
            row[paths[path].slot] = .path(buildPath(paths[path]))
            try step(index + 1)
        }
    }

    private func bind(_ node: Int, _ candidate: Int32, then index: Int) throws(QueryError) {
        guard try matches(node, candidate) else { return }
        row[nodes[node].slot] = .node(candidate)
        try step(index + 1)
    }

    /// Whether `candidate` satisfies pattern node `node`'s kind and property constraints.
    @inline(__always)
    private func matches(_ node: Int, _ candidate: Int32) throws(QueryError) -> Bool {
        guard nodePossible[node] else { return false }
        let kind = nodeKind[node]
        if kind >= 0 && nodeKinds[Int(candidate)] != kind { return false }
        return nodeHasProperties[node] ? try propertiesMatch(node, candidate) : true
    }

    private func propertiesMatch(_ node: Int, _ candidate: Int32) throws(QueryError) -> Bool {
        for property in nodes[node].properties {
            let expected = try property.value(row)
            if property.accessor.value(Int(candidate), graph).equals(expected) != true { return false }
        }
        return true
    }

    /// Whether `edge` has a kind relationship `relationship` allows and its property values.
    @inline(__always)
    private func relationshipMatches(_ relationship: Int, _ edge: Int32) throws(QueryError) -> Bool {
        guard allowedKinds[relationship * edgeKindCount + Int(edgeKinds[Int(edge)])] else { return false }
        guard relationshipHasProperties[relationship] else { return true }
        for property in relationships[relationship].properties {
            let expected = try property.value(row)
            if property.accessor.value(Int(edge), graph).equals(expected) != true { return false }
        }
        return true
    }

    /// Calls `body(edge, neighbor)` for the relationships leaving `node` in `direction` (as seen
    /// walking the pattern left to right, flipped by `reversed`); an undirected pattern sees a
    /// self-loop once.
    @inline(__always)
    private func forEachNeighbor(
        _ node: Int32, _ direction: Direction, reversed: Bool,
        _ body: (Int32, Int32) throws(QueryError) -> Void
    ) throws(QueryError) {
        let wantOut = direction == .either || (direction == .outgoing) != reversed
        let wantIn = direction == .either || (direction == .incoming) != reversed
        if wantOut {
            let adjacency = graph.outgoing
            for slot in adjacency.offsets[Int(node)]..<adjacency.offsets[Int(node) + 1] {
                try body(adjacency.edges[slot], adjacency.neighbors[slot])
            }
        }
        if wantIn {
            let adjacency = graph.incoming
            for slot in adjacency.offsets[Int(node)]..<adjacency.offsets[Int(node) + 1] {
                let edge = adjacency.edges[slot]
                if direction == .either && sources[Int(edge)] == targets[Int(edge)] { continue }
                try body(edge, adjacency.neighbors[slot])
            }
        }
    }

    private func expand(_ relationship: Int, _ from: Int, _ to: Int, _ reversed: Bool, _ into: Bool, then index: Int) throws(QueryError) {
        let pattern = relationships[relationship]
        if pattern.impossible { return }
        guard case .node(let start) = row[nodes[from].slot] else { return }
        var target: Int32 = -1
        if into {
            guard case .node(let bound) = row[nodes[to].slot] else { return }
            target = bound
        }
        guard let hops = pattern.hops else {
            try forEachNeighbor(start, pattern.direction, reversed: reversed) { (edge, neighbor) throws(QueryError) in
                if into ? neighbor != target : false { return }
                guard !used.contains(edge), try relationshipMatches(relationship, edge) else { return }
                if !into, !(try matches(to, neighbor)) { return }
                row[pattern.slot] = .relationship(edge)
                row[nodes[to].slot] = .node(neighbor)
                used.append(edge)
                defer { used.removeLast() }
                try step(index + 1)
            }
            return
        }
        let base = used.count
        func visit(_ node: Int32, depth: Int) throws(QueryError) {
            var accepted = depth >= hops.min
            if accepted { accepted = into ? node == target : try matches(to, node) }
            if accepted {
                var edges = Array(used[base...])
                if reversed { edges.reverse() }
                row[pattern.slot] = .list(edges.map(QueryValue.relationship))
                row[nodes[to].slot] = .node(node)
                try step(index + 1)
            }
            guard depth < hops.max else { return }
            try forEachNeighbor(node, pattern.direction, reversed: reversed) { (edge, neighbor) throws(QueryError) in
                guard !used.contains(edge), try relationshipMatches(relationship, edge) else { return }
                try budget.spend(pattern.position)
                used.append(edge)
                defer { used.removeLast() }
                try visit(neighbor, depth: depth + 1)
            }
        }
        try visit(start, depth: 0)
    }

    /// Binds relationship `relationship` (one hop, both ends unbound) to each edge of its kinds, in
    /// the pattern's direction (both orientations when undirected, a self-loop once).
    private func scanRelationship(_ relationship: Int, then index: Int) throws(QueryError) {
        let pattern = relationships[relationship]
        guard !pattern.impossible, let kinds = pattern.kinds else { return }
        let left = pattern.left, right = pattern.right
        func bind(_ edge: Int32, _ from: Int32, _ to: Int32) throws(QueryError) {
            guard try matches(left, from) else { return }
            row[nodes[left].slot] = .node(from)
            if left == right {
                guard from == to else { return }
            } else {
                guard try matches(right, to) else { return }
                row[nodes[right].slot] = .node(to)
            }
            row[pattern.slot] = .relationship(edge)
            used.append(edge)
            defer { used.removeLast() }
            try step(index + 1)
        }
        for kind in kinds.indices where kinds[kind] {
            for edge in indexes.edges(ofKind: kind) {
                guard try relationshipMatches(relationship, edge) else { continue }
                let source = sources[Int(edge)], target = targets[Int(edge)]
                switch pattern.direction {
                case .outgoing: try bind(edge, source, target)
                case .incoming: try bind(edge, target, source)
                case .either:
                    try bind(edge, source, target)
                    if source != target { try bind(edge, target, source) }
                }
            }
        }
    }

    /// Breadth-first search from `from` to `to`, both bound, over the relationships the pattern
    /// allows, up to its hop bound; binds one shortest path (the first found in CSR order) or all.
    ///
    /// Works on flat per-node arrays kept between searches (depth, and predecessor links as linked
    /// lists in flat arrays), resetting only the nodes it touched: O(V' + E') per search for the
    /// V' nodes and E' adjacency entries within the goal's distance, plus the paths enumerated.
    private func shortest(_ relationship: Int, _ from: Int, _ to: Int, then index: Int) throws(QueryError) {
        let pattern = relationships[relationship]
        guard !pattern.impossible, let hops = pattern.hops,
            case .node(let start) = row[nodes[from].slot], case .node(let goal) = row[nodes[to].slot]
        else { return }
        if start == goal {
            guard hops.min == 0 else { return }
            row[pattern.slot] = .list([])
            return try step(index + 1)
        }
        let reversed = from != pattern.left
        let paths = try shortestPaths(relationship, start, goal, hops.max, reversed: reversed, all: pattern.shortest == .all)
        for path in paths {
            row[pattern.slot] = .list((reversed ? path.reversed() : path).map(QueryValue.relationship))
            try step(index + 1)
        }
    }

    @exclusivity(unchecked) private var depth: [Int32] = []
    @exclusivity(unchecked) private var firstLink: [Int32] = []
    @exclusivity(unchecked) private var touched: [Int32] = []
    @exclusivity(unchecked) private var links: [(node: Int32, edge: Int32, next: Int32)] = []

    /// The shortest paths from `start` to `goal` as edge lists in walking order (one, or all).
    private func shortestPaths(
        _ relationship: Int, _ start: Int32, _ goal: Int32, _ maxHops: Int, reversed: Bool,
        all: Bool
    ) throws(QueryError) -> [[Int32]] {
        let pattern = relationships[relationship]
        if depth.isEmpty {
            depth = [Int32](repeating: -1, count: graph.nodeCount)
            firstLink = [Int32](repeating: -1, count: graph.nodeCount)
        }
        defer {
            for node in touched {
                depth[Int(node)] = -1
                firstLink[Int(node)] = -1
            }
            touched.removeAll(keepingCapacity: true)
            links.removeAll(keepingCapacity: true)
        }
        depth[Int(start)] = 0
        touched.append(start)
        var frontier: [Int32] = [start]
        var level: Int32 = 0
        while !frontier.isEmpty && depth[Int(goal)] < 0 && Int(level) < maxHops {
            level += 1
            var next: [Int32] = []
            for node in frontier {
                try forEachNeighbor(node, pattern.direction, reversed: reversed) { (edge, neighbor) throws(QueryError) in
                    let seen = depth[Int(neighbor)]
                    guard seen < 0 || seen == level, try relationshipMatches(relationship, edge) else { return }
                    try budget.spend(pattern.position)
                    if seen < 0 {
                        depth[Int(neighbor)] = level
                        touched.append(neighbor)
                        next.append(neighbor)
                    } else if !all {
                        return
                    }
                    links.append((node, edge, firstLink[Int(neighbor)]))
                    firstLink[Int(neighbor)] = Int32(links.count - 1)
                }
            }
            frontier = next
        }
        guard depth[Int(goal)] >= 0 else { return [] }
        var paths: [[Int32]] = []
        var edges: [Int32] = []
        func unwind(_ node: Int32) throws(QueryError) {
            if node == start {
                paths.append(edges.reversed())
                return try budget.spend(pattern.position)
            }
            var link = firstLink[Int(node)]
            while link >= 0 {
                let (previous, edge, next) = links[Int(link)]
                edges.append(edge)
                try unwind(previous)
                edges.removeLast()
                if !all { return }
                link = next
            }
        }
        try unwind(goal)
        return paths
    }

    /// The path through the bound elements of a named pattern part, in pattern order.
    private func buildPath(_ path: PatternPath) -> QueryPath {
        guard case .node(let first) = row[nodes[path.nodes[0]].slot] else { return QueryPath(nodes: [], relationships: []) }
        var result = QueryPath(nodes: [first], relationships: [])
        func append(_ edge: Int32) {
            let current = result.nodes.last!
            result.relationships.append(edge)
            result.nodes.append(sources[Int(edge)] == current ? targets[Int(edge)] : sources[Int(edge)])
        }
        for relationship in path.relationships {
            switch row[relationships[relationship].slot] {
            case .relationship(let edge): append(edge)
            case .list(let edges):
                for case .relationship(let edge) in edges { append(edge) }
            default: break
            }
        }
        return result
    }
}
