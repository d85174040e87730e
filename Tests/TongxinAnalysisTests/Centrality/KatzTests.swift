import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct KatzTests {
    @Test(arguments: NetworkXFixture.all.filter { $0.graph.nodeCount > 1 })
    func matchesNetworkX(_ fixture: NetworkXFixture) throws {
        for (key, view) in [
            ("katz", fixture.view()), ("katz_weighted", fixture.view(.strength)),
            ("katz_directed", fixture.view(directed: true))
        ] {
            let alpha = fixture.number(key + "_alpha")!
            fixture.expect(try view.katzCentrality(alpha: alpha), key)
            fixture.expect(try view.katzCentrality(alpha: alpha, normalized: false), key + "_raw")
        }
    }

    @Test func pathOfThree() throws {
        let raw = try MeasureGraph(Paths3.graph()).katzCentrality(normalized: false)
        #expect(abs(raw[0] - 1.1 / 0.98) < 1e-12 && abs(raw[1] - 1.2 / 0.98) < 1e-12)
    }

    @Test func divergenceIsAnError() {
        // λ_max of the karate club is about 6.7: α = 0.5 grows as 3.4^k and overflows at step 584.
        let fixture = NetworkXFixture(named: "karate")
        #expect(throws: MeasureError.diverged(measure: "katz", iterations: 584)) {
            try fixture.view().katzCentrality(alpha: 0.5)
        }
    }
}
