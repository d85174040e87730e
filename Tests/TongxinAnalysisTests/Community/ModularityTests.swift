import Foundation
import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct ModularityTests {
    @Test(arguments: NetworkXFixture.all.filter { $0.results["modularity_partitions"] != nil })
    func matchesNetworkXOnFixedPartitions(_ fixture: NetworkXFixture) {
        for case let entry as [String: Any] in fixture.results["modularity_partitions"] as! [Any] {
            var labels = [Int32](repeating: 0, count: fixture.graph.nodeCount)
            for (c, members) in (entry["communities"] as! [[String]]).enumerated() {
                for id in members { labels[fixture.graph.index(of: id)!] = Int32(c) }
            }
            let weighted = (entry["weighted"] as! NSNumber).doubleValue
            let unweighted = (entry["unweighted"] as! NSNumber).doubleValue
            #expect(abs(fixture.view(.strength).modularity(labels) - weighted) < 1e-12, "\(fixture.name)")
            #expect(abs(fixture.view().modularity(labels) - unweighted) < 1e-12, "\(fixture.name)")
        }
    }

    @Test func twoTriangles() {
        #expect(abs(LouvainTests.twoTriangles().modularity([0, 0, 0, 1, 1, 1]) - 5.0 / 14) < 1e-15)
    }
}
