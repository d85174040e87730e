import Testing
import TongxinAnalysis
import TongxinTestSupport

/// The measure views and checks the Analysis tests take of a ``TongxinTestSupport/NetworkXFixture``.
extension NetworkXFixture {
    /// The undirected or directed view, weighted or not.
    func view(directed: Bool = false, _ weights: WeightUse = .none) -> MeasureGraph {
        MeasureGraph(graph, directed: directed, weights: weights)
    }

    /// Expects `computed` to equal the fixture's `key` within `tolerance` (relative above 1).
    func expect(
        _ computed: [Double], _ key: String, tolerance: Double = 1e-9,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let expected = scores(key) else {
            Issue.record("\(name) has no \(key)", sourceLocation: sourceLocation)
            return
        }
        #expect(computed.count == expected.count, "\(name) \(key)", sourceLocation: sourceLocation)
        for (v, (x, y)) in zip(computed, expected).enumerated() where !(abs(x - y) <= tolerance * max(1, abs(y))) {
            Issue.record("\(name) \(key) at \(graph.ids[v]): \(x) vs NetworkX \(y)", sourceLocation: sourceLocation)
            return
        }
    }
}
