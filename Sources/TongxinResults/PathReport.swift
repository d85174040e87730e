import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// The shortest paths between two nodes (`tongxin path`), with the edge taken at each step:
/// DESIGN.md's path JSON, one table (CSV), and the terminal text.
public struct PathReport: ResultDocument {
    /// One path: its nodes, and the edge joining each node to the next.
    public struct Steps: Sendable {
        public var nodes: [Int]
        public var edges: [Int]
    }

    public let graph: Graph
    public let source: Int
    public let target: Int
    public let directed: Bool
    public let weighted: Bool
    /// The hop bound the search had, named when no path is found.
    public let maxHops: Int?
    public let found: ShortestPaths?
    public let paths: [Steps]

    /// Resolves each path's steps to edges: the lightest joining edge when `weighted`, else the
    /// first, following directions only when `directed`.
    public init(
        graph: Graph, source: Int, target: Int, found: ShortestPaths?, directed: Bool, weighted: Bool,
        maxHops: Int?
    ) {
        self.graph = graph
        self.source = source
        self.target = target
        self.found = found
        self.directed = directed
        self.weighted = weighted
        self.maxHops = maxHops
        paths = (found?.paths ?? []).map { path in
            Steps(
                nodes: path,
                edges: zip(path, path.dropFirst()).map {
                    Self.joiningEdge(graph, $0, $1, directed: directed, weighted: weighted)
                })
        }
    }

    /// An edge joining `u` to `v` in the view's sense: the lightest when `weighted`, else the first. O(deg u).
    static func joiningEdge(_ graph: Graph, _ u: Int, _ v: Int, directed: Bool, weighted: Bool) -> Int {
        var best = -1
        func consider(_ edge: Int) {
            if best < 0 || (weighted && graph.weight(of: edge) < graph.weight(of: best)) { best = edge }
        }
        for (w, edge) in zip(graph.outgoing.neighbors(of: u), graph.outgoing.edges(of: u)) where Int(w) == v {
            consider(Int(edge))
        }
        if !directed {
            for (w, edge) in zip(graph.incoming.neighbors(of: u), graph.incoming.edges(of: u)) where Int(w) == v {
                consider(Int(edge))
            }
        }
        return best
    }

    public var json: JSONValue {
        [
            "from": .string(graph.id(of: source)), "to": .string(graph.id(of: target)),
            "directed": .bool(directed), "weighted": .bool(weighted),
            "length": found.map { weighted ? .double($0.length) : .int(Int($0.length)) } ?? .null,
            "truncated": .bool(found?.truncated ?? false),
            "paths": .array(
                paths.map { step in
                    .object([
                        ("nodes", .array(step.nodes.map { graph.nodeJSON($0) })),
                        (
                            "edges",
                            .array(
                                step.edges.map { edge in
                                    .object([
                                        ("kind", .string(graph.kind(ofEdge: edge))),
                                        ("source", .string(graph.id(of: graph.source(of: edge)))),
                                        ("target", .string(graph.id(of: graph.target(of: edge)))),
                                        ("weight", .double(graph.weight(of: edge)))
                                    ])
                                })
                        )
                    ])
                })
        ]
    }

    /// One row per node of each path: path number, step, the node, and the kind of the edge that reached it.
    public var tables: [ResultTable] {
        var table = ResultTable(
            "paths",
            columns: [
                .numeric("path"), .numeric("step"), Column("id"), Column("name"), Column("kind"), Column("via")
            ])
        for (number, step) in paths.enumerated() {
            for (position, node) in step.nodes.enumerated() {
                let via = position == 0 ? "" : graph.kind(ofEdge: step.edges[position - 1])
                table.append([
                    .integer(number + 1), .integer(position), .id(graph.id(of: node)), .text(graph.name(of: node)),
                    .text(graph.kind(of: node)), .text(via)
                ])
            }
        }
        return [table]
    }

    public func text() -> String {
        guard let found else {
            return "no path from \(graph.id(of: source)) to \(graph.id(of: target))"
                + (maxHops.map { " within \($0) hops" } ?? "") + "\n"
        }
        let length = weighted ? NumberFormat.significant(found.length, digits: 6) : String(Int(found.length))
        return "\(paths.count) shortest path\(paths.count == 1 ? "" : "s") of length \(length)"
            + (found.truncated ? " (more not listed: raise --limit)" : "") + "\n" + tables[0].text()
    }
}

extension Graph {
    /// A node as JSON outputs name it: `{"id", "name", "kind"}`.
    public func nodeJSON(_ node: Int) -> JSONValue {
        .object([("id", .string(id(of: node))), ("name", .string(name(of: node))), ("kind", .string(kind(of: node)))])
    }
}
