import TongxinGraph
import TongxinResults

extension ReportPage {
    /// Totals as cards, counts by kind, level, organization type and figure category as tables, the
    /// data warnings, and the graph's own notes on its provenance (what is synthetic).
    func summarySection() -> [HTML] {
        let summary = content.summary
        let totalNodes = summary.nodeKinds.reduce(0) { $0 + $1.count }
        let totalEdges = summary.edgeKinds.reduce(0) { $0 + $1.count }
        var cards = [card(totalNodes, labels(.totalNodes)), card(totalEdges, labels(.totalEdges))]
        cards += summary.nodeKinds.map { card($0.count, labels.kind($0.label)) }
        var tables: [HTML] = []
        func tally(_ caption: String, _ header: String, _ entries: [Tally], translate: (String) -> String) {
            guard !entries.isEmpty else { return }
            var table = ResultTable(caption, columns: [Column(header), .numeric(labels(.count))])
            for entry in entries { table.append([.text(translate(entry.label)), .integer(entry.count)]) }
            tables.append(HTMLTable(table, caption: caption).html())
        }
        tally(labels(.nodesByKind), labels(.kind), summary.nodeKinds, translate: labels.kind)
        tally(labels(.edgesByKind), labels(.kind), summary.edgeKinds, translate: labels.edgeKind)
        tally(labels(.regionsByLevel), labels(.level), summary.levels, translate: labels.level(named:))
        tally(labels(.organizationsByType), labels(.kind), summary.organizationTypes) { $0 }
        tally(labels(.figuresByCategory), labels(.category), summary.figureCategories) { $0 }

        var parts: [HTML] = [
            .element("div", ["class": "cards"], cards),
            .element("div", ["class": "columns"], tables)
        ]
        if !summary.metadata.isEmpty {
            // Plain keys describe the graph; namespaced ones (`十堰.villages`, `count.…`) hold details.
            func list(_ entries: [(key: String, value: String)]) -> HTML {
                .element(
                    "dl", ["class": "meta"],
                    entries.flatMap { entry -> [HTML] in
                        [.element("dt", text: entry.key), .element("dd", text: entry.value)]
                    })
            }
            let general = summary.metadata.filter { !$0.key.contains(".") }
            let detailed = summary.metadata.filter { $0.key.contains(".") }
            parts.append(.element("h3", text: labels(.aboutData)))
            if !general.isEmpty { parts.append(list(general)) }
            if !detailed.isEmpty {
                parts.append(PageComponents.details(labels(.moreNotes, NumberFormat.grouped(detailed.count)), [list(detailed)]))
            }
        }
        parts.append(.element("h3", text: labels(.warningsHeading)))
        if summary.warnings.isEmpty {
            parts.append(.element("p", text: labels(.none)))
        } else {
            parts.append(
                PageComponents.details(
                    labels(.dataWarnings, NumberFormat.grouped(summary.warningCount)),
                    [
                        .element("ul", [], summary.warnings.map { .element("li", [], [.element("code", text: $0)]) })
                    ]))
            if summary.warningCount > summary.warnings.count {
                parts.append(note(labels(.warningsOmitted, NumberFormat.grouped(summary.warningCount - summary.warnings.count))))
            }
        }
        return parts
    }

    private func card(_ count: Int, _ label: String) -> HTML {
        .element(
            "div", ["class": "card"],
            [
                .element("span", ["class": "n"], text: NumberFormat.grouped(count)),
                .element("span", ["class": "l"], text: label)
            ])
    }
}
