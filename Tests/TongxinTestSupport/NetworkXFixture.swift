import Foundation
import Testing
import TongxinGraph

/// A graph and the values NetworkX (cross-checked with igraph) computed on it, read from
/// `Tests/Fixtures/networkx/NAME.json` (made by
/// `Scripts/fixtures/make-networkx-fixtures.py`). Fixtures are found by `#filePath`, not as bundle
/// resources.
public struct NetworkXFixture: CustomTestStringConvertible, @unchecked Sendable {  // immutable after init
    public static let names = [
        "karate", "florentine", "lesmis", "davis", "scalefree", "edge-empty", "edge-isolated", "edge-single",
        "edge-pair", "edge-multigraph", "edge-disconnected", "edge-ties", "edge-unit"
    ]
    public static let all: [NetworkXFixture] = names.map { NetworkXFixture(named: $0) }

    public let name: String
    public let graph: Graph
    public let results: [String: Any]

    public var testDescription: String { name }

    /// `Tests/Fixtures/networkx`, found from this file's place.
    private static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/networkx").standardized

    public init(named name: String) {
        let directory = Self.directory
        let data = try! Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var builder = GraphBuilder(name: name)
        for node in json["nodes"] as! [[String]] { builder.addNode(id: node[0], kind: node[1]) }
        for edge in json["edges"] as! [[Any]] {
            builder.addEdge(
                source: edge[0] as! String, target: edge[1] as! String, kind: "tie",
                weight: (edge[2] as! NSNumber).doubleValue)
        }
        self.name = name
        graph = try! builder.build()
        results = json["results"] as! [String: Any]
    }

    /// The expected per-node values of `key`, in node index order, or `nil` when the fixture has none.
    public func scores(_ key: String) -> [Double]? {
        guard let values = results[key] as? [String: Any] else { return nil }
        return graph.ids.map { (values[$0] as! NSNumber).doubleValue }
    }

    /// A number stored under `key`.
    public func number(_ key: String) -> Double? { (results[key] as? NSNumber)?.doubleValue }
}
