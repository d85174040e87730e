import ArgumentParser
import Foundation
import TongxinAnalysis
import TongxinIO
import TongxinRender

/// `tongxin render G --out FILE`: a network diagram through the linked Graphviz.
struct Render: TongxinCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph, a region or a neighbourhood as SVG, PNG, PDF or DOT.",
        discussion: """
            Large views are never drawn as a hairball: over --max-nodes, a neighbourhood is cut to its
            nearest nodes and anything else is collapsed into region super-nodes at the finest level
            that fits; the layout engine is chosen from the diagram's size unless --layout names one.
            What was chosen is said on stderr. Layouts run in a child process (this program in its
            hidden graphviz-worker mode) stopped after --time-limit seconds.

            Examples:
              tongxin render Graphs/hubei.json --collapse county --out hubei.svg
              tongxin render Graphs/hubei.json --region 宜昌市 --collapse town --out yichang.png
              tongxin render Graphs/hubei.json --focus f123 --depth 2 --out f123.pdf
              tongxin render Graphs/hubei.json --region 十堰市 --collapse town \\
                --color-by 'coverage:organization[type=商会]' --unit town --out shiyan.svg
              tongxin render Graphs/hubei.json --region 宜昌市 --size-by pagerank --out yichang.svg
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(
        help: ArgumentHelp(
            "The output file; its extension picks the format: .svg, .png, .pdf, or .dot/.gv (the Graphviz input).",
            valueName: "file"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "Layout engine: dot, neato, sfdp, fdp, circo or twopi (default: chosen from the size).",
            valueName: "engine"))
    var layout: LayoutEngine?

    @Option(help: ArgumentHelp("Draw the neighbourhood of this node (id or name).", valueName: "id"))
    var focus: String?

    @Option(help: ArgumentHelp("Hops around --focus.", valueName: "n"))
    var depth: Int = 2

    @Option(
        help: ArgumentHelp(
            "Collapse everything below this level into region super-nodes: town, county or city.",
            valueName: "level"))
    var collapse: CollapseLevel?

    @Option(help: ArgumentHelp("The most nodes a diagram may have before it is collapsed or cut.", valueName: "n"))
    var maxNodes: Int = 300

    @Option(
        help: ArgumentHelp(
            "The most links other than 'within' to draw; the strongest are kept (default: all, or half the nodes when collapsed).",
            valueName: "n"))
    var maxEdges: Int?

    @OptionGroup var style: StyleOptions

    @Option(
        help: ArgumentHelp(
            "Draw only links of these comma-separated kinds (the 'within' hierarchy is always drawn).",
            valueName: "kinds"))
    var edgeKinds: String?

    @Option(
        help: ArgumentHelp(
            "Scale the drawing down to fit this many inches square (96 pixels an inch in PNG).",
            valueName: "inches"))
    var size: Double?

    @Option(
        help: ArgumentHelp(
            "The language of the diagram's own words (counts, coverage, legend): en or zh.",
            valueName: "language"))
    var lang: DiagramLanguage = .en

    @Option(help: ArgumentHelp("Stop a layout that takes longer than this.", valueName: "seconds"))
    var timeLimit: Double = 60

    enum CollapseLevel: String, ExpressibleByArgument, CaseIterable {
        case town, county, city
    }

    func validate() throws {
        guard RenderFormat(pathExtension: (out as NSString).pathExtension) != nil else {
            throw ValidationError("--out '\(out)': the extension must be .svg, .png, .pdf, .dot or .gv")
        }
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
        guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1") }
        guard (maxEdges ?? 0) >= 0 else { throw ValidationError("--max-edges must be 0 or more") }
        guard (size ?? 1) > 0 else { throw ValidationError("--size must be positive") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
    }

    mutating func execute() throws {
        let graph = try graphOptions.load()
        var options = DiagramOptions(
            layout: layout, collapse: collapse.flatMap { RegionLevel(rawValue: $0.rawValue) },
            region: try graphOptions.regionIndex(in: graph), maxNodes: maxNodes,
            maxEdges: maxEdges, edgeKinds: edgeKinds.map { Set(Self.kinds($0)) })
        options.maxInches = size
        options.language = lang
        if let focus { options.focus = .init(node: try NodeArgument.resolve(focus, in: graph, role: "--focus"), depth: depth) }
        if let sizeBy = style.sizeBy { options.sizeBy = try Self.sizes(sizeBy, graph: graph, region: options.region) }
        if let coverage = try style.coverage(of: graph) {
            options.colorBy = DiagramOptions.Coverage(
                selector: coverage.description, unit: coverage.result.unit,
                uncovered: coverage.result.uncovered.map(\.node), in: graph)
        }
        let format = RenderFormat(pathExtension: (out as NSString).pathExtension)!
        let worker = GraphvizWorker(
            executable: Self.executablePath(), arguments: [GraphvizWorkerCommand.name],
            timeLimit: timeLimit)
        let isolation = format == .dot ? "" : "; laid out in a worker process (time limit \(DOTText.number(timeLimit)) s)"
        let bytes: [UInt8]
        do {
            bytes = try DiagramRenderer(worker: worker).render(graph, options: options, format: format) { plan in
                Console.error(plan.summary + isolation + "\n")
            }.bytes
        } catch {
            throw DiagnosticList([Diagnostic(.error, OptionAdvice.message(for: error))])
        }
        try Console.write(bytes, to: out)
    }

    /// The diagram's node sizes by `measure` (``Graph/nodeSizes(by:region:)``), saying on stderr
    /// when betweenness was estimated.
    static func sizes(_ measure: CentralityMeasure, graph: Graph, region: Int?) throws -> DiagramOptions.Measure {
        let sizes = try graph.nodeSizes(by: measure, region: region)
        if let samples = sizes.sampledSources {
            Console.error("render: --size-by betweenness samples \(samples) sources (seed \(PictureSampling.seed))\n")
        }
        return DiagramOptions.Measure(name: measure.rawValue, values: sizes.values)
    }

    /// The kinds of a comma-separated list.
    static func kinds(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// This program's own path, to start it again as the Graphviz worker.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

extension LayoutEngine: ExpressibleByArgument {}

/// The hidden `tongxin graphviz-worker ENGINE FORMAT INPUT OUTPUT` mode that `render` runs in a
/// child process, so that a runaway layout or a Graphviz abort cannot take the caller down.
struct GraphvizWorkerCommand: ParsableCommand {
    static let name = "graphviz-worker"
    static let configuration = CommandConfiguration(commandName: name, shouldDisplay: false)

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws {
        let status = GraphvizWorker.serve(arguments)
        if status != 0 { throw ExitCode(status) }
    }
}

extension DiagramLanguage: ExpressibleByArgument {}
