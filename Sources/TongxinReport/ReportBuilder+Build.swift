import TongxinAnalysis
import TongxinGraph
import TongxinMap
import TongxinRender

extension ReportBuilder {
    /// Where ``build(sections:since:renderer:boundaries:language:progress:)`` is: a section started, advanced to a
    /// fraction of its work, or finished.
    public enum Step: Sendable {
        case started(ReportSection)
        case advanced(ReportSection, fraction: Double)
        case finished(ReportSection)
    }

    /// The report's content: each of `sections`, in page order, computed the way the page shows it —
    /// every coverage question the graph suggests (``coverageQuestions()``), every pairing programme
    /// it holds (``pairingQuestions()``), the ten most central figures and organizations
    /// (``central(top:samples:seed:progress:)``), and the diagrams (``diagrams(labels:coverage:programmes:figures:renderer:)``)
    /// with the neighbourhoods of the two most central figures.
    ///
    /// - Parameters:
    ///   - since: the earlier version of the graph and how the page names it, for the change section
    ///     (``change(since:named:movers:listLimit:)``); without it that section stays empty.
    ///   - renderer: how Graphviz runs, for the diagrams.
    ///   - boundaries: reads the boundaries of a level, for the maps (``maps(labels:coverage:programmes:boundaries:)``);
    ///     without it the maps section stays empty and the diagrams draw the overview instead.
    ///   - language: the language of the diagrams' titles and captions.
    ///   - progress: told when each section starts, advances and ends.
    /// - Throws: ``CoverageError``, ``PairingError``, ``MeasureError`` from the analyses and
    ///   ``TongxinRender/RenderError`` from Graphviz.
    /// - Complexity: the sum of the sections': O(V + E) per coverage question and programme,
    ///   O(k (V + E)) for k betweenness sources, plus Graphviz's layout time per diagram.
    public func build(
        sections: Set<ReportSection>, since earlier: (graph: Graph, name: String)? = nil,
        renderer: DiagramRenderer, boundaries: ((RegionLevel) throws(DiagnosticList) -> Boundaries)? = nil,
        language: ReportLanguage, progress: @escaping (Step) -> Void = { _ in }
    ) throws -> ReportContent {
        var content = frame()
        for section in ReportSection.allCases where sections.contains(section) {
            progress(.started(section))
            defer { progress(.finished(section)) }
            let advance = { (fraction: Double) in progress(.advanced(section, fraction: fraction)) }
            switch section {
            case .summary:
                content.summary = summary()
            case .coverage:
                let questions = coverageQuestions()
                for (done, question) in questions.enumerated() {
                    content.coverage.append(try coverage(question))
                    advance(Double(done + 1) / Double(questions.count))
                }
            case .pairing:
                content.pairing = try pairingQuestions().map { question throws(PairingError) in try pairing(question) }
            case .change:
                if let earlier {
                    var change = try change(since: earlier.graph, named: earlier.name)
                    if let boundaries {
                        let maps = try changeMaps(
                            since: earlier.graph, named: earlier.name, labels: Labels(language),
                            coverage: coverageQuestions(), boundaries: boundaries)
                        for (index, map) in zip(change.coverage.indices, maps) { change.coverage[index].map = map }
                    }
                    content.change = change
                }
            case .central:
                content.central = try central { done, total in advance(Double(done) / Double(max(total, 1))) }
            case .maps:
                if let boundaries {
                    let drawn = try maps(
                        labels: Labels(language), coverage: coverageQuestions(),
                        programmes: pairingQuestions(), boundaries: boundaries)
                    content.maps = drawn.figures
                    content.mapsUnavailable = drawn.unavailable
                }
            case .diagrams:
                let ranked = content.central.isEmpty ? try central() : content.central
                let figures = ranked.first { $0.kind == NodeKind.figure }?.nodes.prefix(2).compactMap { graph.index(of: $0.node.id) } ?? []
                content.diagrams = try diagrams(
                    labels: Labels(language), coverage: coverageQuestions(), programmes: pairingQuestions(),
                    figures: Array(figures), overview: content.maps.isEmpty, renderer: renderer)
            }
        }
        return content
    }
}
