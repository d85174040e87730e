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
        var figures: [DiagramFigure] = []
        for question in coverage {
            let values = try MapValues(
                coverageOf: graph, level: breakdownLevel, unit: question.unit, by: [question.selector],
                via: question.via, within: scope)
            figures += figure(
                values, boundaries: boundaries, labels: labels,
                caption: labels(.mapCoverageCaption, question.label, labels.level(question.unit), labels.level(breakdownLevel)))
        }
        for programme in programmes {
            let values = try MapValues(pairingOf: graph, level: breakdownLevel, left: programme.left, right: programme.right, within: scope)
            let left = labels.kind(programme.left.filters.first?.value ?? programme.left.kind ?? "*")
            let right = labels.kind(programme.right.filters.first?.value ?? programme.right.kind ?? "*")
            figures += figure(
                values, boundaries: boundaries, labels: labels,
                caption: labels(.mapPairingCaption, left, right, labels.level(breakdownLevel)))
        }
        return (figures, nil)
    }

    /// The change section's maps: one per coverage question, each region of the breakdown level
    /// coloured by the change in its rate since `old` (``MapValues/init(coverageChangeFrom:to:level:unit:by:via:within:)``,
    /// the same numbers as `diff --coverage`). The earlier version is drawn inside the region with
    /// the scope's id, as ``change(since:named:movers:listLimit:)`` compares it.
    ///
    /// - Returns: one map or `nil` per question: `nil` when the report has no maps at its breakdown
    ///   level, the boundaries cannot be read (the maps section says why), or nothing matched.
    /// - Throws: ``CoverageError`` from the analyses the maps show.
    /// - Complexity: per map, O(V + E) for both versions' rates and O(P log P) for the boundaries.
    public func changeMaps(
        since old: Graph, named name: String, labels: Labels, coverage: [CoverageQuestion],
        boundaries load: (RegionLevel) throws(DiagnosticList) -> Boundaries
    ) throws -> [DiagramFigure?] {
        guard [.city, .county].contains(breakdownLevel), let boundaries = try? load(breakdownLevel) else {
            return coverage.map { _ in nil }
        }
        let scopes = (old: scope.flatMap { old.index(of: graph.id(of: $0)) }, new: scope)
        return try coverage.map { question throws(CoverageError) in
            let values = try MapValues(
                coverageChangeFrom: old, to: graph, level: breakdownLevel, unit: question.unit,
                by: [question.selector], via: question.via, within: scopes)
            return figure(
                values, boundaries: boundaries, labels: labels, earlier: name,
                caption: labels(.mapChangeCaption, question.label, labels.level(question.unit), labels.level(breakdownLevel), name)
            ).first
        }
    }

    /// One map as a figure, or none when no region has a boundary (``MapError/nothingMatched``).
    private func figure(
        _ values: MapValues, boundaries: Boundaries, labels: Labels, earlier: String? = nil,
        caption: String
    ) -> [DiagramFigure] {
        let options = ChoroplethMap.Options(
            width: 900, language: labels.language == .zh ? .zh : .en, dataName: graph.name,
            earlierName: earlier)
        guard let map = try? ChoroplethMap(graph: graph, values: values, boundaries: boundaries, options: options) else { return [] }
        return [DiagramFigure(title: map.scene.title, caption: caption, svg: String(decoding: SVGMapWriter.svg(map.scene), as: UTF8.self))]
    }
}
