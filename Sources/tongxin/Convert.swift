import ArgumentParser
import Foundation
import TongxinIO

/// `tongxin convert G OUT`: between the formats.
struct Convert: TongxinCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a graph between formats: .json, .graphml, .txg (binary), a CSV folder, .gexf, .cyjs, a Neo4j folder, .dot/.gv.",
        discussion: """
            The output format follows OUT's extension (a path without one, or ending in /, is a CSV folder \
            of nodes.csv and edges.csv), or --to. The output is written to a temporary file and renamed \
            into place, so a failure never leaves a partial or truncated file; the input is never \
            overwritten. A folder holding nodes-KIND.csv files is read as a Neo4j export (or say --from neo4j).

            GEXF is written with Gephi's viz colours and sizes, and --for yed adds yEd's graphics to \
            GraphML: nodes filled by kind (or by --color-by coverage), shaped by kind, sized by --size-by.

            Examples:
              tongxin convert Graphs/examples/yunxi.json out/yunxi.graphml
              tongxin convert Graphs/examples/suixian-liaison out/suixian.json
              tongxin convert Graphs/hubei.json out/hubei-csv
              tongxin convert out/yunxi.graphml out/yunxi.gexf --to gexf
              tongxin convert Graphs/examples/yunxi.json out/yunxi-yed.graphml --for yed --size-by pagerank
              tongxin convert Graphs/examples/yunxi.json out/yunxi-neo4j --to neo4j
            """)

    @Argument(
        help: ArgumentHelp(
            "The graph to read: a .json, .graphml, .txg, .gexf, .cyjs or .dot/.gv file, or a CSV or Neo4j folder.",
            valueName: "graph"),
        completion: .file())
    var graph: String

    @Argument(help: ArgumentHelp("Where to write.", valueName: "out"), completion: .file())
    var out: String

    @Option(help: "The output format, when OUT's extension does not say it: json, graphml, txg, csv, gexf, dot, cyjs or neo4j.")
    var to: GraphFormatArgument?

    @OptionGroup var masking: MaskOptions

    @Option(help: "The input format, when the graph's extension does not say it (e.g. neo4j for a folder).")
    var from: GraphFormatArgument?

    @Option(name: .customLong("for"), help: ArgumentHelp("Style GraphML for a drawing tool: yed.", valueName: "tool"))
    var tool: DrawingTool?

    @OptionGroup var style: StyleOptions

    enum DrawingTool: String, ExpressibleByArgument, CaseIterable {
        case yed
    }

    mutating func execute() throws {
        let format = to?.format ?? GraphFormat(path: out)
        guard let format else {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "cannot tell the output format of '\(out)' from its extension: use .json, .graphml, .txg, .gexf, .dot, a folder name, or --to"
                )
            ])
        }
        guard Self.canonical(out) != Self.canonical(graph) else {
            throw DiagnosticList([Diagnostic(.error, "'\(out)' is the input: convert never overwrites its input")])
        }
        if tool == .yed && format != .graphml {
            throw DiagnosticList([Diagnostic(.error, "--for yed styles GraphML: give OUT a .graphml extension or --to graphml")])
        }
        let input = try masking.apply(
            to: from.map { format throws(DiagnosticList) in try GraphFile.read(graph, as: format.format) } ?? GraphFile.read(graph))
        for warning in input.warnings { Console.error(warning.description + "\n") }
        // GEXF is coloured for Gephi unless the graph keeps Gephi's own colours and no option asks otherwise.
        let keepsOwnLook = input.nodeAttributes.column(named: "viz_color") != nil && style.colorBy == nil && style.sizeBy == nil
        let styled = tool == .yed || (format == .gexf && !keepsOwnLook)
        let styling = styled ? try style.styling(of: input) : nil
        let progress = input.edgeCount > 1_000_000 ? Progress.begin("writing \(out)") : nil
        try GraphFile.write(input, to: out, as: format, styling: styling)
        progress?.finish()
        Console.out("\(out): \(input.nodeCount) nodes, \(input.edgeCount) edges (\(format.rawValue))\n")
    }

    /// The absolute path with symbolic links resolved, for paths that exist; for one that does not,
    /// its resolved folder and its name.
    static func canonical(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        if let resolved = realpath(trimmed, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: trimmed)
        return canonical(url.deletingLastPathComponent().path) + "/" + url.lastPathComponent
    }
}

/// `--to` values.
struct GraphFormatArgument: ExpressibleByArgument {
    var format: GraphFormat

    init?(argument: String) {
        guard let format = GraphFormat(rawValue: argument.lowercased()) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { GraphFormat.allCases.map(\.rawValue) }
}
