import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct BetweennessTests {
    static let variants: [(key: String, directed: Bool, weights: WeightUse)] = [
        ("betweenness", false, .none), ("betweenness_weighted", false, .distance),
        ("betweenness_directed", true, .none), ("betweenness_directed_weighted", true, .distance)
    ]

    @Test(arguments: NetworkXFixture.all)
    func exactMatchesNetworkX(_ fixture: NetworkXFixture) throws {
        for variant in Self.variants {
            let view = fixture.view(directed: variant.directed, variant.weights)
            fixture.expect(try view.betweennessCentrality(), variant.key)
            fixture.expect(try view.betweennessCentrality(normalized: false), variant.key + "_raw")
        }
    }

    @Test(arguments: NetworkXFixture.all.filter { $0.results["sample_sources"] != nil })
    func sampledMatchesNetworkXWithTheSameSources(_ fixture: NetworkXFixture) throws {
        let sources = (fixture.results["sample_sources"] as! [String]).map { fixture.graph.index(of: $0)! }
        for variant in Self.variants.prefix(3) {
            let view = fixture.view(directed: variant.directed, variant.weights)
            fixture.expect(try view.betweennessCentrality(sources: sources), variant.key + "_sampled")
            fixture.expect(
                try view.betweennessCentrality(normalized: false, sources: sources),
                variant.key + "_sampled_raw")
        }
    }

    @Test func samplingIsSeededAndEveryNodeIsExact() throws {
        let view = NetworkXFixture(named: "lesmis").view()
        let sources = view.sampleSources(10, seed: 42)
        #expect(sources == view.sampleSources(10, seed: 42))
        #expect(sources != view.sampleSources(10, seed: 43))
        #expect(Set(sources).count == 10 && sources == sources.sorted())
        let all = view.sampleSources(view.nodeCount, seed: 1)
        let exact = try view.betweennessCentrality()
        let sampled = try view.betweennessCentrality(sources: all)
        for v in exact.indices { #expect(abs(exact[v] - sampled[v]) < 1e-12) }
    }

    @Test func weightedWithUnitWeightsEqualsUnweighted() throws {
        let fixture = NetworkXFixture(named: "edge-unit")
        for directed in [false, true] {
            let hops = try fixture.view(directed: directed).betweennessCentrality()
            let weighted = try fixture.view(directed: directed, .distance).betweennessCentrality()
            #expect(hops == weighted)
        }
    }

    @Test func pathOfThree() throws {
        #expect(try MeasureGraph(Paths3.graph()).betweennessCentrality() == [0, 1, 0])
        #expect(try MeasureGraph(Paths3.graph()).betweennessCentrality(normalized: false) == [0, 1, 0])
    }

    @Test func tooFewSamples() {
        #expect(throws: MeasureError.self) { try MeasureGraph(Paths3.graph()).betweennessCentrality(sources: [1]) }
    }
}
