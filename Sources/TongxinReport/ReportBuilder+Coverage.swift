import TongxinAnalysis
import TongxinGraph

extension ReportBuilder {
    /// A coverage question the report asks: nodes matching `selector` over units of level `unit`.
    public struct CoverageQuestion: Sendable, Equatable {
        public var label: String
        public var selector: NodeSelector
        public var unit: RegionLevel
        public var via: [String]
    }

    /// The coverage questions the graph itself suggests, so the report needs no configuration:
    /// for each organization `type`, the levels of the places its organizations are located in or
    /// serve (`within`, `serves`); for each figure `category` with `liaison_for` edges, the levels
    /// of the units its figures are liaisons for. A level is asked when it holds at least a fifth of
    /// that type's or category's links; levels not below the scope are skipped. Ordered by unit level
    /// from the top down, then by how many links, then by label.
    ///
    /// - Complexity: O(V + E).
    public func coverageQuestions() -> [CoverageQuestion] {
        struct Key: Hashable {
            var organization: Bool
            var label: String
            var level: RegionLevel
        }
        var links: [Key: Int] = [:]
        let placing: Set<String> = [EdgeKind.within, EdgeKind.serves]
        for edge in 0..<graph.edgeCount {
            let source = graph.source(of: edge), target = graph.target(of: edge)
            guard let level = graph.level(of: target), inScope(target) else { continue }
            let kind = graph.kind(ofEdge: edge)
            switch graph.kind(of: source) {
            case NodeKind.organization where placing.contains(kind):
                guard let type = graph.attribute(WellKnownAttribute.type, of: source)?.description else { continue }
                links[Key(organization: true, label: type, level: level), default: 0] += 1
            case NodeKind.figure where kind == EdgeKind.liaisonFor:
                guard let category = graph.attribute(WellKnownAttribute.category, of: source)?.description else { continue }
                links[Key(organization: false, label: category, level: level), default: 0] += 1
            default:
                continue
            }
        }
        var totals: [Key: Int] = [:]
        for (key, count) in links {
            totals[Key(organization: key.organization, label: key.label, level: .province), default: 0] += count
        }
        let scopeRank = scope.flatMap(graph.level(of:))?.rank ?? RegionLevel.province.rank
        let asked = links.filter { key, count in
            key.level.rank > scopeRank
                && 5 * count >= totals[Key(organization: key.organization, label: key.label, level: .province)]!
        }
        return asked.sorted { a, b in
            (a.key.level.rank, b.value, a.key.organization ? 0 : 1, a.key.label)
                < (b.key.level.rank, a.value, b.key.organization ? 0 : 1, b.key.label)
        }.map { key, _ in
            key.organization
                ? CoverageQuestion(
                    label: key.label,
                    selector: NodeSelector(kind: NodeKind.organization, filters: [.init(attribute: WellKnownAttribute.type, value: key.label)]),
                    unit: key.level, via: Coverage.defaultVia)
                : CoverageQuestion(
                    label: key.label,
                    selector: NodeSelector(kind: NodeKind.figure, filters: [.init(attribute: WellKnownAttribute.category, value: key.label)]),
                    unit: key.level, via: [EdgeKind.liaisonFor])
        }
    }

    /// Answers `question` with ``Coverage``: the scope's row, then the regions down to one level
    /// below the breakdown level, and at most `uncoveredLimit` uncovered units.
    ///
    /// - Throws: ``CoverageError`` when the question does not fit the scope.
    public func coverage(_ question: CoverageQuestion, uncoveredLimit: Int = 5_000) throws(CoverageError) -> CoverageMeasure {
        let result = try Coverage(of: graph, unit: question.unit, by: [question.selector], via: question.via, within: scope)
        let deepest = min(breakdownLevel.rank + 1, question.unit.rank - 1)
        let rows = result.regions.filter { $0.level.rank <= deepest }.map { region in
            CoverageRow(region: reference(region.node), level: region.level, units: region.units,
                        covered: region.covered, rate: region.rate)
        }
        let title = frame().title
        let uncovered = result.uncovered.prefix(uncoveredLimit).map { unit in
            let group = breakdownRegion[unit.node]
            return UncoveredUnit(
                unit: reference(unit.node),
                group: group >= 0 && Int(group) != unit.node ? graph.name(of: Int(group)) : title,
                path: unit.path.map(graph.name(of:))
            )
        }
        return CoverageMeasure(
            label: question.label, selector: question.selector.description, unit: question.unit, via: question.via,
            regions: rows, uncovered: uncovered, uncoveredCount: result.uncovered.count
        )
    }
}
