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
    /// WHERE conjuncts: the pattern variables of this clause they read, and the compiled test.
    var filters: [(variables: Set<String>, eval: Eval, text: String, position: QueryPosition)]
    /// `name = value` constraints usable to seek a node, by pattern node.
    var seeks: [Int: [(key: String, value: Eval, text: String, constant: Bool, many: Bool, at: QueryPosition)]]
    /// An all-null row of the scope's width, to evaluate constant seek values for estimates.
    var emptyRow: [QueryValue]

    /// The estimated number of candidates for binding node `node` on its own, and the best step.
    private func anchor(_ node: Int) -> (estimate: Int, step: MatchStep, note: String) {
        let pattern = nodes[node]
        let graph = indexes.graph
        if pattern.impossible { return (0, .scanAll(node: node), "no node can match") }
        var best: (estimate: Int, step: MatchStep, note: String)
        if let kind = pattern.kind {
            best = (indexes.count(ofKind: kind), .scanKind(node: node, kind: kind), "kind index :\(graph.nodeKinds[Int(kind)])")
        } else {
            best = (graph.nodeCount, .scanAll(node: node), "all nodes")
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
                best = (estimate, .seek(node: node, key: seek.key, value: seek.value, many: seek.many, position: seek.at),
                        "\(seek.key) index \(seek.many ? "IN" : "=") \(seek.text)")
            }
        }
        return best
    }

    /// The plan, and a readable line per step for EXPLAIN.
    mutating func plan() -> (steps: [MatchStep], explain: [String]) {
        var steps: [MatchStep] = []
        var explain: [String] = []
        var bound = Set<String>()
        var boundNodes = [Bool](repeating: false, count: nodes.count)
        var doneRelationships = [Bool](repeating: false, count: relationships.count)
        var placedFilters = [Bool](repeating: false, count: filters.count)
        var placedPaths = [Bool](repeating: false, count: paths.count)

        func placeReady() {
            for (index, filter) in filters.enumerated() where !placedFilters[index] && filter.variables.isSubset(of: bound) {
                placedFilters[index] = true
                steps.append(.filter(filter.eval, text: filter.text, position: filter.position))
                explain.append("Filter \(filter.text)")
            }
            for (index, path) in paths.enumerated() where !placedPaths[index] {
                guard path.nodes.allSatisfy({ boundNodes[$0] }), path.relationships.allSatisfy({ doneRelationships[$0] }) else { continue }
                placedPaths[index] = true
                steps.append(.bindPath(index))
                explain.append("BindPath \(path.name)")
                bound.insert(path.name)
                placeReady()
                return
            }
        }
        func bindNode(_ node: Int) {
            boundNodes[node] = true
            bound.insert(nodes[node].name)
        }

        for node in nodes.indices where nodes[node].boundBefore {
            steps.append(.checkBound(node: node))
            explain.append("Argument \(nodes[node].name) (bound earlier)")
            bindNode(node)
        }
        placeReady()
        while boundNodes.contains(false) || doneRelationships.contains(false) {
            var choice: (relationship: Int, fromLeft: Bool, cost: Int)?
            for (index, relationship) in relationships.enumerated() where !doneRelationships[index] {
                let leftBound = boundNodes[relationship.left], rightBound = boundNodes[relationship.right]
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
                if choice == nil || cost < choice!.cost { choice = (index, fromLeft, cost) }
            }
            if let choice {
                let relationship = relationships[choice.relationship]
                let from = choice.fromLeft ? relationship.left : relationship.right
                let to = choice.fromLeft ? relationship.right : relationship.left
                let into = boundNodes[to]
                if relationship.shortest != .none {
                    steps.append(.shortest(relationship: choice.relationship, from: from, to: to))
                    explain.append("\(relationship.shortest == .all ? "AllShortestPaths" : "ShortestPath") \(nodes[from].name) → \(nodes[to].name) \(describe(relationship))")
                } else {
                    steps.append(.expand(relationship: choice.relationship, from: from, to: to, reversed: !choice.fromLeft, into: into))
                    explain.append("\(relationship.hops == nil ? "Expand" : "VarLengthExpand")\(into ? "Into" : "") (\(nodes[from].name))\(arrow(relationship, reversed: !choice.fromLeft))(\(nodes[to].name))")
                }
                doneRelationships[choice.relationship] = true
                bound.insert(relationship.name)
                bindNode(to)
            } else {
                var best: (node: Int, estimate: Int, step: MatchStep, note: String)?
                for node in nodes.indices where !boundNodes[node] {
                    let candidate = anchor(node)
                    if best == nil || candidate.estimate < best!.estimate {
                        best = (node, candidate.estimate, candidate.step, candidate.note)
                    }
                }
                // A one-hop relationship of a rare kind can be a better start than either end: it
                // wins when it has fewer edges than the best node's candidates times the edges they
                // are expected to expand along (average fan-out by node and edge kind).
                var work = Double.infinity
                if let best {
                    var fanOut = 1.0
                    for (index, relationship) in relationships.enumerated() where !doneRelationships[index] {
                        for (end, other, leaving) in [(relationship.left, relationship.right, true), (relationship.right, relationship.left, false)]
                        where end == best.node && !boundNodes[other] {
                            let direction = relationship.direction
                            let hop = indexes.fanOut(relationship.kinds, from: nodes[end].kind,
                                                     leaving: direction == .either || (direction == .outgoing) == leaving,
                                                     entering: direction == .either || (direction == .incoming) == leaving)
                            // A variable-length relationship grows by the fan-out at every hop.
                            var reach = hop
                            for _ in 1..<max(1, min(relationship.hops?.max ?? 1, 4)) { reach = hop + reach * hop }
                            fanOut += reach
                        }
                    }
                    work = Double(best.estimate) * fanOut
                }
                var edgeStart: (relationship: Int, estimate: Int)?
                for (index, relationship) in relationships.enumerated()
                where !doneRelationships[index] && relationship.hops == nil && relationship.shortest == .none && relationship.kinds != nil {
                    var estimate = indexes.count(ofEdgeKinds: relationship.kinds)
                    if relationship.direction == .either { estimate *= 2 }
                    if edgeStart == nil || estimate < edgeStart!.estimate { edgeStart = (index, estimate) }
                }
                if let edgeStart, Double(edgeStart.estimate) < work {
                    let relationship = relationships[edgeStart.relationship]
                    steps.append(.scanRelationship(relationship: edgeStart.relationship))
                    explain.append("RelationshipScan (\(nodes[relationship.left].name))\(arrow(relationship, reversed: false))(\(nodes[relationship.right].name)) by kind index, ≈\(edgeStart.estimate) candidates")
                    doneRelationships[edgeStart.relationship] = true
                    bound.insert(relationship.name)
                    bindNode(relationship.left)
                    bindNode(relationship.right)
                    placeReady()
                    continue
                }
                guard let best else { break }
                steps.append(best.step)
                explain.append("NodeSeek (\(nodes[best.node].name)) by \(best.note), ≈\(best.estimate) candidates")
                bindNode(best.node)
            }
            placeReady()
        }
        return (steps, explain)
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
