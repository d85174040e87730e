import Foundation
import Testing
import TongxinTestSupport

@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct PairingCommandTests {
    func pairing(_ arguments: String...) throws -> BuiltTongxin.Run {
        try CoverageCLI.run(["pairing", CoverageCLI.graphPath, "--left", "enterprise", "--right", "village"] + arguments)
    }

    @Test func jsonFieldsAndValues() throws {
        // e1 (located nowhere) paired with 二村 and 三村, both in 甲市.
        // Whole graph: left 1, right 5, pairs 2, density 2/5, unpaired v1, v4, v5.
        // 甲市: right v1, v2, v3; left e1 (paired in) = 1; density 2/3; unpaired v1.
        // 乙市: right v4, v5, no left: density null; unpaired v4, v5.
        let result = try pairing("--by", "city", "--format", "json")
        #expect(result.status == 0 && result.stderr.isEmpty)
        let json = result.json
        #expect(json["left"] as? String == "enterprise" && json["right"] as? String == "village")
        #expect(json["edge"] as? String == "paired_with")
        let regions = try #require(json["regions"] as? [[String: Any]])
        #expect(regions.count == 3)
        let contract: Set<String> = [
            "id", "name", "level", "left", "right", "pairs", "density", "left_paired",
            "right_paired", "left_share", "right_share", "max_matching", "unpaired"
        ]
        #expect(regions.allSatisfy { Set($0.keys).isSuperset(of: contract) })
        let whole = regions[0]
        #expect(whole["id"] is NSNull && whole["level"] is NSNull && whole["name"] as? String == "tiny")
        #expect(whole["left"] as? Int == 1 && whole["right"] as? Int == 5 && whole["pairs"] as? Int == 2)
        #expect(whole["density"] as? Double == 0.4 && whole["right_share"] as? Double == 0.4)
        #expect(whole["max_matching"] as? Int == 1 && whole["unpaired"] as? [String] == ["v1", "v4", "v5"])
        #expect(regions[1]["id"] as? String == "c1" && regions[1]["level"] as? String == "city")
        #expect(regions[1]["left"] as? Int == 1 && regions[1]["right"] as? Int == 3)
        #expect(regions[1]["density"] as? Double == 2.0 / 3.0 && regions[1]["unpaired"] as? [String] == ["v1"])
        #expect(regions[2]["density"] is NSNull && regions[2]["left_share"] is NSNull)
        #expect(regions[2]["unpaired"] as? [String] == ["v4", "v5"])
    }

    @Test func suggestions() throws {
        // One left node with capacity 1 for three unpaired villages: e1 is located nowhere, so any
        // proposal costs 4; one village gets e1 (which one is immaterial to the cost), two get none.
        let result = try pairing("--suggest", "--format", "json")
        let suggestions = try #require(result.json["suggestions"] as? [String: Any])
        #expect(suggestions["capacity"] as? Int == 1 && suggestions["total_cost"] as? Int == 4)
        let proposals = try #require(suggestions["proposals"] as? [[String: Any]])
        #expect(proposals.count == 1 && proposals[0]["left"] as? String == "e1")
        #expect(proposals[0]["cost"] as? Int == 4 && proposals[0]["shared"] is NSNull)
        let unassigned = try #require(suggestions["unassigned"] as? [String])
        #expect(Set(unassigned + [proposals[0]["right"] as? String ?? ""]) == ["v1", "v4", "v5"] && unassigned.count == 2)
        let three = try pairing("--suggest", "--capacity", "3", "--format", "json")
        #expect((three.json["suggestions"] as? [String: Any])?["total_cost"] as? Int == 12)
        let table = try pairing("--suggest")
        #expect(table.stdout.contains("1 proposals, total cost 4") && table.stdout.contains("no partner left for 2: "))
    }

    @Test func badInput() throws {
        let selector = try CoverageCLI.run(["pairing", CoverageCLI.graphPath, "--left", "enterprise[", "--right", "village"])
        #expect(selector.status == 1 && selector.stderr.hasPrefix("error: --left 'enterprise['"))
        #expect(try pairing("--capacity", "0", "--suggest").status != 0)
        let both = try CoverageCLI.run(["pairing", CoverageCLI.graphPath, "--left", "village", "--right", "village", "--suggest"])
        #expect(both.status == 1 && both.stderr.contains("matches both the left and the right selector"))
        let edge = try pairing("--edge", "nosuchkind")
        #expect(edge.status == 0 && edge.stderr.hasPrefix("warning: --edge: the graph has no 'nosuchkind' edges"))
    }
}
