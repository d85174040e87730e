import Foundation
import Testing
import TongxinIO
import TongxinTestSupport

/// `tongxin import` end to end: the graph written on success; on an error, exit status 1, the
/// problems at their cells on stderr, and no output file.
@Suite(.enabled(if: BuiltTongxin.path != nil, "needs the built tongxin"))
struct ImportCommandTests {
    static let mapping = SampleLedgers.mapping
    static let roster = SampleLedgers.roster

    /// The files in a fresh folder.
    struct Ledgers {
        let folder: String

        init(_ files: [String: String]) throws { folder = try SampleLedgers.folder(files) }
    }

    @Test func importsAndWrites() throws {
        let ledgers = try Ledgers(["map.yaml": Self.mapping, "roster.csv": Self.roster])
        let out = ledgers.folder + "/g.json"
        let run = try BuiltTongxin.run(["import", ledgers.folder + "/map.yaml", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(out): 1598 nodes, 1598 edges from 1 sheets\n")
        let graph = try GraphFile.read(out)
        #expect(graph.nodes(ofKind: "figure").count == 2)
    }

    @Test func anErrorWritesNothing() throws {
        let roster = Self.roster.replacingOccurrences(of: "3,宜昌,夷陵,小溪塔,", with: "3,宜昌,夷陵,小溪塔镇,")
        let ledgers = try Ledgers(["map.yaml": Self.mapping, "roster.csv": roster])
        let out = ledgers.folder + "/g.json"
        let run = try BuiltTongxin.run(["import", ledgers.folder + "/map.yaml", "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr == """
            \(ledgers.folder)/roster.csv:roster!D5: error: no town named '小溪塔镇' in 夷陵区; did you mean 小溪塔街道?
                3 | 宜昌 | 夷陵 | 小溪塔镇 | 旧坪社区 | 张三 | 13800000001
                                  ^

            """)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func draftGuessesAMappingThatImports() throws {
        let ledgers = try Ledgers(["roster.csv": Self.roster])
        let run = try BuiltTongxin.run(["import", "--draft", ledgers.folder + "/roster.csv"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("""
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
        let imported = try BuiltTongxin.run(["import", ledgers.folder + "/map.yaml", "--out", ledgers.folder + "/g.json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let graph = try GraphFile.read(ledgers.folder + "/g.json")
        #expect(graph.nodes(ofKind: "figure").count == 2 && graph.nodes(ofKind: "village").count == 2)
    }
}
