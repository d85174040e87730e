import ArgumentParser
import Foundation
import TongxinIO
import TongxinQuery
import TongxinRender
import TongxinServe

/// The commands `tongxin serve` answers at `/api/COMMAND`, and how: the CLI's own commands parsed
/// from the translated argument vector and run in-process, their output captured (``Console``) and
/// their graph taken from the server (``ServedGraphs``) — so the API answers exactly what the
/// command line prints (DESIGN.md, "tongxin serve").
///
/// Each spec is the allow-list of the command's options over HTTP: what reads or writes other
/// files (`--out`, `--boundaries`, `--since`, `--cache-*`, `--mask*`) and what only tunes the
/// terminal (`--timings`, `--timing`, `--repeat`) is left out.
struct CommandAPI: CommandRunner {
    static let region: Set<String> = ["region"]

    let commands: [String: CommandSpec] = Dictionary(
        uniqueKeysWithValues: [
            CommandSpec("info", options: region),
            CommandSpec("coverage", options: region.union(["unit", "by", "via"])),
            CommandSpec("pairing", options: region.union(["left", "right", "edge", "by", "capacity"]), flags: ["suggest"]),
            CommandSpec(
                "centrality",
                options: region.union([
                    "measure", "samples", "seed", "kind", "top", "bipartite", "damping", "alpha", "beta", "resolution",
                    "tolerance", "max-iterations"
                ]), flags: ["normalized", "raw", "weighted", "directed"], heavy: true),
            CommandSpec(
                "path", positionals: ["from", "to"], options: ["max-hops", "limit"],
                flags: ["all-shortest", "weighted", "directed"]),
            CommandSpec("neighbors", positionals: ["node"], options: ["depth", "kind"], flags: ["directed"]),
            CommandSpec(
                "query", positionals: ["query"], options: ["param", "time-limit"], flags: ["explain"], heavy: true,
                maxima: ["time-limit": 30]),
            CommandSpec(
                "diff", graphPositionals: ["old", "new"],
                options: [
                    "region", "level", "unit", "by", "via", "left", "right", "edge", "pairing-by"
                ], flags: ["coverage", "pairing"], heavy: true),
            CommandSpec(
                "render",
                options: region.union([
                    "layout", "focus", "depth", "collapse", "max-nodes", "max-edges", "size-by", "color-by", "unit", "via",
                    "edge-kinds", "size", "lang", "time-limit"
                ]), output: .svg, heavy: true, maxima: ["time-limit": 60, "max-nodes": 2_000]),
            CommandSpec(
                "map", options: region.union(["level", "unit", "by", "via", "pairing", "edge", "lang", "width"]),
                output: .svg, heavy: true),
            CommandSpec("report", options: region.union(["sections", "lang"]), output: .html, heavy: true)
        ].map { ($0.name, $0) })

    func run(_ arguments: [String], graphs: GraphRegistry) throws(APIError) -> [UInt8] {
        var command: any TongxinCommand
        do {
            guard let parsed = try Tongxin.parseAsRoot(arguments) as? any TongxinCommand else {
                throw APIError.notFound("'\(arguments.first ?? "")' is not served")
            }
            command = parsed
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.badRequest(Tongxin.message(for: error))
        }
        let capture = Console.Capture()
        let outcome: Result<Void, any Error> = Console.$capture.withValue(capture) {
            ServedGraphs.$current.withValue(graphs) { Result { try command.execute() } }
        }
        switch outcome {
        case .success: return capture.file ?? capture.output
        case .failure(let error): throw Self.apiError(error, printed: capture.errors)
        }
    }

    /// The HTTP answer to what a command threw: an unknown node is 404, a time limit reached 503,
    /// the rest 400 with the CLI's message (and its line and column when it has a place).
    static func apiError(_ error: any Error, printed: String) -> APIError {
        switch error {
        case let error as NodeArgumentError:
            if case .notFound = error.lookup { return .notFound(error.description) }
            return .badRequest(error.description)
        case let list as DiagnosticList:
            let first = list.diagnostics.first { $0.severity == .error } ?? list.diagnostics.first
            return .badRequest(first?.message ?? list.description, line: first?.location?.line, column: first?.location?.column)
        case GraphvizError.timedOut, RenderError.graphviz(.timedOut):
            return APIError(status: 503, OptionAdvice.message(for: error))
        case is ExitCode:
            // The command printed its own diagnostic (a query's error with its caret): its first line.
            return printedError(printed)
        default:
            return .badRequest(OptionAdvice.message(for: error))
        }
    }

    /// `PLACE:LINE:COLUMN: error: MESSAGE` (or `error: MESSAGE`), the first error line a command
    /// printed, as an API error; a query that ran out of time is 503.
    static func printedError(_ text: String) -> APIError {
        let line = text.split(separator: "\n").first { $0.contains("error: ") }.map(String.init) ?? text
        guard let marker = line.range(of: "error: ") else { return .badRequest(line) }
        let message = String(line[marker.upperBound...])
        let place = line[..<marker.lowerBound].split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var position: (Int, Int)?
        if place.count >= 3, let row = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) { position = (row, column) }
        return APIError(
            status: message.contains("(its time limit)") ? 503 : 400, message,
            line: position?.0, column: position?.1)
    }
}
