import ArgumentParser
import Foundation
import TongxinIO
import TongxinRender
import TongxinResults

/// A `tongxin` subcommand: implement ``execute()``; ``run()`` turns every error into the one error
/// path — `FILE:LINE:COL: error: …` lines on stderr with the offending source line and a caret, then
/// exit status 1 — so no command ever ends in a stack trace.
protocol TongxinCommand: ParsableCommand {
    mutating func execute() throws
}

extension TongxinCommand {
    mutating func run() throws {
        do {
            try execute()
        } catch let diagnostics as DiagnosticList {
            ErrorReport.print(diagnostics)
            throw ExitCode.failure
        } catch {
            // Argument parser's own errors (validation, exit codes, --help) keep their handling.
            if error is ExitCode || error is CleanExit || error is ValidationError { throw error }
            ErrorReport.print(DiagnosticList([Diagnostic(.error, OptionAdvice.message(for: error))]))
            throw ExitCode.failure
        }
    }
}

/// The graph every command reads, and the region it may be restricted to.
struct GraphOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The graph: a .json, .graphml, .gexf, .cyjs or .dot/.gv file, or a folder of CSV (nodes.csv, edges.csv) or Neo4j files.",
            valueName: "graph"),
        completion: .file())
    var graph: String

    @Option(help: ArgumentHelp("Restrict the command to one region's subtree, by id or name.", valueName: "name|id"))
    var region: String?

    @OptionGroup var masking: MaskOptions

    /// Reads the graph, reporting progress on a terminal for large files, and masks it by `--mask`.
    func load() throws(DiagnosticList) -> Graph {
        let progress = Progress.begin("reading \(graph)", onlyIfBytesExceed: 32 << 20, path: graph)
        let graph = try GraphFile.read(graph)
        progress?.finish()
        return try masking.apply(to: graph)
    }

    /// The region named by `--region` (its node index), or `nil` when the option is absent.
    ///
    /// - Throws: ``DiagnosticList`` when no region or village has that id or name, or several share it.
    func regionIndex(in graph: Graph) throws(DiagnosticList) -> Int? {
        guard let region else { return nil }
        let node: Int
        do {
            node = try graph.resolve(region)
        } catch {
            throw DiagnosticList([Diagnostic(.error, "--region: \(error)")])
        }
        guard graph.level(of: node) != nil else {
            throw DiagnosticList([Diagnostic(.error,
                "--region '\(region)' is a \(graph.kind(of: node)), not a region or village")])
        }
        return node
    }
}

extension ResultFormat: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (aligned, for a terminal), json (for programs) or csv.")
    var format: ResultFormat = .table
}

/// Writes to standard output and standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a result in the format asked for.
    static func print(_ result: some ResultDocument, as format: ResultFormat) {
        out(result.rendered(format))
    }
}
