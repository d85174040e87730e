import Foundation
import Testing
import TongxinTestSupport

/// `tongxin render` end to end: the binary built next to this test bundle, on DOT input.
@Suite final class RenderCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func run(_ arguments: [String]) throws -> BuiltTongxin.Run { try BuiltTongxin.run(arguments) }

    static let tiny = """
        digraph "小样" {
          hb [kind=region, name="湖北省", level=province]
          t1 [kind=region, name="小溪塔街道", level=town]
          v1 [kind=village, name="一村"]; v2 [kind=village, name="二村"]
          e1 [kind=enterprise, name="宜昌某某茶业有限公司"]
          f1 [kind=figure, name="张\\"三"]
          t1 -> hb [kind=within]; v1 -> t1 [kind=within]; v2 -> t1 [kind=within]
          e1 -> v1 [kind=paired_with]; e1 -> v2 [kind=paired_with]; f1 -> v1 [kind=liaison_for]
        }
        """

    @Test func rendersDOTInputToSVGAndSaysWhatItChose() throws {
        let input = try file("tiny.dot", Self.tiny)
        let output = directory.appendingPathComponent("tiny.svg").path
        let result = try run(["render", input, "--out", output])
        #expect(result.status == 0)
        #expect(
            result.stderr.hasPrefix(
                "render: 6 nodes in view → 6 nodes, 6 edges; layout dot (chosen: at most 40 nodes); "
                    + "laid out in a worker process (time limit 60 s)"))
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        #expect(svg.contains(">宜昌某某茶业有限</text>") && svg.contains(">张&quot;三</text>"))
    }

    @Test func sizeAndColourComeFromAnalysis() throws {
        let input = try file("tiny.dot", Self.tiny)
        let output = directory.appendingPathComponent("coloured.svg").path
        let result = try run([
            "render", input, "--collapse", "town", "--size-by", "degree",
            "--color-by", "coverage:enterprise", "--via", "paired_with", "--out", output
        ])
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        // Both villages are paired with e1: the town holds 2 units, both covered.
        #expect(svg.contains(">100% of 2 covered</text>"))
        #expect(svg.contains(">coverage by enterprise via paired_with (village):"))
        #expect(svg.contains(">size: degree from "))
        let wrong = try run(["render", input, "--size-by", "components", "--out", output])
        #expect(wrong.status != 0 && wrong.stderr.contains("--size-by components is not a score per node"))
    }

    @Test func badInputIsPositionedAndWritesNothing() throws {
        let input = try file("bad.dot", "digraph {\n  a -> ;\n}\n")
        let output = directory.appendingPathComponent("bad.svg").path
        let result = try run(["render", input, "--out", output])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(input):2:8: error: DOT syntax error in line 2 near ';'"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let missing = try run(["render", try file("ok.dot", Self.tiny), "--focus", "nosuch", "--out", output])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: --focus: no node with id, code or name 'nosuch'\n")
    }

    @Test func aRunawayLayoutStopsAtTheTimeLimit() throws {
        var random = SplitMix64(seed: 11)
        var text = "digraph {\n"
        for _ in 0..<3_000 { text += "  v\(random.next() % 1_000) -> v\(random.next() % 1_000)\n" }
        text += "}\n"
        let input = try file("big.dot", text)
        let output = directory.appendingPathComponent("big.svg").path
        let start = Date()
        let result = try run(["render", input, "--layout", "dot", "--max-nodes", "5000", "--time-limit", "1", "--out", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: the layout took longer than 1 s and was stopped"))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
