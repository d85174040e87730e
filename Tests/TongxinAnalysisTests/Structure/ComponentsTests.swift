import Testing
@testable import TongxinAnalysis
import TongxinGraph
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

    /// Seeded forests with extra edges: many components, a large one, isolated nodes.
    static func forest(seed: UInt64, n: Int) -> (sources: [Int32], targets: [Int32]) {
        var random = SplitMix64(seed: seed)
        var sources: [Int32] = [], targets: [Int32] = []
        for v in 1..<n where random.below(10) < 7 {
            sources.append(Int32(v)); targets.append(Int32(random.below(v)))
            if random.below(8) == 0 { sources.append(Int32(random.below(n))); targets.append(Int32(v)) }
        }
        return (sources, targets)
    }

    /// Afforest on two lanes gives the sequential union–find's labels and sizes, undirected and
    /// directed (where arcs leaving the largest component are seen only from their heads).
    @Test(arguments: [(0, 300), (1, 25_000), (2, 60_000)] as [(UInt64, Int)])
    func afforestEqualsUnionFind(seed: UInt64, n: Int) {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) else { return }
        let (sources, targets) = Self.forest(seed: seed, n: n)
        for directed in [false, true] {
            let view = MeasureGraph(
                nodeCount: n, sources: sources, targets: targets, weights: nil, directed: directed, weightUse: .none)
            let expected = view.unionFindComponents()
            #expect(view.afforestComponents() == expected, "seed \(seed) directed \(directed)")
            #expect(view.weakComponents() == expected)
        }
    }

    @Test func graphCountsItsComponents() {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d"] { builder.addNode(id: id, kind: "node") }
        for (s, t) in [("a", "b"), ("c", "b")] { builder.addEdge(source: s, target: t, kind: "tie") }
        let graph = try! builder.build()
        #expect(graph.weakComponentCount() == 2)
        #expect(graph.weakComponentCount(inside: [true, false, true, true]) == 3)
        #expect(graph.weakComponentCount(inside: [false, false, false, false]) == 0)
    }

    /// Above the parallel threshold, the count from the graph's own arrays equals the view's
    /// components, for the whole graph and for an induced part of it.
    @Test func graphCountEqualsViewAboveThreshold() {
        let n = 30_000
        let (sources, targets) = Self.forest(seed: 7, n: n)
        var builder = GraphBuilder()
        for v in 0..<n { builder.addNode(id: "n\(v)", kind: "node") }
        for (s, t) in zip(sources, targets) { builder.addEdge(source: "n\(s)", target: "n\(t)", kind: "tie") }
        builder.addEdge(source: "n5", target: "n5", kind: "tie")  // a self-loop changes nothing
        let graph = try! builder.build()
        #expect(graph.weakComponentCount() == MeasureGraph(graph).weakComponents().count)
        var random = SplitMix64(seed: 8)
        let inside = (0..<n).map { _ in random.below(3) > 0 }
        let part = MeasureGraph(graph, inducedBy: (0..<n).filter { inside[$0] })
        #expect(graph.weakComponentCount(inside: inside) == part.weakComponents().count)
    }
}
