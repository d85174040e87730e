import ArgumentParser
import TongxinAnalysis
import TongxinIO
import TongxinResults

/// `tongxin pairing G --left SELECTOR --right SELECTOR …`: how densely two sides are paired.
struct PairingCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairing",
        abstract: "Pairing density, shares, maximum matching and unpaired nodes of a pairing programme.",
        discussion: """
            Pairs are distinct left–right couples joined by an --edge edge in either direction. Per \
            region R (the whole graph first, then each --by region): right nodes inside R; left nodes \
            located inside R or paired into it; pairs with the right node inside R; density = pairs / \
            (left × right); how many of each side are paired, and their shares; mean and max pairs per \
            node; the maximum matching (Hopcroft–Karp: how many right nodes can each get a distinct \
            partner); the unpaired right nodes.

            --suggest proposes a partner for each unpaired right node among the left nodes, at most \
            --capacity new partners each: as many proposals as capacity allows, with the least total \
            cost, where cost is 1 for a partner in the same town, 2 same county, 3 same city, \
            4 elsewhere (an exact algorithm; see PairingSuggestion).

            Examples:
              tongxin pairing Graphs/hubei.json --left enterprise \\
                  --right village --region 宜昌市 --by county
              tongxin pairing Graphs/hubei.json --left enterprise \\
                  --right village --region 恩施土家族苗族自治州 --format json
              tongxin pairing Graphs/hubei.json --left enterprise \\
                  --right village --region 宜昌市 --suggest --capacity 2
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("The pairing side: KIND or KIND[attr=value,…].", valueName: "selector"))
    var left: String

    @Option(help: ArgumentHelp("The paired side: KIND or KIND[attr=value,…].", valueName: "selector"))
    var right: String

    @Option(help: ArgumentHelp("The pairing edge kind.", valueName: "kind"))
    var edge: String = EdgeKind.pairedWith

    @Option(help: "One entry per region of this level: city, county or town.")
    var by: PairingLevel?

    @Flag(help: "Propose partners for the unpaired right nodes, nearest in the hierarchy first.")
    var suggest = false

    @Option(help: ArgumentHelp("With --suggest: new partners per left node, at most.", valueName: "n"))
    var capacity: Int = 1

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if capacity < 1 { throw ValidationError("--capacity must be at least 1, not \(capacity)") }
    }

    mutating func execute() throws {
        let leftSelector = try SelectorArgument.parse(left, option: "--left")
        let rightSelector = try SelectorArgument.parse(right, option: "--right")
        let graph = try graphOptions.load()
        if graph.edgeKindIndex(edge) == nil {
            Console.error("warning: --edge: the graph has no '\(edge)' edges (kinds: \(graph.edgeKinds.joined(separator: ", ")))\n")
        }
        SelectorArgument.warnIfEmpty(leftSelector, option: "--left", in: graph)
        SelectorArgument.warnIfEmpty(rightSelector, option: "--right", in: graph)
        let region = try graphOptions.regionIndex(in: graph)
        let pairing = try Pairing(
            of: graph, left: leftSelector, right: rightSelector, edge: edge, by: by?.level,
            within: region)
        let suggestion = suggest ? try PairingSuggestion(for: pairing, in: graph, capacity: capacity) : nil
        try Console.print(PairingReport(graph: graph, pairing: pairing, suggestion: suggestion), as: output)
    }
}

/// The `--by` values.
enum PairingLevel: String, ExpressibleByArgument, CaseIterable {
    case city, county, town

    var level: RegionLevel { RegionLevel(rawValue: rawValue)! }
}
