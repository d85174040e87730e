extension MeasureGraph {
    /// PageRank (Page, Brin, Motwani and Winograd 1999, "The PageRank citation ranking", Stanford
    /// InfoLab 1999-66; Brin and Page 1998, doi:10.1016/S0169-7552(98)00110-X), with NetworkX's
    /// semantics: an undirected view walks each edge both ways; a node's out-arcs are followed in
    /// proportion to their weights (strengths); a dangling node (no out-arc, or out-weights summing to
    /// 0) jumps by `dangling`; every step teleports with probability 1 − `damping` by
    /// `personalization`. The scores sum to 1.
    ///
    /// Power iteration from the uniform vector, `x ← damping · (xP + (Σ dangling x) · d) + (1 − damping) · p`,
    /// each product split over two cores by node ranges (the same result on any number of cores).
    ///
    /// - Parameters:
    ///   - damping: the probability of following an arc, in [0, 1).
    ///   - personalization: teleport weights per node (normalized to sum 1), or `nil` for uniform.
    ///   - dangling: where dangling nodes jump (normalized), or `nil` for `personalization`.
    ///   - options: tolerance on the L1 change between steps, and the iteration limit.
    /// - Returns: one score per node.
    /// - Throws: ``MeasureError/invalidParameter(_:)`` for a damping outside [0, 1), weights that are
    ///   negative or sum to 0, or vectors of the wrong length; ``MeasureError/notConverged(measure:iterations:tolerance:)``.
    /// - Complexity: O(k (V + E)) for k iterations; k ≈ log(tolerance) / log(damping) (about 180 at
    ///   0.85 and 1e-13).
    ///
    /// Example: on the path a–b–c with damping 0.85, b scores 0.4864864864864865 and a, c
    /// 0.25675675675675674 each (b = (1 − d)/3 + d(a + c), a = (1 − d)/3 + d·b/2).
    public func pageRank(
        damping: Double = 0.85, personalization: [Double]? = nil, dangling: [Double]? = nil,
        options: IterationOptions = IterationOptions()
    ) throws(MeasureError) -> [Double] {
        try options.validate()
        guard damping >= 0 && damping < 1 else {
            throw .invalidParameter("damping must be in [0, 1), not \(damping)")
        }
        let n = nodeCount
        guard n > 0 else { return [] }
        let teleport = try Self.distribution(personalization, n, name: "personalization") ?? [Double](repeating: 1 / Double(n), count: n)
        let jump = try Self.distribution(dangling, n, name: "dangling") ?? teleport
        let strengths = outStrengths()
        if let bad = strengths.first(where: { $0 < 0 || !$0.isFinite }) {
            throw .invalidParameter("PageRank needs non-negative weights; a node's out-strength is \(bad)")
        }
        let inverse = strengths.map { $0 > 0 ? 1 / $0 : 0 }
        let danglingNodes = strengths.indices.filter { strengths[$0] == 0 }
        let product = SparseProduct(incoming, nodeCount: n)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var scaled = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<options.maxIterations {
            for v in 0..<n { scaled[v] = x[v] * inverse[v] }
            var danglingMass = 0.0
            for v in danglingNodes { danglingMass += x[v] }
            let change = teleport.withUnsafeBufferPointer { teleport in
                jump.withUnsafeBufferPointer { jump in
                    product.apply(scaled, previous: x, into: &next) { v, sum in
                        damping * (sum + danglingMass * jump[v]) + (1 - damping) * teleport[v]
                    }
                }
            }
            swap(&x, &next)
            if change < options.tolerance { return x }
        }
        throw .notConverged(measure: "pagerank", iterations: options.maxIterations, tolerance: options.tolerance)
    }

    /// `weights` normalized to sum 1, or `nil` when absent.
    static func distribution(_ weights: [Double]?, _ n: Int, name: String) throws(MeasureError) -> [Double]? {
        guard let weights else { return nil }
        guard weights.count == n else {
            throw .invalidParameter("\(name) has \(weights.count) values for \(n) nodes")
        }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw .invalidParameter("\(name) weights must be finite and not negative")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw .invalidParameter("\(name) weights sum to 0") }
        return weights.map { $0 / total }
    }
}
