import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// The nodes within some hops of a node (`tongxin neighbors`), each with the kinds of the edges
/// that reach it from a node one hop closer: DESIGN.md's neighbors JSON, one table, the text.
public struct NeighborsReport: ResultDocument {
    /// A listed node, its hop distance and the kinds of the edges from nodes one hop closer, in
    /// first-seen order.
    public struct Entry: Sendable {
        public var node: Int
        public var depth: Int
        public var via: [String]
    }

    public let graph: Graph
    public let origin: Int
    public let depth: Int
    public let directed: Bool
    public let entries: [Entry]

    /// - Parameters:
    ///   - found: every node within `depth` hops of `origin`, with its distance (``TongxinAnalysis/MeasureGraph/neighborhood(of:depth:)``).
    ///   - listed: whether a node is listed (a kind filter); the walk is not filtered.
    /// - Complexity: O(Σ degree of the listed nodes) after O(found) to index the distances.
    public init(
        graph: Graph, origin: Int, depth: Int, directed: Bool, found: [(node: Int, depth: Int)],
        listed: ((Int) -> Bool)? = nil
    ) {
        self.graph = graph
        self.origin = origin
        self.depth = depth
        self.directed = directed
        var distance = [Int: Int](minimumCapacity: found.count + 1)
        distance[origin] = 0
        for (node, hops) in found { distance[node] = hops }
        func via(_ node: Int, _ hops: Int) -> [String] {
            var kinds: [String] = []
            func add(_ other: Int32, _ edge: Int32) {
                guard distance[Int(other)] == hops - 1 else { return }
                let kind = graph.kind(ofEdge: Int(edge))
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            for (other, edge) in zip(graph.incoming.neighbors(of: node), graph.incoming.edges(of: node)) { add(other, edge) }
            if !directed {
                for (other, edge) in zip(graph.outgoing.neighbors(of: node), graph.outgoing.edges(of: node)) { add(other, edge) }
            }
            return kinds
        }
        entries = found.filter { listed?($0.node) ?? true }.map { Entry(node: $0.node, depth: $0.depth, via: via($0.node, $0.depth)) }
    }

    public var json: JSONValue {
        [
            "id": .string(graph.id(of: origin)), "name": .string(graph.name(of: origin)),
            "kind": .string(graph.kind(of: origin)), "depth": .int(depth), "directed": .bool(directed),
            "neighbors": .array(
                entries.map { entry in
                    .object([
                        ("id", .string(graph.id(of: entry.node))), ("name", .string(graph.name(of: entry.node))),
                        ("kind", .string(graph.kind(of: entry.node))), ("depth", .int(entry.depth)),
                        ("via", .array(entry.via.map { .string($0) }))
                    ])
                })
        ]
    }

    public var tables: [ResultTable] {
        var table = ResultTable("neighbors", columns: [.numeric("depth"), Column("id"), Column("name"), Column("kind"), Column("via")])
        for entry in entries {
            table.append([
                .integer(entry.depth), .id(graph.id(of: entry.node)), .text(graph.name(of: entry.node)),
                .text(graph.kind(of: entry.node)), .text(entry.via.joined(separator: ","))
            ])
        }
        return [table]
    }

    public func text() -> String {
        "\(entries.count) node\(entries.count == 1 ? "" : "s") within \(depth) hop\(depth == 1 ? "" : "s") of "
            + "\(graph.id(of: origin)) \(graph.name(of: origin))\n" + tables[0].text()
    }
}
