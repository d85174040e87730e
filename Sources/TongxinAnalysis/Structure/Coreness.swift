import Synchronization

extension MeasureGraph {
    /// Core numbers (coreness): the largest k such that the node belongs to the k-core, the maximal
    /// subgraph whose nodes all have degree ≥ k. Computed by Batagelj and Zaversnik's bucket
    /// algorithm ("An O(m) algorithm for cores decomposition of networks", 2003,
    /// arXiv:cs/0310049; published in Advances in Data Analysis and Classification 5 (2011),
    /// doi:10.1007/s11634-010-0079-y), as NetworkX's `core_number`: in a directed view a node's degree
    /// is its in-degree plus its out-degree.
    ///
    /// From ``parallelCoreThreshold`` nodes on, PKC's parallel peeling computes the same numbers on
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

    /// Batagelj and Zaversnik's bucket algorithm, on one core, over 32-bit arrays.
    ///
    /// - Complexity: O(V + E).
    func bucketCoreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let directed = isDirected
        // Three columns of n: each node's current degree, its position in `order`, and the nodes
        // sorted by degree, with `start[d]` the first position of degree d.
        let columns = UnsafeMutablePointer<Int32>.allocate(capacity: 3 * n)
        defer { columns.deallocate() }
        let degree = columns, position = columns + n, order = columns + 2 * n
        var result = [Int](repeating: 0, count: n)
        outgoing.offsets.withUnsafeBufferPointer { outOffsets in
            outgoing.targets.withUnsafeBufferPointer { outTargets in
                incoming.offsets.withUnsafeBufferPointer { inOffsets in
                    incoming.targets.withUnsafeBufferPointer { inTargets in
                        var maxDegree = 0
                        for v in 0..<n {
                            var d = outOffsets[v + 1] - outOffsets[v]
                            if directed { d += inOffsets[v + 1] - inOffsets[v] }
                            degree[v] = Int32(d)
                            maxDegree = max(maxDegree, d)
                        }
                        var starts = [Int32](repeating: 0, count: maxDegree + 2)
                        starts.withUnsafeMutableBufferPointer { start in
                            for v in 0..<n { start[Int(degree[v]) + 1] += 1 }
                            for d in 0...maxDegree { start[d + 1] += start[d] }
                        }
                        var fill = starts
                        fill.withUnsafeMutableBufferPointer { fill in
                            for v in 0..<n {
                                let d = Int(degree[v]), p = fill[d]
                                position[v] = p
                                order[Int(p)] = Int32(v)
                                fill[d] = p + 1
                            }
                        }
                        starts.withUnsafeMutableBufferPointer { start in
                            /// Moves u, of degree above dv, to the front of its bucket and shrinks the bucket.
                            @inline(__always) func lower(_ u: Int, below dv: Int32) {
                                let du = degree[u]
                                guard du > dv else { return }
                                let first = start[Int(du)], w = order[Int(first)], pu = position[u]
                                if Int32(u) != w {
                                    order[Int(pu)] = w; position[Int(w)] = pu
                                    order[Int(first)] = Int32(u); position[u] = first
                                }
                                start[Int(du)] = first + 1
                                degree[u] = du - 1
                            }
                            for i in 0..<n {
                                let v = Int(order[i]), dv = degree[v]
                                for j in outOffsets[v]..<outOffsets[v + 1] { lower(Int(outTargets[j]), below: dv) }
                                guard directed else { continue }
                                for j in inOffsets[v]..<inOffsets[v + 1] { lower(Int(inTargets[j]), below: dv) }
                            }
                        }
                    }
                }
            }
        }
        result.withUnsafeMutableBufferPointer { result in
            for v in 0..<n { result[v] = Int(degree[v]) }
        }
        return result
    }

    /// Core numbers by PKC's level-synchronous peeling on two lanes (Kabir and Madduri 2017,
    /// "Parallel k-core decomposition on multicore platforms", IPDPSW, doi:10.1109/IPDPSW.2017.151;
    /// a refinement of ParK, Dasari, Ranjan and Zubair 2014, doi:10.1109/BigData.2014.7004366, which
    /// NetworKit's parallel `CoreDecomposition` follows). Each lane owns a contiguous block of nodes
    /// and a list of its nodes not yet peeled. For each level k, every lane scans its list for the
    /// nodes of degree k into a buffer of its own, dropping them and the nodes already peeled from
    /// the list (so the scans shrink as the graph is peeled); then, after one barrier, every lane
    /// drains its buffer without further synchronization: peeling a node decrements each neighbor
    /// above k atomically, and a neighbor that drops to k joins the buffer of the lane that lowered
    /// it (a decrement that would take it below k is undone). A level whose scan finds no node jumps
    /// to the smallest degree left. Core numbers are unique, so the result does not depend on the
    /// order in which the lanes' decrements land.
    ///
    /// - Complexity: O(V + E + Σ_k V_k) for V nodes, E arcs and V_k the nodes left at level k (at
    ///   most O(K · V), K the number of distinct core numbers), with two barriers per level.
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    func peeledCoreNumbers() -> [Int] {
        let n = nodeCount
        let lanes = Lanes.count
        let degree = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: max(n, 1))
        // Lane `l` keeps its buffer at `buffers[l * n ...]` and its list of unpeeled nodes in
        // `left` over its own block, with the counts in `buffered`, `leftCounts` and `smallest`.
        let buffers = UnsafeMutablePointer<Int32>.allocate(capacity: max(lanes * n, 1))
        let left = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        let buffered = UnsafeMutablePointer<Int>.allocate(capacity: lanes)
        let leftCounts = UnsafeMutablePointer<Int>.allocate(capacity: lanes)
        let smallest = UnsafeMutablePointer<Int32>.allocate(capacity: lanes)
        defer {
            degree.deinitialize(count: n); degree.deallocate()
            buffers.deallocate(); left.deallocate(); buffered.deallocate(); leftCounts.deallocate(); smallest.deallocate()
        }
        let directed = isDirected
        var result = [Int](repeating: 0, count: n)
        outgoing.offsets.withUnsafeBufferPointer { outOffsets in
            outgoing.targets.withUnsafeBufferPointer { outTargets in
                incoming.offsets.withUnsafeBufferPointer { inOffsets in
                    incoming.targets.withUnsafeBufferPointer { inTargets in
                        // Degrees, and each lane's list: its whole block.
                        Lanes.run(lanes) { lane in
                            let block = Lanes.range(lane, of: lanes, total: n)
                            var least = Int32.max
                            for v in block {
                                var d = outOffsets[v + 1] - outOffsets[v]
                                if directed { d += inOffsets[v + 1] - inOffsets[v] }
                                (degree + v).initialize(to: Atomic(Int32(d)))
                                left[v] = Int32(v)
                                least = min(least, Int32(d))
                            }
                            leftCounts[lane] = block.count
                            smallest[lane] = least
                        }
                        var level = (0..<lanes).map { smallest[$0] }.min() ?? Int32.max
                        var remaining = n
                        while remaining > 0 {
                            // Scan: each lane buffers its nodes of degree `level` and keeps those above.
                            let k = level
                            Lanes.run(lanes) { lane in
                                let first = Lanes.range(lane, of: lanes, total: n).lowerBound
                                let buffer = buffers + lane * n
                                var count = 0, kept = 0, least = Int32.max
                                for i in first..<(first + leftCounts[lane]) {
                                    let v = left[i], d = degree[Int(v)].load(ordering: .relaxed)
                                    if d == k {
                                        buffer[count] = v
                                        count += 1
                                    } else if d > k {
                                        left[first + kept] = v
                                        kept += 1
                                        least = min(least, d)
                                    }
                                }
                                buffered[lane] = count
                                leftCounts[lane] = kept
                                smallest[lane] = least
                            }
                            let found = (0..<lanes).reduce(0) { $0 + buffered[$1] }
                            if found == 0 {
                                level = (0..<lanes).map { smallest[$0] }.min() ?? Int32.max
                                continue
                            }
                            // Peel: each lane drains its buffer, which grows as neighbors drop to `level`.
                            Lanes.run(lanes) { lane in
                                let buffer = buffers + lane * n
                                @inline(__always) func lower(_ u: Int32, _ count: inout Int) {
                                    guard degree[Int(u)].load(ordering: .relaxed) > k else { return }
                                    let old = degree[Int(u)].wrappingSubtract(1, ordering: .relaxed).oldValue
                                    if old == k + 1 {
                                        buffer[count] = u
                                        count += 1
                                    } else if old <= k {
                                        degree[Int(u)].wrappingAdd(1, ordering: .relaxed)
                                    }
                                }
                                var count = buffered[lane], i = 0
                                while i < count {
                                    let v = Int(buffer[i])
                                    i += 1
                                    for j in outOffsets[v]..<outOffsets[v + 1] { lower(outTargets[j], &count) }
                                    guard directed else { continue }
                                    for j in inOffsets[v]..<inOffsets[v + 1] { lower(inTargets[j], &count) }
                                }
                                buffered[lane] = count
                            }
                            remaining -= (0..<lanes).reduce(0) { $0 + buffered[$1] }
                            level += 1
                        }
                        result.withUnsafeMutableBufferPointer { result in
                            let result = UncheckedSendable(result)
                            Lanes.run(lanes) { lane in
                                for v in Lanes.range(lane, of: lanes, total: n) {
                                    result.value[v] = Int(degree[v].load(ordering: .relaxed))
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
