import Foundation
import TongxinAnalysis
import TongxinIO

/// The bundled Hubei graph, `Graphs/hubei.json`, made by `Scripts/make-hubei.py` (`Scripts/test.sh`
/// runs it before the tests). Loaded once for every test that checks the source's facts; those tests
/// are skipped when the file has not been generated.
enum HubeiGraph {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Graphs/hubei.json").path

    static let isPresent = FileManager.default.fileExists(atPath: path)

    /// The graph, read once; a file that does not load fails each test with its diagnostics.
    static let loaded = Result { () throws(DiagnosticList) in try GraphFile.read(path) }

    static var graph: Graph { get throws { try loaded.get() } }

    /// The region named `name`.
    static func region(_ name: String) throws -> Int { try graph.resolve(name, kind: NodeKind.region) }
}
