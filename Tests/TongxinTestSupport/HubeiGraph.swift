import Foundation
import TongxinIO

/// `Graphs/hubei.json` as `Scripts/make-hubei.py` writes it (`Scripts/test.sh` runs the script
/// before the tests), read once through ``TongxinIO/GraphFile/read(_:)`` for every test that checks
/// the source's facts. One rule when it is missing: each such test fails with a message saying how
/// to make it, so a run without it never passes by skipping.
public enum HubeiGraph {
    public static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Graphs/hubei.json").path

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(HubeiGraph.path) is missing: run `python3 Scripts/make-hubei.py` first" }
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    private static let loaded: Result<Graph, any Error> = {
        guard FileManager.default.fileExists(atPath: path) else { return .failure(Missing()) }
        do {
            return .success(try GraphFile.read(path))
        } catch {
            return .failure(Unreadable(description: "\(path) does not load: \(error)"))
        }
    }()

    /// The graph; throws when the file is missing or does not load.
    public static var graph: Graph { get throws { try loaded.get() } }

    /// The region named `name`.
    public static func region(_ name: String) throws -> Int { try graph.resolve(name, kind: NodeKind.region) }
}
