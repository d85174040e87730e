extension MeasureGraph {
    /// Eigenvector centrality (Bonacich 1987, doi:10.1086/228631) as NetworkX's
    /// `eigenvector_centrality` defines it: the Perron eigenvector of the adjacency matrix (in-arcs
    /// in a directed view, so a node is central when central nodes point to it; merged weights in a
    /// ``WeightUse/strength`` view), found by power iteration on A + I from the uniform vector and
    /// scaled to Euclidean norm 1. The shift by I keeps bipartite graphs from oscillating; on a
    /// disconnected graph the iteration converges to the component with the largest eigenvalue, as
    /// NetworkX's does.
    ///
    /// - Parameter options: tolerance on the L1 change between steps, and the iteration limit.
    /// - Returns: one score per node, non-negative, with Σ x² = 1.
    /// - Throws: ``MeasureError/notConverged(measure:iterations:tolerance:)``.
    /// - Complexity: O(k (V + E)) for k iterations; k grows as the gap between the two largest
    ///   eigenvalues of A + I closes.
    ///
    /// Example: on the path a–b–c, λ = √2 and the scores are 1/2, √2/2, 1/2.
    public func eigenvectorCentrality(options: IterationOptions = IterationOptions()) throws(MeasureError) -> [Double] {
        try options.validate()
        let n = nodeCount
        guard n > 0 else { return [] }
        let product = SparseProduct(incoming, nodeCount: n)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var previousChange = Double.infinity
        for _ in 0..<options.maxIterations {
            _ = x.withUnsafeBufferPointer { current in
                product.apply(x, previous: x, into: &next) { v, sum in sum + current[v] }
            }
            var squares = 0.0
            for value in next { squares += value * value }
            let scale = squares > 0 ? 1 / squares.squareRoot() : 1
            var change = 0.0
            for v in 0..<n {
                next[v] *= scale
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if options.converged(change: change, previous: previousChange) { return x }
            previousChange = change
        }
        throw .notConverged(measure: "eigenvector", iterations: options.maxIterations, tolerance: options.tolerance)
    }
}
