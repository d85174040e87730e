/// A node of one MATCH clause's pattern, with its constraints resolved against the graph.
struct PatternNode {
    var name: String
    var slot: Int
    var position: QueryPosition
    /// The kind every label names (they must all agree), or `nil` when unlabelled.
    var kind: Int32?
    /// A label names no kind of the graph, or two labels differ: nothing can match.
    var impossible = false
    /// Equality constraints whose value does not depend on this clause's pattern.
    var properties: [(key: String, accessor: NodeProperty, value: Eval, text: String)] = []
    /// Bound by an earlier clause.
    var boundBefore: Bool
}

/// A relationship of one MATCH clause's pattern.
struct PatternRelationship {
    var name: String
    var slot: Int
    var position: QueryPosition
    /// Allowed kinds by edge kind index; `nil` for any kind.
    var kinds: [Bool]?
    var kindNames: [String]
    var impossible = false
    var properties: [(key: String, accessor: EdgeProperty, value: Eval, text: String)] = []
    var direction: Direction
    /// Hop bounds for a variable-length relationship (upper already defaulted), `nil` for one hop.
    var hops: (min: Int, max: Int)?
    var shortest: PatternPart.Shortest
    var left: Int
    var right: Int
}

/// A named path of the clause: the pattern nodes and relationships it strings together.
struct PatternPath {
    var name: String
    var slot: Int
    var nodes: [Int]
    var relationships: [Int]
}

/// One operation of a match plan; the executor runs them depth-first.
enum MatchStep {
    /// Binds a node by scanning every node.
    case scanAll(node: Int)
    /// Binds a node from the kind index.
    case scanKind(node: Int, kind: Int32)
    /// Binds a node from a property index (`id`, `name`, any attribute) with the value of an
    /// expression known before the match starts, or with each value of a list (`many`, for IN).
    case seek(node: Int, key: String, value: Eval, many: Bool, position: QueryPosition)
    /// Binds a one-hop relationship and both its ends from the edges of its kinds.
    case scanRelationship(relationship: Int)
    /// Checks a node bound by an earlier clause against this pattern's constraints.
    case checkBound(node: Int)
    /// Follows relationship `relationship` from `from` to `to` along the CSR (`reversed` when
    /// walking the pattern right to left); `into` when `to` is already bound.
    case expand(relationship: Int, from: Int, to: Int, reversed: Bool, into: Bool)
    /// A breadth-first shortest path search between two bound nodes.
    case shortest(relationship: Int, from: Int, to: Int)
    /// A WHERE conjunct (or a property constraint that depends on another pattern element).
    case filter(Eval, text: String, position: QueryPosition)
    /// Builds a named path from its bound elements.
    case bindPath(Int)
}

/// A WHERE conjunct (or a property constraint that reads another element of the pattern): the
/// pattern variables of its clause it reads, and the compiled test.
struct MatchFilter {
    var variables: Set<String>
    var eval: Eval
    var text: String
    var position: QueryPosition
}

/// A `key = value` (or `key IN list`, `many`) constraint that can bind a node through a property
/// index, its value known before the match starts (`constant` when it reads no variable at all).
struct NodeSeek {
    var key: String
    var value: Eval
    var text: String
    var constant: Bool
    var many: Bool
    var position: QueryPosition
}

/// Chooses the order in which one MATCH clause binds its pattern: start from the most selective
/// node (estimated by index counts: an id or a property equality, then the kind index, then a full
/// scan), grow along relationships from bound nodes (preferring ones that close a cycle, then the
/// most selective far end), and place each WHERE conjunct right after the step that binds its last
/// variable.
///
/// - Complexity: O(P² + W·P) for P pattern elements and W conjuncts, plus the O(V) construction
///   of a property index the first time one is consulted.
struct MatchPlanner {
    let indexes: GraphIndexes
    var nodes: [PatternNode]
    var relationships: [PatternRelationship]
    var paths: [PatternPath]
    /// WHERE conjuncts and property constraints placed as filters.
    var filters: [MatchFilter]
    /// The constraints usable to seek a node, by pattern node.
    var seeks: [Int: [NodeSeek]]
    /// An all-null row of the scope's width, to evaluate constant seek values for estimates.
    var emptyRow: [QueryValue]

    /// A way to bind one node on its own: the step, its estimated number of candidates, and how
    /// EXPLAIN names the index it uses.
    struct Anchor {
        var node: Int
        var estimate: Int
        var step: MatchStep
        var note: String
    }

    /// A relationship to follow from a bound end: from its left end or its right, and the
    /// estimated cost (0 when both ends are bound).
    struct Expansion {
        var relationship: Int
        var fromLeft: Bool
        var cost: Int
    }

    /// A plan while it is built: its steps and EXPLAIN lines, and what is bound or placed so far.
    struct State {
        var steps: [MatchStep] = []
        var explain: [String] = []
        var bound = Set<String>()
        var boundNodes: [Bool]
        var doneRelationships: [Bool]
        var placedFilters: [Bool]
        var placedPaths: [Bool]

        var isComplete: Bool { !boundNodes.contains(false) && !doneRelationships.contains(false) }

        mutating func append(_ step: MatchStep, _ line: String) {
            steps.append(step)
            explain.append(line)
        }
    }

    /// The estimated number of candidates for binding node `node` on its own, and the best step.
    private func anchor(_ node: Int) -> Anchor {
        let pattern = nodes[node]
        let graph = indexes.graph
        if pattern.impossible { return Anchor(node: node, estimate: 0, step: .scanAll(node: node), note: "no node can match") }
        var best: Anchor
        if let kind = pattern.kind {
            best = Anchor(
                node: node, estimate: indexes.count(ofKind: kind), step: .scanKind(node: node, kind: kind),
                note: "kind index :\(graph.nodeKinds[Int(kind)])")
        } else {
            best = Anchor(node: node, estimate: graph.nodeCount, step: .scanAll(node: node), note: "all nodes")
        }
        for seek in seeks[node] ?? [] {
            var estimate = 1
            if seek.constant, let value = try? seek.value(emptyRow) {
                if !seek.many {
                    estimate = indexes.nodes(withProperty: seek.key, equalTo: value).count
                } else if case .list(let items) = value {
                    estimate = items.reduce(0) { $0 + indexes.nodes(withProperty: seek.key, equalTo: $1).count }
                }
            }
            if estimate < best.estimate || (estimate == best.estimate && seek.key == "id") {
                best = Anchor(
                    node: node, estimate: estimate,
                    step: .seek(node: node, key: seek.key, value: seek.value, many: seek.many, position: seek.position),
                    note: "\(seek.key) index \(seek.many ? "IN" : "=") \(seek.text)")
            }
        }
        return best
    }

    /// The plan, and a readable line per step for EXPLAIN.
    mutating func plan() -> (steps: [MatchStep], explain: [String]) {
        var state = State(
            boundNodes: [Bool](repeating: false, count: nodes.count),
            doneRelationships: [Bool](repeating: false, count: relationships.count),
            placedFilters: [Bool](repeating: false, count: filters.count),
            placedPaths: [Bool](repeating: false, count: paths.count))
        for node in nodes.indices where nodes[node].boundBefore {
            state.append(.checkBound(node: node), "Argument \(nodes[node].name) (bound earlier)")
            bindNode(node, &state)
        }
        placeReady(&state)
        while !state.isComplete {
            if let expansion = nextExpansion(state) {
                expand(expansion, &state)
            } else {
                let best = bestAnchor(state)
                if let scan = cheapestRelationshipScan(state), Double(scan.estimate) < expectedWork(from: best, state) {
                    scanRelationship(scan.relationship, estimate: scan.estimate, &state)
                } else {
                    guard let best else { break }
                    state.append(best.step, "NodeSeek (\(nodes[best.node].name)) by \(best.note), ≈\(best.estimate) candidates")
                    bindNode(best.node, &state)
                }
            }
            placeReady(&state)
        }
        return (state.steps, state.explain)
    }

    private func bindNode(_ node: Int, _ state: inout State) {
        state.boundNodes[node] = true
        state.bound.insert(nodes[node].name)
    }

    /// Places every filter whose variables are all bound, and every path whose elements are.
    private func placeReady(_ state: inout State) {
        for (index, filter) in filters.enumerated() where !state.placedFilters[index] && filter.variables.isSubset(of: state.bound) {
            state.placedFilters[index] = true
            state.append(.filter(filter.eval, text: filter.text, position: filter.position), "Filter \(filter.text)")
        }
        for (index, path) in paths.enumerated() where !state.placedPaths[index] {
            guard path.nodes.allSatisfy({ state.boundNodes[$0] }),
                path.relationships.allSatisfy({ state.doneRelationships[$0] })
            else { continue }
            state.placedPaths[index] = true
            state.append(.bindPath(index), "BindPath \(path.name)")
            state.bound.insert(path.name)
            placeReady(&state)
            return
        }
    }

    /// The cheapest relationship with a bound end (one closing a cycle costs nothing; a shortest
    /// path needs both ends bound), or `nil` when none is left.
    private func nextExpansion(_ state: State) -> Expansion? {
        var choice: Expansion?
        for (index, relationship) in relationships.enumerated() where !state.doneRelationships[index] {
            let leftBound = state.boundNodes[relationship.left], rightBound = state.boundNodes[relationship.right]
            guard leftBound || rightBound else { continue }
            var cost: Int
            let fromLeft: Bool
            if leftBound && rightBound {
                cost = 0
                fromLeft = true
            } else if relationship.shortest != .none {
                continue
            } else {
                fromLeft = leftBound
                cost = 1 + anchor(fromLeft ? relationship.right : relationship.left).estimate
                if relationship.hops != nil { cost = cost &* 16 }
            }
            if choice == nil || cost < choice!.cost { choice = Expansion(relationship: index, fromLeft: fromLeft, cost: cost) }
        }
        return choice
    }

    /// Follows a relationship from its bound end (a shortest path search when it is one).
    private func expand(_ choice: Expansion, _ state: inout State) {
        let relationship = relationships[choice.relationship]
        let from = choice.fromLeft ? relationship.left : relationship.right
        let to = choice.fromLeft ? relationship.right : relationship.left
        let into = state.boundNodes[to]
        if relationship.shortest != .none {
            state.append(
                .shortest(relationship: choice.relationship, from: from, to: to),
                "\(relationship.shortest == .all ? "AllShortestPaths" : "ShortestPath") \(nodes[from].name) → \(nodes[to].name) \(describe(relationship))"
            )
        } else {
            state.append(
                .expand(relationship: choice.relationship, from: from, to: to, reversed: !choice.fromLeft, into: into),
                "\(relationship.hops == nil ? "Expand" : "VarLengthExpand")\(into ? "Into" : "") (\(nodes[from].name))\(arrow(relationship, reversed: !choice.fromLeft))(\(nodes[to].name))"
            )
        }
        state.doneRelationships[choice.relationship] = true
        state.bound.insert(relationship.name)
        bindNode(to, &state)
    }

    /// The unbound node with the fewest estimated candidates (the first on ties).
    private func bestAnchor(_ state: State) -> Anchor? {
        var best: Anchor?
        for node in nodes.indices where !state.boundNodes[node] {
            let candidate = anchor(node)
            if best == nil || candidate.estimate < best!.estimate { best = candidate }
        }
        return best
    }

    /// The work of starting from `anchor`: its candidates times the edges they are expected to
    /// expand along (average fan-out by node and edge kind; a variable-length relationship grows
    /// by the fan-out at every hop, up to 4); infinite without an anchor.
    private func expectedWork(from anchor: Anchor?, _ state: State) -> Double {
        guard let anchor else { return .infinity }
        var fanOut = 1.0
        for (index, relationship) in relationships.enumerated() where !state.doneRelationships[index] {
            for (end, other, leaving) in [(relationship.left, relationship.right, true), (relationship.right, relationship.left, false)]
            where end == anchor.node && !state.boundNodes[other] {
                let direction = relationship.direction
                let hop = indexes.fanOut(
                    relationship.kinds, from: nodes[end].kind,
                    leaving: direction == .either || (direction == .outgoing) == leaving,
                    entering: direction == .either || (direction == .incoming) == leaving)
                var reach = hop
                for _ in 1..<max(1, min(relationship.hops?.max ?? 1, 4)) { reach = hop + reach * hop }
                fanOut += reach
            }
        }
        return Double(anchor.estimate) * fanOut
    }

    /// The one-hop relationship of given kinds with the fewest edges: a rare kind can be a better
    /// start than either end (``plan()`` takes it when it beats the best anchor's expected work).
    private func cheapestRelationshipScan(_ state: State) -> (relationship: Int, estimate: Int)? {
        var edgeStart: (relationship: Int, estimate: Int)?
        for (index, relationship) in relationships.enumerated()
        where !state.doneRelationships[index] && relationship.hops == nil && relationship.shortest == .none && relationship.kinds != nil {
            var estimate = indexes.count(ofEdgeKinds: relationship.kinds)
            if relationship.direction == .either { estimate *= 2 }
            if edgeStart == nil || estimate < edgeStart!.estimate { edgeStart = (index, estimate) }
        }
        return edgeStart
    }

    /// Binds a relationship and both its ends from the edges of its kinds.
    private func scanRelationship(_ index: Int, estimate: Int, _ state: inout State) {
        let relationship = relationships[index]
        state.append(
            .scanRelationship(relationship: index),
            "RelationshipScan (\(nodes[relationship.left].name))\(arrow(relationship, reversed: false))(\(nodes[relationship.right].name)) by kind index, ≈\(estimate) candidates"
        )
        state.doneRelationships[index] = true
        state.bound.insert(relationship.name)
        bindNode(relationship.left, &state)
        bindNode(relationship.right, &state)
    }

    private func describe(_ relationship: PatternRelationship) -> String {
        var text = "[" + (relationship.kindNames.isEmpty ? "" : ":" + relationship.kindNames.joined(separator: "|"))
        if let hops = relationship.hops { text += "*\(hops.min)..\(hops.max)" }
        return text + "]"
    }

    private func arrow(_ relationship: PatternRelationship, reversed: Bool) -> String {
        let body = "-\(describe(relationship))-"
        switch (relationship.direction, reversed) {
        case (.either, _): return body
        case (.outgoing, false), (.incoming, true): return body + ">"
        default: return "<" + body
        }
    }
}
