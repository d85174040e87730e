import ArgumentParser
import TongxinIO

/// `tongxin validate G`: checks only.
struct Validate: TongxinCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a graph file: exit 0 when it is valid, 1 with every error found.",
        discussion: """
            Every problem is reported as FILE:LINE:COL: error: …, with the offending line, up to 50 \
            errors: malformed files, unknown keys, edges to unknown nodes, duplicate ids, hierarchy \
            cycles, nodes with two parents, attributes with conflicting types. Warnings (a region \
            without a level, …) do not fail validation.

            Examples:
              tongxin validate Graphs/examples/yunxi.json
              tongxin validate exports/ --format json
            """)

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: OutputOptions

    mutating func execute() throws {
        let graph: Graph
        do {
            graph = try graphOptions.load()
        } catch {
            if output.format == .json {
                Console.printJSON(["valid": false, "errors": .array(error.diagnostics.map(Self.json)),
                                   "omitted": .int(error.omitted)])
            } else if output.format == .csv || output.format == .xlsx {
                var table = Table(["severity", "file", "line", "column", "message"], numeric: ["line", "column"])
                for diagnostic in error.diagnostics { table.append(Self.row(diagnostic)) }
                if output.format == .xlsx { try output.writeWorkbook(table) } else { Console.out(table.csv()) }
            }
            ErrorReport.print(error)
            throw ExitCode.failure
        }
        switch output.format {
        case .json:
            Console.printJSON(["valid": true, "nodes": .int(graph.nodeCount), "edges": .int(graph.edgeCount),
                               "warnings": .array(graph.warnings.map(Self.json))])
        case .csv, .xlsx:
            var table = Table(["severity", "file", "line", "column", "message"], numeric: ["line", "column"])
            for warning in graph.warnings { table.append(Self.row(warning)) }
            if output.format == .xlsx { try output.writeWorkbook(table) } else { Console.out(table.csv()) }
        case .table:
            var text = "\(graphOptions.graph): valid: \(graph.nodeCount) nodes, \(graph.edgeCount) edges"
            text += graph.warnings.isEmpty ? "\n" : ", \(graph.warnings.count) warnings\n"
            for warning in graph.warnings { text += warning.description + "\n" }
            Console.out(text)
        }
    }

    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("severity", .string(diagnostic.severity.rawValue))]
        if let location = diagnostic.location {
            pairs += [("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column))]
        }
        pairs.append(("message", .string(diagnostic.message)))
        return .object(pairs)
    }

    static func row(_ diagnostic: Diagnostic) -> [String] {
        let location = diagnostic.location
        return [diagnostic.severity.rawValue, location?.file ?? "", location.map { String($0.line) } ?? "",
                location.map { String($0.column) } ?? "", diagnostic.message]
    }
}
