import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct BipartiteTests {
    let fixture = NetworkXFixture(named: "davis")

    var top: [Bool] { fixture.graph.nodeKindIndices.map { fixture.graph.nodeKinds[Int($0)] == "woman" } }

    @Test func degreeClosenessBetweennessMatchNetworkX() throws {
        let view = fixture.view()
        fixture.expect(try view.bipartiteDegreeCentrality(top: top), "bipartite_degree")
        fixture.expect(try view.bipartiteClosenessCentrality(top: top), "bipartite_closeness")
        fixture.expect(try view.bipartiteClosenessCentrality(top: top, normalized: false), "bipartite_closeness_raw")
        fixture.expect(try view.bipartiteBetweennessCentrality(top: top), "bipartite_betweenness")
    }

    @Test func pathXAY() throws {
        // x–a–y with top {a}: degree 2/2, 1/1; closeness (2 + 0)/2 = 1 and (1 + 2)/3 = 1; a's betweenness 1.
        var builder = GraphBuilder()
        for id in ["x", "a", "y"] { builder.addNode(id: id, kind: "node") }
        builder.addEdge(source: "x", target: "a", kind: "tie")
        builder.addEdge(source: "a", target: "y", kind: "tie")
        let view = MeasureGraph(try builder.build())
        let top = [false, true, false]
        #expect(try view.bipartiteDegreeCentrality(top: top) == [1, 1, 1])
        #expect(try view.bipartiteClosenessCentrality(top: top) == [1, 1, 1])
        #expect(try view.bipartiteBetweennessCentrality(top: top)[1] == 1)
    }

    @Test func oneSidedIsAnError() {
        #expect(throws: MeasureError.self) { try fixture.view().bipartiteDegreeCentrality(top: top.map { _ in true }) }
    }
}
