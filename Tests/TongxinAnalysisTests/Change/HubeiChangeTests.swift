import Foundation
import Testing
import TongxinAnalysis
import TongxinIO
import TongxinTestSupport

/// The Hubei pair, `Graphs/hubei-2023.json` and `Graphs/hubei.json`, against the differences
/// `Scripts/make-hubei-2023.py` counts on its own (`Graphs/hubei-2023.expected.json`); `Scripts/test.sh`
/// generates both, and a missing file fails the suite.
@Suite
struct HubeiChangeTests {
    static let pair = Result { () throws -> (Graph, Graph) in
        (try GraphFile.read(HubeiPair.oldPath), try HubeiGraph.graph)
    }

    func count(_ path: String...) throws -> Int { try (expected(path: path) as! NSNumber).intValue }
    func expected(path: [String]) throws -> Any {
        var value: Any = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: HubeiPair.expectedPath)))
        for key in path { value = (value as! [String: Any])[key]! }
        return value
    }

    @Test func nodesAndEdgesMatchTheGeneratorsCount() throws {
        let (old, new) = try Self.pair.get()
        let diff = GraphDiff(old: old, new: new)
        #expect(diff.addedNodes.count == (try count("nodes", "added")))
        #expect(diff.removedNodes.count == (try count("nodes", "removed")))
        #expect(diff.changedNodes.count == (try count("nodes", "changed")))
        #expect(diff.changedNodes.filter { $0.changes.contains { $0.field == "parent" } }.count == (try count("nodes", "moved")))
        #expect(diff.changedNodes.filter { $0.changes.contains { $0.field == "name" } }.count == (try count("nodes", "renamed")))
        func byKind(_ tally: (GraphDiff.NodeTally) -> Int) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: zip(diff.nodeKinds, diff.nodeTallies).map { ($0, tally($1)) }.filter { $1 > 0 })
        }
        #expect(byKind(\.added) == (try expected(path: ["nodes", "added_by_kind"]) as! [String: Int]))
        #expect(byKind(\.removed) == (try expected(path: ["nodes", "removed_by_kind"]) as! [String: Int]))
        #expect(byKind(\.changed) == (try expected(path: ["nodes", "changed_by_kind"]) as! [String: Int]))
        func edges(_ tally: (GraphDiff.EdgeTally) -> Int) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: zip(diff.edgeKinds, diff.edgeTallies).map { ($0, tally($1)) }.filter { $1 > 0 })
        }
        #expect(edges(\.added) == (try expected(path: ["edges", "added"]) as! [String: Int]))
        #expect(edges(\.removed) == (try expected(path: ["edges", "removed"]) as! [String: Int]))
    }

    @Test func shiyanLiaisonCoverageMatchesTheGeneratorsCount() throws {
        let (old, new) = try Self.pair.get()
        let by = [try NodeSelector(parsing: "figure")]
        let before = try Coverage(of: old, unit: .village, by: by, via: [EdgeKind.liaisonFor], within: old.index(of: "4203"))
        let after = try Coverage(of: new, unit: .village, by: by, via: [EdgeKind.liaisonFor], within: new.index(of: "4203"))
        let change = CoverageChange(before: before, of: old, after: after, of: new, matching: NodeMatching(old: old, new: new))
        let key = "coverage_shiyan_villages_by_liaison"
        let counted = [
            try count(key, "before", "units"), try count(key, "before", "covered"),
            try count(key, "after", "units"), try count(key, "after", "covered")
        ]
        #expect([before.units, before.covered, after.units, after.covered] == counted)
        #expect(change.newlyCovered.count == (try count(key, "newly_covered")))
        #expect(change.newlyUncovered.count == (try count(key, "newly_uncovered")))
    }

    @Test func pairingMatchesTheGeneratorsCount() throws {
        let (old, new) = try Self.pair.get()
        let left = try NodeSelector(parsing: "enterprise"), right = try NodeSelector(parsing: "village")
        let change = PairingChange(
            before: try Pairing(of: old, left: left, right: right), of: old,
            after: try Pairing(of: new, left: left, right: right), of: new,
            diff: GraphDiff(old: old, new: new))
        let key = "pairing_enterprise_village"
        for (side, figures) in [("before", change.regions[0].before!), ("after", change.regions[0].after!)] {
            #expect(figures.pairs == (try count(key, side, "pairs")))
            #expect(figures.right == (try count(key, side, "right")))
            #expect(figures.rightPaired == (try count(key, side, "right_paired")))
        }
        #expect(change.newlyPaired.count == (try count(key, "newly_paired")))
        #expect(change.newlyUnpaired.count == (try count(key, "newly_unpaired")))
    }
}

/// Where the generated pair lives.
enum HubeiPair {
    static let directory = URL(fileURLWithPath: HubeiGraph.path).deletingLastPathComponent()
    static let oldPath = directory.appendingPathComponent("hubei-2023.json").path
    static let expectedPath = directory.appendingPathComponent("hubei-2023.expected.json").path
}
