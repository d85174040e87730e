import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct DegreeTests {
    @Test(arguments: NetworkXFixture.all)
    func matchesNetworkX(_ fixture: NetworkXFixture) {
        fixture.expect(fixture.view().degreeCentrality(), "degree")
        fixture.expect(fixture.view().degreeCentrality(normalized: false), "degree_raw")
        fixture.expect(fixture.view(.strength).degreeCentrality(normalized: false), "degree_weighted_raw")
        let directed = fixture.view(directed: true)
        fixture.expect(directed.degreeCentrality(), "degree_directed")
        fixture.expect(directed.degreeCentrality(.incoming), "in_degree_directed")
        fixture.expect(directed.degreeCentrality(.outgoing), "out_degree_directed")
    }

    @Test func pathOfThree() {
        let path = Paths3.graph()
        #expect(MeasureGraph(path).degreeCentrality() == [0.5, 1, 0.5])
        #expect(MeasureGraph(path).degreeCentrality(normalized: false) == [1, 2, 1])
    }
}

/// The path a–b–c used by the doc comments' examples.
enum Paths3 {
    static func graph() -> Graph {
        var builder = GraphBuilder()
        for id in ["a", "b", "c"] { builder.addNode(id: id, kind: "node") }
        builder.addEdge(source: "a", target: "b", kind: "tie")
        builder.addEdge(source: "b", target: "c", kind: "tie")
        return try! builder.build()
    }
}
