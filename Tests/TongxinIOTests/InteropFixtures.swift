import Foundation
import TongxinIO
import TongxinTestSupport

/// The files under Tests/Fixtures/interop, saved in the shapes Gephi, yEd and Cytoscape write.
enum InteropFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/interop")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func file(_ name: String) throws -> InputFile {
        InputFile(path: name, bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
    }
}

extension GraphContents {
    /// The contents without the graph's name and metadata (for formats that cannot carry them).
    func withoutGraphData() -> GraphContents {
        var copy = self
        copy.name = ""
        copy.metadata = [:]
        return copy
    }

    /// The contents with nodes ordered by id and edges by their text (for formats that group by kind).
    func sorted() -> GraphContents {
        var copy = self
        copy.nodes.sort { $0.id < $1.id }
        copy.edges.sort { "\($0)" < "\($1)" }
        return copy
    }
}
