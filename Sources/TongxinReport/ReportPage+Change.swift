import TongxinGraph
import TongxinResults

extension ReportPage {
    /// Counts of what was added, removed and changed; per coverage question the regions whose rate
    /// moved most and the units newly uncovered; per pairing programme the pairings begun and ended.
    func changeSection() -> [HTML] {
        guard let change = content.change else { return [] }
        var parts: [HTML] = [
            .element(
                "p",
                text: labels(
                    .changeSince, change.since, NumberFormat.grouped(change.nodesAdded),
                    NumberFormat.grouped(change.nodesRemoved),
                    NumberFormat.grouped(change.nodesChanged)))
        ]
        if !change.edges.isEmpty {
            var table = ResultTable(
                "edges changed",
                columns: [
                    Column(labels(.kind)), .numeric(labels(.added)), .numeric(labels(.removed))
                ])
            for edges in change.edges {
                table.append([.text(labels.edgeKind(edges.kind)), .integer(edges.added), .integer(edges.removed)])
            }
            parts.append(HTMLTable(table, caption: labels(.edgesChanged)).html())
        }
        // Questions where nothing moved are named together, not given a heading each.
        let unchanged = change.coverage.filter(\.isUnchanged)
        for (index, shift) in change.coverage.enumerated() where !shift.isUnchanged {
            parts += coverageShift(shift, anchor: "change-coverage-\(index + 1)")
        }
        if !unchanged.isEmpty {
            parts.append(
                note(
                    labels(
                        .unchangedMeasures,
                        unchanged.map { labels(.measureTitle, $0.label, labels.level($0.unit)) }
                            .joined(separator: labels(.listSeparator)))))
        }
        for (index, shift) in change.pairing.enumerated() {
            parts += pairingShift(shift, anchor: "change-pairing-\(index + 1)")
        }
        return parts
    }

    private func fraction(_ value: Fraction) -> String {
        "\(NumberFormat.grouped(value.part))/\(NumberFormat.grouped(value.whole)) (\(NumberFormat.percent(value.rate, decimals: 1)))"
    }

    private func coverageShift(_ shift: CoverageShift, anchor: String) -> [HTML] {
        let unit = labels.level(shift.unit)
        var parts: [HTML] = [
            .element("h3", ["id": anchor], text: labels(.measureTitle, shift.label, unit)),
            .element(
                "p",
                text: labels(
                    .coverageShift, fraction(shift.before), fraction(shift.after),
                    NumberFormat.grouped(shift.newlyCoveredCount), NumberFormat.grouped(shift.newlyUncoveredCount)))
        ]
        if shift.movers.isEmpty {
            parts.append(note(labels(.noRateMoves)))
        } else {
            var table = ResultTable(
                "moved most",
                columns: [
                    Column(labels(.region)), Column(labels(.level)), .numeric(labels(.before)), .numeric(labels(.after)),
                    .numeric(labels(.deltaPoints))
                ])
            var dressing: [HTMLTable.Address: HTMLTable.Dressing] = [:]
            for (index, move) in shift.movers.enumerated() {
                table.append([
                    .text(move.region.name), .text(labels.level(move.level)), .rate(move.before), .rate(move.after),
                    .number(move.delta, digits: nil)
                ])
                // Percentage points with one decimal, signed when up: the column's heading names the unit.
                dressing[.init(row: index, column: 4)] = .init(
                    shown: (move.delta > 0 ? "+" : "") + NumberFormat.fixed(move.delta * 100, decimals: 1))
            }
            parts.append(HTMLTable(table, caption: labels(.movedMost), dressing: dressing).html())
        }
        if let map = shift.map { parts.append(mapFigure(map, id: anchor + "-map")) }
        if shift.newlyUncoveredCount > 0 {
            parts.append(
                PageComponents.details(
                    labels(.newlyUncoveredTitle, unit, NumberFormat.grouped(shift.newlyUncoveredCount)),
                    [
                        PageComponents.unitList(shift.newlyUncovered.map { ($0.unit.name, $0.path.joined(separator: " / ")) })
                    ]))
            if shift.newlyUncoveredCount > shift.newlyUncovered.count {
                parts.append(
                    note(labels(.moreNotListedChange, NumberFormat.grouped(shift.newlyUncoveredCount - shift.newlyUncovered.count))))
            }
        }
        return parts
    }

    private func pairingShift(_ shift: PairingShift, anchor: String) -> [HTML] {
        let left = labels.kind(shift.leftLabel), right = labels.kind(shift.rightLabel)
        var parts: [HTML] = [
            .element("h3", ["id": anchor], text: labels(.programmeTitle, left, right, labels.edgeKind(EdgeKind.pairedWith))),
            .element(
                "p",
                text: labels(
                    .pairingShift, NumberFormat.grouped(shift.pairsBefore), NumberFormat.grouped(shift.pairsAfter),
                    right, fraction(shift.before), fraction(shift.after)))
        ]
        func links(_ title: String, _ list: [PairLink], _ count: Int) {
            guard count > 0 else { return }
            parts.append(
                PageComponents.details(
                    title,
                    [
                        PageComponents.unitList(list.map { ($0.left.name + " → " + $0.right.name, "") })
                    ]))
            if count > list.count { parts.append(note(labels(.moreNotListedChange, NumberFormat.grouped(count - list.count)))) }
        }
        links(labels(.begunTitle, NumberFormat.grouped(shift.begunCount)), shift.begun, shift.begunCount)
        links(labels(.endedTitle, NumberFormat.grouped(shift.endedCount)), shift.ended, shift.endedCount)
        return parts
    }
}
