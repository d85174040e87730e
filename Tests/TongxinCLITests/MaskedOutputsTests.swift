import Foundation
import Testing
import TongxinIO
import TongxinTestSupport

/// No value the `public` profile removes appears in any output of the built `tongxin`: tables,
/// JSON, CSV, workbooks, every graph format, diagrams (SVG labels, PNG bytes), the HTML report,
/// query results, neighbourhoods and extracts.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is not built"), .serialized)
struct MaskedOutputsTests {
    /// Everything personal in ``SampleGraphs/personalFigures()`` that `public` must remove.
    static let secrets = ["张三", "李四", "13812345678", "420502199001011234", "87654321", "13712345678"]

    let folder: URL
    let graph: String
    let key: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-masked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        graph = folder.appendingPathComponent("personal.json").path
        try GraphFile.write(SampleGraphs.personalFigures(), to: graph)
        key = folder.appendingPathComponent("key.txt").path
        try Data("a-test-key-of-32-bytes-0123456789".utf8).write(to: URL(fileURLWithPath: key))
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `tongxin` with the mask options and returns what it printed; it must succeed.
    func run(_ arguments: [String]) throws -> String {
        let result = try BuiltTongxin.run(arguments + ["--mask", "public", "--mask-key", key])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout + result.stderr
    }

    /// Every file under the folder that a command wrote, as bytes read as UTF-8 (lossy), plus the
    /// cells of every workbook.
    func writtenText() throws -> String {
        var text = ""
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
        for file in files where file != "personal.json" && file != "key.txt" {
            let full = path(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            text += String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self)
            if file.hasSuffix(".xlsx") {
                for sheet in try Workbook.read(path: full) {
                    for row in 1...max(sheet.rowCount, 1) {
                        for column in 1...max(sheet.columnCount, 1) {
                            text += "\(sheet.value(row: row, column: column).map { "\($0)" } ?? "")\t"
                        }
                    }
                }
            }
        }
        return text
    }

    @Test func noMaskedValueInAnyOutput() throws {
        var printed = ""
        for format in ["table", "json", "csv"] {
            printed += try run(["info", graph, "--format", format])
            printed += try run(["neighbors", graph, "v1", "--format", format])
            printed += try run(["query", graph, "MATCH (f:figure) RETURN f.name, f.phone, f.id_number, f.mobile, f", "--format", format])
            printed += try run(["coverage", graph, "--unit", "village", "--by", "figure", "--via", "liaison_for,within", "--format", format]
            )
            printed += try run(["centrality", graph, "--measure", "degree", "--format", format])
        }
        printed += try run(["coverage", graph, "--unit", "village", "--by", "figure", "--format", "xlsx", "--out", path("coverage.xlsx")])
        printed += try run(["query", graph, "MATCH (f:figure) RETURN f.name, f.phone", "--format", "xlsx", "--out", path("query.xlsx")])
        printed += try run(["convert", graph, path("g.txg")])
        for out in ["g.json", "g.graphml", "g.gexf", "g.cyjs", "g.dot", "csv/"] {
            printed += try run(["convert", graph, path(out)])
        }
        printed += try run(["convert", graph, path("neo4j"), "--to", "neo4j"])
        printed += try run(["convert", graph, path("yed.graphml"), "--for", "yed"])
        printed += try run(["extract", graph, "--region", "t1", "--with-links", "--out", path("extract.json")])
        for out in ["d.svg", "d.png", "d.pdf", "d.dot"] {
            printed += try run(["render", graph, "--out", path(out), "--layout", "dot"])
        }
        printed += try run(["render", graph, "--focus", "v1", "--out", path("focus.svg")])
        printed += try run(["report", graph, "--out", path("report.html")])
        printed += try run(["report", graph, "--out", path("report-en.html"), "--lang", "en"])
        let written = try writtenText()
        for secret in Self.secrets {
            #expect(!printed.contains(secret), "\(secret) printed")
            #expect(!written.contains(secret), "\(secret) written")
        }
        // The pseudonyms are there instead, the same in every output.
        let pseudonym = try #require(printed.firstRange(of: /统战联络员-[0-9A-F]{6}/)).lowerBound
        let name = String(printed[pseudonym...].prefix("统战联络员-".count + 6))
        #expect(written.contains(name))
    }

    @Test func withoutAKeyPseudonymsAreRandomAndSaidSo() throws {
        let result = try BuiltTongxin.run(["info", graph, "--mask", "public"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: no mask key (--mask-key or TONGXIN_MASK_KEY)"))
        let unknown = try BuiltTongxin.run(["info", graph, "--mask", "secret"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown masking profile 'secret': use public or internal, or a .yaml profile file"))
    }
}
