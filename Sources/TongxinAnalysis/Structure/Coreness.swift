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
        var degree = (0..<n).map { outgoing.degree($0) + (isDirected ? incoming.degree($0) : 0) }
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
        func lower(_ u: Int, below v: Int) {
            guard degree[u] > degree[v] else { return }
            // Swap u with the first node of its degree bucket, then shrink that bucket by one.
            let du = degree[u], first = start[du], w = Int(order[first])
            if u != w {
                order[position[u]] = Int32(w); position[w] = position[u]
                order[first] = Int32(u); position[u] = first
            }
            start[du] += 1
            degree[u] -= 1
        }
        for i in 0..<n {
            let v = Int(order[i])
            for u in outgoing.neighbors(of: v) { lower(Int(u), below: v) }
            if isDirected { for u in incoming.neighbors(of: v) { lower(Int(u), below: v) } }
        }
        return degree
    }
}
