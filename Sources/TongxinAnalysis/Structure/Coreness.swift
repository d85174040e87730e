extension MeasureGraph {
    /// Core numbers (coreness): the largest k such that the node belongs to the k-core, the maximal
    /// subgraph whose nodes all have degree ≥ k. Computed by Batagelj and Zaversnik's bucket
    /// algorithm ("An O(m) algorithm for cores decomposition of networks", 2003,
    /// arXiv:cs/0310049; published in Advances in Data Analysis and Classification 5 (2011),
    /// doi:10.1007/s11634-010-0079-y), as NetworkX's `core_number`: in a directed view a node's degree
    /// is its in-degree plus its out-degree.
    ///
    /// Example: a triangle a–b–c with a pendant d on c: a, b, c have core number 2 and d has 1.
    ///
    /// - Complexity: O(V + E), V nodes and E arcs of the view.
    public func coreNumbers() -> [Int] {
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
                                            for j in outOffsets[v] ..< outOffsets[v + 1] { lower(Int(outTargets[j]), below: dv) }
                                            guard isDirected else { continue }
                                            for j in inOffsets[v] ..< inOffsets[v + 1] { lower(Int(inTargets[j]), below: dv) }
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
}
