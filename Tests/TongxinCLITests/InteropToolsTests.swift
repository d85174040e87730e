import Foundation
import Testing
import TongxinTestSupport

/// The other tools themselves on Tongxin's files and theirs: NetworkX reads the GEXF, yEd GraphML and
/// Gephi GraphML both ways (`Scripts/interop-check.py`), and Kùzu loads the Neo4j export and answers
/// Cypher queries as `tongxin query` does (`Scripts/kuzu-check.py`). They run with the Python of
/// `.venv-test`, which `Scripts/setup.sh` makes with networkx and kuzu.
/// The Python of `.venv-test` in the repository, if Scripts/setup.sh made it.
enum TestPython {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let path: String? = {
        let path = root.appendingPathComponent(".venv-test/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()
}

@Suite(.enabled(if: BuiltTongxin.path != nil && TestPython.path != nil, "the tongxin binary and .venv-test (Scripts/setup.sh)"))
struct InteropToolsTests {
    static let root = TestPython.root
    static let python = TestPython.path

    /// Runs a script of `Scripts/` with `arguments`; its exit status and output.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let scratch = NSTemporaryDirectory() + "tongxin-interop-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outputPath = scratch + "/output"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [root.appendingPathComponent("Scripts/\(script)").path] + arguments.map { $0 == "WORKDIR" ? scratch : $0 }
        process.currentDirectoryURL = root
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: outputPath, encoding: .utf8))
    }

    @Test func networkXReadsOursAndWeReadTheirs() throws {
        let result = try Self.run("interop-check.py", [BuiltTongxin.path!, "WORKDIR"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("interop-check: 0 mismatches\n"), "\(result.output)")
    }

    @Test func kuzuLoadsTheNeo4jExportAndAgreesWithQuery() throws {
        let example = Self.root.appendingPathComponent("Graphs/examples/yunxi.json").path
        let result = try Self.run("kuzu-check.py", [BuiltTongxin.path!, example, "WORKDIR"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "kuzu-check: 27 nodes, 43 relationships, 4 queries, 0 mismatches\n", "\(result.output)")
    }
}
