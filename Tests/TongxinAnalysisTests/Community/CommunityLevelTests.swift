import Testing
@testable import TongxinAnalysis
import TongxinTestSupport

@Suite struct CommunityLevelTests {
    /// The halves differ by at most one node, and on a graph of two dense blocks joined by one edge
    /// the cut is that edge.
    @Test func halvesAreBalancedAndFollowTheGraph() {
        for seed: UInt64 in 1...3 {
            let side = CommunityLevel(LeidenTests.planted(seed: seed, blocks: 7, size: 31)).splitInHalves()
            #expect(side.filter { $0 == 0 }.count == side.count / 2 && !side.contains(2))
        }
        // Nodes 0–9 and 10–19, each block a clique, interleaved in index order, joined by 18–19.
        var sources: [Int32] = [], targets: [Int32] = []
        for u in 0..<20 {
            for v in (u + 1)..<20 where u % 2 == v % 2 { sources.append(Int32(u)); targets.append(Int32(v)) }
        }
        sources.append(18); targets.append(19)
        let view = MeasureGraph(nodeCount: 20, sources: sources, targets: targets, weights: nil, directed: false, weightUse: .none)
        let side = CommunityLevel(view).splitInHalves()
        #expect((0..<20).allSatisfy { side[$0] == side[$0 % 2] } && side[0] != side[1])
        #expect(side[0] == 0)
    }

    /// Moving on two lanes, forced on small graphs: the gain it reports is the modularity it adds,
    /// its group count is right, and it is the same from run to run. (Its quality is asserted on
    /// the province graph: on these random graphs the cut crosses many arcs and one level's
    /// modularity differs from the one-lane queue's by up to ±0.06, either way.)
    @Test(arguments: [(UInt64(4), false), (5, true), (6, false), (7, true)])
    func twoLanesReportTheirGain(_ seed: UInt64, _ weighted: Bool) {
        let view = LeidenTests.planted(seed: seed, blocks: 12, size: 80, weighted: weighted)
        let level = CommunityLevel(view)
        let alone = (0..<Int32(level.count)).map { $0 }
        var two = alone, again = alone
        let byTwo = level.moveNodesFast(&two, resolution: 1, parallelFrom: 0)
        let byAgain = level.moveNodesFast(&again, resolution: 1, parallelFrom: 0)
        #expect(two == again && byTwo.gain == byAgain.gain)
        #expect(byTwo.groups == Set(two).count)
        let before = view.modularity(alone), after = view.modularity(two)
        #expect(abs((after - before) - byTwo.gain / (level.twiceTotal / 2)) < 1e-9)
    }

    /// The province graph (97 thousand nodes, above the threshold): Louvain's modularity with the
    /// first levels on two lanes is within 1e-4 of the one-lane moves'.
    @Test func hubeiTwoLanesAsGoodAsOne() throws {
        let view = MeasureGraph(try HubeiGraph.graph)
        #expect(view.nodeCount >= CommunityLevel.parallelMovingThreshold)
        let level = CommunityLevel(view)
        let alone = (0..<Int32(level.count)).map { $0 }
        var two = alone, one = alone
        _ = level.moveNodesFast(&two, resolution: 1)
        _ = level.moveNodesFast(&one, resolution: 1, parallelFrom: .max)
        #expect(view.modularity(two) >= view.modularity(one) - 1e-4, "\(view.modularity(two)) vs \(view.modularity(one))")
    }
}
