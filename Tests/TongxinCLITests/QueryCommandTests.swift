import Foundation
import Testing
import TongxinTestSupport

/// `tongxin query` end to end: the binary built next to this test bundle, on the corpus graphs.
@Suite struct QueryCommandTests {
    /// The query corpus's small graph, `Tests/TongxinQueryTests/Corpus/tiny.json`.
    static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TongxinQueryTests/Corpus/tiny.json").path

    /// Runs `tongxin query` with `arguments`.
    static func run(_ arguments: [String]) throws -> BuiltTongxin.Run { try BuiltTongxin.run(["query"] + arguments) }

    /// '甲镇 (t1)' is 9 columns wide (two wide characters), so `town` is padded to 9; numbers
    /// are right-aligned under `villages`.
    @Test func tableAlignsChineseAndRightAlignsNumbers() throws {
        let result = try Self.run([
            Self.tiny, "MATCH (t:region {level: 'town'})<-[:within]-(v) RETURN t AS town, count(v) AS villages ORDER BY town.id"
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                town       villages
                甲镇 (t1)         2
                乙镇 (t2)         1
                丙镇 (t3)         2

                """)
    }

    @Test func jsonHasColumnsRowsAndNodeObjects() throws {
        let result = try Self.run([
            Self.tiny, "--format", "json", "MATCH (e:enterprise)-[r {projects: 1}]->(v) RETURN e, r, v.name AS village"
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["columns"] as? [String] == ["e", "r", "village"])
        let row = (object["rows"] as! [[Any]])[0]
        let node = row[0] as! [String: Any], edge = row[1] as! [String: Any]
        #expect(node["id"] as? String == "e1" && node["kind"] as? String == "enterprise" && node["industry"] as? String == "tea")
        #expect(edge["source"] as? String == "e1" && edge["target"] as? String == "v3" && edge["kind"] as? String == "paired_with")
        #expect(edge["projects"] as? Int == 1 && edge["weight"] as? Double == 1)
        #expect(row[2] as? String == "三村")
    }

    @Test func csvQuotesWhereNeeded() throws {
        let result = try Self.run([
            Self.tiny, "--format", "csv", "--param", "ids=['v1', 'v2']",
            "MATCH (v:village) WHERE v.id IN $ids RETURN v.id AS id, [v.name, 'x, y'] AS list ORDER BY id"
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "id,list\nv1,\"['一村', 'x, y']\"\nv2,\"['二村', 'x, y']\"\n")
    }

    @Test func errorsArePositionedWithACaretAndExitOne() throws {
        let result = try Self.run([Self.tiny, "MATCH (n:region)\nRETURN n.name, count(m)"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                query:2:22: error: unknown variable 'm'
                RETURN n.name, count(m)
                                     ^

                """)
    }

    @Test func explainPrintsThePlan() throws {
        let result = try Self.run([Self.tiny, "--explain", "MATCH (v:village {name: '三村'})-[:within]->(t) RETURN t.name"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("NodeSeek (v) by name index = '三村', ≈1 candidates"))
    }
}
