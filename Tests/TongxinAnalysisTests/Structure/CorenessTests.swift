import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct CorenessTests {
    @Test(arguments: NetworkXFixture.all)
    func matchesNetworkX(_ fixture: NetworkXFixture) {
        fixture.expect(fixture.view().coreNumbers().map(Double.init), "coreness")
        fixture.expect(fixture.view(directed: true).coreNumbers().map(Double.init), "coreness_directed")
    }

    @Test func triangleWithPendant() {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d"] { builder.addNode(id: id, kind: "node") }
        for (s, t) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] { builder.addEdge(source: s, target: t, kind: "tie") }
        #expect(MeasureGraph(try! builder.build()).coreNumbers() == [2, 2, 2, 1])
    }
}
