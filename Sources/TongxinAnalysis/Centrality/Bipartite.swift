/// Centrality in two-mode networks (enterprise–village, figure–organization), normalized by the
/// largest value possible given the two sides' sizes (Borgatti and Everett 1997, "Network analysis
/// of 2-mode data", doi:10.1016/S0378-8733(96)00301-2), as NetworkX's `bipartite.centrality` module
/// computes them. `top` marks one side; every other node is on the bottom side. The view must be
/// undirected; distances count hops.
extension MeasureGraph {
    /// Bipartite degree centrality: a node's degree divided by the size of the other side.
    ///
    /// - Throws: ``MeasureError/invalidParameter(_:)`` when a side is empty.
    /// - Complexity: O(V + E).
    ///
    /// Example: top {a}, bottom {x, y}, edges a–x, a–y: a scores 2/2 = 1, x and y 1/1 = 1.
    public func bipartiteDegreeCentrality(top: [Bool]) throws(MeasureError) -> [Double] {
        let (n, m) = try sides(top)
        return (0..<nodeCount).map { Double(outgoing.degree($0)) / Double(top[$0] ? m : n) }
    }

    /// Bipartite closeness: for a top node reaching its component at total hop distance D,
    /// (m + 2(n − 1))/D with n top and m bottom nodes (sides swapped for bottom nodes), times
    /// (r − 1)/(|V| − 1) when `normalized`, r the nodes it reaches (itself included).
    ///
    /// - Throws: ``MeasureError/invalidParameter(_:)`` when a side is empty.
    /// - Complexity: O(V (V + E)).
    ///
    /// Example: the star a–x, a–y with top {a}: D(a) = 2, so a scores (2 + 0)/2 = 1; D(x) = 1 + 2 = 3
    /// and x scores (1 + 2)/3 = 1.
    public func bipartiteClosenessCentrality(
        top: [Bool], normalized: Bool = true,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(MeasureError) -> [Double] {
        let (n, m) = try sides(top)
        let sums = unweighted().distanceSums(progress: progress)
        let size = Double(nodeCount)
        return (0..<nodeCount).map { u in
            let total = sums.total[u]
            guard total > 0 && size > 1 else { return 0 }
            let best = top[u] ? Double(m + 2 * (n - 1)) : Double(n + 2 * (m - 1))
            return best / total * (normalized ? Double(sums.reached[u]) / (size - 1) : 1)
        }
    }

    /// Bipartite betweenness: raw undirected betweenness (NetworkX's `normalized=False`) divided by
    /// the largest possible value for the node's side: with n top and m bottom nodes,
    /// s, t = divmod(n − 1, m), a top node's maximum is
    /// (m²(s + 1)² + m(s + 1)(2t − s − 1) − t(2s − t + 3)) / 2, and symmetrically for bottom nodes.
    ///
    /// - Throws: ``MeasureError/invalidParameter(_:)`` when a side is empty.
    /// - Complexity: O(V (V + E)).
    ///
    /// Example: the path x–a–y with top {a}: a lies on the one x–y path, raw 1; its maximum with
    /// n = 1, m = 2 is (4 + 2·(−1) − 0)/2 = 1, so a scores 1.
    public func bipartiteBetweennessCentrality(top: [Bool], progress: ((Int, Int) -> Void)? = nil)
        throws(MeasureError) -> [Double]
    {
        let (n, m) = try sides(top)
        func maximum(_ n: Int, _ m: Int) -> Double {
            let (s, t) = (n - 1).quotientAndRemainder(dividingBy: m)
            let mm = Double(m), ss = Double(s), tt = Double(t)
            return (mm * mm * (ss + 1) * (ss + 1) + mm * (ss + 1) * (2 * tt - ss - 1) - tt * (2 * ss - tt + 3)) / 2
        }
        let topMaximum = maximum(n, m), bottomMaximum = maximum(m, n)
        let raw = try unweighted().betweennessCentrality(normalized: false, progress: progress)
        return raw.indices.map { raw[$0] / (top[$0] ? topMaximum : bottomMaximum) }
    }

    /// The sizes of the top and bottom sides.
    private func sides(_ top: [Bool]) throws(MeasureError) -> (top: Int, bottom: Int) {
        precondition(top.count == nodeCount, "one side flag per node")
        guard !isDirected else { throw .invalidParameter("bipartite centrality needs an undirected view") }
        let n = top.count(where: { $0 }), m = nodeCount - n
        guard n > 0 && m > 0 else {
            throw .invalidParameter("bipartite centrality needs nodes on both sides (\(n) top, \(m) bottom)")
        }
        return (n, m)
    }
}
