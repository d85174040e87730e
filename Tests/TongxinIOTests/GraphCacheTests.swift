import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinIO

/// The `.txg` cache of text graphs: keyed by content, used when it matches, rebuilt when damaged
/// or stale, never trusted (the CLI's options: `TongxinCLITests/GraphCacheCommandTests`).
@Suite struct GraphCacheTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tongxin-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/cache", withIntermediateDirectories: true)
    }

    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txg") }.sorted()
    }

    @Test func storesHitsRebuildsAndForgetsOldContent() throws {
        let source = directory + "/g.json"
        try GraphFile.write(SampleGraphs.tinyProvince(), to: source)
        let cache = GraphCache(.folder(directory + "/cache"))
        let first = try cache.read(source, as: .json)
        guard case .stored(let entry) = first.outcome else { Issue.record("\(first.outcome)"); return }
        #expect(entries(directory + "/cache").count == 1)
        let second = try cache.read(source, as: .json)
        #expect(second.outcome == .hit(entry))
        #expect(GraphContents(second.graph) == GraphContents(first.graph))

        // A damaged entry is rebuilt, not trusted.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        let third = try cache.read(source, as: .json)
        guard case .rebuilt(let reason) = third.outcome else { Issue.record("\(third.outcome)"); return }
        #expect(reason.contains(" at byte "))
        #expect(try cache.read(source, as: .json).outcome == .hit(entry))

        // New content is a new key; the old entry goes.
        try GraphFile.write(NativeJSONTests.featureGraph(), to: source)
        let changed = try cache.read(source, as: .json)
        guard case .stored(let newEntry) = changed.outcome else { Issue.record("\(changed.outcome)"); return }
        #expect(newEntry != entry)
        #expect(GraphContents(changed.graph) == GraphContents(NativeJSONTests.featureGraph()))
        #expect(entries(directory + "/cache") == [String(newEntry.split(separator: "/").last!)])
    }

    @Test func besideTheSourceAndForCSVFolders() throws {
        let folder = directory + "/tiny"
        try GraphFile.write(SampleGraphs.tinyProvince(), to: folder)
        try GraphFile.write(SampleGraphs.tinyProvince(), to: directory + "/tiny.txg")  // the user's own file stays
        let cache = GraphCache(.besideSource)
        let first = try cache.read(folder + "/", as: .csv)
        guard case .stored(let entry) = first.outcome else { Issue.record("\(first.outcome)"); return }
        #expect(entry.hasPrefix(folder + ".") && entry.hasSuffix("-v1.txg"))
        #expect(try cache.read(folder + "/nodes.csv", as: .csv).outcome == .hit(entry))
        try "id,kind\nx,figure\n".write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try "source,target\n".write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        let changed = try cache.read(folder, as: .csv)
        #expect(changed.graph.ids == ["x"] && changed.graph.name == "tiny")
        #expect(entries(directory).count == 2 && entries(directory).contains("tiny.txg"))
    }
}
