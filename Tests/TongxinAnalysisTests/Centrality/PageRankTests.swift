import Foundation
import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct PageRankTests {
    @Test(arguments: NetworkXFixture.all.filter { $0.graph.nodeCount > 0 })
    func matchesNetworkXAndPRPACK(_ fixture: NetworkXFixture) throws {
        fixture.expect(try fixture.view().pageRank(), "pagerank")
        fixture.expect(try fixture.view(.strength).pageRank(), "pagerank_weighted")
        fixture.expect(try fixture.view(directed: true).pageRank(), "pagerank_directed")
        fixture.expect(try fixture.view(directed: true, .strength).pageRank(), "pagerank_directed_weighted")
        let personal = (fixture.results["personalization"] as! [NSNumber]).map(\.doubleValue)
        fixture.expect(
            try fixture.view(directed: true).pageRank(damping: 0.5, personalization: personal),
            "pagerank_personalized_d0.5")
    }

    @Test func pathOfThree() throws {
        // b = 0.05 + 0.85 (a + c), a = 0.05 + 0.85 b / 2 with a + b + c = 1: b = 18/37, a = c = 9.5/37.
        let scores = try MeasureGraph(Paths3.graph()).pageRank()
        #expect(abs(scores[1] - 18.0 / 37) < 1e-12 && abs(scores[0] - 9.5 / 37) < 1e-12)
    }

    @Test func weightedWithUnitWeightsEqualsUnweighted() throws {
        let fixture = NetworkXFixture(named: "edge-unit")
        #expect(try fixture.view(.strength).pageRank() == fixture.view().pageRank())
    }

    @Test func badParametersAndNonConvergence() {
        let view = MeasureGraph(Paths3.graph())
        #expect(throws: MeasureError.self) { try view.pageRank(damping: 1) }
        #expect(throws: MeasureError.self) { try view.pageRank(personalization: [0, 0, 0]) }
        #expect(throws: MeasureError.self) { try view.pageRank(personalization: [1]) }
        #expect(throws: MeasureError.notConverged(measure: "pagerank", iterations: 3, tolerance: 1e-13)) {
            try view.pageRank(options: IterationOptions(tolerance: 1e-13, maxIterations: 3))
        }
    }
}
