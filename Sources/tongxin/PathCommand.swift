import ArgumentParser
import TongxinAnalysis
import TongxinIO
import TongxinResults

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
        let report = PathReport(
            graph: graph, source: source, target: target, found: found, directed: directed,
            weighted: weighted, maxHops: maxHops)
        try Console.print(report, as: output)
    }
}

/// Node arguments given by id or name.
enum NodeArgument {
    static func resolve(_ text: String, in graph: Graph, role: String) throws(NodeArgumentError) -> Int {
        do {
            return try graph.resolve(text)
        } catch {
            throw NodeArgumentError(role: role, lookup: error)
        }
    }
}

/// A node argument or option (`FROM`, `--region`, `--focus`) that names no node, or several.
struct NodeArgumentError: Error, CustomStringConvertible {
    var role: String
    var lookup: NodeLookupError

    var description: String { "\(role): \(lookup)" }
}
