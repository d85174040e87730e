import ArgumentParser
import Foundation
import TongxinIO
import TongxinRender
import TongxinResults
import TongxinServe

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
            Timings.finish()
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
            "The graph: a .json, .graphml, .txg, .gexf, .cyjs or .dot/.gv file, or a folder of CSV (nodes.csv, edges.csv) or Neo4j files.",
            valueName: "graph"),
        completion: .file())
    var graph: String

    @Option(help: ArgumentHelp("Restrict the command to one region's subtree, by id or name.", valueName: "name|id"))
    var region: String?

    @OptionGroup var cache: CacheOptions

    @Flag(help: "Print each phase's wall time (read, view, kernel, output) to standard error.")
    var timings = false

    @OptionGroup var masking: MaskOptions

    /// Reads the graph, reporting progress on a terminal for large files, and masks it by `--mask`;
    /// a text graph goes through the `.txg` cache (``GraphCache``) unless `--no-cache`.
    func load() throws(DiagnosticList) -> Graph {
        if let served = ServedGraphs.current { return try served.graph(atPath: graph) }
        if timings { Timings.start() }
        defer { Timings.mark("read") }
        let progress = Progress.begin("reading \(graph)", onlyIfBytesExceed: 32 << 20, path: graph)
        let graph = try cache.read(graph)
        progress?.finish()
        return try masking.apply(to: graph)
    }

    /// An earlier version of the graph (`--since OLD`): from the server's graphs when served, else
    /// read through the same `.txg` cache and masked the same way as the graph itself.
    func loadEarlier(_ path: String) throws(DiagnosticList) -> Graph {
        if let served = ServedGraphs.current { return try served.graph(atPath: path) }
        return try masking.apply(to: cache.read(path))
    }

    /// The region named by `--region` (its node index), or `nil` when the option is absent.
    ///
    /// - Throws: ``NodeArgumentError`` when no node has that id or name, or several share it;
    ///   ``DiagnosticList`` when the node is not a region or village.
    func regionIndex(in graph: Graph) throws -> Int? {
        guard let region else { return nil }
        let node = try NodeArgument.resolve(region, in: graph, role: "--region")
        guard graph.level(of: node) != nil else {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "--region '\(region)' is a \(graph.kind(of: node)), not a region or village")
            ])
        }
        return node
    }
}

/// Whether and where text graphs keep their `.txg` copy: every graph a command reads (the main
/// one, `diff`'s two versions, `report --since`) goes through ``read(_:)``.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Read a text graph directly, without keeping or using its .txg copy in the cache.")
    var noCache = false

    @Flag(help: "Keep the .txg copy of a text graph beside it (GRAPH.KEY-vN.txg) rather than in $XDG_CACHE_HOME/tongxin.")
    var cacheBeside = false

    /// The graph at `path` from its cached `.txg` copy when it has one (JSON, GraphML and CSV), else
    /// read (and its copy kept); a `.txg` file has its checksums verified on its first open only
    /// (``VerifiedRecords``, kept in the cache folder). `--no-cache` reads and verifies everything.
    /// Safe to call from several threads for different paths.
    func read(_ path: String) throws(DiagnosticList) -> Graph {
        let format = GraphFormat(path: path)
        let cacheFolder = noCache ? nil : GraphCache.defaultFolder()
        let records = cacheFolder.map { VerifiedRecords(folder: $0 + "/verified") }
        if format == .txg { return try BinaryGraphReader.read(path: path, records: records) }
        guard !noCache, let format, [.json, .graphml, .csv].contains(format),
            let place = cacheBeside ? GraphCache.Place.besideSource : cacheFolder.map(GraphCache.Place.folder)
        else { return try GraphFile.read(path) }
        let (graph, outcome) = try GraphCache(place, records: records).read(path, as: format)
        switch outcome {
        case .hit, .stored: break
        case .notStored(let reason): Console.error("note: the .txg copy of '\(path)' was not kept: \(reason)\n")
        case .rebuilt(let reason): Console.error("note: the cached .txg copy of '\(path)' was unreadable and has been rebuilt: \(reason)\n")
        }
        return graph
    }
}

/// The graphs `tongxin serve` loaded and masked once: a command the server runs takes its graph
/// from here (by the path it was given) instead of reading the file again.
enum ServedGraphs {
    @TaskLocal static var current: GraphRegistry?
}

extension GraphRegistry {
    /// The served graph read from `path`.
    ///
    /// - Throws: ``DiagnosticList`` when no served graph came from that path.
    func graph(atPath path: String) throws(DiagnosticList) -> Graph {
        guard let served = graphs.first(where: { $0.path == path }) else {
            throw DiagnosticList([Diagnostic(.error, "'\(path)' is not one of the served graphs")])
        }
        return served.graph
    }
}

/// How results are given: printed as a ``ResultFormat``, or written as a workbook.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
    /// An .xlsx workbook written to `--out`, one sheet per table (``ResultDocument/workbook()``).
    case xlsx
}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (aligned, for a terminal), json (for programs), csv, or xlsx (a workbook, with --out).")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("The workbook that --format xlsx writes.", valueName: "file.xlsx"), completion: .file(extensions: ["xlsx"]))
    var out: String?

    func validate() throws {
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx writes a workbook: give its path with --out FILE.xlsx") }
        if format != .xlsx && out != nil { throw ValidationError("--out is where --format xlsx writes its workbook; other formats print") }
    }
}

/// Writes to standard output and standard error, or into a ``Capture`` when a command runs inside
/// `tongxin serve`: the one place a command's output goes, so the server answers with exactly what
/// the command line prints.
enum Console {
    /// What a command printed and the file it wrote, kept instead of printed and written.
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var outputBytes: [UInt8] = []
        private var errorText = ""
        private var fileBytes: [UInt8]?

        var output: [UInt8] { lock.withLock { outputBytes } }
        var errors: String { lock.withLock { errorText } }
        /// The bytes of the file the command wrote (`--out`), if it wrote one.
        var file: [UInt8]? { lock.withLock { fileBytes } }

        fileprivate func out(_ text: String) { lock.withLock { outputBytes += text.utf8 } }
        fileprivate func error(_ text: String) { lock.withLock { errorText += text } }
        fileprivate func write(_ bytes: [UInt8]) { lock.withLock { fileBytes = bytes } }
    }

    /// The capture of the command running in this task, if it runs inside the server.
    @TaskLocal static var capture: Capture?

    static func out(_ text: String) {
        if let capture { return capture.out(text) }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        if let capture { return capture.error(text) }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes a command's output file atomically (``AtomicFile``), or keeps its bytes in the capture.
    static func write(_ bytes: [UInt8], to path: String) throws(DiagnosticList) {
        if let capture { return capture.write(bytes) }
        try AtomicFile.write(bytes, to: path)
    }

    /// Fails unless the folder `path` would be written in exists (nothing to check when captured).
    static func requireDirectory(of path: String) throws(DiagnosticList) {
        guard capture == nil else { return }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw DiagnosticList([Diagnostic(.error, "cannot write '\(path)': no directory '\(directory)'")])
        }
    }

    /// Prints a result in the format asked for, or writes its workbook (`--format xlsx --out FILE`).
    static func print(_ result: some ResultDocument, as output: OutputOptions) throws(DiagnosticList) {
        guard let format = ResultFormat(rawValue: output.format.rawValue) else {
            return try write(result.workbook(), to: output.out ?? "")
        }
        out(result.rendered(format))
    }
}
