/// The sparse product shared by the iterative measures (eigenvector, Katz; PageRank uses its lane
/// split and fuses its own step):
/// `result[v] = Σ_{u → v} weight(u, v) · x[u]`, a pull over the in-arcs, split over ``Lanes`` by
/// ranges of nodes holding about equal numbers of arcs.
///
/// Each lane writes only its own range of `result` and sums its nodes' arcs in CSR order, so the
/// product is the same on any number of cores. Edit together with its callers.
///
/// - Complexity: O(V + E) per product, V nodes and E arcs.
struct SparseProduct {
    let arcs: MeasureGraph.Arcs
    /// Lane `i` computes nodes `bounds[i] ..< bounds[i + 1]`.
    let bounds: [Int]

    init(_ arcs: MeasureGraph.Arcs, nodeCount n: Int) {
        self.arcs = arcs
        var bounds = [0]
        var node = 0
        for lane in 1..<Lanes.count {
            let wanted = arcs.count * lane / Lanes.count
            while node < n && arcs.offsets[node] < wanted { node += 1 }
            bounds.append(node)
        }
        bounds.append(n)
        self.bounds = bounds
    }

    /// Computes `result[v] = finish(v, (Aᵀx)[v])` for every node and returns the L1 distance
    /// `Σ |result[v] − previous[v]|`, each lane's part summed in node order and the parts in lane order.
    /// `finish` runs on both lanes at once: it must only read shared state.
    func apply(
        _ x: [Double], previous: [Double], into result: inout [Double],
        finish: (Int, Double) -> Double
    ) -> Double {
        var partial = [Double](repeating: 0, count: Lanes.count)
        partial.withUnsafeMutableBufferPointer { partial in
            x.withUnsafeBufferPointer { x in
                previous.withUnsafeBufferPointer { previous in
                    result.withUnsafeMutableBufferPointer { result in
                        arcs.offsets.withUnsafeBufferPointer { offsets in
                            arcs.targets.withUnsafeBufferPointer { tails in
                                withOptionalBuffer(arcs.weights) { weights in
                                    let shared = UncheckedSendable((result, partial))
                                    Lanes.run { lane in
                                        let (result, partial) = shared.value
                                        var change = 0.0
                                        for v in bounds[lane]..<bounds[lane + 1] {
                                            var sum = 0.0
                                            if let weights {
                                                for i in offsets[v]..<offsets[v + 1] {
                                                    sum += weights[i] * x[Int(tails[i])]
                                                }
                                            } else {
                                                for i in offsets[v]..<offsets[v + 1] { sum += x[Int(tails[i])] }
                                            }
                                            let value = finish(v, sum)
                                            result[v] = value
                                            change += abs(value - previous[v])
                                        }
                                        partial[lane] = change
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }
}

/// Calls `body` with a buffer over `array`, or with `nil`.
func withOptionalBuffer<R>(_ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> R) -> R {
    guard let array else { return body(nil) }
    return array.withUnsafeBufferPointer { body($0) }
}

/// When to stop a power-type iteration, and the error when it never stops.
public struct IterationOptions: Sendable, Equatable {
    /// The iteration stops when the L1 change of one step is below `tolerance`; for eigenvector and
    /// Katz, whose rate of convergence is not known in advance, the geometric-rate estimate of the
    /// remaining error (change · ρ / (1 − ρ), ρ the ratio of the last two changes) must be below it
    /// too. PageRank's remaining error is at most change · d / (1 − d) for damping d.
    public var tolerance: Double
    /// The iteration limit; reaching it is an error.
    public var maxIterations: Int

    public init(tolerance: Double = 1e-13, maxIterations: Int = 10_000) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    func validate() throws(MeasureError) {
        guard tolerance > 0, tolerance.isFinite else {
            throw .invalidParameter("tolerance must be a positive number, not \(tolerance)")
        }
        guard maxIterations > 0 else {
            throw .invalidParameter("max-iterations must be positive, not \(maxIterations)")
        }
    }

    /// Whether a step with L1 change `change`, after one of `previous`, ends the iteration.
    /// A ratio at or above 1 below tolerance is rounding noise, and ends it too.
    func converged(change: Double, previous: Double) -> Bool {
        guard change < tolerance else { return false }
        let ratio = change / previous
        return !(ratio < 1) || change * ratio / (1 - ratio) < tolerance
    }
}
