import Testing
import TongxinAnalysis

@Suite struct CentralityMeasureTests {
    /// Each measure by name answers with its own algorithm and NetworkX's default normalization,
    /// on the path a–b–c.
    @Test func measuresByNameOnAPath() throws {
        let view = MeasureGraph(Paths3.graph())
        func scores(_ measure: CentralityMeasure) throws -> [Double] {
            guard case .scores(let values) = try view.centrality(measure, .init(normalized: measure.normalizedByDefault)) else {
                Issue.record("\(measure.rawValue) gave no scores")
                return []
            }
            return values
        }
        #expect(try scores(.degree) == [0.5, 1, 0.5])
        #expect(try scores(.betweenness) == [0, 1, 0])
        #expect(try scores(.closeness).map { ($0 * 3).rounded() } == [2, 3, 2])
        #expect(try scores(.harmonic) == [1.5, 2, 1.5])
        #expect(abs(try scores(.pagerank)[1] - 18.0 / 37) < 1e-12)
        guard case .counts(let cores) = try view.centrality(.coreness, .init(normalized: false)),
            case .groups(let components, let modularity) = try view.centrality(.components, .init(normalized: false))
        else { Issue.record("coreness or components gave scores"); return }
        #expect(cores == [1, 1, 1])
        #expect(components.sizes == [3] && modularity == nil)
    }

    /// Components of a directed view are strong ones; of an undirected view, weak ones.
    @Test func componentsFollowTheView() throws {
        var builder = GraphBuilder()
        for id in ["a", "b", "c"] { builder.addNode(id: id, kind: "node") }
        for (s, t) in [("a", "b"), ("b", "a"), ("b", "c")] { builder.addEdge(source: s, target: t, kind: "tie") }
        let graph = try builder.build()
        guard case .groups(let strong, _) = try MeasureGraph(graph, directed: true).centrality(.components, .init(normalized: false)),
            case .groups(let weak, _) = try MeasureGraph(graph).centrality(.components, .init(normalized: false))
        else { Issue.record("components gave no groups"); return }
        #expect(strong.sizes == [2, 1])
        #expect(weak.sizes == [3])
    }

    @Test func weightsAreDistancesForPathMeasuresOnly() {
        #expect(CentralityMeasure.betweenness.weightUse(weighted: true) == .distance)
        #expect(CentralityMeasure.harmonic.weightUse(weighted: true) == .distance)
        #expect(CentralityMeasure.pagerank.weightUse(weighted: true) == .strength)
        #expect(CentralityMeasure.closeness.weightUse(weighted: false) == WeightUse.none)
    }

    @Test func onlyDegreeClosenessAndBetweennessHaveATwoModeForm() {
        let view = MeasureGraph(Paths3.graph())
        let parameters = CentralityParameters(normalized: true, bipartiteTop: [false, true, false])
        #expect(throws: MeasureError.self) { try view.centrality(.pagerank, parameters) }
        // The star b–{a, c} with top {b}: b's degree over the other side's size, 2/2.
        guard case .scores(let degrees) = try? view.centrality(.degree, parameters) else {
            Issue.record("no two-mode degrees")
            return
        }
        #expect(degrees == [1, 1, 1])
    }

    /// Diagram sizes cover every graph node: the measure inside the region, 0 outside; small views
    /// are measured exactly.
    @Test func nodeSizesAreZeroOutsideTheRegion() throws {
        var hand = HandGraph()
        hand.region("p", .province)
        hand.region("c1", .city, in: "p")
        hand.region("c2", .city, in: "p")
        hand.village("v1", in: "c1")
        hand.village("v2", in: "c1")
        hand.village("v3", in: "c2")
        let graph = hand.build()
        let sizes = try graph.nodeSizes(by: .degree, region: graph.indexOf("c1"))
        #expect(sizes.sampledSources == nil)
        // In c1's subtree (c1, v1, v2) c1 touches both villages: degree 2/2; each village 1/2.
        #expect(sizes.values == graph.ids.map { ["c1": 1, "v1": 0.5, "v2": 0.5][$0] ?? 0 })
    }
}
