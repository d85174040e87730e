import Synchronization

extension MeasureGraph {
    /// Core numbers (coreness): the largest k such that the node belongs to the k-core, the maximal
    /// subgraph whose nodes all have degree ≥ k. Computed by Batagelj and Zaversnik's bucket
    /// algorithm ("An O(m) algorithm for cores decomposition of networks", 2003,
    /// arXiv:cs/0310049; published in Advances in Data Analysis and Classification 5 (2011),
    /// doi:10.1007/s11634-010-0079-y), as NetworkX's `core_number`: in a directed view a node's degree
    /// is its in-degree plus its out-degree.
    ///
    /// From ``parallelCoreThreshold`` nodes on, ParK's parallel peeling computes the same numbers on
    /// two cores (``peeledCoreNumbers()``).
    ///
    /// Example: a triangle a–b–c with a pendant d on c: a, b, c have core number 2 and d has 1.
    ///
    /// - Complexity: O(V + E), V nodes and E arcs of the view; in parallel O(K · V + E), K the
    ///   number of distinct core numbers.
    public func coreNumbers() -> [Int] {
        if nodeCount >= Self.parallelCoreThreshold, #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            return peeledCoreNumbers()
        }
        return bucketCoreNumbers()
    }

    /// The node count from which core numbers are peeled in parallel: below it, the threads'
    /// start-up and the per-level scans cost more than they save.
    static let parallelCoreThreshold = 20_000

    /// Batagelj and Zaversnik's bucket algorithm, on one core.
    ///
    /// - Complexity: O(V + E).
    func bucketCoreNumbers() -> [Int] {
        let n = nodeCount
        var degree = [Int](repeating: 0, count: n)
        for v in 0..<n { degree[v] = outgoing.degree(v) + (isDirected ? incoming.degree(v) : 0) }
        let maxDegree = degree.max() ?? 0
        // Nodes sorted by degree in `order`, with `start[d]` the first position of degree d.
        var start = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { start[d + 1] += 1 }
        for d in 0...maxDegree { start[d + 1] += start[d] }
        var position = [Int](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var fill = start
        for v in 0..<n {
            position[v] = fill[degree[v]]
            order[position[v]] = Int32(v)
            fill[degree[v]] += 1
        }
        degree.withUnsafeMutableBufferPointer { degree in
            start.withUnsafeMutableBufferPointer { start in
                position.withUnsafeMutableBufferPointer { position in
                    order.withUnsafeMutableBufferPointer { order in
                        /// Moves u, of degree above v's, to the front of its bucket and shrinks the bucket.
                        func lower(_ u: Int, below dv: Int) {
                            let du = degree[u]
                            guard du > dv else { return }
                            let first = start[du], w = Int(order[first])
                            if u != w {
                                order[position[u]] = Int32(w); position[w] = position[u]
                                order[first] = Int32(u); position[u] = first
                            }
                            start[du] += 1
                            degree[u] = du - 1
                        }
                        outgoing.offsets.withUnsafeBufferPointer { outOffsets in
                            outgoing.targets.withUnsafeBufferPointer { outTargets in
                                incoming.offsets.withUnsafeBufferPointer { inOffsets in
                                    incoming.targets.withUnsafeBufferPointer { inTargets in
                                        for i in 0..<n {
                                            let v = Int(order[i]), dv = degree[v]
                                            for j in outOffsets[v]..<outOffsets[v + 1] { lower(Int(outTargets[j]), below: dv) }
                                            guard isDirected else { continue }
                                            for j in inOffsets[v]..<inOffsets[v + 1] { lower(Int(inTargets[j]), below: dv) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return degree
    }

    /// Core numbers by ParK's level-synchronous peeling on two lanes (Dasari, Ranjan and Zubair
    /// 2014, "ParK: an efficient algorithm for k-core decomposition on multicore processors", IEEE
    /// Big Data 2014, pp. 9–16; NetworKit's parallel `CoreDecomposition`): for
    /// each level k with nodes left, a scan over the nodes collects those of degree k; each lane
    /// peels its half of them, decrementing every neighbor above k atomically, and a neighbor that
    /// drops to k joins the lane's next frontier (a decrement that would take it below k is undone);
    /// frontiers repeat until empty. The scan also finds the smallest degree above k, so levels with
    /// no node are skipped. Core numbers are unique, so the result does not depend on the order
    /// in which the lanes' decrements land.
    ///
    /// - Complexity: O(K · V + E) for K distinct core numbers, V nodes and E arcs.
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    func peeledCoreNumbers() -> [Int] {
        let n = nodeCount
        let lanes = Lanes.count
        let degree = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: max(n, 1))
        for v in 0..<n {
            (degree + v).initialize(to: Atomic(Int32(outgoing.degree(v) + (isDirected ? incoming.degree(v) : 0))))
        }
        defer { degree.deinitialize(count: n); degree.deallocate() }
        // Frontiers: lane `l` writes its part of the next one at `l * n`, with its count in `counts`.
        let frontier = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(lanes * n, 1))
        let next = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(lanes * n, 1))
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: lanes)
        let smallest = UnsafeMutableBufferPointer<Int32>.allocate(capacity: lanes)
        defer { frontier.deallocate(); next.deallocate(); counts.deallocate(); smallest.deallocate() }
        let shared = UncheckedSendable((degree, frontier, next, counts, smallest))
        var done = 0
        var level: Int32 = 0
        let directed = isDirected
        outgoing.offsets.withUnsafeBufferPointer { outOffsets in
            outgoing.targets.withUnsafeBufferPointer { outTargets in
                incoming.offsets.withUnsafeBufferPointer { inOffsets in
                    incoming.targets.withUnsafeBufferPointer { inTargets in
                        while done < n {
                            // Scan: the nodes of degree `level`, and the smallest degree above it.
                            Lanes.run(lanes) { lane in
                                let (degree, frontier, _, counts, smallest) = shared.value
                                var count = 0, least = Int32.max
                                for v in Lanes.range(lane, of: lanes, total: n) {
                                    let d = degree[v].load(ordering: .relaxed)
                                    if d == level {
                                        frontier[lane * n + count] = Int32(v)
                                        count += 1
                                    } else if d > level && d < least {
                                        least = d
                                    }
                                }
                                counts[lane] = count
                                smallest[lane] = least
                            }
                            var size = 0
                            for lane in 0..<lanes {  // gather the lanes' parts into one frontier, in lane order
                                for i in 0..<counts[lane] { frontier[size + i] = frontier[lane * n + i] }
                                size += counts[lane]
                            }
                            let scanned = size
                            let least = (0..<lanes).map { smallest[$0] }.min() ?? Int32.max
                            var from = frontier, to = next
                            while size > 0 {
                                done += size
                                let work = UncheckedSendable((from, to, size))
                                Lanes.run(lanes) { lane in
                                    let (degree, _, _, counts, _) = shared.value
                                    let (from, to, size) = work.value
                                    var count = 0
                                    func lower(_ u: Int32) {
                                        guard degree[Int(u)].load(ordering: .relaxed) > level else { return }
                                        let old = degree[Int(u)].wrappingSubtract(1, ordering: .relaxed).oldValue
                                        if old == level + 1 {
                                            to[lane * n + count] = u
                                            count += 1
                                        } else if old <= level {
                                            degree[Int(u)].wrappingAdd(1, ordering: .relaxed)
                                        }
                                    }
                                    for i in Lanes.range(lane, of: lanes, total: size) {
                                        let v = Int(from[i])
                                        for j in outOffsets[v]..<outOffsets[v + 1] { lower(outTargets[j]) }
                                        guard directed else { continue }
                                        for j in inOffsets[v]..<inOffsets[v + 1] { lower(inTargets[j]) }
                                    }
                                    counts[lane] = count
                                }
                                size = 0
                                for lane in 0..<lanes {
                                    for i in 0..<counts[lane] { to[size + i] = to[lane * n + i] }
                                    size += counts[lane]
                                }
                                swap(&from, &to)
                            }
                            // An empty level jumps to the smallest degree left; after peeling, degrees may
                            // have dropped to any value above `level`, so the next level is the one after.
                            level = scanned == 0 ? least : level + 1
                        }
                    }
                }
            }
        }
        return (0..<n).map { Int(degree[$0].load(ordering: .relaxed)) }
    }
}
