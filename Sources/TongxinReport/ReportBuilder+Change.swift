import TongxinAnalysis
import TongxinGraph
import TongxinResults

extension ReportBuilder {
    /// The change since an earlier version of the graph (`report --since OLD`): node and edge
    /// counts from ``GraphDiff``; for each coverage question the regions whose rate moved most and
    /// the units newly uncovered (``CoverageChange``); for each pairing programme the pairs before
    /// and after and the pairings begun and ended (``PairingChange``). The earlier version is
    /// restricted to the region with the scope's id; when it has no such region, it is compared whole.
    ///
    /// - Parameters:
    ///   - old: the earlier version.
    ///   - name: how the page names it (its file).
    ///   - movers: how many regions per question, those whose rate moved most.
    ///   - listLimit: the most units or pairings listed per question or programme.
    /// - Throws: ``CoverageError`` or ``PairingError`` when a question does not fit the scope.
    /// - Complexity: O((V + E) · (Q + P)) for Q coverage questions and P programmes, V and E both
    ///   versions' nodes and edges, plus the regions' sort.
    public func change(
        since old: Graph, named name: String, movers: Int = 10, listLimit: Int = 200
    ) throws -> ChangeSection {
        let oldScope = scope.flatMap { old.index(of: graph.id(of: $0)) }
        let diff = GraphDiff(
            old: old, new: graph, level: breakdownLevel == .village ? .town : breakdownLevel,
            within: (oldScope, scope))
        let deepest = min(breakdownLevel.rank + 1, RegionLevel.town.rank)
        var coverage: [CoverageShift] = []
        for question in coverageQuestions() {
            let before = try Coverage(of: old, unit: question.unit, by: [question.selector], via: question.via, within: oldScope)
            let after = try Coverage(of: graph, unit: question.unit, by: [question.selector], via: question.via, within: scope)
            let change = CoverageChange(before: before, of: old, after: after, of: graph, matching: diff.matching)
            let moved = change.regions.compactMap { region -> RateMove? in
                guard let delta = region.deltaRate, delta != 0, let node = region.new,
                    region.level.rank >= breakdownLevel.rank, region.level.rank <= deepest
                else { return nil }
                return RateMove(
                    region: reference(node), level: region.level, before: region.before?.rate,
                    after: region.after?.rate, delta: delta)
            }.sorted { ($1.delta.magnitude, $0.region.id) < ($0.delta.magnitude, $1.region.id) }
            coverage.append(
                CoverageShift(
                    label: question.label, selector: question.selector.description, unit: question.unit,
                    before: Fraction(part: before.covered, whole: before.units), after: Fraction(part: after.covered, whole: after.units),
                    movers: Array(moved.prefix(movers)),
                    newlyUncovered: change.newlyUncovered.prefix(listLimit).map { unit in
                        UncoveredUnit(
                            unit: reference(unit), group: groupName(of: unit),
                            path: graph.hierarchy.ancestors(of: unit).reversed().map(graph.name(of:)))
                    },
                    newlyUncoveredCount: change.newlyUncovered.count, newlyCoveredCount: change.newlyCovered.count))
        }
        var pairing: [PairingShift] = []
        for question in pairingQuestions() {
            let before = try Pairing(of: old, left: question.left, right: question.right, within: oldScope)
            let after = try Pairing(of: graph, left: question.left, right: question.right, within: scope)
            let change = PairingChange(before: before, of: old, after: after, of: graph, diff: diff)
            func link(_ g: Graph, _ couple: PairingChange.Couple) -> PairLink {
                PairLink(
                    left: NodeReference(id: g.id(of: couple.left), name: g.name(of: couple.left)),
                    right: NodeReference(id: g.id(of: couple.right), name: g.name(of: couple.right)))
            }
            func label(_ selector: NodeSelector) -> String { selector.filters.first?.value ?? selector.kind ?? "*" }
            pairing.append(
                PairingShift(
                    leftLabel: label(question.left), rightLabel: label(question.right),
                    before: Fraction(part: before.regions[0].rightPaired, whole: before.regions[0].right),
                    after: Fraction(part: after.regions[0].rightPaired, whole: after.regions[0].right),
                    pairsBefore: before.regions[0].pairs, pairsAfter: after.regions[0].pairs,
                    begun: change.newPairings.prefix(listLimit).map { link(graph, $0) }, begunCount: change.newPairings.count,
                    ended: change.endedPairings.prefix(listLimit).map { link(old, $0) }, endedCount: change.endedPairings.count))
        }
        return ChangeSection(
            since: name, nodesAdded: diff.addedNodes.count, nodesRemoved: diff.removedNodes.count,
            nodesChanged: diff.changedNodes.count,
            edges: zip(diff.edgeKinds, diff.edgeTallies).filter { !$1.isEmpty }.map {
                EdgeShift(kind: $0, added: $1.added, removed: $1.removed)
            },
            coverage: coverage, pairing: pairing)
    }
}
