import TongxinAnalysis
import TongxinGraph

extension ReportBuilder {
    /// The node kinds the central section ranks.
    public static let centralKinds = [NodeKind.figure, NodeKind.organization]

    /// The most central figures and organizations by betweenness on the whole graph's simple
    /// undirected view (``TongxinAnalysis/MeasureGraph``), normalized as NetworkX does; with more
    /// than `samples` nodes, Brandes–Pich source sampling with `seed` estimates it. Only nodes in
    /// scope are ranked, `top` of each kind (score descending, then id), each with its direct ties and
    /// the breakdown regions those ties reach: what it bridges.
    ///
    /// - Parameter progress: called now and then with (sources done, sources in all).
    /// - Throws: ``MeasureError`` from the measure (not for an unweighted view).
    /// - Complexity: O(k (V + E)) for k sources, plus O(V log V) to rank.
    public func central(
        top: Int = 10, samples: Int = 256, seed: UInt64 = 1, progress: ((Int, Int) -> Void)? = nil
    ) throws(MeasureError) -> [CentralGroup] {
        let view = MeasureGraph(graph)
        let sampled = samples >= 2 && samples < view.nodeCount
        let scores = try view.betweennessCentrality(
            normalized: true, sources: sampled ? view.sampleSources(samples, seed: seed) : nil, progress: progress)
        return Self.centralKinds.compactMap { kind -> CentralGroup? in
            let ranked = graph.nodes(ofKind: kind).filter(inScope)
                .sorted { (scores[$1], graph.id(of: $0)) < (scores[$0], graph.id(of: $1)) }
                .prefix(top)
            guard !ranked.isEmpty else { return nil }
            let attribute = kind == NodeKind.figure ? WellKnownAttribute.category : WellKnownAttribute.type
            return CentralGroup(kind: kind, measure: "betweenness", sampledSources: sampled ? samples : nil, nodes: ranked.map { node in
                CentralNode(
                    node: reference(node), category: graph.attribute(attribute, of: node)?.description,
                    location: location(of: node), score: scores[node], degree: view.outgoing.degree(node),
                    bridges: bridges(of: node, in: view))
            })
        }
    }

    /// Where `node`'s ties reach: the regions its neighbours lie in, with how many neighbours in
    /// each, most first (then by name). Counted at the breakdown level, or, when every tie stays in
    /// one region there, at the first level below where they spread over several (a figure whose
    /// ties all lie in 黄冈市 bridges 团风县 and 黄州区).
    func bridges(of node: Int, in view: MeasureGraph) -> [Tally] {
        let neighbors = view.outgoing.neighbors(of: node).map(Int.init)
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
