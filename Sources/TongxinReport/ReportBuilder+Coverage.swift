import TongxinAnalysis
import TongxinGraph
import TongxinResults

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
    /// that type's or category's links and lies at or below the breakdown level (a province report
    /// asks which cities have a city-level body, not whether the province has one). Ordered by unit level
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
        let asked = links.filter { key, count in
            key.level.rank >= breakdownLevel.rank
                && 5 * count >= totals[Key(organization: key.organization, label: key.label, level: .province)]!
        }
        return asked.sorted { a, b in
            (a.key.level.rank, b.value, a.key.organization ? 0 : 1, a.key.label)
                < (b.key.level.rank, a.value, b.key.organization ? 0 : 1, b.key.label)
        }.map { key, _ in
            key.organization
                ? CoverageQuestion(
                    label: key.label,
                    selector: NodeSelector(
                        kind: NodeKind.organization, filters: [.init(attribute: WellKnownAttribute.type, value: key.label)]),
                    unit: key.level, via: Coverage.defaultVia)
                : CoverageQuestion(
                    label: key.label,
                    selector: NodeSelector(
                        kind: NodeKind.figure, filters: [.init(attribute: WellKnownAttribute.category, value: key.label)]),
                    unit: key.level, via: [EdgeKind.liaisonFor])
        }
    }

    /// Answers `question` with ``Coverage``: the scope's row, then the regions down to one level
    /// below the breakdown level. Uncovered units are listed for the breakdown regions where
    /// something is covered, at most `listLimit` of them; the regions where nothing is covered are
    /// named instead.
    ///
    /// - Throws: ``CoverageError`` when the question does not fit the scope.
    public func coverage(_ question: CoverageQuestion, listLimit: Int = 1_000) throws(CoverageError) -> CoverageMeasure {
        let result = try Coverage(of: graph, unit: question.unit, by: [question.selector], via: question.via, within: scope)
        let deepest = min(breakdownLevel.rank + 1, question.unit.rank - 1)
        var rows = result.regions.filter { $0.level.rank <= deepest }.map { CoverageRow($0, in: graph) }
        if question.unit == breakdownLevel {
            // The units are the regions compared: each is its own row, covered or not.
            let uncoveredUnits = Set(result.uncovered.map(\.node))
            for node in graph.hierarchy.preorder.map(Int.init) where graph.level(of: node) == breakdownLevel && inScope(node) {
                let covered = uncoveredUnits.contains(node) ? 0 : 1
                rows.append(
                    CoverageRow(
                        region: reference(node), level: breakdownLevel, units: 1, covered: covered,
                        rate: Double(covered)))
            }
        }
        let breakdown = result.regions.filter { $0.level == breakdownLevel }
        let inactive = Set(breakdown.filter { $0.covered == 0 }.map { Int32($0.node) })
        let active = result.uncovered.filter { !inactive.contains(breakdownRegion[$0.node]) }
        let uncovered = active.prefix(listLimit).map { unit in
            UncoveredUnit(unit: reference(unit.node), group: groupName(of: unit.node), path: unit.path.map(graph.name(of:)))
        }
        return CoverageMeasure(
            label: question.label, selector: question.selector, unit: question.unit, via: question.via,
            regions: rows, uncovered: uncovered, uncoveredCount: result.uncovered.count,
            inactiveRegions: breakdown.filter { $0.covered == 0 && $0.units > 0 }.map { graph.name(of: $0.node) },
            truncated: active.count - uncovered.count
        )
    }
}
