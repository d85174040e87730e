import ArgumentParser
import TongxinIO
import TongxinResults

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
            if output.format != .table {
                try Console.print(ValidationReport(source: graphOptions.graph, outcome: .invalid(error)), as: output)
            }
            ErrorReport.print(error)
            throw ExitCode.failure
        }
        let outcome = ValidationReport.Outcome.valid(nodes: graph.nodeCount, edges: graph.edgeCount, warnings: graph.warnings)
        try Console.print(ValidationReport(source: graphOptions.graph, outcome: outcome), as: output)
    }
}
