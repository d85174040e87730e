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
    ///
    /// From `parallelFrom` nodes on (``parallelMovingThreshold`` by default), when every node starts
    /// alone (every Louvain level, Leiden's first pass), the nodes are first moved on two lanes: the
    /// level is cut in two halves with few arcs between them (``splitInHalves()``) and each lane runs
    /// the queue over its half, in index order, as if the other half were not there, so a node joins
    /// only communities of its own half and each lane writes only its half's labels, totals and sizes
    /// (the domain decomposition of parallel Louvain, as in Wickramaarachchi, Kannan, Chelmis and
    /// Prasanna 2014, "Fast parallel algorithm for unfolding of communities in large graphs", IEEE
    /// HPEC, doi:10.1109/HPEC.2014.7040973). Then one queue over the whole level, holding first the
    /// nodes with a neighbor in the other half, finishes the moves: on the 10× benchmark graph 1,295 of
    /// 970 thousand nodes. The cut depends only on the level, never on the number of cores, so the
    /// partition is the same on any machine and from run to run.
    /// Returns the number of non-empty communities and the modularity gain, in weight units (Q · m).
    ///
    /// - Complexity: O(V + E) per sweep of the queue, V nodes and E arcs of the level; a node is
    ///   visited again only when a neighbor moved.
    func moveNodesFast(
        _ community: inout [Int32], resolution: Double, parallelFrom: Int = parallelMovingThreshold
    ) -> (groups: Int, gain: Double) {
        let n = count
        var totals = [Double](repeating: 0, count: n)
        var sizes = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            totals[Int(community[u])] += strength[u]
            sizes[Int(community[u])] += 1
        }
        var queue = (0..<Int32(n)).map { $0 }
        var queued = [Bool](repeating: true, count: n)
        var linkWeight = [Double](repeating: -1, count: n)
        var touched = [Int32](repeating: 0, count: n)
        let halves = n >= max(parallelFrom, 2) && community.indices.allSatisfy({ Int(community[$0]) == $0 }) ? 2 : 1
        var gained = 0.0
        var groups = 0
        community.withUnsafeMutableBufferPointer { community in
            totals.withUnsafeMutableBufferPointer { totals in
                sizes.withUnsafeMutableBufferPointer { sizes in
                    queue.withUnsafeMutableBufferPointer { queue in
                        queued.withUnsafeMutableBufferPointer { queued in
                            linkWeight.withUnsafeMutableBufferPointer { linkWeight in
                                touched.withUnsafeMutableBufferPointer { touched in
                                    let state = MovingState(
                                        community: community, totals: totals, sizes: sizes, queue: queue,
                                        queued: queued, linkWeight: linkWeight, touched: touched,
                                        scale: resolution / twiceTotal)
                                    var pending = n
                                    if halves > 1 {
                                        let side = splitInHalves()
                                        // Each half's nodes in index order: the first at the front of the queue.
                                        let firstCount = n / 2  // side 0: the first n / 2 nodes in preorder
                                        var front = 0, back = firstCount
                                        for u in 0..<n {
                                            if side[u] == 0 {
                                                queue[front] = Int32(u); front += 1
                                            } else {
                                                queue[back] = Int32(u); back += 1
                                            }
                                        }
                                        var laneGains = [Double](repeating: 0, count: 2)
                                        side.withUnsafeBufferPointer { side in
                                            laneGains.withUnsafeMutableBufferPointer { laneGains in
                                                let shared = UncheckedSendable((state, laneGains, side))
                                                Lanes.run(2) { lane in
                                                    let (state, laneGains, side) = shared.value
                                                    let ring = lane == 0 ? 0..<firstCount : firstCount..<n
                                                    var empty: [Int32] = []  // all start alone: none empty yet
                                                    laneGains[lane] = moveQueued(
                                                        ring, pending: ring.count, state, &empty, within: (side, UInt8(lane)))
                                                    // Mark this side's nodes with a neighbor on the other side.
                                                    markCrossing(side, UInt8(lane), state.queued)
                                                }
                                            }
                                        }
                                        gained = laneGains[0] + laneGains[1]
                                        // Queue the marked nodes in index order.
                                        pending = 0
                                        for u in 0..<n where queued[u] { queue[pending] = Int32(u); pending += 1 }
                                    }
                                    var empty = (0..<Int32(n)).filter { sizes[Int($0)] == 0 }.reversed().map { $0 }
                                    gained += moveQueued(0..<n, pending: pending, state, &empty, within: nil)
                                    groups = n - empty.count
                                }
                            }
                        }
                    }
                }
            }
        }
        return (groups, gained)
    }

    /// Levels of at least this many nodes start their local moving on two lanes
    /// (``moveNodesFast(_:resolution:parallelFrom:)``); below it, the cut and the second thread cost
    /// more than they save.
    static let parallelMovingThreshold = 50_000

    /// Two halves of the nodes with few arcs between them: the first half of a depth-first preorder
    /// (from each unvisited node in index order, arcs in order) is side 0, the rest side 1. The nodes
    /// of a hierarchy's subtree are consecutive in preorder, so the cut is small: on the 10× benchmark
    /// graph 1,295 nodes have a neighbor on the other side, against 657,685 when the halves are
    /// the lower and upper node indices (its nodes are numbered by kind).
    ///
    /// - Complexity: O(V + E).
    func splitInHalves() -> [UInt8] {
        let n = count, half = n / 2
        let unseen: UInt8 = 2
        var side = [UInt8](repeating: unseen, count: n)
        var cursor = [Int](offsets.dropLast())
        var stack: [Int32] = []
        var visited = 0
        for start in 0..<n where side[start] == unseen {
            side[start] = visited < half ? 0 : 1
            visited += 1
            stack.append(Int32(start))
            while let u = stack.last.map(Int.init) {
                var i = cursor[u]
                while i < offsets[u + 1] && side[Int(targets[i])] != unseen { i += 1 }
                guard i < offsets[u + 1] else { stack.removeLast(); continue }
                cursor[u] = i + 1
                let v = Int(targets[i])
                side[v] = visited < half ? 0 : 1
                visited += 1
                stack.append(Int32(v))
            }
        }
        return side
    }

    /// Sets `marks[u]` for the nodes u on side `lane` of `side` with a neighbor on the other side,
    /// and clears it for the others of that side.
    ///
    /// - Complexity: O(V + E).
    private func markCrossing(_ side: UnsafeBufferPointer<UInt8>, _ lane: UInt8, _ marks: UnsafeMutableBufferPointer<Bool>) {
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                for u in 0..<count where side[u] == lane {
                    var crosses = false
                    for i in offsets[u]..<offsets[u + 1] where side[Int(targets[i])] != lane { crosses = true; break }
                    marks[u] = crosses
                }
            }
        }
    }

    /// The arrays local moving works on, indexed by node or community label (both below ``count``).
    /// A lane moving one side of ``splitInHalves()``, every community labeled by a node of that side,
    /// touches only that side's entries (and its own range of `queue` and `touched`).
    private struct MovingState {
        let community: UnsafeMutableBufferPointer<Int32>
        /// K_C and the node count of each community.
        let totals: UnsafeMutableBufferPointer<Double>
        let sizes: UnsafeMutableBufferPointer<Int32>
        /// A ring of queued nodes, and whether each node is in it.
        let queue: UnsafeMutableBufferPointer<Int32>
        let queued: UnsafeMutableBufferPointer<Bool>
        /// Scratch: the weight to each community seen (−1: unseen), and the communities seen.
        let linkWeight: UnsafeMutableBufferPointer<Double>
        let touched: UnsafeMutableBufferPointer<Int32>
        /// γ / 2m.
        let scale: Double
    }

    /// The queue of ``moveNodesFast(_:resolution:parallelFrom:)``: it starts with the `pending` nodes
    /// at the front of `queue[ring]`, the ring it runs in, takes free labels from `empty`, and returns
    /// the gain in weight units. With `half`, arcs to nodes of the other side are ignored (the
    /// nodes and communities met are then all of this side), and the scratch `touched[ring]` is used.
    ///
    /// - Complexity: O(V + E) per sweep of the queue over the nodes.
    private func moveQueued(
        _ ring: Range<Int>, pending: Int, _ state: MovingState, _ empty: inout [Int32],
        within half: (side: UnsafeBufferPointer<UInt8>, lane: UInt8)?
    ) -> Double {
        let low = ring.lowerBound, length = ring.count
        let side = half?.side ?? UnsafeBufferPointer(start: nil, count: 0), lane = half?.lane ?? 0
        let restricted = half != nil
        let community = state.community, totals = state.totals, sizes = state.sizes
        let queue = state.queue, queued = state.queued
        let linkWeight = state.linkWeight, touched = state.touched
        let scale = state.scale
        var head = 0, pending = pending
        var gained = 0.0
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                    strength.withUnsafeBufferPointer { strength in
                        while pending > 0 {
                            let u = Int(queue[low + head])
                            head = head + 1 == length ? 0 : head + 1
                            pending -= 1
                            queued[u] = false
                            let own = Int(community[u])
                            var seen = 0
                            for i in offsets[u]..<offsets[u + 1] {
                                let v = Int(targets[i])
                                if restricted && side[v] != lane { continue }
                                let c = Int(community[v])
                                if linkWeight[c] < 0 { linkWeight[c] = 0; touched[low + seen] = Int32(c); seen += 1 }
                                linkWeight[c] += weights[i]
                            }
                            let k = strength[u]
                            totals[own] -= k
                            sizes[own] -= 1
                            var best = own
                            let stayGain = max(linkWeight[own], 0) - scale * totals[own] * k
                            var bestGain = stayGain
                            for j in 0..<seen {
                                let c = Int(touched[low + j])
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
                            for j in 0..<seen { linkWeight[Int(touched[low + j])] = -1 }
                            totals[best] += k
                            sizes[best] += 1
                            guard best != own else { continue }
                            if sizes[best] == 1 { empty.removeLast() }
                            if sizes[own] == 0 { empty.append(Int32(own)) }
                            community[u] = Int32(best)
                            gained += bestGain - stayGain
                            for i in offsets[u]..<offsets[u + 1] {
                                let v = Int(targets[i])
                                // The side first: another lane owns the other side's entries.
                                guard !(restricted && side[v] != lane) && !queued[v] && Int(community[v]) != best else {
                                    continue
                                }
                                queued[v] = true
                                var tail = head + pending
                                if tail >= length { tail -= length }
                                queue[low + tail] = Int32(v)
                                pending += 1
                            }
                        }
                    }
                }
            }
        }
        return gained
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
