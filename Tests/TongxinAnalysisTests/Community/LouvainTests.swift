import Foundation
import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct LouvainTests {
    /// a–b–c–a and d–e–f–d joined by c–d.
    static func twoTriangles() -> MeasureGraph {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d", "e", "f"] { builder.addNode(id: id, kind: "node") }
        for (s, t) in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")] {
            builder.addEdge(source: s, target: t, kind: "tie")
        }
        return MeasureGraph(try! builder.build())
    }

    @Test func twoTrianglesSplit() throws {
        let result = try Self.twoTriangles().louvain()
        #expect(result.partition.labels == [0, 0, 0, 1, 1, 1])
        #expect(abs(result.modularity - 5.0 / 14) < 1e-15)
    }

    /// Our modularity is NetworkX's definition (checked in ModularityTests); here the partition
    /// found must score within 0.02 of the worst of NetworkX's Louvain runs over five seeds.
    @Test(arguments: NetworkXFixture.all.filter { $0.results["louvain_modularity_networkx"] != nil })
    func closeToNetworkXLouvain(_ fixture: NetworkXFixture) throws {
        for (key, view) in [
            ("louvain_modularity_networkx", fixture.view(.strength)),
            ("louvain_modularity_networkx_unweighted", fixture.view())
        ] {
            let networkx = fixture.results[key] as! [String: NSNumber]
            let result = try view.louvain()
            #expect(abs(result.modularity - view.modularity(result.partition.labels)) < 1e-12)
            #expect(
                result.modularity >= networkx["min"]!.doubleValue - 0.02,
                "\(fixture.name) \(key): \(result.modularity) vs NetworkX \(networkx)")
        }
    }

    @Test func deterministic() throws {
        let view = NetworkXFixture(named: "lesmis").view(.strength)
        #expect(try view.louvain() == view.louvain())
    }

    @Test func edgelessAndDirected() throws {
        let isolated = NetworkXFixture(named: "edge-isolated").view()
        let result = try isolated.louvain()
        #expect(result.partition.count == 3 && result.modularity == 0)
        #expect(throws: MeasureError.self) { try NetworkXFixture(named: "karate").view(directed: true).louvain() }
    }
}
