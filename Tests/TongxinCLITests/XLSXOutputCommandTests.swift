import Foundation
import Testing
import TongxinIO

/// `--format xlsx --out FILE` end to end: the workbook holds the CSV output's values, typed.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct XLSXOutputCommandTests {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    func run(_ arguments: String...) throws -> BuiltTongxin.Run { try BuiltTongxin.run(arguments, in: directory) }

    static func row(_ sheet: Worksheet, _ row: Int) -> [SheetValue?] {
        (1...sheet.columnCount).map { sheet.value(row: row, column: $0) }
    }

    @Test func coverageWritesOneSheetPerSectionWithNumbersAndRates() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try run(
            "coverage", "Graphs/examples/yunxi.json", "--unit", "village", "--by", "organization",
            "--format", "xlsx", "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let sheets = try Workbook.read(path: out)
        #expect(sheets.map(\.name) == ["region", "uncovered"])
        let regions = sheets[0]
        #expect(Self.row(regions, 1) == ["id", "name", "level", "units", "covered", "rate", "path"].map { .text($0) })
        #expect(Self.row(regions, 2) == [.text("42"), .text("湖北省"), .text("province"), .number(6), .number(1), .number(1.0 / 6), nil])
        #expect(
            Self.row(regions, 6) == [
                .text("420322102"), .text("上津镇"), .text("town"), .number(2), .number(1), .number(0.5),
                .text("湖北省 / 十堰市 / 郧西县")
            ])
        #expect(regions.rowCount == 7)
        let uncovered = sheets[1]
        #expect(Self.row(uncovered, 1) == ["id", "name", "level", "path"].map { .text($0) })
        #expect(Self.row(uncovered, 2) == [.text("v-cg-1"), .text("东门社区"), .text("village"), .text("湖北省 / 十堰市 / 郧西县 / 城关镇")])
        #expect(uncovered.rowCount == 6)
    }

    @Test func everyTabularCommandWritesAWorkbook() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let commands: [[String]] = [
            ["info", "Graphs/examples/yunxi.json"],
            ["pairing", "Graphs/examples/ziqiu-pairing.json", "--left", "enterprise", "--right", "village"],
            ["centrality", "Graphs/examples/yunxi.json", "--measure", "degree"],
            ["query", "Graphs/examples/yunxi.json", "MATCH (n:village) RETURN n.name AS name, 1.5 AS x ORDER BY name"]
        ]
        var names: [[String]] = []
        for command in commands {
            let run = try BuiltTongxin.run(command + ["--format", "xlsx", "--out", out], in: directory)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            names.append(try Workbook.read(path: out).map(\.name))
        }
        #expect(names == [["graph", "node_kind", "edge_kind", "level", "metadata"], ["region", "unpaired"], ["degree"], ["query"]])
        // The last one, the query: text and a number.
        let sheet = try Workbook.read(path: out)[0]
        #expect(Self.row(sheet, 2) == [.text("东门社区"), .number(1.5)])
    }

    @Test func aWorkbookNeedsAPathAndOnlyAWorkbookTakesOne() throws {
        let missing = try run("info", "Graphs/examples/yunxi.json", "--format", "xlsx")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--format xlsx writes a workbook: give its path with --out FILE.xlsx"))
        let stray = try run("info", "Graphs/examples/yunxi.json", "--out", "x.xlsx")
        #expect(stray.status != 0)
        #expect(stray.stderr.contains("--out is where --format xlsx writes its workbook"))
    }

    @Test func csvOutputNeutralisesFormulas() throws {
        let run = try run("query", "Graphs/examples/yunxi.json", "RETURN '=1+2' AS a, '-3' AS b, '-x' AS c", "--format", "csv")
        #expect(run.stdout == "a,b,c\n'=1+2,-3,'-x\n")
    }
}
