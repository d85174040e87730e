import TongxinGraph
import TongxinResults

extension ReportPage {
    /// For each programme: the table by breakdown region with the whole scope as the footer, a bar
    /// chart of the share of right nodes paired, the unpaired right nodes by region and the suggested
    /// partners, collapsed.
    func pairingSection() -> [HTML] {
        guard !content.pairing.isEmpty else { return [note(labels(.pairingNone))] }
        var parts: [HTML] = []
        for (index, programme) in content.pairing.enumerated() {
            parts += pairingProgramme(programme, anchor: "pairing-\(index + 1)")
        }
        return parts
    }

    private func pairingProgramme(_ programme: PairingProgramme, anchor: String) -> [HTML] {
        let left = labels.kind(programme.leftLabel), right = labels.kind(programme.rightLabel)
        var parts: [HTML] = [
            .element("h3", ["id": anchor], text: labels(.programmeTitle, left, right, labels.edgeKind(programme.edge))),
            .element("p", ["class": "meta"], [
                .text(labels(.counted) + labels(.colon)), .element("code", text: programme.left), .text(" — "),
                .element("code", text: programme.right), .element("span", ["class": "sep"]),
                .text(labels(.via) + labels(.colon) + labels.edgeKind(programme.edge)),
            ]),
            note(labels(.densityNote, left, right)),
        ]
        guard let whole = programme.rows.first else { return parts }
        let regions = Array(programme.rows.dropFirst())
        if !regions.isEmpty {
            parts.append(PageComponents.barChart(
                caption: labels(.shareOf, right),
                bars: regions.map { row in
                    PageComponents.Bar(
                        label: row.region.name, fraction: row.rightShare,
                        tooltip: "\(NumberFormat.grouped(row.rightPaired)) / \(NumberFormat.grouped(row.right))"
                    )
                }
            ))
        }
        let columns: [PageComponents.Column] = [
            .text(labels(.region)), .number(left), .number(right), .number(labels(.pairs)),
            .number(labels(.density)), .number(labels(.pairedOf, left)), .number(labels(.pairedOf, right)),
            .number(labels(.shareOf, right)), .number(labels(.maxMatching)), .number(labels(.unpairedOf, right)),
        ]
        func cells(_ row: PairingRow, name: String) -> [PageComponents.Cell] {
            [.text(name), .count(row.left), .count(row.right), .count(row.pairs),
             .decimal(row.density, shown: NumberFormat.significant(row.density, digits: 3)),
             .count(row.leftPaired), .count(row.rightPaired), .rate(row.rightShare, tooltip: nil),
             .count(row.maxMatching), .count(row.unpairedCount)]
        }
        parts.append(PageComponents.table(
            columns: columns, rows: regions.map { cells($0, name: $0.region.name) },
            footer: [cells(whole, name: labels(.withCount, labels(.wholeScope), whole.region.name))]
        ))
        parts.append(sortHint())
        let listed = regions.isEmpty ? [whole] : regions
        let unpaired = listed.filter { $0.rightPaired > 0 && !$0.unpaired.isEmpty }
        let inactive = listed.filter { $0.rightPaired == 0 && $0.unpairedCount > 0 }
        let truncated = listed.reduce(0) { $0 + ($1.rightPaired > 0 ? $1.unpairedCount - $1.unpaired.count : 0) }
        if whole.unpairedCount == 0 {
            parts.append(.element("p", text: labels(.allPaired)))
        } else {
            var blocks = unpaired.map { row in
                PageComponents.details(labels(.withCount, row.region.name, NumberFormat.grouped(row.unpairedCount)), [
                    PageComponents.unitList(row.unpaired.map { ($0.name, "") }),
                ])
            }
            if !inactive.isEmpty {
                blocks.append(note(labels(.inactivePairingNotListed, labels.level(content.breakdownLevel), right,
                                          inactive.map(\.region.name).joined(separator: labels(.listSeparator)))))
            }
            if truncated > 0 { blocks.append(note(labels(.moreNotListedPairing, NumberFormat.grouped(truncated)))) }
            parts.append(PageComponents.details(
                labels(.withCount, labels(.unpairedOf, right), NumberFormat.grouped(whole.unpairedCount)), blocks))
        }
        if !programme.suggestions.isEmpty {
            parts.append(PageComponents.details(labels(.suggestionsTitle, NumberFormat.grouped(programme.suggestions.count)), [
                PageComponents.table(
                    columns: [.text(right), .text(labels(.suggestedPartner)), .number(labels(.hierarchyDistance))],
                    rows: programme.suggestions.map { suggestion in
                        let distance = suggestion.shared.map { labels(.sameRegion, labels.level($0)) } ?? labels(.noSharedRegion)
                        return [.text(suggestion.right.name), .text(suggestion.left.name),
                                .decimal(Double(suggestion.cost), shown: "\(suggestion.cost) · \(distance)")]
                    }
                ),
            ]))
        }
        return parts
    }
}
