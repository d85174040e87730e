import ArgumentParser
import Foundation
import TongxinAnalysis
import TongxinIO
import TongxinResults

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

    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "The covering nodes: KIND or KIND[attr=value,…]; repeat for any of several.", valueName: "selector"))
    var selectors: [String] = []

    @Option(
        help: ArgumentHelp(
            "Comma-separated edge kinds that link a covering node to a unit.",
            valueName: "kind,…"))
    var via: String = Coverage.defaultVia.joined(separator: ",")

    @Option(
        name: .customLong("min-rate"),
        help: ArgumentHelp(
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
        try Console.print(report, as: output)
        if !report.below.isEmpty {
            Console.error(report.gateMessage())
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
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "\(option) '\(text)', column \(error.column): \(error.message)\n"
                        + "    \(text)\n    \(String(repeating: " ", count: DisplayWidth.of(before)))^")
            ])
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
