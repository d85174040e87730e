import TongxinAnalysis

/// A terse way to write the small graphs of the coverage and pairing tests: regions, villages and
/// other nodes by id (the id doubles as the name), each optionally within a parent.
struct HandGraph {
    private var builder = GraphBuilder(name: "hand")

    mutating func region(_ id: String, _ level: RegionLevel, in parent: String? = nil) {
        node(id, NodeKind.region, ["level": .string(level.rawValue)], in: parent)
    }

    mutating func village(_ id: String, in parent: String) { node(id, NodeKind.village, in: parent) }

    mutating func node(
        _ id: String, _ kind: String, _ attributes: KeyValuePairs<String, AttributeValue> = [:],
        in parent: String? = nil
    ) {
        builder.addNode(id: id, kind: kind, name: id, attributes: attributes)
        if let parent { edge(id, parent, EdgeKind.within) }
    }

    mutating func edge(_ source: String, _ target: String, _ kind: String) {
        builder.addEdge(source: source, target: target, kind: kind)
    }

    func build() -> Graph { try! builder.build() }
}

extension Graph {
    /// The node index of `id`, for tests that know it exists.
    func indexOf(_ id: String) -> Int { index(of: id)! }
    /// Node indices → ids.
    func idList(_ nodes: some Sequence<Int>) -> [String] { nodes.map { id(of: $0) } }
}
