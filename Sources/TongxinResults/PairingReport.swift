import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// A ``TongxinAnalysis/Pairing`` result, with its ``TongxinAnalysis/PairingSuggestion`` when one
/// was asked for, names resolved: DESIGN.md's pairing JSON, one CSV table, and the terminal text.
public struct PairingReport: ResultDocument {
    public let graph: Graph
    public let pairing: Pairing
    public let suggestion: PairingSuggestion?

    public init(graph: Graph, pairing: Pairing, suggestion: PairingSuggestion? = nil) {
        self.graph = graph
        self.pairing = pairing
        self.suggestion = suggestion
    }

    private func id(_ region: Pairing.Region) -> String { region.node.map(graph.id(of:)) ?? "" }
    private func name(_ region: Pairing.Region) -> String { region.node.map(graph.name(of:)) ?? graph.name }

    public var json: JSONValue {
        let g = graph
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        var pairs: [(String, JSONValue)] = [
            ("graph", .string(g.name)),
            ("left", .string(pairing.left.description)),
            ("right", .string(pairing.right.description)),
            ("edge", .string(pairing.edge)),
            ("by", pairing.by.map { .string($0.rawValue) } ?? .null),
            (
                "regions",
                .array(
                    pairing.regions.map { r in
                        [
                            "id": r.node.map { .string(g.id(of: $0)) } ?? .null, "name": .string(name(r)),
                            "level": r.level.map { .string($0.rawValue) } ?? .null,
                            "left": .int(r.left), "right": .int(r.right), "pairs": .int(r.pairs), "density": number(r.density),
                            "left_paired": .int(r.leftPaired), "right_paired": .int(r.rightPaired),
                            "left_share": number(r.leftShare), "right_share": number(r.rightShare),
                            "left_mean_pairs": number(r.leftMeanPairs), "left_max_pairs": .int(r.leftMaxPairs),
                            "right_mean_pairs": number(r.rightMeanPairs), "right_max_pairs": .int(r.rightMaxPairs),
                            "max_matching": .int(r.maxMatching),
                            "unpaired": .array(r.unpaired.map { .string(g.id(of: $0)) })
                        ]
                    })
            )
        ]
        if let suggestion {
            pairs.append(
                (
                    "suggestions",
                    [
                        "capacity": .int(suggestion.capacity),
                        "total_cost": .int(suggestion.totalCost),
                        "proposals": .array(
                            suggestion.proposals.map { p in
                                [
                                    "right": .string(g.id(of: p.right)), "right_name": .string(g.name(of: p.right)),
                                    "left": .string(g.id(of: p.left)), "left_name": .string(g.name(of: p.left)),
                                    "cost": .int(p.cost), "shared": p.shared.map { .string($0.rawValue) } ?? .null
                                ]
                            }),
                        "unassigned": .array(suggestion.unassigned.map { .string(g.id(of: $0)) })
                    ]
                ))
        }
        return .object(pairs)
    }

    /// One table: `region` rows with every figure, `unpaired` rows (the first entry's), and
    /// `proposal` / `unassigned` rows when partners were suggested.
    public var tables: [ResultTable] {
        let names = [
            "section", "id", "name", "level", "left", "right", "pairs", "density", "left_paired",
            "right_paired", "left_share", "right_share", "left_mean_pairs", "left_max_pairs",
            "right_mean_pairs", "right_max_pairs", "max_matching", "unpaired", "partner_id",
            "partner_name", "cost"
        ]
        var table = ResultTable("pairing", columns: names.enumerated().map { $0.offset >= 4 ? .numeric($0.element) : Column($0.element) })
        table.columns[18] = Column("partner_id")
        table.columns[19] = Column("partner_name")
        func exact(_ value: Double?) -> Cell { .number(value, digits: nil) }
        func row(_ section: String, _ node: Int, partner: Int? = nil, cost: Int? = nil) -> [Cell] {
            var row: [Cell] =
                [.text(section), .id(graph.id(of: node)), .text(graph.name(of: node))]
                + [Cell](repeating: .null, count: names.count - 3)
            if let partner {
                row[18] = .id(graph.id(of: partner))
                row[19] = .text(graph.name(of: partner))
            }
            if let cost { row[20] = .integer(cost) }
            return row
        }
        for r in pairing.regions {
            table.append([
                .text("region"), .id(id(r)), .text(name(r)), .text(r.level?.rawValue ?? ""), .integer(r.left),
                .integer(r.right), .integer(r.pairs), exact(r.density), .integer(r.leftPaired),
                .integer(r.rightPaired), exact(r.leftShare), exact(r.rightShare), exact(r.leftMeanPairs),
                .integer(r.leftMaxPairs), exact(r.rightMeanPairs), .integer(r.rightMaxPairs),
                .integer(r.maxMatching), .integer(r.unpaired.count), .null, .null, .null
            ])
        }
        for node in pairing.regions[0].unpaired { table.append(row("unpaired", node)) }
        if let suggestion {
            for p in suggestion.proposals { table.append(row("proposal", p.right, partner: p.left, cost: p.cost)) }
            for node in suggestion.unassigned { table.append(row("unassigned", node)) }
        }
        return [table]
    }

    /// The regions table, the first entry's unpaired right nodes, and the proposals.
    public func text() -> String {
        var output = "pairing of \(pairing.left) with \(pairing.right) by \(pairing.edge) edges\n\n"
        var table = ResultTable(
            "regions",
            columns: [Column("region"), Column("level")]
                + [
                    "left", "right", "pairs", "density", "left paired", "right paired", "left mean/max", "right mean/max",
                    "max matching", "unpaired"
                ].map(Column.numeric))
        func mean(_ value: Double?) -> String { NumberFormat.significant(value, digits: 4) }
        for r in pairing.regions {
            table.append([
                .text((r.node == nil || r.node == pairing.scope ? "" : "  ") + name(r)), .text(r.level?.rawValue ?? "(all)"),
                .integer(r.left), .integer(r.right), .integer(r.pairs), .number(r.density, digits: 4),
                .text("\(r.leftPaired) (\(NumberFormat.percent(r.leftShare)))"),
                .text("\(r.rightPaired) (\(NumberFormat.percent(r.rightShare)))"),
                .text("\(mean(r.leftMeanPairs))/\(r.leftMaxPairs)"), .text("\(mean(r.rightMeanPairs))/\(r.rightMaxPairs)"),
                .integer(r.maxMatching), .integer(r.unpaired.count)
            ])
        }
        output += table.text()
        let unpaired = pairing.regions[0].unpaired
        if unpaired.isEmpty {
            output += "\nno unpaired \(pairing.right) nodes\n"
        } else {
            output += "\nunpaired \(pairing.right) nodes (\(unpaired.count)):\n"
            var list = ResultTable("unpaired", columns: [Column("id"), Column("name"), Column("path")])
            for node in unpaired {
                list.append([
                    .id(graph.id(of: node)), .text(graph.name(of: node)),
                    .text(graph.namePath(graph.hierarchy.ancestors(of: node).reversed()))
                ])
            }
            output += list.text()
        }
        if let suggestion {
            output +=
                "\nsuggested partners (capacity \(suggestion.capacity); cost 1 same town, 2 same county, "
                + "3 same city, 4 elsewhere): \(suggestion.proposals.count) proposals, total cost \(suggestion.totalCost)\n"
            var list = ResultTable(
                "proposals",
                columns: [
                    Column("id"), Column("name"), Column("partner"), Column("partner name"), .numeric("cost"), Column("shared")
                ])
            for p in suggestion.proposals {
                list.append([
                    .id(graph.id(of: p.right)), .text(graph.name(of: p.right)), .id(graph.id(of: p.left)),
                    .text(graph.name(of: p.left)), .integer(p.cost), .text(p.shared?.rawValue ?? "elsewhere")
                ])
            }
            output += list.text()
            if !suggestion.unassigned.isEmpty {
                output +=
                    "\nno partner left for \(suggestion.unassigned.count): "
                    + suggestion.unassigned.map(graph.id(of:)).joined(separator: ", ") + "\n"
            }
        }
        return output
    }
}
