import ArgumentParser
import TongxinAnalysis
import TongxinIO

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
        var distance = [Int: Int](minimumCapacity: found.count + 1)
        distance[origin] = 0
        for (node, hops) in found { distance[node] = hops }
        let matcher = selector?.matcher(in: graph)
        let listed = found.filter { matcher?($0.node) ?? true }
        /// Kinds of the edges from a node one hop closer, in first-seen order.
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
        switch output.format {
        case .json:
            Console.printJSON([
                "id": .string(graph.id(of: origin)), "name": .string(graph.name(of: origin)),
                "kind": .string(graph.kind(of: origin)), "depth": .int(depth), "directed": .bool(directed),
                "neighbors": .array(listed.map { entry in
                    .object([("id", .string(graph.id(of: entry.node))), ("name", .string(graph.name(of: entry.node))),
                             ("kind", .string(graph.kind(of: entry.node))), ("depth", .int(entry.depth)),
                             ("via", .array(via(entry.node, entry.depth).map { .string($0) }))])
                }),
            ])
        case .csv, .table, .xlsx:
            var table = Table(["depth", "id", "name", "kind", "via"], numeric: ["depth"])
            for entry in listed {
                table.append([String(entry.depth), graph.id(of: entry.node), graph.name(of: entry.node),
                              graph.kind(of: entry.node), via(entry.node, entry.depth).joined(separator: ",")])
            }
            if output.format == .xlsx {
                try output.writeWorkbook(table)
            } else if output.format == .csv {
                Console.out(table.csv())
            } else {
                Console.out("\(listed.count) node\(listed.count == 1 ? "" : "s") within \(depth) hop\(depth == 1 ? "" : "s") of "
                    + "\(graph.id(of: origin)) \(graph.name(of: origin))\n" + table.rendered())
            }
        }
    }
}
