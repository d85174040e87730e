extension MeasureGraph {
    /// Closeness centrality as NetworkX's `closeness_centrality`: for a node u reaching r − 1 other
    /// nodes at total distance D, (r − 1)/D, multiplied when `normalized` by (r − 1)/(n − 1) — the
    /// Wasserman and Faust scaling for disconnected graphs (NetworkX's `wf_improved=True`; Wasserman
    /// and Faust 1994, doi:10.1017/CBO9780511815478). Raw closeness is Freeman's 1/D (igraph's
    /// `closeness(normalized=False)`; Freeman 1978, doi:10.1016/0378-8733(78)90021-7). A node that
    /// reaches nothing scores 0. In a directed view distances are incoming (from every node to u), as
    /// in NetworkX; in a ``WeightUse/distance`` view they are weighted.
    ///
    /// Nodes are split over two lanes, each writing only its own nodes' scores.
    ///
    /// - Throws: ``MeasureError/invalidWeight(_:)`` for a negative or non-finite distance.
    /// - Complexity: O(V (V + E)) unweighted, O(V (V + E) log V) weighted, V nodes and E arcs.
    ///
    /// Example: on the path a–b–c, b scores 2/2 = 1 and a, c score 2/3 (raw: 1/2 and 1/3).
    public func closenessCentrality(normalized: Bool = true, progress: ((Int, Int) -> Void)? = nil)
        throws(MeasureError) -> [Double] {
        try checkDistances()
        let n = nodeCount
        return perNode(progress: progress) { search in
            var total = 0.0
            for v in search.settled { total += search.distance[Int(v)] }
            let reached = Double(search.count - 1)
            guard total > 0 && n > 1 else { return 0 }
            return normalized ? reached / total * (reached / Double(n - 1)) : 1 / total
        }
    }

    /// Harmonic centrality (Marchiori and Latora 2000, doi:10.1016/S0378-4371(00)00311-3; Boldi and
    /// Vigna 2014, doi:10.1080/15427951.2013.865686) as NetworkX's `harmonic_centrality`: Σ 1/d(v, u)
    /// over the other nodes v that reach u (incoming distances in a directed view, weighted in a
    /// ``WeightUse/distance`` view; a distance of 0 adds nothing, as in NetworkX), divided by n − 1
    /// when `normalized` (igraph's normalization; NetworkX reports the raw sum).
    ///
    /// - Throws: ``MeasureError/invalidWeight(_:)`` for a negative or non-finite distance.
    /// - Complexity: O(V (V + E)) unweighted, O(V (V + E) log V) weighted, V nodes and E arcs.
    ///
    /// Example: on the path a–b–c, b scores 1 + 1 = 2 and a, c score 1 + 1/2 = 1.5.
    public func harmonicCentrality(normalized: Bool = false, progress: ((Int, Int) -> Void)? = nil)
        throws(MeasureError) -> [Double] {
        try checkDistances()
        let scale = normalized && nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
        return perNode(progress: progress) { search in
            var total = 0.0
            for v in search.settled {
                let d = search.distance[Int(v)]
                if d > 0 { total += 1 / d }
            }
            return total * scale
        }
    }

    /// Runs a search toward every node (along in-arcs, so distances are incoming) and scores it from
    /// the search, on two lanes.
    func perNode(progress: ((Int, Int) -> Void)?, score: (SingleSource) -> Double) -> [Double] {
        let n = nodeCount
        var scores = [Double](repeating: 0, count: n)
        scores.withUnsafeMutableBufferPointer { scores in
            let out = UncheckedSendable(scores)
            Lanes.run { lane in
                let search = SingleSource(nodeCount: n)
                var u = lane
                while u < n {
                    search.run(from: u, along: incoming, countPaths: false)
                    out.value[u] = score(search)
                    if lane == 0, let progress, u % 64 == 0 { progress(u, n) }
                    u += Lanes.count
                }
            }
        }
        return scores
    }
}
