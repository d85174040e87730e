import ArgumentParser
import TongxinAnalysis
import TongxinIO

/// `tongxin path G FROM TO`: how two nodes are connected.
struct PathCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest path (or all of them) between two nodes, with the edges' kinds.",
        discussion: """
            FROM and TO are node ids, or names when no id matches. Paths follow the undirected simple \
            graph (every edge both ways) unless --directed; they count hops unless --weighted, which \
            takes each edge's weight as its length (the shortest of parallel edges). Each step shows the \
            kind of an edge that joins the two nodes (the lightest with --weighted). --max-hops N keeps \
            paths of at most N edges: by hops it bounds the search; with --weighted it filters the \
            shortest paths found. No path is not an error: the output says so and the status is 0.

            Examples:
              tongxin path Graphs/hubei.json e1 v3
              tongxin path Graphs/hubei.json 某茶业公司 三村 --all-shortest --max-hops 4 --format json
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The first node: id or name.")
    var from: String

    @Argument(help: "The last node: id or name.")
    var to: String

    @Flag(name: .customLong("all-shortest"), help: "List every shortest path (up to --limit).")
    var allShortest = false

    @Option(name: .customLong("max-hops"), help: ArgumentHelp("Only paths of at most N edges.", valueName: "n"))
    var maxHops: Int?

    @Option(help: ArgumentHelp("With --all-shortest: the most paths listed.", valueName: "n"))
    var limit: Int = 1000

    @Flag(help: "Edge weights are lengths.")
    var weighted = false

    @Flag(help: "Follow edge directions.")
    var directed = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let maxHops, maxHops < 0 { throw ValidationError("--max-hops must not be negative, not \(maxHops)") }
        if limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
    }

    mutating func execute() throws {
        let graph = try graphOptions.load()
        let source = try NodeArgument.resolve(from, in: graph, role: "FROM")
        let target = try NodeArgument.resolve(to, in: graph, role: "TO")
        let view = MeasureGraph(graph, directed: directed, weights: weighted ? .distance : .none)
        let found = try view.shortestPaths(from: source, to: target, all: allShortest, maxHops: maxHops, limit: limit)
        let steps = (found?.paths ?? []).map { path in
            (nodes: path, edges: zip(path, path.dropFirst()).map { joiningEdge(graph, $0, $1) })
        }
        switch output.format {
        case .json:
            Console.printJSON([
                "from": .string(graph.id(of: source)), "to": .string(graph.id(of: target)),
                "directed": .bool(directed), "weighted": .bool(weighted),
                "length": found.map { weighted ? .double($0.length) : .int(Int($0.length)) } ?? .null,
                "truncated": .bool(found?.truncated ?? false),
                "paths": .array(steps.map { step in
                    .object([
                        ("nodes", .array(step.nodes.map { NodeArgument.json($0, in: graph) })),
                        ("edges", .array(step.edges.map { edge in
                            .object([("kind", .string(graph.kind(ofEdge: edge))),
                                     ("source", .string(graph.id(of: graph.source(of: edge)))),
                                     ("target", .string(graph.id(of: graph.target(of: edge)))),
                                     ("weight", .double(graph.weight(of: edge)))])
                        })),
                    ])
                }),
            ])
        case .csv, .table, .xlsx:
            var table = Table(["path", "step", "id", "name", "kind", "via"], numeric: ["path", "step"])
            for (number, step) in steps.enumerated() {
                for (position, node) in step.nodes.enumerated() {
                    let via = position == 0 ? "" : graph.kind(ofEdge: step.edges[position - 1])
                    table.append([String(number + 1), String(position), graph.id(of: node), graph.name(of: node),
                                  graph.kind(of: node), via])
                }
            }
            if output.format == .xlsx {
                try output.writeWorkbook(table)
            } else if output.format == .csv {
                Console.out(table.csv())
            } else if let found {
                let length = weighted ? ScoreText.format(found.length) : String(Int(found.length))
                Console.out("\(steps.count) shortest path\(steps.count == 1 ? "" : "s") of length \(length)"
                    + (found.truncated ? " (more not listed: raise --limit)" : "") + "\n" + table.rendered())
            } else {
                Console.out("no path from \(graph.id(of: source)) to \(graph.id(of: target))"
                    + (maxHops.map { " within \($0) hops" } ?? "") + "\n")
            }
        }
    }

    /// An edge joining `u` to `v` in the view's sense: the lightest with --weighted, else the first.
    private func joiningEdge(_ graph: Graph, _ u: Int, _ v: Int) -> Int {
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
}

/// Node arguments given by id or name.
enum NodeArgument {
    static func resolve(_ text: String, in graph: Graph, role: String) throws(DiagnosticList) -> Int {
        do {
            return try graph.resolve(text)
        } catch {
            throw DiagnosticList([Diagnostic(.error, "\(role): \(error)")])
        }
    }

    static func json(_ node: Int, in graph: Graph) -> JSONValue {
        .object([("id", .string(graph.id(of: node))), ("name", .string(graph.name(of: node))),
                 ("kind", .string(graph.kind(of: node)))])
    }
}
