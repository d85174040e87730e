import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct EigenvectorTests {
    @Test(arguments: NetworkXFixture.all.filter { $0.graph.nodeCount > 0 })
    func matchesNetworkX(_ fixture: NetworkXFixture) throws {
        fixture.expect(try fixture.view().eigenvectorCentrality(), "eigenvector")
        fixture.expect(try fixture.view(.strength).eigenvectorCentrality(), "eigenvector_weighted")
        if fixture.scores("eigenvector_directed") != nil {
            fixture.expect(try fixture.view(directed: true).eigenvectorCentrality(), "eigenvector_directed")
        }
    }

    @Test func pathOfThree() throws {
        let scores = try MeasureGraph(Paths3.graph()).eigenvectorCentrality()
        #expect(abs(scores[0] - 0.5) < 1e-12 && abs(scores[1] - 0.5.squareRoot()) < 1e-12)
    }

    @Test func nonConvergenceIsAnError() {
        let fixture = NetworkXFixture(named: "karate")
        #expect(throws: MeasureError.notConverged(measure: "eigenvector", iterations: 5, tolerance: 1e-13)) {
            try fixture.view().eigenvectorCentrality(options: IterationOptions(maxIterations: 5))
        }
    }
}

@Suite struct UnitWeightTests {
    /// Weighted code with every weight 1 must give the unweighted answers (igraph's cross-check).
    @Test func strengthMeasuresWithUnitWeightsEqualUnweighted() throws {
        let fixture = NetworkXFixture(named: "edge-unit")
        let plain = fixture.view(), weighted = fixture.view(.strength)
        #expect(weighted.degreeCentrality() == plain.degreeCentrality())
        #expect(try weighted.eigenvectorCentrality() == plain.eigenvectorCentrality())
        #expect(try weighted.katzCentrality() == plain.katzCentrality())
        #expect(try weighted.louvain() == plain.louvain())
    }
}
