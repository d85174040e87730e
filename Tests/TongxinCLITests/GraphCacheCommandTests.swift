import Foundation
import Testing
import TongxinIO
import TongxinTestSupport

/// The graph options' `--timings`, `--no-cache` and `--cache-beside`, end to end.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct GraphCacheCommandTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tongxin-cache-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txg") }.sorted()
    }

    @Test func timingsAndNoCache() throws {
        let source = directory + "/g.json"
        try GraphFile.write(SampleGraphs.tinyProvince(), to: source)
        let cold = try BuiltTongxin.run(["centrality", source, "--measure", "degree", "--timings"])
        #expect(cold.status == 0)
        #expect(
            cold.stderr.hasPrefix("timings: read ") && cold.stderr.contains(", view ") && cold.stderr.contains(", kernel ")
                && cold.stderr.contains(", output ") && cold.stderr.contains(" ms, total "))
        let warm = try BuiltTongxin.run(["centrality", source, "--measure", "degree"])
        #expect(warm.stdout == cold.stdout && warm.stderr.isEmpty)
        let beside = try BuiltTongxin.run(["info", source, "--no-cache", "--cache-beside"])
        #expect(beside.status == 0 && entries(directory).isEmpty)
        #expect(try BuiltTongxin.run(["info", source, "--cache-beside"]).status == 0)
        #expect(entries(directory).count == 1)
    }

    /// `diff` reads both versions through the cache like every other command: a `.txg` for each,
    /// then the same answer from them.
    @Test func diffReadsBothVersionsThroughTheCache() throws {
        let old = directory + "/old.json", new = directory + "/new.json"
        try GraphFile.write(SampleGraphs.tinyProvince(), to: old)
        try GraphFile.write(SampleGraphs.tinyProvince(), to: new)
        let direct = try BuiltTongxin.run(["diff", old, new, "--no-cache", "--format", "json"])
        #expect(direct.status == 0 && entries(directory).isEmpty)
        let cold = try BuiltTongxin.run(["diff", old, new, "--cache-beside", "--format", "json"])
        #expect(cold.status == 0 && cold.stdout == direct.stdout)
        #expect(entries(directory).count == 2)
        let warm = try BuiltTongxin.run(["diff", old, new, "--cache-beside", "--format", "json"])
        #expect(warm.stdout == direct.stdout && warm.stderr.isEmpty)
    }
}
