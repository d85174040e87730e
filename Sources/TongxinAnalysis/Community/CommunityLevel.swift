/// One level of a multilevel community method (Louvain, Leiden): a weighted undirected graph in CSR
/// form whose nodes stand for sets of the original nodes, with the weight inside each set kept as a
/// self-loop, and the local moving both methods share. Edit together with its two users,
/// `Louvain.swift` and `Leiden.swift`.
struct CommunityLevel {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    /// Each node's strength, internal weight counted twice.
    var strength: [Double]
    /// Each node's internal weight (edges inside the set it stands for).
    var loops: [Double]
    /// 2m: the sum of all strengths (the same at every level).
    var twiceTotal: Double

    var count: Int { strength.count }

    /// The first level: the view itself, weights 1 when it has none.
    ///
    /// - Complexity: O(V + E).
    init(_ view: MeasureGraph) {
        offsets = view.outgoing.offsets
        targets = view.outgoing.targets
        weights = view.outgoing.weights ?? [Double](repeating: 1, count: view.outgoing.count)
        loops = [Double](repeating: 0, count: view.nodeCount)
        strength = view.outStrengths()
        twiceTotal = strength.reduce(0, +)
    }

    private init(offsets: [Int], targets: [Int32], weights: [Double], loops: [Double]) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.loops = loops
        strength = loops.indices.map { u in
            var sum = 2 * loops[u]
            for i in offsets[u]..<offsets[u + 1] { sum += weights[i] }
            return sum
        }
        twiceTotal = strength.reduce(0, +)
    }

    /// The next level: one node per group of `groups` (numbered 0 ..< `count`), parallel edges
    /// summed, edges inside a group as its loop. Each new node's arcs list its neighbors in order of
    /// first appearance over the group's members in index order, so the result is deterministic.
    ///
    /// - Complexity: O(V + E) of this level.
    func aggregate(_ groups: [Int32], count k: Int) -> CommunityLevel {
        var members = [Int](repeating: 0, count: k + 1)
        for c in groups { members[Int(c) + 1] += 1 }
        for c in 0..<k { members[c + 1] += members[c] }
        var byGroup = [Int32](repeating: 0, count: count)
        var fill = members
        for u in 0..<count {
            let c = Int(groups[u])
            byGroup[fill[c]] = Int32(u)
            fill[c] += 1
        }
        var newOffsets = [Int](repeating: 0, count: k + 1)
        var newTargets: [Int32] = []
        var newWeights: [Double] = []
        newTargets.reserveCapacity(targets.count / 2)
        newWeights.reserveCapacity(targets.count / 2)
        var newLoops = [Double](repeating: 0, count: k)
        var slot = [Int](repeating: -1, count: k)
        groups.withUnsafeBufferPointer { groups in
            offsets.withUnsafeBufferPointer { offsets in
                targets.withUnsafeBufferPointer { targets in
                    weights.withUnsafeBufferPointer { weights in
                        for c in 0..<k {
                            let start = newTargets.count
                            for position in members[c]..<members[c + 1] {
                                let u = Int(byGroup[position])
                                newLoops[c] += loops[u]
                                for i in offsets[u]..<offsets[u + 1] {
                                    let d = Int(groups[Int(targets[i])])
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
                    }
                }
            }
        }
        return CommunityLevel(offsets: newOffsets, targets: newTargets, weights: newWeights, loops: newLoops)
    }

    /// Fast local moving (Traag, Waltman and van Eck 2019, doi:10.1038/s41598-019-41695-z; the
    /// pruning of Ozaki, Tezuka and Inaba 2016, doi:10.17706/ijcee.2016.8.3.207-218) of the nodes of this
    /// level from the partition `community` (labels below ``count``): a queue of nodes, first all in
    /// index order; the node taken leaves its community and joins the neighboring or an empty
    /// community of largest gain w(v, C) − γ k_v K_C / 2m, staying on ties and on gains within
    /// rounding; when it moves, its neighbors outside its new community that are not queued are
    /// queued. Index order, not a shuffled one: at a million nodes a shuffled sweep spends most of its
    /// time in cache misses (4× slower, measured), and the partition found is as good.
    /// Returns the number of non-empty communities and the modularity gain, in weight units (Q · m).
    ///
    /// - Complexity: O(V + E) per sweep of the queue, V nodes and E arcs of the level; a node is
    ///   visited again only when a neighbor moved.
    func moveNodesFast(_ community: inout [Int32], resolution: Double) -> (groups: Int, gain: Double) {
        let n = count
        let scale = resolution / twiceTotal
        var totals = [Double](repeating: 0, count: n)
        var sizes = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            totals[Int(community[u])] += strength[u]
            sizes[Int(community[u])] += 1
        }
        var empty = (0..<Int32(n)).filter { sizes[Int($0)] == 0 }.reversed().map { $0 }
        var groups = n - empty.count
        var queue = (0..<Int32(n)).map { $0 }
        var queued = [Bool](repeating: true, count: n)
        var head = 0, pending = n
        var gained = 0.0
        var linkWeight = [Double](repeating: -1, count: n)
        var touched = [Int32](repeating: 0, count: n)
        community.withUnsafeMutableBufferPointer { community in
            totals.withUnsafeMutableBufferPointer { totals in
                sizes.withUnsafeMutableBufferPointer { sizes in
                    queue.withUnsafeMutableBufferPointer { queue in
                        queued.withUnsafeMutableBufferPointer { queued in
                            linkWeight.withUnsafeMutableBufferPointer { linkWeight in
                                touched.withUnsafeMutableBufferPointer { touched in
                                    offsets.withUnsafeBufferPointer { offsets in
                                        targets.withUnsafeBufferPointer { targets in
                                            weights.withUnsafeBufferPointer { weights in
                                                strength.withUnsafeBufferPointer { strength in
                                                    while pending > 0 {
                                                        let u = Int(queue[head])
                                                        head = head + 1 == n ? 0 : head + 1
                                                        pending -= 1
                                                        queued[u] = false
                                                        let own = Int(community[u])
                                                        var seen = 0
                                                        for i in offsets[u]..<offsets[u + 1] {
                                                            let c = Int(community[Int(targets[i])])
                                                            if linkWeight[c] < 0 { linkWeight[c] = 0; touched[seen] = Int32(c); seen += 1 }
                                                            linkWeight[c] += weights[i]
                                                        }
                                                        let k = strength[u]
                                                        totals[own] -= k
                                                        sizes[own] -= 1
                                                        var best = own
                                                        let stayGain = max(linkWeight[own], 0) - scale * totals[own] * k
                                                        var bestGain = stayGain
                                                        for j in 0..<seen {
                                                            let c = Int(touched[j])
                                                            let gain = linkWeight[c] - scale * totals[c] * k
                                                            if gain > bestGain { bestGain = gain; best = c }
                                                        }
                                                        if bestGain < 0 && sizes[own] > 0, let fresh = empty.last {
                                                            best = Int(fresh)  // alone, the node gains 0
                                                            bestGain = 0
                                                        }
                                                        if best != own && bestGain <= stayGain + 1e-12 * k {
                                                            best = own  // a gain within rounding: moving could cycle
                                                        }
                                                        for j in 0..<seen { linkWeight[Int(touched[j])] = -1 }
                                                        totals[best] += k
                                                        sizes[best] += 1
                                                        guard best != own else { continue }
                                                        if sizes[best] == 1 { empty.removeLast(); groups += 1 }
                                                        if sizes[own] == 0 { empty.append(Int32(own)); groups -= 1 }
                                                        community[u] = Int32(best)
                                                        gained += bestGain - stayGain
                                                        for i in offsets[u]..<offsets[u + 1] {
                                                            let v = Int(targets[i])
                                                            guard !queued[v] && Int(community[v]) != best else { continue }
                                                            queued[v] = true
                                                            var tail = head + pending
                                                            if tail >= n { tail -= n }
                                                            queue[tail] = Int32(v)
                                                            pending += 1
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (groups, gained)
    }

    /// Renumbers `labels` (values below `count`) 0 ..< k in order of first appearance; returns k.
    ///
    /// - Complexity: O(V).
    static func renumber(_ labels: inout [Int32], upTo bound: Int) -> Int {
        var number = [Int32](repeating: -1, count: bound)
        var next: Int32 = 0
        for u in labels.indices {
            let c = Int(labels[u])
            if number[c] < 0 { number[c] = next; next += 1 }
            labels[u] = number[c]
        }
        return Int(next)
    }
}
