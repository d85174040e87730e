import Foundation
import Testing
import TongxinIO
import TongxinTestSupport
@testable import TongxinImport

/// `tongxin import` end to end: the graph written on success; on an error, exit status 1, the
/// problems at their cells on stderr, and no output file.
@Suite(.enabled(if: BuiltTongxin.path != nil, "needs the built tongxin"))
struct ImportCommandTests {
    @Test func importsAndWrites() throws {
        let ledgers = try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": Ledgers.roster])
        let out = ledgers.folder + "/g.json"
        let run = try BuiltTongxin.run(["import", ledgers.folder + "/map.yaml", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(out): 1598 nodes, 1598 edges from 1 sheets\n")
        let graph = try GraphFile.read(out)
        #expect(graph.nodes(ofKind: "figure").count == 2)
    }

    @Test func anErrorWritesNothing() throws {
        let roster = Ledgers.roster.replacingOccurrences(of: "3,宜昌,夷陵,小溪塔,", with: "3,宜昌,夷陵,小溪塔镇,")
        let ledgers = try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": roster])
        let out = ledgers.folder + "/g.json"
        let run = try BuiltTongxin.run(["import", ledgers.folder + "/map.yaml", "--out", out])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                \(ledgers.folder)/roster.csv:roster!D5: error: no town named '小溪塔镇' in 夷陵区; did you mean 小溪塔街道?
                    3 | 宜昌 | 夷陵 | 小溪塔镇 | 旧坪社区 | 张三 | 13800000001
                                      ^

                """)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func draftGuessesAMappingThatImports() throws {
        let ledgers = try Ledgers(["roster.csv": Ledgers.roster])
        let run = try BuiltTongxin.run(["import", "--draft", ledgers.folder + "/roster.csv"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasSuffix(
                """
                sheets:
                  - file: roster.csv
                    sheet: roster
                    header: 2
                    nodes:
                      f: {kind: figure, key: [姓名, 联系电话], name: 姓名, attrs: {phone: 联系电话}}
                      p: {place: [市州, 县(市、区), 乡镇（街道）, 村（社区）]}
                    edges:
                      - {source: f, target: p, kind: liaison_for}   # or another edge kind (DOMAIN.md)

                """))
        try run.stdout.write(toFile: ledgers.folder + "/map.yaml", atomically: true, encoding: .utf8)
        let result = try LedgerImporter.run(try LedgerMapping.read(ledgers.folder + "/map.yaml"))
        #expect(result.graph.nodes(ofKind: "figure").count == 2 && result.graph.nodes(ofKind: "village").count == 2)
    }
}
