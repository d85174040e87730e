import TongxinGraph
import TongxinIO

/// What `tongxin validate` found: a valid graph with its counts and warnings, or the errors that
/// stopped it. JSON `{"valid": true, "nodes", "edges", "warnings"}` or `{"valid": false, "errors",
/// "omitted"}`; one table of diagnostics (severity, file, line, column, message).
public struct ValidationReport: ResultDocument {
    public enum Outcome: Sendable {
        case valid(nodes: Int, edges: Int, warnings: [Diagnostic])
        case invalid(DiagnosticList)
    }

    /// The file or folder checked, as given.
    public let source: String
    public let outcome: Outcome

    public init(source: String, outcome: Outcome) {
        self.source = source
        self.outcome = outcome
    }

    public var json: JSONValue {
        switch outcome {
        case .valid(let nodes, let edges, let warnings):
            ["valid": true, "nodes": .int(nodes), "edges": .int(edges), "warnings": .array(warnings.map(Self.json))]
        case .invalid(let errors):
            ["valid": false, "errors": .array(errors.diagnostics.map(Self.json)), "omitted": .int(errors.omitted)]
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

    public var tables: [ResultTable] {
        var table = ResultTable(
            "diagnostics",
            columns: [
                Column("severity"), Column("file"), .numeric("line"), .numeric("column"), Column("message")
            ])
        let diagnostics: [Diagnostic] =
            switch outcome {
            case .valid(_, _, let warnings): warnings
            case .invalid(let errors): errors.diagnostics
            }
        for diagnostic in diagnostics {
            let location = diagnostic.location
            table.append([
                .text(diagnostic.severity.rawValue), location.map { .text($0.file) } ?? .null,
                location.map { .integer($0.line) } ?? .null, location.map { .integer($0.column) } ?? .null,
                .text(diagnostic.message)
            ])
        }
        return [table]
    }

    /// `FILE: valid: N nodes, M edges[, K warnings]` and the warnings; nothing for an invalid
    /// graph, whose errors go to standard error as diagnostics.
    public func text() -> String {
        guard case .valid(let nodes, let edges, let warnings) = outcome else { return "" }
        var text = "\(source): valid: \(nodes) nodes, \(edges) edges"
        text += warnings.isEmpty ? "\n" : ", \(warnings.count) warnings\n"
        for warning in warnings { text += warning.description + "\n" }
        return text
    }
}
