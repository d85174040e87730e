import ArgumentParser
import TongxinAnalysis
import TongxinIO
import TongxinResults

/// `tongxin neighbors G ID --depth N`: what lies around a node.
struct NeighborsCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "The nodes within N hops of a node, with their kinds, names and the edges that reach them.",
        discussion: """
            ID is a node id, or a name when no id matches. Edges count both ways unless --directed \
            (then only out-edges are followed). Each node is listed once, at its hop distance, with the \
            kinds of the edges joining it to nodes one hop closer. --kind filters the nodes listed, not \
            the walk.

            Examples:
              tongxin neighbors Graphs/hubei.json v1
              tongxin neighbors Graphs/hubei.json 甲镇商会 --depth 2 --kind figure --format json
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The node: id or name.")
    var id: String

    @Option(help: ArgumentHelp("How many hops out.", valueName: "n"))
    var depth: Int = 1

    @Flag(help: "Follow edge directions (out-edges only).")
    var directed = false

    @Option(help: ArgumentHelp("List only nodes matching KIND or KIND[attr=value,…].", valueName: "selector"))
    var kind: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1, not \(depth)") }
    }

    mutating func execute() throws {
        let selector = try kind.map { try SelectorArgument.parse($0, option: "--kind") }
        let graph = try graphOptions.load()
        let origin = try NodeArgument.resolve(id, in: graph, role: "ID")
        let found = MeasureGraph(graph, directed: directed).neighborhood(of: origin, depth: depth)
        let report = NeighborsReport(
            graph: graph, origin: origin, depth: depth, directed: directed, found: found,
            listed: selector?.matcher(in: graph))
        try Console.print(report, as: output)
    }
}
