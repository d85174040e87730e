import Testing
@testable import TongxinAnalysis
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

    /// ParK's parallel peeling equals the bucket algorithm on seeded graphs, undirected and directed:
    /// sparse trees with extra edges and dense cores, small and above the parallel threshold.
    @Test(arguments: [(0, 300), (1, 5_000), (2, 25_000), (3, 40_000)] as [(UInt64, Int)])
    func parallelPeelingEqualsBuckets(seed: UInt64, n: Int) {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) else { return }
        var random = SplitMix64(seed: seed)
        var sources: [Int32] = [], targets: [Int32] = []
        for v in 1..<n {
            sources.append(Int32(v)); targets.append(Int32(random.below(v)))  // a random tree
            for _ in 0..<random.below(4) { sources.append(Int32(v)); targets.append(Int32(random.below(n))) }
        }
        let core = min(n, 60)  // a dense part: a 60-clique's edges at probability 1/2
        for u in 0..<core { for v in (u + 1)..<core where random.below(2) == 0 { sources.append(Int32(u)); targets.append(Int32(v)) } }
        for directed in [false, true] {
            let view = MeasureGraph(
                nodeCount: n, sources: sources, targets: targets, weights: nil,
                directed: directed, weightUse: .none)
            #expect(view.peeledCoreNumbers() == view.bucketCoreNumbers(), "seed \(seed) directed \(directed)")
            #expect(view.coreNumbers() == view.bucketCoreNumbers())
        }
    }
}
