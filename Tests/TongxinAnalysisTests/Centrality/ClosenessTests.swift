import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct ClosenessTests {
    static let variants: [(suffix: String, directed: Bool, weights: WeightUse)] = [
        ("", false, .none), ("_weighted", false, .distance), ("_directed", true, .none),
        ("_directed_weighted", true, .distance)
    ]

    @Test(arguments: NetworkXFixture.all)
    func closenessMatchesNetworkXAndIgraph(_ fixture: NetworkXFixture) throws {
        for variant in Self.variants {
            let view = fixture.view(directed: variant.directed, variant.weights)
            fixture.expect(try view.closenessCentrality(), "closeness" + variant.suffix)
            fixture.expect(try view.closenessCentrality(normalized: false), "closeness" + variant.suffix + "_raw")
        }
    }

    @Test(arguments: NetworkXFixture.all)
    func harmonicMatchesNetworkXAndIgraph(_ fixture: NetworkXFixture) throws {
        for variant in Self.variants {
            let view = fixture.view(directed: variant.directed, variant.weights)
            fixture.expect(try view.harmonicCentrality(), "harmonic" + variant.suffix)
            if fixture.graph.nodeCount > 1 {
                fixture.expect(try view.harmonicCentrality(normalized: true), "harmonic" + variant.suffix + "_normalized")
            }
        }
    }

    @Test func pathOfThree() throws {
        let view = MeasureGraph(Paths3.graph())
        #expect(try view.closenessCentrality() == [2.0 / 3, 1, 2.0 / 3])
        #expect(try view.closenessCentrality(normalized: false) == [1.0 / 3, 1.0 / 2, 1.0 / 3])
        #expect(try view.harmonicCentrality() == [1.5, 2, 1.5])
    }

    @Test func weightedWithUnitWeightsEqualsUnweighted() throws {
        let fixture = NetworkXFixture(named: "edge-unit")
        #expect(try fixture.view(.distance).closenessCentrality() == fixture.view().closenessCentrality())
        #expect(try fixture.view(.distance).harmonicCentrality() == fixture.view().harmonicCentrality())
    }
}
