import Foundation
import Testing
import TongxinTestSupport

/// End-to-end runs of `tongxin report` on the bundled example county (Graphs/examples/yunxi.json):
/// what it writes, in which language, and that bad input leaves the output untouched.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct ReportCommandTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Graphs/examples/yunxi.json").path

    let directory: String = {
        let path = NSTemporaryDirectory() + "tongxin-report-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func run(_ arguments: String...) throws -> BuiltTongxin.Run { try BuiltTongxin.run(arguments, in: directory) }

    func page(_ name: String) throws -> String { try String(contentsOfFile: directory + "/" + name, encoding: .utf8) }

    @Test func writesTheWholeReport() throws {
        let result = try run("report", Self.example, "--out", "report.html")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote report.html: "))
        let html = try page("report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        for section in ["summary", "coverage", "pairing", "central", "diagrams"] {
            #expect(html.contains("<section id=\"\(section)\" class=\"report-section\">"), "\(section)")
        }
        #expect(html.contains("<h1>湖北省统战网络分析报告</h1>"))
        #expect(html.contains("<svg"))
        // Only the page itself is left: the temporary file was renamed into place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.html"])
    }

    @Test func oneRegionInEnglishWithChosenSections() throws {
        let result = try run(
            "report", Self.example, "--region", "郧西县", "--lang", "en",
            "--sections", "coverage, summary", "--out", "county.html")
        #expect(result.status == 0, "\(result.stderr)")
        let html = try page("county.html")
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h1>郧西县: network report</h1><p>Scope: 郧西县</p>"))
        #expect(html.contains("<h2>Summary</h2>") && html.contains("<h2>Coverage</h2>"))
        #expect(!html.contains("<h2>Pairing</h2>"))
    }

    @Test func badInputLeavesTheOutputAlone() throws {
        try "old".write(toFile: directory + "/report.html", atomically: false, encoding: .utf8)
        let section = try run("report", Self.example, "--sections", "summary,map", "--out", "report.html")
        #expect(section.status == 1)
        #expect(
            section.stderr.contains(
                "--sections: unknown section 'map'; the sections are summary, coverage, pairing, maps, change, central, diagrams"))
        let village = try run("report", Self.example, "--region", "v-cg-1", "--out", "report.html")
        #expect(village.status == 1)
        #expect(village.stderr.contains("is a village: a report covers a province, city, county or town"))
        try "{\"format\": \"tongxin-graph\", \"nodes\": [".write(toFile: directory + "/bad.json", atomically: false, encoding: .utf8)
        let bad = try run("report", "bad.json", "--out", "report.html")
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("bad.json:1:"))
        #expect(try page("report.html") == "old")
    }
}
