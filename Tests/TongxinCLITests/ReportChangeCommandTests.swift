import Foundation
import Testing
import TongxinTestSupport

/// `tongxin report --since` end to end on the bundled example county compared with itself.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct ReportSinceCommandTests {
    @Test func sinceAddsTheChangeSection() throws {
        let directory = NSTemporaryDirectory() + "tongxin-report-since-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let example = ReportCommandTests.example
        let result = try BuiltTongxin.run(
            [
                "report", example, "--since", example, "--sections", "summary,change",
                "--out", "r.html"
            ], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: directory + "/r.html", encoding: .utf8)
        #expect(html.contains("<h2>变化</h2>") && html.contains("相比：新增节点 0 个，减少 0 个，变更 0 个。"))
        #expect(html.contains("没有变化的覆盖指标："))
        let missing = try BuiltTongxin.run(["report", example, "--sections", "change", "--out", "r.html"], in: directory)
        #expect(missing.status == 1 && missing.stderr.contains("--sections: change needs --since OLD"))
    }
}
