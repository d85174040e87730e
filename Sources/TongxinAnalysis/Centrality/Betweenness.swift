extension MeasureGraph {
    /// Betweenness centrality by Brandes' algorithm (Brandes 2001, "A faster algorithm for
    /// betweenness centrality", doi:10.1080/0022250X.2001.9990249): for each node v, the sum over
    /// pairs s ≠ v ≠ t of the fraction of shortest s–t paths through v. Hops, or merged weights as
    /// distances in a ``WeightUse/distance`` view (Dijkstra); directed paths in a directed view.
    ///
    /// Scaling follows NetworkX's `betweenness_centrality` (endpoints excluded): with every node as a
    /// source, `normalized` divides by (n − 1)(n − 2) and raw values of an undirected view are halved
    /// (each unordered pair counted once). With `sources` (Brandes and Pich 2007,
    /// doi:10.1142/S0218127407018403, source sampling) the sums over k sources are scaled up as NetworkX
    /// does: a source node by 1/((k − 1)(n − 2)) and any other by 1/(k (n − 2)) when normalized,
    /// (n − 1)/((k − 1) c) and (n − 1)/(k c) when raw (c = 2 undirected, 1 directed).
    ///
    /// Sources are split over two lanes (even and odd positions), each with its own accumulator,
    /// added in lane order: the same result on any number of cores.
    ///
    /// - Parameters:
    ///   - normalized: NetworkX's `normalized`.
    ///   - sources: the sampled source nodes (distinct), or `nil` for all.
    ///   - progress: called now and then from one lane with an estimate of sources done.
    /// - Throws: ``MeasureError/invalidWeight(_:)`` for a negative or non-finite distance;
    ///   ``MeasureError/invalidParameter(_:)`` for fewer than 2 sampled sources.
    /// - Complexity: O(k (V + E)) unweighted and O(k (V + E) log V) weighted, for k sources (k = V
    ///   when exact), V nodes and E arcs; O(V) extra space per lane.
    ///
    /// Example: on the path a–b–c, b lies on the only a–c path: raw 1, normalized 1 (the one pair
    /// over (n − 1)(n − 2) / 2 = 1 pair), a and c 0.
    public func betweennessCentrality(
        normalized: Bool = true, sources: [Int]? = nil, progress: ((Int, Int) -> Void)? = nil
    ) throws(MeasureError) -> [Double] {
        try checkDistances()
        let n = nodeCount
        if let sources, sources.count < 2 {
            throw .invalidParameter("sampled betweenness needs at least 2 sources, not \(sources.count)")
        }
        let list = sources ?? Array(0..<n)
        var scores = brandesSums(sources: list, progress: progress)
        // NetworkX's _rescale, with N = n − 1 since endpoints are excluded.
        let big = Double(n - 1)
        guard n - 1 >= 2 else { return scores }
        let k = Double(list.count), correction = isDirected ? 1.0 : 2.0
        if sources == nil {
            let scale = normalized ? 1 / (big * (big - 1)) : big / (big * correction)
            for v in 0..<n { scores[v] *= scale }
        } else {
            let sourceScale = normalized ? 1 / ((k - 1) * (big - 1)) : big / ((k - 1) * correction)
            let otherScale = normalized ? 1 / (k * (big - 1)) : big / (k * correction)
            var isSource = [Bool](repeating: false, count: n)
            for s in list { isSource[s] = true }
            for v in 0..<n { scores[v] *= isSource[v] ? sourceScale : otherScale }
        }
        return scores
    }

    /// `k` distinct source nodes drawn uniformly without replacement: the first `k` positions of a
    /// Fisher–Yates shuffle of all nodes driven by ``SplitMix64`` with `seed`, sorted. `k` ≥ n
    /// gives every node.
    public func sampleSources(_ k: Int, seed: UInt64) -> [Int] {
        var nodes = Array(0..<nodeCount)
        guard k < nodeCount else { return nodes }
        var random = SplitMix64(seed: seed)
        for i in 0..<k { nodes.swapAt(i, i + random.below(nodeCount - i)) }
        return nodes[..<k].sorted()
    }

    /// Brandes' dependency sums over `sources`, unscaled: Σ_s δ_s(v).
    func brandesSums(sources: [Int], progress: ((Int, Int) -> Void)?) -> [Double] {
        let n = nodeCount
        var laneSums = [[Double]](repeating: [], count: Lanes.count)
        laneSums.withUnsafeMutableBufferPointer { laneSums in
            let out = UncheckedSendable(laneSums)
            Lanes.run { lane in
                var sums = [Double](repeating: 0, count: n)
                let delta = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
                delta.initialize(repeating: 0, count: n)
                defer { delta.deallocate() }
                let search = SingleSource(nodeCount: n)
                var position = lane
                while position < sources.count {
                    search.run(from: sources[position], along: outgoing, countPaths: true)
                    sums.withUnsafeMutableBufferPointer { accumulate(search, delta: delta, into: $0.baseAddress!) }
                    if lane == 0, let progress, position % 64 == 0 { progress(position, sources.count) }
                    position += Lanes.count
                }
                out.value[lane] = sums
            }
        }
        var total = laneSums[0]
        for lane in 1..<Lanes.count {
            for v in 0..<n { total[v] += laneSums[lane][v] }
        }
        return total
    }

    /// Adds source `source`'s dependencies δ_s(v) to `sums`, walking settled nodes from the farthest
    /// back and finding predecessors among in-arcs (see ``SingleSource``, whose zero-weight rule this
    /// mirrors: a weighted predecessor need not have been settled first).
    private func accumulate(
        _ search: SingleSource, delta: UnsafeMutablePointer<Double>,
        into sums: UnsafeMutablePointer<Double>
    ) {
        let settled = search.settled, distance = search.distance, sigma = search.sigma, rank = search.rank
        let hops = search.hops
        incoming.offsets.withUnsafeBufferPointer { offsets in
            incoming.targets.withUnsafeBufferPointer { tails in
                withOptionalBuffer(incoming.weights) { weights in
                    for position in stride(from: settled.count - 1, through: 1, by: -1) {
                        let w = Int(settled[position])
                        let coefficient = (1 + delta[w]) / sigma[w]
                        if let weights {
                            let dw = distance[w]
                            for i in offsets[w]..<offsets[w + 1] {
                                let v = Int(tails[i])
                                if rank[v] >= 0 && distance[v] + weights[i] == dw { delta[v] += sigma[v] * coefficient }
                            }
                        } else {
                            // Unreached nodes are at −1 hops, so the hop test alone suffices.
                            let before = hops[w] - 1
                            for i in offsets[w]..<offsets[w + 1] {
                                let v = Int(tails[i])
                                if hops[v] == before { delta[v] += sigma[v] * coefficient }
                            }
                        }
                        sums[w] += delta[w]
                    }
                    for v in settled { delta[Int(v)] = 0 }
                }
            }
        }
    }
}
