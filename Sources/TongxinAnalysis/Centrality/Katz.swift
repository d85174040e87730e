extension MeasureGraph {
    /// Katz centrality (Katz 1953, doi:10.1007/BF02289026) as NetworkX's `katz_centrality` defines
    /// it: the solution of x = α Aᵀx + β (in-arcs in a directed view; merged weights in a
    /// ``WeightUse/strength`` view), found by iterating from 0, and when `normalized` scaled to
    /// Euclidean norm 1.
    ///
    /// The series converges only when α < 1 / λ_max (the adjacency matrix's largest eigenvalue);
    /// otherwise the values grow without bound and the iteration fails.
    ///
    /// - Parameters:
    ///   - alpha: the attenuation factor α.
    ///   - beta: the exogenous weight β of every node, or one per node.
    ///   - normalized: divide by the Euclidean norm.
    ///   - options: tolerance on the L1 change between steps, and the iteration limit.
    /// - Throws: ``MeasureError/diverged(measure:iterations:)`` when the values overflow;
    ///   ``MeasureError/notConverged(measure:iterations:tolerance:)``; ``MeasureError/invalidParameter(_:)``
    ///   for a `beta` of the wrong length.
    /// - Complexity: O(k (V + E)) for k iterations, k ≈ log(tolerance) / log(α λ_max).
    ///
    /// Example: on the path a–b–c with α = 0.1, β = 1: x_a = 1 + 0.1 x_b, x_b = 1 + 0.2 x_a, so
    /// x_b = 1.2 / 0.98 and x_a = x_c = 1.1 / 0.98 before normalization.
    public func katzCentrality(
        alpha: Double = 0.1, beta: [Double] = [1], normalized: Bool = true,
        options: IterationOptions = IterationOptions()
    ) throws(MeasureError) -> [Double] {
        try options.validate()
        let n = nodeCount
        guard beta.count == 1 || beta.count == n else {
            throw .invalidParameter("beta has \(beta.count) values for \(n) nodes")
        }
        guard alpha.isFinite, beta.allSatisfy(\.isFinite) else {
            throw .invalidParameter("alpha and beta must be finite numbers")
        }
        guard n > 0 else { return [] }
        let betas = beta.count == n ? beta : [Double](repeating: beta[0], count: n)
        let product = SparseProduct(incoming, nodeCount: n)
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        var previousChange = Double.infinity
        for iteration in 0..<options.maxIterations {
            let change = betas.withUnsafeBufferPointer { betas in
                product.apply(x, previous: x, into: &next) { v, sum in alpha * sum + betas[v] }
            }
            swap(&x, &next)
            guard change.isFinite else { throw .diverged(measure: "katz", iterations: iteration + 1) }
            if options.converged(change: change, previous: previousChange) {
                guard normalized else { return x }
                var squares = 0.0
                for value in x { squares += value * value }
                guard squares > 0 else { return x }
                let scale = 1 / squares.squareRoot()
                return x.map { $0 * scale }
            }
            previousChange = change
        }
        throw .notConverged(measure: "katz", iterations: options.maxIterations, tolerance: options.tolerance)
    }
}
