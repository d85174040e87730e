import ArgumentParser
import TongxinAnalysis
import TongxinIO
import TongxinResults

/// `tongxin info G`: what a graph holds.
struct Info: TongxinCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show counts by node and edge kind, region levels, connected components, metadata and warnings.",
        discussion: """
            Examples:
              tongxin info Graphs/examples/yunxi.json
              tongxin info Graphs/hubei.json --region 宜昌市
              tongxin info Graphs/examples/suixian-liaison --format json
            """)

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: OutputOptions

    mutating func execute() throws {
        let graph = try graphOptions.load()
        let summary = try GraphSummary(graph, region: graphOptions.regionIndex(in: graph))
        try Console.print(summary, as: output)
    }
}
