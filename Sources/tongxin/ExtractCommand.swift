import ArgumentParser
import Foundation
import TongxinIO
import TongxinSharing

/// `tongxin extract G --region R --out FILE`: one region's part of the graph, to share.
struct ExtractCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Cut one region's part out of a graph (its subtree and everything located in it), to send to the people who work there.",
        discussion: """
            The result is a valid graph with the region as its root: the nodes inside the region's subtree and \
            the edges among them. With --with-links, the nodes outside that are linked in (a county's \
            enterprises paired with the region's villages) come too, marked outside: true, with where they are \
            as outside_place. The metadata records what it was cut from and when (SOURCE_DATE_EPOCH, when set, \
            fixes the date). Combine with --mask public to remove personal data as well.

            Examples:
              tongxin extract Graphs/hubei.json --region 宜昌市 --out out/yichang.json
              tongxin extract Graphs/hubei.json --region 夷陵区 --with-links --mask public --mask-key key.txt --out out/yiling.graphml
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(
        help: ArgumentHelp("Where to write the extract; its extension gives the format.", valueName: "file"),
        completion: .file())
    var out: String

    @Flag(help: "Also keep the nodes outside the region that are linked to a node inside it, marked as outside.")
    var withLinks = false

    @Option(help: "The output format, when OUT's extension does not say it: json, graphml, csv, gexf or dot.")
    var to: GraphFormatArgument?

    mutating func execute() throws {
        guard graphOptions.region != nil else {
            throw DiagnosticList([Diagnostic(.error, "extract needs --region: the region whose part is cut out")])
        }
        guard let format = to?.format ?? GraphFormat(path: out) else {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "cannot tell the output format of '\(out)' from its extension: use .json, .graphml, .gexf, .dot, a folder name, or --to"
                )
            ])
        }
        guard Convert.canonical(out) != Convert.canonical(graphOptions.graph) else {
            throw DiagnosticList([Diagnostic(.error, "'\(out)' is the input: extract never overwrites its input")])
        }
        let graph = try graphOptions.load()
        let region = try graphOptions.regionIndex(in: graph)!
        let part = try RegionExtract.extract(graph, region: region, withLinks: withLinks, date: Self.now())
        try GraphFile.write(part, to: out, as: format)
        let outside =
            part.nodeAttributes.column(named: RegionExtract.outsideAttribute).map { column in
                (0..<part.nodeCount).filter { part.nodeAttributes.value(column: column, at: $0) != nil }.count
            } ?? 0
        Console.out(
            "\(out): \(part.nodeCount) nodes (\(outside) outside), \(part.edgeCount) edges of \(graph.name(of: region)) (\(format.rawValue))\n"
        )
    }

    /// Now in UTC, ISO 8601 to the second; `SOURCE_DATE_EPOCH` (seconds) replaces now when set.
    static func now() -> String {
        let environment = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: environment.map(Date.init(timeIntervalSince1970:)) ?? Date())
    }
}
