import Foundation
import Testing
import TongxinAnalysis

/// A graph and the values NetworkX (cross-checked with igraph) computed on it, read from
/// `Tests/Fixtures/networkx/NAME.json` next to this file (made by
/// `Scripts/fixtures/make-networkx-fixtures.py`). Fixtures are found by `#filePath`, not as bundle
/// resources.
struct NetworkXFixture: CustomTestStringConvertible, @unchecked Sendable {  // immutable after init
    static let names = [
        "karate", "florentine", "lesmis", "davis", "scalefree", "edge-empty", "edge-isolated", "edge-single",
        "edge-pair", "edge-multigraph", "edge-disconnected", "edge-ties", "edge-unit",
    ]
    static let all: [NetworkXFixture] = names.map { NetworkXFixture(named: $0) }

    let name: String
    let graph: Graph
    let results: [String: Any]

    var testDescription: String { name }

    init(named name: String, filePath: String = #filePath) {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fixtures/networkx").standardized
        let data = try! Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var builder = GraphBuilder(name: name)
        for node in json["nodes"] as! [[String]] { builder.addNode(id: node[0], kind: node[1]) }
        for edge in json["edges"] as! [[Any]] {
            builder.addEdge(source: edge[0] as! String, target: edge[1] as! String, kind: "tie",
                            weight: (edge[2] as! NSNumber).doubleValue)
        }
        self.name = name
        graph = try! builder.build()
        results = json["results"] as! [String: Any]
    }

    /// The expected per-node values of `key`, in node index order, or `nil` when the fixture has none.
    func scores(_ key: String) -> [Double]? {
        guard let values = results[key] as? [String: Any] else { return nil }
        return graph.ids.map { (values[$0] as! NSNumber).doubleValue }
    }

    /// A number stored under `key`.
    func number(_ key: String) -> Double? { (results[key] as? NSNumber)?.doubleValue }

    /// The undirected or directed view, weighted or not.
    func view(directed: Bool = false, _ weights: WeightUse = .none) -> MeasureGraph {
        MeasureGraph(graph, directed: directed, weights: weights)
    }

    /// Expects `computed` to equal the fixture's `key` within `tolerance` (relative above 1).
    func expect(_ computed: [Double], _ key: String, tolerance: Double = 1e-9,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let expected = scores(key) else {
            Issue.record("\(name) has no \(key)", sourceLocation: sourceLocation)
            return
        }
        #expect(computed.count == expected.count, "\(name) \(key)", sourceLocation: sourceLocation)
        for (v, (x, y)) in zip(computed, expected).enumerated() where !(abs(x - y) <= tolerance * max(1, abs(y))) {
            Issue.record("\(name) \(key) at \(graph.ids[v]): \(x) vs NetworkX \(y)", sourceLocation: sourceLocation)
            return
        }
    }
}
