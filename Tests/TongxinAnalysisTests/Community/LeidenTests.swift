import Foundation
import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct LeidenTests {
    /// A seeded graph with planted groups: `blocks` groups of `size` nodes, each pair linked with
    /// probability `inside` within a group and `outside` across, plus a random tree over all nodes
    /// (sparse, tree-like parts are where Louvain leaves communities disconnected).
    static func planted(
        seed: UInt64, blocks: Int = 8, size: Int = 40, inside: Double = 0.12,
        outside: Double = 0.004, weighted: Bool = false
    ) -> MeasureGraph {
        var random = SplitMix64(seed: seed)
        let n = blocks * size
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        func add(_ u: Int, _ v: Int) {
            sources.append(Int32(u)); targets.append(Int32(v))
            weights.append(weighted ? Double(1 + random.below(5)) : 1)
        }
        for u in 0..<n {
            for v in (u + 1)..<max(n, u + 1) {
                let p = u / size == v / size ? inside : outside
                if Double(random.below(1 << 20)) < p * Double(1 << 20) { add(u, v) }
            }
            if u > 0 { add(u, random.below(u)) }
        }
        return MeasureGraph(
            nodeCount: n, sources: sources, targets: targets, weights: weighted ? weights : nil,
            directed: false, weightUse: weighted ? .strength : .none)
    }

    /// Whether every community induces a connected subgraph, by a breadth-first search inside each
    /// (independent of the union–find the method uses).
    static func everyCommunityConnected(_ view: MeasureGraph, _ labels: [Int32]) -> Bool {
        var reached = [Bool](repeating: false, count: view.nodeCount)
        var starts = Set<Int32>()
        for start in 0..<view.nodeCount where !reached[start] {
            guard starts.insert(labels[start]).inserted else { return false }  // a second piece
            reached[start] = true
            var queue = [start]
            while let u = queue.popLast() {
                for v in view.outgoing.neighbors(of: u) where !reached[Int(v)] && labels[Int(v)] == labels[u] {
                    reached[Int(v)] = true
                    queue.append(Int(v))
                }
            }
        }
        return true
    }

    @Test func twoTrianglesSplit() throws {
        let result = try LouvainTests.twoTriangles().leiden(seed: 3)
        #expect(result.partition.labels == [0, 0, 0, 1, 1, 1])
        #expect(abs(result.modularity - 5.0 / 14) < 1e-15)
    }

    /// On 40 seeded graphs, weighted and not: every community connected, the modularity reported is
    /// the partition's, and it is at least Louvain's less 0.005 (and on average at
    /// least Louvain's).
    @Test func connectedAndAtLeastLouvain() throws {
        var leidenSum = 0.0, louvainSum = 0.0
        for seed: UInt64 in 0..<40 {
            let view = Self.planted(seed: seed, weighted: seed % 2 == 1)
            let leiden = try view.leiden(seed: seed)
            let louvain = try view.louvain()
            #expect(Self.everyCommunityConnected(view, leiden.partition.labels), "seed \(seed)")
            #expect(abs(leiden.modularity - view.modularity(leiden.partition.labels)) < 1e-12, "seed \(seed)")
            #expect(leiden.modularity >= louvain.modularity - 0.005, "seed \(seed): \(leiden.modularity) vs \(louvain.modularity)")
            leidenSum += leiden.modularity
            louvainSum += louvain.modularity
        }
        #expect(leidenSum >= louvainSum, "\(leidenSum / 40) vs Louvain \(louvainSum / 40)")
    }

    /// On the NetworkX fixtures: connected communities, modularity within 0.02 of the worst of
    /// NetworkX's Louvain runs or better.
    @Test(arguments: NetworkXFixture.all.filter { $0.results["louvain_modularity_networkx"] != nil })
    func networkXFixtures(_ fixture: NetworkXFixture) throws {
        for (key, view) in [
            ("louvain_modularity_networkx", fixture.view(.strength)),
            ("louvain_modularity_networkx_unweighted", fixture.view())
        ] {
            let networkx = fixture.results[key] as! [String: NSNumber]
            for seed: UInt64 in 0..<5 {
                let result = try view.leiden(seed: seed)
                #expect(Self.everyCommunityConnected(view, result.partition.labels), "\(fixture.name) seed \(seed)")
                #expect(
                    result.modularity >= networkx["min"]!.doubleValue - 0.02,
                    "\(fixture.name) \(key) seed \(seed): \(result.modularity) vs NetworkX \(networkx)")
            }
        }
    }

    /// The province graph (the 1× benchmark graph's source): every community connected, modularity
    /// at least Louvain's.
    @Test func hubeiConnectedAndAtLeastLouvain() throws {
        let view = MeasureGraph(try HubeiGraph.graph)
        let leiden = try view.leiden(seed: 1)
        #expect(Self.everyCommunityConnected(view, leiden.partition.labels))
        #expect(view.connectedParts(of: leiden.partition.labels).count == leiden.partition.count)
        #expect(try leiden.modularity >= view.louvain().modularity)
    }

    @Test func seededAndDeterministic() throws {
        let view = NetworkXFixture(named: "lesmis").view(.strength)
        #expect(try view.leiden(seed: 7) == view.leiden(seed: 7))
        let planted = Self.planted(seed: 11)
        #expect(try planted.leiden(seed: 2) == planted.leiden(seed: 2))
    }

    @Test func edgelessDirectedAndBadParameters() throws {
        let isolated = NetworkXFixture(named: "edge-isolated").view()
        let result = try isolated.leiden()
        #expect(result.partition.count == 3 && result.modularity == 0)
        #expect(throws: MeasureError.self) { try NetworkXFixture(named: "karate").view(directed: true).leiden() }
        #expect(throws: MeasureError.self) { try isolated.leiden(iterations: 0) }
        #expect(throws: MeasureError.self) { try isolated.leiden(resolution: 0) }
    }
}
