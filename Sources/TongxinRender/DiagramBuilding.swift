extension Diagram {
    /// Builds the diagram `options` ask for, collapsing or cutting the view so that it has at most
    /// `options.maxNodes` nodes, and chooses the layout engine when none is named.
    ///
    /// Without `options.collapse`, a view over the limit is cut to its nearest nodes when it is a
    /// neighbourhood, and otherwise collapsed at the finest level (town, county, city, province) that
    /// fits.
    ///
    /// - Complexity: O((V + E) · L) with L ≤ 4 collapse levels tried, plus O(E log E) to sort the
    ///   aggregated edges.
    /// - Throws: ``DiagramError/empty`` for an empty view; ``DiagramError/tooLarge(nodes:maxNodes:)``
    ///   when the view is over the limit and has no regions to collapse into.
    /// - Precondition: `options.sizeBy` and `options.colorBy` hold one value per graph node.
    ///
    /// A region `r` with towns `t1` (villages `v1`, `v2`) and `t2` (`v3`), and an enterprise `e`
    /// located in `v1` and paired with `v3`, collapsed to towns: nodes `r`, `t1 (2 villages ·
    /// 1 enterprise)`, `t2 (1 village)`; edges `r — t1`, `r — t2` (within) and `t1 → t2` (paired_with).
    public static func build(graph: Graph, options: DiagramOptions) throws(DiagramError) -> (Diagram, DiagramPlan) {
        if let measure = options.sizeBy { precondition(measure.values.count == graph.nodeCount, "one score per node") }
        if let coverage = options.colorBy { precondition(coverage.states.count == graph.nodeCount, "one state per node") }
        var view = DiagramView(graph: graph, region: options.region, focus: options.focus)
        let viewNodes = view.nodes.count
        guard viewNodes > 0 else { throw .empty }
        var collapse = options.collapse
        var cutTo: Int?
        var representatives: [Int32]
        if collapse == nil && viewNodes > options.maxNodes {
            if options.focus != nil {
                view.truncate(to: options.maxNodes)
                cutTo = options.maxNodes
                representatives = view.representatives(collapse: nil)
            } else {
                guard view.hasRegions else { throw .tooLarge(nodes: viewNodes, maxNodes: options.maxNodes) }
                var chosen: (RegionLevel, [Int32])?
                for level in [RegionLevel.town, .county, .city, .province] {
                    let candidate = view.representatives(collapse: level)
                    chosen = (level, candidate)
                    if distinctCount(candidate, graph.nodeCount + graph.nodeKinds.count) <= options.maxNodes { break }
                }
                collapse = chosen!.0
                representatives = chosen!.1
                if distinctCount(representatives, graph.nodeCount + graph.nodeKinds.count) > options.maxNodes {
                    throw .tooLarge(nodes: viewNodes, maxNodes: options.maxNodes)
                }
            }
        } else {
            representatives = view.representatives(collapse: collapse)
        }
        var diagram = Diagram(
            graph: graph, view: view, representatives: representatives, options: options,
            collapsed: collapse != nil)
        diagram.title = title(graph: graph, options: options, collapse: collapse)
        let linkLimit = options.maxEdges ?? (collapse == nil ? nil : max(diagram.nodes.count / 2, 20))
        let droppedEdges = linkLimit.map { diagram.keepStrongestEdges($0) } ?? 0
        var children = [Int](repeating: 0, count: diagram.nodes.count)
        for edge in diagram.edges where edge.kind == EdgeKind.within { children[edge.source] += 1 }
        let chosen = DiagramPlan.engine(
            nodes: diagram.nodes.count, edges: diagram.edges.count,
            hierarchyEdges: children.reduce(0, +), fanout: children.max() ?? 0)
        let plan = DiagramPlan(
            viewNodes: viewNodes, collapse: collapse, collapseChosen: options.collapse == nil && collapse != nil,
            cutTo: cutTo, droppedEdges: droppedEdges, engine: options.layout ?? chosen.engine,
            engineReason: options.layout == nil ? chosen.reason : nil,
            nodes: diagram.nodes.count, edges: diagram.edges.count)
        return (diagram, plan)
    }

    private static func distinctCount(_ representatives: [Int32], _ bound: Int) -> Int {
        var seen = [Bool](repeating: false, count: bound)
        var count = 0
        for representative in representatives where representative >= 0 && !seen[Int(representative)] {
            seen[Int(representative)] = true
            count += 1
        }
        return count
    }

    private static func title(graph: Graph, options: DiagramOptions, collapse: RegionLevel?) -> String {
        var parts = [graph.name.isEmpty ? "graph" : graph.name]
        if let region = options.region { parts.append(graph.name(of: region)) }
        if let focus = options.focus {
            parts.append(options.language.focus(depth: focus.depth, around: graph.name(of: focus.node)))
        }
        if let collapse { parts.append(options.language.collapsed(by: collapse)) }
        return parts.joined(separator: " · ")
    }

    /// Assembles nodes, edges and clusters from each graph node's representative.
    private init(graph: Graph, view: DiagramView, representatives: [Int32], options: DiagramOptions, collapsed: Bool) {
        title = ""
        language = options.language
        undirectedLinks = collapsed
        let count = graph.nodeCount
        let kinds = graph.nodeKinds.count
        // Diagram node per representative: graph nodes in index order, then kind groups.
        var slot = [Int32](repeating: -1, count: count + kinds)
        for representative in representatives where representative >= 0 { slot[Int(representative)] = 0 }
        for key in slot.indices where slot[key] == 0 {
            slot[key] = Int32(nodes.count)
            if key < count {
                nodes.append(
                    Node(
                        graphNode: key, kind: graph.kind(of: key), level: graph.level(of: key), name: graph.name(of: key),
                        id: graph.id(of: key), memberCount: 0, members: "", cluster: nil))
            } else {
                nodes.append(
                    Node(
                        graphNode: nil, kind: graph.nodeKinds[key - count], level: nil,
                        name: options.language.unplaced(graph.nodeKinds[key - count]), id: nil, memberCount: 0, members: "", cluster: nil))
            }
        }
        // Member counts by category: region levels first, then node kinds.
        let levels = RegionLevel.allCases
        var tallies = [Int](repeating: 0, count: nodes.count * (levels.count + kinds))
        var scores = [Double?](repeating: nil, count: nodes.count)
        var units = [Int](repeating: 0, count: nodes.count), covered = [Int](repeating: 0, count: nodes.count)
        for node in view.nodes {
            let graphNode = Int(node)
            let target = Int(slot[Int(representatives[graphNode])])
            if representatives[graphNode] != node {
                let category = graph.level(of: graphNode).map(\.rank) ?? levels.count + Int(graph.nodeKindIndices[graphNode])
                tallies[target * (levels.count + kinds) + category] += 1
                nodes[target].memberCount += 1
            }
            if let measure = options.sizeBy {
                let value = measure.values[graphNode]
                scores[target] = max(scores[target] ?? value, value)
            }
            if let coverage = options.colorBy, coverage.states[graphNode] != .notUnit {
                units[target] += 1
                if coverage.states[graphNode] == .covered { covered[target] += 1 }
            }
        }
        for index in nodes.indices {
            var parts: [String] = []
            for category in 0..<(levels.count + kinds) {
                let tally = tallies[index * (levels.count + kinds) + category]
                guard tally > 0 else { continue }
                let word = category < levels.count ? levels[category].rawValue : graph.nodeKinds[category - levels.count]
                parts.append(options.language.count(tally, of: word))
            }
            nodes[index].members = parts.joined(separator: "\u{00A0}· ")  // "·" stays at the line's end
            nodes[index].score = scores[index]
            if units[index] > 0 {
                if nodes[index].memberCount == 0 {
                    nodes[index].coverage = covered[index] > 0 ? .covered : .uncovered
                } else {
                    nodes[index].coverage = .rate(Double(covered[index]) / Double(units[index]), units: units[index])
                }
            }
        }
        if let measure = options.sizeBy {
            let values = scores.compactMap { $0 }
            self.measure = (measure.name, values.min() ?? 0, values.max() ?? 0)
        }
        coverage = options.colorBy?.selector
        if let focus = options.focus, representatives[focus.node] >= 0 { self.focus = Int(slot[Int(representatives[focus.node])]) }
        let drawn = graph.edgeKinds.map { options.edgeKinds?.contains($0) ?? true || $0 == EdgeKind.within }
        edges = Self.aggregateEdges(
            graph: graph, representatives: representatives, slot: slot, nodeCount: nodes.count,
            undirected: collapsed, drawn: drawn)
        assignClusters(graph: graph, slot: slot)
    }

    /// `count` graph edges of each `drawn` kind between each pair of diagram nodes; edges inside one
    /// diagram node are dropped. `within` edges point from the region down (drawn without arrowheads). In a
    /// collapsed view, links between two nodes are counted in both directions together (the lower
    /// diagram index first), since a super-node's links run both ways, and links between a region
    /// and a node inside it are dropped like links inside one node.
    private static func aggregateEdges(
        graph: Graph, representatives: [Int32], slot: [Int32], nodeCount: Int, undirected: Bool, drawn: [Bool]
    ) -> [Edge] {
        let kinds = graph.edgeKinds.count
        let within = graph.edgeKindIndex(EdgeKind.within)
        var counts: [Int: Int] = [:]
        let hierarchy = graph.hierarchy
        for edge in 0..<graph.edgeCount {
            let from = representatives[graph.source(of: edge)], to = representatives[graph.target(of: edge)]
            guard from >= 0, to >= 0, from != to else { continue }
            let kind = Int(graph.edgeKindIndices[edge])
            guard drawn[kind] else { continue }
            // A collapsed region's links with places inside it are folded into it, like its own.
            if undirected && Int32(kind) != within && Int(from) < graph.nodeCount && Int(to) < graph.nodeCount
                && (hierarchy.contains(Int(from), Int(to)) || hierarchy.contains(Int(to), Int(from)))
            {
                continue
            }
            var source = Int(slot[Int(from)]), target = Int(slot[Int(to)])
            if Int32(kind) == within || (undirected && source > target) { swap(&source, &target) }
            counts[(source * nodeCount + target) * kinds + kind, default: 0] += 1
        }
        return counts.keys.sorted().map { key in
            let kind = key % kinds, pair = key / kinds
            return Edge(source: pair / nodeCount, target: pair % nodeCount, kind: graph.edgeKinds[kind], count: counts[key]!)
        }
    }

    /// Keeps every `within` edge and the `limit` other edges with the largest counts (ties by
    /// position); returns how many were dropped.
    mutating func keepStrongestEdges(_ limit: Int) -> Int {
        let others = edges.indices.filter { edges[$0].kind != EdgeKind.within }
        guard others.count > limit else { return 0 }
        let kept = Set(others.sorted { (edges[$0].count, $1) > (edges[$1].count, $0) }.prefix(limit))
        edges = edges.indices.filter { edges[$0].kind == EdgeKind.within || kept.contains($0) }.map { edges[$0] }
        return others.count - limit
    }

    /// Draws a box around each lowest region that holds other diagram nodes: a node's owner is its
    /// nearest displayed region above it (villages hold no box of their own); owners above another
    /// owner get no box, so clusters never nest.
    private mutating func assignClusters(graph: Graph, slot: [Int32]) {
        let hierarchy = graph.hierarchy
        var owner = [Int](repeating: -1, count: nodes.count)
        var isOwner = [Bool](repeating: false, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            guard let graphNode = node.graphNode else { continue }
            var current = hierarchy.parents[graphNode]
            while current >= 0 {
                let shown = slot[Int(current)] >= 0 && nodes[Int(slot[Int(current)])].graphNode == Int(current)
                if shown && graph.kind(of: Int(current)) == NodeKind.region {
                    owner[index] = Int(slot[Int(current)])
                    isOwner[owner[index]] = true
                    break
                }
                current = hierarchy.parents[Int(current)]
            }
        }
        var excluded = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices where isOwner[index] {
            var above = owner[index]
            while above >= 0 && !excluded[above] {
                excluded[above] = true
                above = owner[above]
            }
        }
        // A box around every node of the diagram says nothing.
        for index in nodes.indices
        where isOwner[index] && !excluded[index] && owner.indices.contains(where: { $0 != index && owner[$0] != index }) {
            nodes[index].cluster = clusters.count
            clusters.append(index)
        }
        for index in nodes.indices where owner[index] >= 0 {
            if let cluster = nodes[owner[index]].cluster, !isOwner[index] || excluded[index] {
                nodes[index].cluster = cluster
            }
        }
    }

}
