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
        throws(MeasureError) -> [Double]
    {
        try checkDistances()
        let n = nodeCount
        let sums = distanceSums(progress: progress)
        return (0..<n).map { u in
            let total = sums.total[u], reached = Double(sums.reached[u])
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
        throws(MeasureError) -> [Double]
    {
        try checkDistances()
        let scale = normalized && nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
        return distanceSums(progress: progress).inverse.map { $0 * scale }
    }

    /// For every node u, over the other nodes that reach it: the sum of their distances to u, their
    /// count, and the sum of the inverse distances (zero distances left out, as NetworkX does).
    ///
    /// By hops: multi-source breadth-first search (Then et al. 2014, "The more the merrier: efficient
    /// multi-source graph traversal", doi:10.14778/2735496.2735507), 64 targets at a time as the bits
    /// of one word per node, so one sweep over the arcs advances 64 searches a level. Weighted: one
    /// Dijkstra search per node. Batches (or nodes) go to two lanes, each writing only its own nodes.
    ///
    /// - Complexity: O(V/64 · L · (V + E)) by hops for L levels (the largest distance), O(V (V + E) log V)
    ///   weighted.
    func distanceSums(progress: ((Int, Int) -> Void)?) -> (total: [Double], reached: [Int], inverse: [Double]) {
        let n = nodeCount
        var total = [Double](repeating: 0, count: n)
        var reached = [Int](repeating: 0, count: n)
        var inverse = [Double](repeating: 0, count: n)
        total.withUnsafeMutableBufferPointer { total in
            reached.withUnsafeMutableBufferPointer { reached in
                inverse.withUnsafeMutableBufferPointer { inverse in
                    let out = UncheckedSendable((total, reached, inverse))
                    Lanes.run { lane in
                        let (total, reached, inverse) = out.value
                        if incoming.weights == nil {
                            multiSourceSums(lane: lane, total, reached, inverse, progress: progress)
                            return
                        }
                        let search = SingleSource(nodeCount: n)
                        var u = lane
                        while u < n {
                            search.run(from: u, along: incoming, countPaths: false)
                            for v in search.settled.dropFirst() {
                                let d = search.distance[Int(v)]
                                total[u] += d
                                if d > 0 { inverse[u] += 1 / d }
                            }
                            reached[u] = search.count - 1
                            if lane == 0, let progress, u % 64 == 0 { progress(u, n) }
                            u += Lanes.count
                        }
                    }
                }
            }
        }
        return (total, reached, inverse)
    }

    /// Lane `lane`'s share of the multi-source breadth-first searches: batches of 64 targets
    /// `64b ..< 64b + 64` for b ≡ lane (mod lanes), searching along in-arcs.
    private func multiSourceSums(
        lane: Int, _ total: UnsafeMutableBufferPointer<Double>,
        _ reached: UnsafeMutableBufferPointer<Int>,
        _ inverse: UnsafeMutableBufferPointer<Double>, progress: ((Int, Int) -> Void)?
    ) {
        let n = nodeCount
        // Bit i of a node's word stands for search i of the batch: reached it ever, at the current
        // level, or at the next one.
        let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: max(n, 1))
        let frontier = UnsafeMutablePointer<UInt64>.allocate(capacity: max(n, 1))
        let next = UnsafeMutablePointer<UInt64>.allocate(capacity: max(n, 1))
        defer { seen.deallocate(); frontier.deallocate(); next.deallocate() }
        next.initialize(repeating: 0, count: n)
        incoming.offsets.withUnsafeBufferPointer { offsets in
            incoming.targets.withUnsafeBufferPointer { tails in
                var base = lane * 64
                while base < n {
                    let size = min(64, n - base)
                    seen.initialize(repeating: 0, count: n)
                    frontier.initialize(repeating: 0, count: n)
                    for i in 0..<size {
                        seen[base + i] = 1 << UInt64(i)
                        frontier[base + i] = 1 << UInt64(i)
                    }
                    var sumDistance = [Double](repeating: 0, count: 64)
                    var sumInverse = [Double](repeating: 0, count: 64)
                    var count = [Int](repeating: 0, count: 64)
                    var level = 0.0
                    var active = true
                    while active {
                        level += 1
                        for v in 0..<n {
                            let bits = frontier[v]
                            if bits == 0 { continue }
                            for i in offsets[v]..<offsets[v + 1] { next[Int(tails[i])] |= bits }
                        }
                        active = false
                        let step = 1 / level
                        // The new frontier replaces the old one in place: the sweep above is done with it.
                        for u in 0..<n {
                            let fresh = next[u] & ~seen[u]
                            next[u] = 0
                            frontier[u] = fresh
                            if fresh == 0 { continue }
                            active = true
                            seen[u] |= fresh
                            var bits = fresh
                            while bits != 0 {
                                let i = bits.trailingZeroBitCount
                                sumDistance[i] += level
                                sumInverse[i] += step
                                count[i] += 1
                                bits &= bits - 1
                            }
                        }
                    }
                    for i in 0..<size {
                        total[base + i] = sumDistance[i]
                        inverse[base + i] = sumInverse[i]
                        reached[base + i] = count[i]
                    }
                    if lane == 0, let progress { progress(base, n) }
                    base += 64 * Lanes.count
                }
            }
        }
    }
}
