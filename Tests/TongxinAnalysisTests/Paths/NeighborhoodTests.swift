import Testing
import TongxinAnalysis

@Suite struct NeighborhoodTests {
    @Test func depthsOnAPath() {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d"] { builder.addNode(id: id, kind: "node") }
        for (s, t) in [("a", "b"), ("b", "c"), ("c", "d")] { builder.addEdge(source: s, target: t, kind: "tie") }
        let graph = try! builder.build()
        let view = MeasureGraph(graph)
        #expect(view.neighborhood(of: 1, depth: 1).map { [$0.node, $0.depth] } == [[0, 1], [2, 1]])
        #expect(view.neighborhood(of: 1, depth: 2).map { [$0.node, $0.depth] } == [[0, 1], [2, 1], [3, 2]])
        #expect(view.neighborhood(of: 1, depth: 0).isEmpty)
        let directed = MeasureGraph(graph, directed: true)
        #expect(directed.neighborhood(of: 1, depth: 5).map(\.node) == [2, 3])
    }
}
