import TongxinAnalysis
import TongxinGraph
import TongxinIO
import TongxinMap

extension ReportBuilder {
    /// The report's maps: one per coverage question and one per pairing programme, each region of
    /// the breakdown level (cities in a province report, counties in a city's) coloured by its rate
    /// (``ChoroplethMap``). Maps stop at counties: a report broken down by towns has none.
    ///
    /// - Parameters:
    ///   - labels: the language of captions and of the maps' own text.
    ///   - boundaries: reads the boundaries of a level (the installed default, usually); when it
    ///     throws, the maps are replaced by its message.
    /// - Returns: the figures, and the reason there are none when the boundaries are missing.
    /// - Throws: ``CoverageError`` or ``PairingError`` from the analyses the maps show.
    /// - Complexity: per map, O(V + E) for the rates and O(P log P) for the P boundary positions.
    public func maps(
        labels: Labels, coverage: [CoverageQuestion], programmes: [PairingQuestion],
        boundaries load: (RegionLevel) throws(DiagnosticList) -> Boundaries
    ) throws -> (figures: [DiagramFigure], unavailable: String?) {
        guard [.city, .county].contains(breakdownLevel), !(coverage.isEmpty && programmes.isEmpty) else { return ([], nil) }
        let boundaries: Boundaries
        do {
            boundaries = try load(breakdownLevel)
        } catch {
            return ([], labels(.mapsUnavailable, error.diagnostics.map(\.message).joined(separator: "; ")))
        }
        let options = ChoroplethMap.Options(width: 900, language: labels.language == .zh ? .zh : .en, dataName: graph.name)
        var figures: [DiagramFigure] = []
        func draw(_ values: MapValues, caption: String) {
            // A map none of whose regions has a boundary (MapError.nothingMatched) is left out.
            guard let map = try? ChoroplethMap(graph: graph, values: values, boundaries: boundaries, options: options) else { return }
            figures.append(DiagramFigure(title: map.scene.title, caption: caption,
                                         svg: String(decoding: SVGMapWriter.svg(map.scene), as: UTF8.self)))
        }
        for question in coverage {
            let values = try MapValues(coverageOf: graph, level: breakdownLevel, unit: question.unit, by: [question.selector],
                                       via: question.via, within: scope)
            draw(values, caption: labels(.mapCoverageCaption, question.label, labels.level(question.unit), labels.level(breakdownLevel)))
        }
        for programme in programmes {
            let values = try MapValues(pairingOf: graph, level: breakdownLevel, left: programme.left, right: programme.right, within: scope)
            let left = labels.kind(programme.left.filters.first?.value ?? programme.left.kind ?? "*")
            let right = labels.kind(programme.right.filters.first?.value ?? programme.right.kind ?? "*")
            draw(values, caption: labels(.mapPairingCaption, left, right, labels.level(breakdownLevel)))
        }
        return (figures, nil)
    }
}
