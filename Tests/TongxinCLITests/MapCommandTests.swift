import Foundation
import Testing
import TongxinMap
import TongxinTestSupport

/// `tongxin map` end to end on the Hubei graph and the installed boundaries.
@Suite(
    .enabled(
        if: BuiltTongxin.path != nil && (try? Boundaries(defaultFor: .county)) != nil,
        "the tongxin binary is built and Scripts/setup.sh installed the boundaries"))
struct MapCommandTests {
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-map-tests-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
    }

    /// Every shape's `data-rate` (and the rate in its `<title>`) is the rate `coverage --format json`
    /// gives the same region; the county map stays under 300 KB.
    @Test func titlesCarryTheCoverageRates() throws {
        let svg = Self.scratch.appendingPathComponent("county.svg").path
        let question = ["--unit", "village", "--by", "organization[type=联络点]", "--via", "within"]
        let map = try BuiltTongxin.run(["map", HubeiGraph.path, "--level", "county", "--out", svg] + question)
        #expect(map.status == 0, "\(map.stderr)")
        #expect(map.stderr.contains("warning: region 荆州经济技术开发区 (421071) has no boundary"))
        let coverage = try BuiltTongxin.run(["coverage", HubeiGraph.path, "--format", "json"] + question)
        var expected: [String: Double] = [:]
        for region in coverage.json["regions"] as? [[String: Any]] ?? [] {
            if let id = region["id"] as? String, let rate = region["rate"] as? Double { expected[id] = rate }
        }
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let size = try FileManager.default.attributesOfItem(atPath: svg)[.size] as? Int ?? 0
        #expect(size < 300_000, "\(size) bytes")
        let pattern = try NSRegularExpression(
            pattern: #"data-id="(\d+)" data-units="(\d+)" data-covered="(\d+)" data-rate="([^"]*)"><title>[^<]*覆盖率 ([0-9.]+)%</title>"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count == 103)
        for match in matches {
            func group(_ index: Int) -> String { String(text[Range(match.range(at: index), in: text)!]) }
            let id = group(1)
            let rate = try #require(Double(group(4)))
            // Foundation's JSON parser may be off in the last bit; the writer prints shortest round-trip digits.
            #expect(abs(try #require(expected[id]) - rate) <= 1e-15, "\(id)")
            #expect(abs(Double(group(5))! - rate * 100) <= 0.05 + 1e-9, "\(id)")
        }
    }

    /// `map --since`: every shape's `data-delta` (and the change in its `<title>`) is the
    /// `delta_rate` that `diff --coverage --format json` gives the same region (unsigned when it rounds to 0.0).
    @Test(
        .enabled(if: FileManager.default.fileExists(atPath: Self.earlier), "python3 Scripts/make-hubei-2023.py wrote the earlier version"))
    func sinceTitlesCarryTheDiffDeltas() throws {
        let svg = Self.scratch.appendingPathComponent("change.svg").path
        let question = ["--unit", "village", "--by", "figure", "--via", "liaison_for"]
        let map = try BuiltTongxin.run(["map", HubeiGraph.path, "--since", Self.earlier, "--level", "county", "--out", svg] + question)
        #expect(map.status == 0, "\(map.stderr)")
        let diff = try BuiltTongxin.run(["diff", Self.earlier, HubeiGraph.path, "--coverage", "--format", "json"] + question)
        var expected: [String: Double] = [:]
        for region in (diff.json["coverage"] as? [String: Any])?["regions"] as? [[String: Any]] ?? [] {
            if let id = region["id"] as? String, let delta = region["delta_rate"] as? Double { expected[id] = delta }
        }
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("<title>湖北省各县（市、区）村覆盖率变化</title>") && text.contains(">变化（百分点）</text>"))
        let pattern = try NSRegularExpression(
            pattern: #"data-id="(\d+)"[^>]* data-delta="([^"]*)"><title>[^<]*变化：([-+]?[0-9.]+) 个百分点</title>"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count == 103)
        var moved = 0
        for match in matches {
            func group(_ index: Int) -> String { String(text[Range(match.range(at: index), in: text)!]) }
            let delta = try #require(Double(group(2)))
            #expect(abs(try #require(expected[group(1)]) - delta) <= 1e-15, "\(group(1))")
            #expect(abs(Double(group(3))! - delta * 100) <= 0.05 + 1e-9, "\(group(1))")
            if delta != 0 { moved += 1 }
        }
        #expect(moved > 0)
    }

    /// `report --since` draws one change map per coverage question that moved, in 变化, each
    /// beside its table, with ids unique in the page.
    @Test(
        .enabled(if: FileManager.default.fileExists(atPath: Self.earlier), "python3 Scripts/make-hubei-2023.py wrote the earlier version"))
    func reportSinceDrawsChangeMaps() throws {
        let out = Self.scratch.appendingPathComponent("since.html").path
        let run = try BuiltTongxin.run([
            "report", HubeiGraph.path, "--since", Self.earlier, "--region", "十堰市", "--sections", "change",
            "--out", out
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        let headings = html.matches(of: /<h3 id="change-coverage-(\d+)">/).map { String($0.1) }
        let maps = html.matches(of: /<figure class="diagram map" id="change-coverage-(\d+)-map">/).map { String($0.1) }
        #expect(!maps.isEmpty && maps == headings)
        #expect(html.contains("十堰市各县（市、区）村覆盖率变化") && html.contains(">变化（百分点）</text>"))
        #expect(html.contains("url(#change-coverage-\(maps[0])-map-hatch-rising)") || !html.contains("hatch-rising"))
    }

    static var earlier: String {
        URL(fileURLWithPath: HubeiGraph.path).deletingLastPathComponent().appendingPathComponent("hubei-2023.json").path
    }

    @Test func pairingAndFormats() throws {
        for format in ["png", "pdf"] {
            let out = Self.scratch.appendingPathComponent("pairing.\(format)").path
            let run = try BuiltTongxin.run([
                "map", HubeiGraph.path, "--level", "city", "--pairing", "enterprise:village",
                "--lang", "en", "--width", "400", "--out", out
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(bytes.starts(with: format == "png" ? [0x89, 0x50, 0x4E, 0x47] : Array("%PDF".utf8)))
        }
    }

    @Test func badBoundariesArePositioned() throws {
        let bad = Self.scratch.appendingPathComponent("bad.geojson")
        try Data(#"{"type": "Topology", "objects": {}}"#.utf8).write(to: bad)
        let out = Self.scratch.appendingPathComponent("never.svg").path
        let run = try BuiltTongxin.run([
            "map", HubeiGraph.path, "--level", "city", "--unit", "town", "--by", "figure",
            "--boundaries", bad.path, "--out", out
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.geojson:1:10: error: a map needs a GeoJSON FeatureCollection, not a Topology"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let usage = try BuiltTongxin.run(["map", HubeiGraph.path, "--unit", "city", "--by", "figure", "--out", out])
        #expect(usage.status == 1 && usage.stderr.contains("--unit city is above --level county"))
    }
}
