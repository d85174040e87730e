import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct ComponentsTests {
    /// The fixture's components as sets of node indices, and ours, compared as sets of sets.
    func expectSame(_ ours: Components, _ key: String, in fixture: NetworkXFixture) {
        let expected = Set((fixture.results[key] as! [[String]]).map { Set($0.map { fixture.graph.index(of: $0)! }) })
        var groups = [Set<Int>](repeating: [], count: ours.count)
        for (v, label) in ours.labels.enumerated() { groups[Int(label)].insert(v) }
        #expect(Set(groups) == expected, "\(fixture.name) \(key)")
        #expect(ours.sizes == groups.map(\.count))
    }

    @Test(arguments: NetworkXFixture.all)
    func matchesNetworkX(_ fixture: NetworkXFixture) {
        let directed = fixture.view(directed: true)
        expectSame(directed.weakComponents(), "weak_components", in: fixture)
        expectSame(fixture.view().weakComponents(), "weak_components", in: fixture)
        expectSame(directed.strongComponents(), "strong_components", in: fixture)
    }

    @Test func labelsFollowSmallestNode() {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d"] { builder.addNode(id: id, kind: "node") }
        for (s, t) in [("a", "b"), ("b", "a"), ("b", "c")] { builder.addEdge(source: s, target: t, kind: "tie") }
        let view = MeasureGraph(try! builder.build(), directed: true)
        #expect(view.strongComponents().labels == [0, 0, 1, 2])
        #expect(view.weakComponents().labels == [0, 0, 0, 1])
        #expect(view.weakComponents().sizes == [3, 1])
    }
}
