extension MeasureGraph {
    /// The nodes within `depth` hops of `origin` (following out-arcs in a directed view), with their
    /// hop distance, in breadth-first order (by distance, then CSR order); the origin is not included.
    ///
    /// - Complexity: O(V' + E'), the nodes and arcs within reach.
    ///
    /// Example: on the path a–b–c–d, the neighborhood of b at depth 1 is [(a, 1), (c, 1)], at depth 2
    /// it adds (d, 2).
    public func neighborhood(of origin: Int, depth: Int) -> [(node: Int, depth: Int)] {
        precondition(origin >= 0 && origin < nodeCount && depth >= 0)
        let search = SingleSource(nodeCount: nodeCount)
        search.run(from: origin, along: unweighted().outgoing, countPaths: false, limit: Double(depth))
        return search.settled.dropFirst().map { (Int($0), Int(search.distance[Int($0)])) }
    }
}
