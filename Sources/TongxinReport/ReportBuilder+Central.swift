import TongxinAnalysis
import TongxinGraph
import TongxinResults

extension ReportBuilder {
    /// The node kinds the central section ranks.
    public static let centralKinds = [NodeKind.figure, NodeKind.organization]

    /// The most central figures and organizations by betweenness on the simple undirected view
    /// (``TongxinAnalysis/MeasureGraph``) of the scope — the whole graph, or the subgraph induced by
    /// the region's subtree, as `tongxin centrality --region` computes it — normalized as NetworkX
    /// does; with more than `samples` nodes, Brandes–Pich source sampling with `seed` estimates it.
    /// `top` of each kind are ranked (score descending, then id), each with its direct ties and the
    /// regions those ties reach: what it bridges.
    ///
    /// - Parameter progress: called now and then with (sources done, sources in all).
    /// - Throws: ``MeasureError`` from the measure (not for an unweighted view).
    /// - Complexity: O(k (V + E)) for k sources, plus O(V log V) to rank.
    public func central(
        top: Int = 10, samples: Int = PictureSampling.samples, seed: UInt64 = PictureSampling.seed,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(MeasureError) -> [CentralGroup] {
        let nodes = scopeNodes()
        let view = scope == nil ? MeasureGraph(graph) : MeasureGraph(graph, inducedBy: nodes)
        let sampled = samples >= 2 && samples < view.nodeCount
        let scores = try view.betweennessCentrality(
            normalized: true, sources: sampled ? view.sampleSources(samples, seed: seed) : nil, progress: progress)
        return Self.centralKinds.compactMap { kind -> CentralGroup? in
            let wanted = graph.nodeKindIndex(kind)
            let candidates = nodes.indices.filter { graph.nodeKindIndices[nodes[$0]] == wanted }
            let ranked = Ranking.order(candidates.map { scores[$0] }, top: top) { graph.id(of: nodes[candidates[$0]]) }
                .map { candidates[$0] }
            guard !ranked.isEmpty else { return nil }
            let attribute = kind == NodeKind.figure ? WellKnownAttribute.category : WellKnownAttribute.type
            return CentralGroup(
                kind: kind, measure: "betweenness", sampledSources: sampled ? samples : nil,
                nodes: ranked.map { local in
                    let node = nodes[local]
                    return CentralNode(
                        node: reference(node), category: graph.attribute(attribute, of: node)?.description,
                        location: location(of: node), score: scores[local], degree: view.outgoing.degree(local),
                        bridges: bridges(of: view.outgoing.neighbors(of: local).map { nodes[Int($0)] }))
                })
        }
    }

    /// Where a node's ties reach: the regions its `neighbors` lie in, with how many in each, most
    /// first (then by name). Counted at the breakdown level, or, when every tie stays in
    /// one region there, at the first level below where they spread over several (a figure whose
    /// ties all lie in 黄冈市 bridges 团风县 and 黄州区).
    func bridges(of neighbors: [Int]) -> [Tally] {
        var counts: [Int: Int] = [:]
        for level in RegionLevel.allCases[breakdownLevel.rank...] where level != .village {
            counts = [:]
            for neighbor in neighbors {
                if let region = region(containing: neighbor, at: level) { counts[region, default: 0] += 1 }
            }
            if counts.count > 1 { break }
        }
        if counts.count <= 1 {
            counts = [:]
            for neighbor in neighbors {
                if let region = region(containing: neighbor, at: breakdownLevel) { counts[region, default: 0] += 1 }
            }
        }
        return counts.map { Tally(graph.name(of: $0.key), $0.value) }
            .sorted { ($1.count, $0.label) < ($0.count, $1.label) }
    }

    /// The region of `level` that contains `node` (the node itself included), or `nil`. O(depth).
    func region(containing node: Int, at level: RegionLevel) -> Int? {
        if level == breakdownLevel { return breakdownRegion[node] >= 0 ? Int(breakdownRegion[node]) : nil }
        var current: Int? = node
        while let candidate = current {
            if graph.level(of: candidate) == level { return candidate }
            current = graph.hierarchy.parent(of: candidate)
        }
        return nil
    }
}
