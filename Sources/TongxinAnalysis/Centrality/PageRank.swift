extension MeasureGraph {
    /// PageRank (Page, Brin, Motwani and Winograd 1999, "The PageRank citation ranking", Stanford
    /// InfoLab 1999-66; Brin and Page 1998, doi:10.1016/S0169-7552(98)00110-X), with NetworkX's
    /// semantics: an undirected view walks each edge both ways; a node's out-arcs are followed in
    /// proportion to their weights (strengths); a dangling node (no out-arc, or out-weights summing to
    /// 0) jumps by `dangling`; every step teleports with probability 1 − `damping` by
    /// `personalization`. The scores sum to 1.
    ///
    /// Power iteration from the uniform vector, `x ← damping · (xP + (Σ dangling x) · d) + (1 − damping) · p`,
    /// each step one pass over the in-arcs split over two cores by node ranges (the same result on
    /// any number of cores; ``PageRankIteration``). It stops when the L1 change of a step is below
    /// the tolerance, so the error is at most change · damping / (1 − damping). Gauss–Seidel sweeps
    /// (within each lane's range) and Aitken-type extrapolation were measured on the benchmark graphs
    /// and took more steps to the same tolerance (Docs/Benchmarks.md), so plain power iteration it is.
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
        let product = SparseProduct(incoming, nodeCount: n)
        let uniform = personalization == nil && dangling == nil
        var scores = [Double](repeating: 0, count: n)
        let steps = strengths.withUnsafeBufferPointer { strengths in
            teleport.withUnsafeBufferPointer { teleport in
                jump.withUnsafeBufferPointer { jump in
                    incoming.offsets.withUnsafeBufferPointer { offsets in
                        incoming.targets.withUnsafeBufferPointer { tails in
                            withOptionalBuffer(incoming.weights) { weights in
                                scores.withUnsafeMutableBufferPointer { scores in
                                    var iteration = PageRankIteration(
                                        offsets: offsets, tails: tails, weights: weights, strengths: strengths,
                                        teleport: uniform ? nil : teleport, jump: uniform ? nil : jump,
                                        damping: damping, bounds: product.bounds)
                                    defer { iteration.deallocate() }
                                    return iteration.run(tolerance: options.tolerance, limit: options.maxIterations, into: scores)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard steps != nil else {
            throw .notConverged(measure: "pagerank", iterations: options.maxIterations, tolerance: options.tolerance)
        }
        return scores
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

/// The power iteration of ``MeasureGraph/pageRank(damping:personalization:dangling:options:)``, one
/// pass over the in-arcs per step.
///
/// Each lane computes its range of nodes (``SparseProduct/bounds``) of the next vector `x'` and, in
/// the same pass, the next scaled vector `y' = x' / strength` that the following step gathers, its
/// part of the dangling mass `Σ x'[v]` over dangling `v`, and its part of the L1 change `Σ |x' − x|`;
/// the parts are added in lane order, so the result is the same on any number of cores. Buffers are
/// allocated once; small graphs run the lanes one after the other.
///
/// - Complexity: O(V + E) per step, V nodes and E arcs; 5 vectors of V doubles.
struct PageRankIteration {
    let offsets: UnsafeBufferPointer<Int>
    let tails: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>?
    /// Per-node teleport and dangling jump distributions, or `nil` for uniform ones.
    let teleport: UnsafeBufferPointer<Double>?
    let jump: UnsafeBufferPointer<Double>?
    let damping: Double
    let bounds: [Int]
    /// 1 / out-strength, or 0 for a dangling node.
    let inverse: UnsafeMutableBufferPointer<Double>
    /// The scores and scaled scores of this step and of the next.
    var x, y, nextX, nextY: UnsafeMutableBufferPointer<Double>
    /// Lane `l`'s L1 change at `2l`, its dangling mass at `2l + 1`.
    let partial: UnsafeMutableBufferPointer<Double>

    init(
        offsets: UnsafeBufferPointer<Int>, tails: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>?,
        strengths: UnsafeBufferPointer<Double>, teleport: UnsafeBufferPointer<Double>?,
        jump: UnsafeBufferPointer<Double>?, damping: Double, bounds: [Int]
    ) {
        let n = strengths.count
        (self.offsets, self.tails, self.weights, self.teleport, self.jump) = (offsets, tails, weights, teleport, jump)
        (self.damping, self.bounds) = (damping, bounds)
        inverse = .allocate(capacity: n)
        x = .allocate(capacity: n)
        y = .allocate(capacity: n)
        nextX = .allocate(capacity: n)
        nextY = .allocate(capacity: n)
        partial = .allocate(capacity: 2 * Lanes.count)
        for v in 0..<n {
            inverse[v] = strengths[v] > 0 ? 1 / strengths[v] : 0
            x[v] = 1 / Double(n)
            y[v] = x[v] * inverse[v]
        }
    }

    func deallocate() {
        for buffer in [inverse, x, y, nextX, nextY, partial] { buffer.deallocate() }
    }

    /// Steps until the L1 change is below `tolerance`, copies the scores into `result` and returns
    /// the number of steps; `nil` after `limit` steps.
    mutating func run(tolerance: Double, limit: Int, into result: UnsafeMutableBufferPointer<Double>) -> Int? {
        var mass = 0.0
        for v in 0..<inverse.count where inverse[v] == 0 { mass += x[v] }
        let parallel = tails.count >= 1 << 14
        for step in 1...limit {
            let current = self, danglingMass = mass
            let body = { (lane: Int) in current.lane(lane, danglingMass: danglingMass) }
            if parallel { Lanes.run(Lanes.count, body) } else { for lane in 0..<Lanes.count { body(lane) } }
            var change = 0.0
            mass = 0
            for lane in 0..<Lanes.count {
                change += partial[2 * lane]
                mass += partial[2 * lane + 1]
            }
            swap(&x, &nextX)
            swap(&y, &nextY)
            if change < tolerance {
                _ = result.update(fromContentsOf: x)
                return step
            }
        }
        return nil
    }

    /// Lane `lane`'s nodes of one step: `x'[v] = d · (Σ_{u → v} w(u, v) · y[u] + m · jump[v]) + (1 − d) · teleport[v]`
    /// for dangling mass `m`.
    func lane(_ lane: Int, danglingMass: Double) {
        let d = damping
        let uniformTerm = (d * danglingMass + (1 - d)) / Double(inverse.count)
        let y = self.y.baseAddress!
        var change = 0.0, mass = 0.0
        var i = offsets[bounds[lane]]
        for v in bounds[lane]..<bounds[lane + 1] {
            // Two sums, even and odd arcs, so consecutive loads do not wait on one addition chain.
            let end = offsets[v + 1]
            var even = 0.0, odd = 0.0
            if let weights {
                while i + 1 < end {
                    even += weights[i] * y[Int(tails[i])]
                    odd += weights[i + 1] * y[Int(tails[i + 1])]
                    i += 2
                }
                if i < end { even += weights[i] * y[Int(tails[i])]; i += 1 }
            } else {
                while i + 1 < end {
                    even += y[Int(tails[i])]
                    odd += y[Int(tails[i + 1])]
                    i += 2
                }
                if i < end { even += y[Int(tails[i])]; i += 1 }
            }
            let sum = even + odd
            let term = if let teleport, let jump { d * danglingMass * jump[v] + (1 - d) * teleport[v] } else { uniformTerm }
            let value = d * sum + term
            let scale = inverse[v]
            change += abs(value - x[v])
            if scale == 0 { mass += value }
            nextX[v] = value
            nextY[v] = value * scale
        }
        partial[2 * lane] = change
        partial[2 * lane + 1] = mass
    }
}
