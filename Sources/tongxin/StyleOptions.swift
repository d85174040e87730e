import ArgumentParser
import TongxinAnalysis
import TongxinIO
import TongxinResults

/// How nodes are sized and coloured: by a centrality measure and by coverage. `render` draws with
/// them; `convert` writes them into the files yEd and Gephi open.
struct StyleOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Size nodes by a measure over the graph (or --region): degree, betweenness, closeness, harmonic, eigenvector, "
                + "pagerank, katz or coreness, with NetworkX's defaults; betweenness over more than "
                + "\(NumberFormat.grouped(PictureSampling.diagramThreshold)) nodes samples \(PictureSampling.samples) sources.",
            valueName: "measure"))
    var sizeBy: CentralityMeasure?

    @Option(
        help: ArgumentHelp(
            "Colour units by coverage: covered and uncovered units, or the covered share of collapsed regions.",
            valueName: "coverage:selector"))
    var colorBy: String?

    @Option(help: ArgumentHelp("The units --color-by counts: village, town, county or city.", valueName: "level"))
    var unit: CoverageUnit = .village

    @Option(
        help: ArgumentHelp(
            "Comma-separated edge kinds that link a covering node to a unit, for --color-by.",
            valueName: "kinds"))
    var via: String = Coverage.defaultVia.joined(separator: ",")

    func validate() throws {
        if let sizeBy, !CentralityMeasure.nodeSizing.contains(sizeBy) {
            throw ValidationError(
                "--size-by \(sizeBy.rawValue) is not a score per node: use one of "
                    + CentralityMeasure.nodeSizing.map(\.rawValue).joined(separator: ", "))
        }
        if let colorBy, !colorBy.hasPrefix("coverage:") {
            throw ValidationError("--color-by '\(colorBy)': expected coverage:SELECTOR, e.g. 'coverage:organization[type=商会]'")
        }
    }

    /// A coverage analysis and how to name it in a legend.
    struct CoverageResult {
        var result: Coverage
        var description: String
    }

    /// The coverage `--color-by` asks for (``Coverage``'s definition), or `nil` without it.
    func coverage(of graph: Graph) throws -> CoverageResult? {
        guard let colorBy else { return nil }
        let selector = try SelectorArgument.parse(String(colorBy.dropFirst("coverage:".count)), option: "--color-by coverage:")
        let via = Render.kinds(via)
        let result: Coverage
        do {
            result = try Coverage(of: graph, unit: unit.level, by: [selector], via: via)
        } catch {
            throw DiagnosticList([Diagnostic(.error, "--color-by: \(error)")])
        }
        let viaText = via == Coverage.defaultVia ? "" : " via \(via.joined(separator: ","))"
        return CoverageResult(result: result, description: "\(selector)\(viaText) (\(unit.rawValue))")
    }

    /// Node colours and sizes for the yEd and Gephi writers: kind fills, replaced by coverage colours
    /// (covered and uncovered units, and each region above them by its covered share, as the
    /// renderer colours collapsed regions) with `--color-by`; sizes by `--size-by`.
    func styling(of graph: Graph) throws -> NodeStyling {
        var styling = NodeStyling(graph)
        if let coverage = try coverage(of: graph) {
            for node in 0..<graph.nodeCount where graph.level(of: node) == coverage.result.unit {
                styling.fills[node] = KindPalette.covered
            }
            for uncovered in coverage.result.uncovered { styling.fills[uncovered.node] = KindPalette.uncovered }
            for region in coverage.result.regions {
                if let rate = region.rate { styling.fills[region.node] = KindPalette.rateColor(rate) }
            }
        }
        if let sizeBy {
            let scores = try Render.sizes(sizeBy, graph: graph, region: nil).values
            let low = scores.min() ?? 0, high = scores.max() ?? 0
            styling.sizes = scores.map { KindPalette.sizeFraction($0, low: low, high: high) }
        }
        return styling
    }
}
