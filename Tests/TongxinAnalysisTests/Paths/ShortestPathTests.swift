import Foundation
import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct ShortestPathTests {
    @Test(arguments: NetworkXFixture.all.filter { $0.results["paths"] != nil })
    func allShortestPathsMatchNetworkX(_ fixture: NetworkXFixture) throws {
        let g = fixture.graph
        for case let entry as [String: Any] in fixture.results["paths"] as! [Any] {
            let from = g.index(of: entry["from"] as! String)!, to = g.index(of: entry["to"] as! String)!
            let names = { (paths: [[Int]]) in paths.map { $0.map { g.ids[$0] } }.sorted { $0.lexicographicallyPrecedes($1) } }
            let hops = try #require(try fixture.view().shortestPaths(from: from, to: to, all: true))
            #expect(names(hops.paths) == entry["all"] as! [[String]])
            #expect(hops.length == (entry["hops"] as! NSNumber).doubleValue && !hops.truncated)
            let weighted = try #require(try fixture.view(.distance).shortestPaths(from: from, to: to, all: true))
            #expect(names(weighted.paths) == entry["weighted_all"] as! [[String]])
            #expect(abs(weighted.length - (entry["weighted_length"] as! NSNumber).doubleValue) < 1e-12)
            let one = try #require(try fixture.view().shortestPaths(from: from, to: to))
            #expect(one.paths.count == 1 && hops.paths.contains(one.paths[0]))
        }
    }

    /// a–b–d and a–c–d, plus a long way a–e–f–g–d.
    static func square() -> MeasureGraph {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d", "e", "f", "g", "z"] { builder.addNode(id: id, kind: "node") }
        for (s, t, w) in [
            ("a", "b", 5.0), ("b", "d", 5), ("a", "c", 5), ("c", "d", 5), ("a", "e", 1), ("e", "f", 1),
            ("f", "g", 1), ("g", "d", 1)
        ] {
            builder.addEdge(source: s, target: t, kind: "tie", weight: w)
        }
        return MeasureGraph(try! builder.build(), weights: .distance)
    }

    @Test func hopsWeightsLimitsAndUnreachable() throws {
        let view = Self.square()
        let hops = try #require(try view.unweighted().shortestPaths(from: 0, to: 3, all: true))
        #expect(hops.paths == [[0, 1, 3], [0, 2, 3]] && hops.length == 2)
        let weighted = try #require(try view.shortestPaths(from: 0, to: 3))
        #expect(weighted.paths == [[0, 4, 5, 6, 3]] && weighted.length == 4)
        #expect(try view.shortestPaths(from: 0, to: 3, maxHops: 3) == nil)
        #expect(try view.unweighted().shortestPaths(from: 0, to: 3, maxHops: 1) == nil)
        #expect(try view.shortestPaths(from: 0, to: 7) == nil)
        let capped = try #require(try view.unweighted().shortestPaths(from: 0, to: 3, all: true, limit: 1))
        #expect(capped.paths.count == 1 && capped.truncated)
        #expect(try view.shortestPaths(from: 2, to: 2)?.paths == [[2]])
    }

    @Test func directedFollowsArcs() throws {
        let view = MeasureGraph(Paths3.graph(), directed: true)
        #expect(try view.shortestPaths(from: 0, to: 2)?.paths == [[0, 1, 2]])
        #expect(try view.shortestPaths(from: 2, to: 0) == nil)
    }
}
