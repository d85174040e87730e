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
            .element(
                "p", ["class": "meta"],
                [
                    .text(labels(.counted) + labels(.colon)), .element("code", text: programme.left), .text(" — "),
                    .element("code", text: programme.right), .element("span", ["class": "sep"]),
                    .text(labels(.via) + labels(.colon) + labels.edgeKind(programme.edge))
                ]),
            note(labels(.densityNote, left, right))
        ]
        guard let whole = programme.rows.first else { return parts }
        let regions = Array(programme.rows.dropFirst())
        if !regions.isEmpty {
            parts.append(
                PageComponents.barChart(
                    caption: labels(.shareOf, right),
                    bars: regions.map { row in
                        PageComponents.Bar(
                            label: row.region.name, fraction: row.rightShare,
                            tooltip: Self.fractionText(row.rightPaired, of: row.right)
                        )
                    }
                ))
        }
        var table = ResultTable(
            "pairing",
            columns: [
                Column(labels(.region)), .numeric(left), .numeric(right), .numeric(labels(.pairs)),
                .numeric(labels(.density)), .numeric(labels(.pairedOf, left)), .numeric(labels(.pairedOf, right)),
                .numeric(labels(.shareOf, right)), .numeric(labels(.maxMatching)), .numeric(labels(.unpairedOf, right))
            ])
        // The whole scope is the total, in the footer.
        for (row, name) in regions.map({ ($0, $0.region.name) }) + [(whole, labels(.withCount, labels(.wholeScope), whole.region.name))] {
            table.append([
                .text(name), .integer(row.left), .integer(row.right), .integer(row.pairs),
                .number(row.density, digits: 3), .integer(row.leftPaired), .integer(row.rightPaired),
                .rate(row.rightShare), .integer(row.maxMatching), .integer(row.unpairedCount)
            ])
        }
        parts.append(HTMLTable(table, footerRows: 1).html())
        parts.append(sortHint())
        let listed = regions.isEmpty ? [whole] : regions
        let unpaired = listed.filter { $0.rightPaired > 0 && !$0.unpaired.isEmpty }
        let inactive = listed.filter { $0.rightPaired == 0 && $0.unpairedCount > 0 }
        let truncated = listed.reduce(0) { $0 + ($1.rightPaired > 0 ? $1.unpairedCount - $1.unpaired.count : 0) }
        if whole.unpairedCount == 0 {
            parts.append(.element("p", text: labels(.allPaired)))
        } else {
            var blocks = unpaired.map { row in
                PageComponents.details(
                    labels(.withCount, row.region.name, NumberFormat.grouped(row.unpairedCount)),
                    [
                        PageComponents.unitList(row.unpaired.map { ($0.name, "") })
                    ])
            }
            if !inactive.isEmpty {
                blocks.append(
                    note(
                        labels(
                            .inactivePairingNotListed, labels.level(content.breakdownLevel), right,
                            inactive.map(\.region.name).joined(separator: labels(.listSeparator)))))
            }
            if truncated > 0 { blocks.append(note(labels(.moreNotListedPairing, NumberFormat.grouped(truncated)))) }
            parts.append(
                PageComponents.details(
                    labels(.withCount, labels(.unpairedOf, right), NumberFormat.grouped(whole.unpairedCount)), blocks))
        }
        if !programme.suggestions.isEmpty {
            parts.append(
                PageComponents.details(
                    labels(.suggestionsTitle, NumberFormat.grouped(programme.suggestions.count)),
                    [
                        suggestionTable(programme.suggestions, right: right)
                    ]))
        }
        return parts
    }

    /// Each unpaired right node with its proposed partner and their distance in the hierarchy
    /// (sorted by the cost, shown with the closest region both lie in).
    private func suggestionTable(_ suggestions: [SuggestedPartner], right: String) -> HTML {
        var table = ResultTable(
            "suggestions",
            columns: [
                Column(right), Column(labels(.suggestedPartner)), .numeric(labels(.hierarchyDistance))
            ])
        var dressing: [HTMLTable.Address: HTMLTable.Dressing] = [:]
        for (index, suggestion) in suggestions.enumerated() {
            let distance = suggestion.shared.map { labels(.sameRegion, labels.level($0)) } ?? labels(.noSharedRegion)
            table.append([.text(suggestion.right.name), .text(suggestion.left.name), .number(Double(suggestion.cost), digits: nil)])
            dressing[.init(row: index, column: 2)] = .init(shown: "\(suggestion.cost) · \(distance)")
        }
        return HTMLTable(table, dressing: dressing).html()
    }
}
