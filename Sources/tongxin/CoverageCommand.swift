import ArgumentParser
import Foundation
import TongxinAnalysis
import TongxinIO

/// `tongxin coverage G --unit LEVEL --by SELECTOR …`: what share of units is covered, per region.
struct CoverageCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Coverage of villages, towns, counties or cities by organizations, liaisons or partners.",
        discussion: """
            A unit is covered when a node matching one of the --by selectors is linked to it, or to a \
            node inside it (a village of a town, an organization located in a village…), by an edge of \
            one of the --via kinds. within, serves, liaison_for, member_of and leads count from the \
            matching node (its source) to the place; paired_with, tie and other kinds in either \
            direction. Reports covered/total and the rate for every region above the unit level, then \
            the uncovered units with their region path. A region without units has no rate.

            With --min-rate R the command exits with status 2 when any region's rate is below R \
            (printing which on stderr), so it can gate a data pipeline; status 1 is an error.

            Examples:
              tongxin coverage Graphs/hubei.json --unit town \\
                  --by 'organization[type=商会]' --region 十堰市
              tongxin coverage Graphs/hubei.json --unit village \\
                  --by figure --via liaison_for --min-rate 1
              tongxin coverage Graphs/hubei.json --unit county \\
                  --by 'organization[type=知联会]' \\
                  --by 'organization[type=新联会]' --format json
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "The units counted: village, town, county or city.")
    var unit: CoverageUnit

    @Option(name: .customLong("by"), help: ArgumentHelp(
        "The covering nodes: KIND or KIND[attr=value,…]; repeat for any of several.", valueName: "selector"))
    var selectors: [String] = []

    @Option(help: ArgumentHelp("Comma-separated edge kinds that link a covering node to a unit.",
                               valueName: "kind,…"))
    var via: String = Coverage.defaultVia.joined(separator: ",")

    @Option(name: .customLong("min-rate"), help: ArgumentHelp(
        "Exit with status 2 when any region's rate is below this fraction (0…1).", valueName: "rate"))
    var minRate: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if selectors.isEmpty { throw ValidationError("give at least one --by selector, e.g. --by 'organization[type=商会]'") }
        if let minRate, !(0...1).contains(minRate) { throw ValidationError("--min-rate must be between 0 and 1, not \(minRate)") }
    }

    mutating func execute() throws {
        let parsed = try selectors.map { try SelectorArgument.parse($0, option: "--by") }
        let kinds = via.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !kinds.isEmpty else { throw DiagnosticList([Diagnostic(.error, "--via needs at least one edge kind")]) }
        let graph = try graphOptions.load()
        for kind in kinds where graph.edgeKindIndex(kind) == nil {
            Console.error("warning: --via: the graph has no '\(kind)' edges (kinds: \(graph.edgeKinds.joined(separator: ", ")))\n")
        }
        for selector in parsed { SelectorArgument.warnIfEmpty(selector, option: "--by", in: graph) }
        let region = try graphOptions.regionIndex(in: graph)
        let coverage = try Coverage(of: graph, unit: unit.level, by: parsed, via: kinds, within: region)
        let report = CoverageReport(graph: graph, coverage: coverage, minRate: minRate)
        switch output.format {
        case .json: Console.printJSON(report.json)
        case .csv: Console.out(report.csv().csv())
        case .xlsx: try output.writeWorkbook(report.csv())
        case .table: Console.out(report.text())
        }
        if let minRate, !report.below.isEmpty {
            Console.error(report.gateMessage(minRate))
            throw ExitCode(2)
        }
    }
}

/// The `--unit` values.
enum CoverageUnit: String, ExpressibleByArgument, CaseIterable {
    case village, town, county, city

    var level: RegionLevel { RegionLevel(rawValue: rawValue)! }
}

/// Parsing selectors given on the command line: a syntax error is reported with its column and a
/// caret under the argument, exit status 1.
enum SelectorArgument {
    static func parse(_ text: String, option: String) throws(DiagnosticList) -> NodeSelector {
        do {
            return try NodeSelector(parsing: text)
        } catch {
            let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(error.column - 1)))
            throw DiagnosticList([Diagnostic(.error,
                "\(option) '\(text)', column \(error.column): \(error.message)\n"
                    + "    \(text)\n    \(String(repeating: " ", count: DisplayWidth.of(before)))^")])
        }
    }

    /// Warns on stderr when `selector` matches no node of `graph`, naming the node kinds there are,
    /// so a misspelt kind or value does not pass for a coverage of 0. O(V).
    static func warnIfEmpty(_ selector: NodeSelector, option: String, in graph: Graph) {
        let matches = selector.matcher(in: graph)
        guard !(0..<graph.nodeCount).contains(where: matches) else { return }
        Console.error("warning: \(option) '\(selector)' matches no node (node kinds: \(graph.nodeKinds.joined(separator: ", ")))\n")
    }
}

/// How rates and shares are shown in tables: percentages to 0.01%, except that a rate below 100%
/// never shows as 100.00% and a rate above 0 never as 0.00%; "—" for no rate.
enum RateText {
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        var hundredths = (rate * 10_000).rounded()
        if rate < 1 { hundredths = min(hundredths, 9_999) }
        if rate > 0 { hundredths = max(hundredths, 1) }
        return String(format: "%.2f%%", hundredths / 100)
    }

    /// A small fraction (density, mean) with four significant digits.
    static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.4g", value)
    }

    /// A path of region names.
    static func path(_ graph: Graph, _ nodes: [Int]) -> String {
        nodes.map { graph.name(of: $0) }.joined(separator: " / ")
    }
}

/// A coverage result with names resolved, in the three output formats.
struct CoverageReport {
    let graph: Graph
    let coverage: Coverage
    let minRate: Double?
    /// The regions below `minRate`.
    let below: [Coverage.Region]

    init(graph: Graph, coverage: Coverage, minRate: Double?) {
        self.graph = graph
        self.coverage = coverage
        self.minRate = minRate
        below = minRate.map { coverage.regions(below: $0) } ?? []
    }

    var selectorText: String { coverage.selectors.map(\.description).joined(separator: " | ") }

    var json: JSONValue {
        let g = graph
        var pairs: [(String, JSONValue)] = [
            ("graph", .string(g.name)),
            ("unit", .string(coverage.unit.rawValue)),
            ("selector", .string(selectorText)),
            ("selectors", .array(coverage.selectors.map { .string($0.description) })),
            ("via", .array(coverage.via.map(JSONValue.string))),
            ("region", coverage.scope.map { ["id": .string(g.id(of: $0)), "name": .string(g.name(of: $0))] } ?? .null),
            ("units", .int(coverage.units)),
            ("covered", .int(coverage.covered)),
            ("rate", coverage.units == 0 ? .null : .double(Double(coverage.covered) / Double(coverage.units))),
            ("regions", .array(coverage.regions.map { region in
                ["id": .string(g.id(of: region.node)), "name": .string(g.name(of: region.node)),
                 "level": .string(region.level.rawValue), "units": .int(region.units),
                 "covered": .int(region.covered), "rate": region.rate.map(JSONValue.double) ?? .null]
            })),
            ("uncovered", .array(coverage.uncovered.map { unit in
                ["id": .string(g.id(of: unit.node)), "name": .string(g.name(of: unit.node)),
                 "path": .array(unit.path.map { .string(g.name(of: $0)) })]
            })),
        ]
        if let minRate {
            pairs.append(("min_rate", .double(minRate)))
            pairs.append(("below_min_rate", .array(below.map { .string(g.id(of: $0.node)) })))
        }
        return .object(pairs)
    }

    /// One CSV table: `region` rows with the counts, then `uncovered` rows with the path.
    func csv() -> Table {
        var table = Table(["section", "id", "name", "level", "units", "covered", "rate", "path"],
                          numeric: ["units", "covered"], percent: ["rate"])
        for region in coverage.regions {
            table.append(["region", graph.id(of: region.node), graph.name(of: region.node), region.level.rawValue,
                          String(region.units), String(region.covered), region.rate.map { String($0) } ?? "",
                          RateText.path(graph, graph.hierarchy.ancestors(of: region.node).reversed())])
        }
        for unit in coverage.uncovered {
            table.append(["uncovered", graph.id(of: unit.node), graph.name(of: unit.node), coverage.unit.rawValue,
                          "", "", "", RateText.path(graph, unit.path)])
        }
        return table
    }

    /// The regions indented by depth, then the uncovered units.
    func text() -> String {
        var output = "coverage of \(coverage.unit.rawValue) units by \(selectorText) via \(coverage.via.joined(separator: ", "))"
        if let scope = coverage.scope { output += " in \(graph.name(of: scope))" }
        output += ": \(coverage.covered) of \(coverage.units) covered\n\n"
        if !coverage.regions.isEmpty {
            let top = coverage.regions[0].level.rank
            var table = Table(["region", "level", "units", "covered", "rate"], numeric: ["units", "covered", "rate"])
            for region in coverage.regions {
                let indent = String(repeating: "  ", count: max(0, region.level.rank - top))
                table.append([indent + graph.name(of: region.node), region.level.rawValue, String(region.units),
                              String(region.covered), RateText.percent(region.rate)])
            }
            output += table.rendered()
        }
        if coverage.uncovered.isEmpty {
            output += "\nno uncovered \(coverage.unit.rawValue) units\n"
        } else {
            output += "\nuncovered \(coverage.unit.rawValue) units (\(coverage.uncovered.count)):\n"
            var table = Table(["id", "name", "path"])
            for unit in coverage.uncovered {
                table.append([graph.id(of: unit.node), graph.name(of: unit.node), RateText.path(graph, unit.path)])
            }
            output += table.rendered()
        }
        return output
    }

    /// The `--min-rate` failure, for stderr.
    func gateMessage(_ minRate: Double) -> String {
        var message = "coverage below \(RateText.percent(minRate)) in \(below.count) of \(coverage.regions.count) regions:\n"
        for region in below {
            let path = RateText.path(graph, graph.hierarchy.ancestors(of: region.node).reversed() + [region.node])
            message += "  \(path) (\(region.level.rawValue), \(graph.id(of: region.node))): "
                + "\(RateText.percent(region.rate)), \(region.covered) of \(region.units)\n"
        }
        return message
    }
}
