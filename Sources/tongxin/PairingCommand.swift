import ArgumentParser
import TongxinAnalysis
import TongxinIO

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
        let pairing = try Pairing(of: graph, left: leftSelector, right: rightSelector, edge: edge, by: by?.level,
                                  within: region)
        let suggestion = suggest ? try PairingSuggestion(for: pairing, in: graph, capacity: capacity) : nil
        let report = PairingReport(graph: graph, pairing: pairing, suggestion: suggestion)
        switch output.format {
        case .json: Console.printJSON(report.json)
        case .csv: Console.out(report.csv().csv())
        case .xlsx: try output.writeWorkbook(report.csv())
        case .table: Console.out(report.text())
        }
    }
}

/// The `--by` values.
enum PairingLevel: String, ExpressibleByArgument, CaseIterable {
    case city, county, town

    var level: RegionLevel { RegionLevel(rawValue: rawValue)! }
}

/// A pairing result with names resolved, in the three output formats.
struct PairingReport {
    let graph: Graph
    let pairing: Pairing
    let suggestion: PairingSuggestion?

    private func id(_ region: Pairing.Region) -> String { region.node.map(graph.id(of:)) ?? "" }
    private func name(_ region: Pairing.Region) -> String { region.node.map(graph.name(of:)) ?? graph.name }

    var json: JSONValue {
        let g = graph
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        var pairs: [(String, JSONValue)] = [
            ("graph", .string(g.name)),
            ("left", .string(pairing.left.description)),
            ("right", .string(pairing.right.description)),
            ("edge", .string(pairing.edge)),
            ("by", pairing.by.map { .string($0.rawValue) } ?? .null),
            ("regions", .array(pairing.regions.map { r in
                [
                    "id": r.node.map { .string(g.id(of: $0)) } ?? .null, "name": .string(name(r)),
                    "level": r.level.map { .string($0.rawValue) } ?? .null,
                    "left": .int(r.left), "right": .int(r.right), "pairs": .int(r.pairs), "density": number(r.density),
                    "left_paired": .int(r.leftPaired), "right_paired": .int(r.rightPaired),
                    "left_share": number(r.leftShare), "right_share": number(r.rightShare),
                    "left_mean_pairs": number(r.leftMeanPairs), "left_max_pairs": .int(r.leftMaxPairs),
                    "right_mean_pairs": number(r.rightMeanPairs), "right_max_pairs": .int(r.rightMaxPairs),
                    "max_matching": .int(r.maxMatching),
                    "unpaired": .array(r.unpaired.map { .string(g.id(of: $0)) }),
                ]
            })),
        ]
        if let suggestion {
            pairs.append(("suggestions", [
                "capacity": .int(suggestion.capacity),
                "total_cost": .int(suggestion.totalCost),
                "proposals": .array(suggestion.proposals.map { p in
                    ["right": .string(g.id(of: p.right)), "right_name": .string(g.name(of: p.right)),
                     "left": .string(g.id(of: p.left)), "left_name": .string(g.name(of: p.left)),
                     "cost": .int(p.cost), "shared": p.shared.map { .string($0.rawValue) } ?? .null]
                }),
                "unassigned": .array(suggestion.unassigned.map { .string(g.id(of: $0)) }),
            ]))
        }
        return .object(pairs)
    }

    /// One CSV table: `region` rows with every figure, `unpaired` rows (the first entry's), and
    /// `proposal` / `unassigned` rows with --suggest.
    func csv() -> Table {
        let headers = ["section", "id", "name", "level", "left", "right", "pairs", "density", "left_paired",
                       "right_paired", "left_share", "right_share", "left_mean_pairs", "left_max_pairs",
                       "right_mean_pairs", "right_max_pairs", "max_matching", "unpaired", "partner_id",
                       "partner_name", "cost"]
        var table = Table(headers, numeric: ["left", "right", "pairs", "density", "left_paired", "right_paired",
                                             "left_mean_pairs", "left_max_pairs", "right_mean_pairs", "right_max_pairs",
                                             "max_matching", "unpaired", "cost"],
                          percent: ["left_share", "right_share"])
        func text(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        func row(_ section: String, _ node: Int, _ cells: [Int: String] = [:]) -> [String] {
            var row = [section, graph.id(of: node), graph.name(of: node)] + [String](repeating: "", count: headers.count - 3)
            for (column, cell) in cells { row[column] = cell }
            return row
        }
        for r in pairing.regions {
            table.append(["region", id(r), name(r), r.level?.rawValue ?? "", String(r.left), String(r.right),
                          String(r.pairs), text(r.density), String(r.leftPaired), String(r.rightPaired),
                          text(r.leftShare), text(r.rightShare), text(r.leftMeanPairs), String(r.leftMaxPairs),
                          text(r.rightMeanPairs), String(r.rightMaxPairs), String(r.maxMatching),
                          String(r.unpaired.count), "", "", ""])
        }
        for node in pairing.regions[0].unpaired { table.append(row("unpaired", node)) }
        if let suggestion {
            for p in suggestion.proposals {
                table.append(row("proposal", p.right, [18: graph.id(of: p.left), 19: graph.name(of: p.left), 20: String(p.cost)]))
            }
            for node in suggestion.unassigned { table.append(row("unassigned", node)) }
        }
        return table
    }

    /// The regions table, the first entry's unpaired right nodes, and the proposals.
    func text() -> String {
        var output = "pairing of \(pairing.left) with \(pairing.right) by \(pairing.edge) edges\n\n"
        var table = Table(
            ["region", "level", "left", "right", "pairs", "density", "left paired", "right paired",
             "left mean/max", "right mean/max", "max matching", "unpaired"],
            numeric: ["left", "right", "pairs", "density", "left paired", "right paired", "left mean/max",
                      "right mean/max", "max matching", "unpaired"])
        for r in pairing.regions {
            table.append([
                (r.node == nil || r.node == pairing.scope ? "" : "  ") + name(r), r.level?.rawValue ?? "(all)",
                String(r.left), String(r.right), String(r.pairs), RateText.number(r.density),
                "\(r.leftPaired) (\(RateText.percent(r.leftShare)))", "\(r.rightPaired) (\(RateText.percent(r.rightShare)))",
                "\(RateText.number(r.leftMeanPairs))/\(r.leftMaxPairs)", "\(RateText.number(r.rightMeanPairs))/\(r.rightMaxPairs)",
                String(r.maxMatching), String(r.unpaired.count),
            ])
        }
        output += table.rendered()
        let unpaired = pairing.regions[0].unpaired
        if unpaired.isEmpty {
            output += "\nno unpaired \(pairing.right) nodes\n"
        } else {
            output += "\nunpaired \(pairing.right) nodes (\(unpaired.count)):\n"
            var list = Table(["id", "name", "path"])
            for node in unpaired {
                list.append([graph.id(of: node), graph.name(of: node),
                             RateText.path(graph, graph.hierarchy.ancestors(of: node).reversed())])
            }
            output += list.rendered()
        }
        if let suggestion {
            output += "\nsuggested partners (capacity \(suggestion.capacity); cost 1 same town, 2 same county, "
                + "3 same city, 4 elsewhere): \(suggestion.proposals.count) proposals, total cost \(suggestion.totalCost)\n"
            var list = Table(["id", "name", "partner", "partner name", "cost", "shared"], numeric: ["cost"])
            for p in suggestion.proposals {
                list.append([graph.id(of: p.right), graph.name(of: p.right), graph.id(of: p.left), graph.name(of: p.left),
                             String(p.cost), p.shared?.rawValue ?? "elsewhere"])
            }
            output += list.rendered()
            if !suggestion.unassigned.isEmpty {
                output += "\nno partner left for \(suggestion.unassigned.count): "
                    + suggestion.unassigned.map(graph.id(of:)).joined(separator: ", ") + "\n"
            }
        }
        return output
    }
}
