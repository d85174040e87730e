/// A partition of the nodes into communities, with its modularity.
public struct Communities: Sendable, Equatable {
    /// Each node's community, numbered 0, 1, … in order of each community's smallest node index.
    public let partition: Components
    /// The partition's modularity (``MeasureGraph/modularity(_:resolution:)``).
    public let modularity: Double
    /// How many aggregation levels the method ran.
    public let levels: Int
}

extension MeasureGraph {
    /// Communities by the Louvain method (Blondel, Guillaume, Lambiotte and Lefebvre 2008, "Fast
    /// unfolding of communities in large networks", doi:10.1088/1742-5468/2008/10/P10008) on an
    /// undirected view, with merged weights as strengths when the view has them, as NetworkX's
    /// `louvain_communities`: each level moves single nodes, in an order shuffled by `seed`, to the
    /// neighboring community with the largest positive modularity gain, pass after pass while a pass
    /// raises modularity by more than `threshold`, at most 32 passes (NetworkX goes on while any node
    /// moves; NetworKit also stops at 32: the long tail of tiny moves costs time, not quality), then
    /// aggregates communities into nodes; it stops when a level raises modularity by no more than
    /// `threshold`. The same seed gives the same partition on every machine (``SplitMix64``); it
    /// will differ from NetworkX's for the same seed, which draws from Python's generator.
    ///
    /// - Parameters:
    ///   - resolution: γ; above 1 favors smaller communities.
    ///   - threshold: the smallest modularity gain for another level.
    ///   - seed: the node order's seed.
    /// - Throws: ``MeasureError/invalidParameter(_:)`` for a directed view or a bad resolution.
    /// - Complexity: O(L · P · (V + E)) for L levels of P passes each, V nodes and E edges; in
    ///   practice near-linear (a few levels of a few passes).
    ///
    /// Example: two triangles joined by one edge split into the two triangles, modularity 5/14.
    public func louvain(resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0)
        throws(MeasureError) -> Communities {
        guard !isDirected else { throw .invalidParameter("communities are found on the undirected view") }
        guard resolution > 0 && resolution.isFinite else {
            throw .invalidParameter("resolution must be a positive number, not \(resolution)")
        }
        var random = SplitMix64(seed: seed)
        var labels = (0..<Int32(nodeCount)).map { $0 }
        var level = LouvainLevel(self)
        var quality = modularity(labels, resolution: resolution)
        var levels = 0
        while level.twiceTotal > 0 {
            guard level.moveNodes(resolution: resolution, threshold: threshold, random: &random) else { break }
            levels += 1
            let communities = level.renumber()
            for v in labels.indices { labels[v] = level.community[Int(labels[v])] }
            let next = modularity(labels, resolution: resolution)
            if next - quality <= threshold { quality = next; break }
            quality = next
            level = level.aggregate(communities)
        }
        let partition = Components(rawLabels: labels)
        return Communities(partition: partition, modularity: modularity(partition.labels, resolution: resolution),
                           levels: levels)
    }
}

/// One level of the Louvain method: a weighted graph whose nodes are the previous level's
/// communities, with internal weight kept as `loops`.
private struct LouvainLevel {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    /// Each node's strength, internal weight counted twice.
    var strength: [Double]
    /// Each node's internal weight (edges inside the community it stands for).
    var loops: [Double]
    /// 2m: the sum of all strengths.
    var twiceTotal: Double
    /// Each node's community.
    var community: [Int32]

    var count: Int { strength.count }

    init(_ view: MeasureGraph) {
        offsets = view.outgoing.offsets
        targets = view.outgoing.targets
        weights = view.outgoing.weights ?? [Double](repeating: 1, count: view.outgoing.count)
        loops = [Double](repeating: 0, count: view.nodeCount)
        strength = view.outStrengths()
        twiceTotal = strength.reduce(0, +)
        community = (0..<Int32(view.nodeCount)).map { $0 }
    }

    init(offsets: [Int], targets: [Int32], weights: [Double], loops: [Double]) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.loops = loops
        strength = loops.indices.map { u in
            var sum = 2 * loops[u]
            for i in offsets[u] ..< offsets[u + 1] { sum += weights[i] }
            return sum
        }
        twiceTotal = strength.reduce(0, +)
        community = (0..<Int32(loops.count)).map { $0 }
    }

    /// The most local-moving passes in one level (NetworKit's PLM default): on tree-like parts of a
    /// network, passes go on moving a few boundary nodes each for hundreds of rounds, and the next
    /// level finishes that work far cheaper.
    static let maxPasses = 32

    /// Local moving until a pass raises modularity by no more than `threshold`, or ``maxPasses``.
    /// Returns whether any node moved.
    mutating func moveNodes(resolution: Double, threshold: Double, random: inout SplitMix64) -> Bool {
        let n = count
        var order = (0..<Int32(n)).map { $0 }
        random.shuffle(&order)
        var totals = strength
        let scale = resolution / twiceTotal
        let offsets = self.offsets, targets = self.targets, weights = self.weights, strength = self.strength
        // Weight from the moving node to each neighboring community (−1: not seen yet), and those seen.
        let linkWeight = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        linkWeight.initialize(repeating: -1, count: n)
        let touched = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        defer { linkWeight.deallocate(); touched.deallocate() }
        var improved = false
        var passes = 0
        var moved = true
        community.withUnsafeMutableBufferPointer { community in
            totals.withUnsafeMutableBufferPointer { totals in
                offsets.withUnsafeBufferPointer { offsets in
                    targets.withUnsafeBufferPointer { targets in
                        weights.withUnsafeBufferPointer { weights in
                            while moved {
                                var gained = 0.0
                                for node in order {
                                    let u = Int(node)
                                    let own = Int(community[u])
                                    var seen = 0
                                    for i in offsets[u] ..< offsets[u + 1] {
                                        let c = Int(community[Int(targets[i])])
                                        if linkWeight[c] < 0 { linkWeight[c] = 0; touched[seen] = Int32(c); seen += 1 }
                                        linkWeight[c] += weights[i]
                                    }
                                    let k = strength[u]
                                    totals[own] -= k
                                    // Gain of joining c, up to terms common to all choices:
                                    // w(u, c) − γ · tot(c) · k / 2m.
                                    var best = own
                                    let stayGain = max(linkWeight[own], 0) - scale * totals[own] * k
                                    var bestGain = stayGain
                                    for j in 0..<seen {
                                        let c = Int(touched[j])
                                        let gain = linkWeight[c] - scale * totals[c] * k
                                        if gain > bestGain { bestGain = gain; best = c }
                                    }
                                    totals[best] += k
                                    if best != own {
                                        community[u] = Int32(best)
                                        gained += bestGain - stayGain
                                        improved = true
                                    }
                                    for j in 0..<seen { linkWeight[Int(touched[j])] = -1 }
                                }
                                // Another pass only while this one raised modularity (gains are in weight
                                // units: Q · m).
                                passes += 1
                                moved = gained > threshold * twiceTotal / 2 && passes < Self.maxPasses
                            }
                        }
                    }
                }
            }
        }
        return improved
    }

    /// Renumbers communities 0 ..< k in order of first appearance; returns k.
    mutating func renumber() -> Int {
        var number = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        for u in 0..<count {
            let c = Int(community[u])
            if number[c] < 0 { number[c] = next; next += 1 }
            community[u] = number[c]
        }
        return Int(next)
    }

    /// The next level: one node per community, parallel edges summed, internal edges as loops.
    func aggregate(_ k: Int) -> LouvainLevel {
        var members = [Int](repeating: 0, count: k + 1)
        for c in community { members[Int(c) + 1] += 1 }
        for c in 0..<k { members[c + 1] += members[c] }
        var byCommunity = [Int32](repeating: 0, count: count)
        var fill = members
        for u in 0..<count {
            let c = Int(community[u])
            byCommunity[fill[c]] = Int32(u)
            fill[c] += 1
        }
        var newOffsets = [Int](repeating: 0, count: k + 1)
        var newTargets: [Int32] = []
        var newWeights: [Double] = []
        var newLoops = [Double](repeating: 0, count: k)
        var slot = [Int](repeating: -1, count: k)
        for c in 0..<k {
            let start = newTargets.count
            for position in members[c] ..< members[c + 1] {
                let u = Int(byCommunity[position])
                newLoops[c] += loops[u]
                for i in offsets[u] ..< offsets[u + 1] {
                    let d = Int(community[Int(targets[i])])
                    if d == c {
                        newLoops[c] += weights[i] / 2  // seen from both ends
                    } else if slot[d] >= start {
                        newWeights[slot[d]] += weights[i]
                    } else {
                        slot[d] = newTargets.count
                        newTargets.append(Int32(d))
                        newWeights.append(weights[i])
                    }
                }
            }
            newOffsets[c + 1] = newTargets.count
        }
        return LouvainLevel(offsets: newOffsets, targets: newTargets, weights: newWeights, loops: newLoops)
    }
}
