import TongxinGraph
import TongxinResults

extension ReportPage {
    /// An overview matrix (breakdown regions × measures), then for each measure a bar chart by
    /// breakdown region, every region's figures, and the uncovered units grouped by region, collapsed.
    func coverageSection() -> [HTML] {
        let measures = content.coverage
        guard !measures.isEmpty else { return [note(labels(.coverageNone))] }
        let breakdown = labels.level(content.breakdownLevel)
        var parts: [HTML] = [
            .element("h3", ["id": "coverage-overview"], text: labels(.coverageOverview, breakdown)),
            note(labels(.coverageOverviewNote, breakdown)),
            PageComponents.legend(),
            coverageOverview(measures),
            sortHint()
        ]
        for (index, measure) in measures.enumerated() {
            parts += coverageMeasure(measure, anchor: "coverage-\(index + 1)")
        }
        return parts
    }

    /// The title of a measure: what covers and the unit level.
    func measureTitle(_ measure: CoverageMeasure) -> String {
        labels(.measureTitle, measure.label, labels.level(measure.unit))
    }

    /// One row per measure, one column per breakdown region, the scope's rate first: every rate
    /// of the section in one table, each row linking to its measure's details.
    private func coverageOverview(_ measures: [CoverageMeasure]) -> HTML {
        var regions: [NodeReference] = []
        var seen: Set<String> = []
        for measure in measures {
            for row in measure.regions where row.level == content.breakdownLevel && seen.insert(row.region.id).inserted {
                regions.append(row.region)
            }
        }
        let scopeName = measures.first?.regions.first?.region.name ?? content.title
        var table = ResultTable(
            "coverage overview",
            columns: [Column(labels(.measure)), .numeric(scopeName)]
                + regions.map { .numeric($0.name) })
        var dressing: [HTMLTable.Address: HTMLTable.Dressing] = [:]
        for (index, measure) in measures.enumerated() {
            var byID: [String: CoverageRow] = [:]
            for row in measure.regions { byID[row.region.id] = row }
            let title = measureTitle(measure)
            dressing[.init(row: index, column: 0)] = .init(markup: .element("a", ["href": "#coverage-\(index + 1)"], text: title))
            let rows = [measure.regions.first] + regions.map { byID[$0.id] }
            for (column, row) in rows.enumerated() {
                dressing[.init(row: index, column: column + 1)] =
                    row.map { .init(tooltip: Self.fractionText($0.covered, of: $0.units)) }
                    ?? .init(shown: labels(.noUnits))
            }
            table.append([.text(title)] + rows.map { row in row.map { .rate($0.rate) } ?? .number(nil, digits: nil) })
        }
        return HTMLTable(table, matrix: true, dressing: dressing).html()
    }

    /// `covered / units`, grouped: a rate's tooltip.
    static func fractionText(_ part: Int, of whole: Int) -> String {
        "\(NumberFormat.grouped(part)) / \(NumberFormat.grouped(whole))"
    }

    private func coverageMeasure(_ measure: CoverageMeasure, anchor: String) -> [HTML] {
        let unitName = labels.level(measure.unit)
        var parts: [HTML] = [
            .element("h3", ["id": anchor], text: measureTitle(measure)),
            .element(
                "p", ["class": "meta"],
                [
                    .text(
                        labels(.selector) + labels(.colon)
                            + QuestionWording(chinese: labels.language == .zh).coverage(
                                unit: measure.unit, by: [measure.selector], via: measure.via)),
                    .element("span", ["class": "sep"]), .element("code", text: measure.selector.description)
                ])
        ]
        let breakdownRows = measure.regions.filter { $0.level == content.breakdownLevel }
        // A chart compares regions by their units' coverage; units that are the regions themselves
        // are each covered or not, which the overview already shows.
        if !breakdownRows.isEmpty && measure.unit != content.breakdownLevel {
            parts.append(
                PageComponents.barChart(
                    caption: labels(.chartTitle, labels.level(content.breakdownLevel), unitName),
                    bars: breakdownRows.map { row in
                        PageComponents.Bar(
                            label: row.region.name, fraction: row.rate,
                            tooltip: Self.fractionText(row.covered, of: row.units)
                        )
                    }
                ))
        }
        var table = ResultTable(
            "regions",
            columns: [
                Column(labels(.region)), Column(labels(.level)), .numeric(labels(.units)), .numeric(labels(.covered)),
                .numeric(labels(.rate))
            ])
        // The scope's own row is the total, in the footer.
        for row in measure.regions.dropFirst() + measure.regions.prefix(1) {
            table.append([
                .text(row.region.name), .text(levelName(row.level)), .integer(row.units), .integer(row.covered),
                .rate(row.rate)
            ])
        }
        parts.append(
            PageComponents.details(
                labels(.regionTable, NumberFormat.grouped(measure.regions.count)),
                [
                    HTMLTable(table, footerRows: min(1, measure.regions.count)).html()
                ]))
        if measure.uncoveredCount == 0 {
            parts.append(.element("p", text: labels(.allCovered)))
        } else {
            let groups = PageComponents.grouped(measure.uncovered) { $0.group }
            var listed: [HTML] = groups.map { group in
                PageComponents.details(
                    labels(.withCount, group.key, NumberFormat.grouped(group.items.count)),
                    [
                        PageComponents.unitList(
                            group.items.map { unit in
                                (unit.unit.name, Self.pathText(unit.path, after: group.key))
                            })
                    ])
            }
            if !measure.inactiveRegions.isEmpty {
                listed.append(
                    note(
                        labels(
                            .inactiveNotListed, labels.level(content.breakdownLevel),
                            measure.inactiveRegions.joined(separator: labels(.listSeparator)))))
            }
            if measure.truncated > 0 {
                listed.append(note(labels(.moreNotListed, NumberFormat.grouped(measure.truncated))))
            }
            parts.append(PageComponents.details(labels(.uncoveredTitle, unitName, NumberFormat.grouped(measure.uncoveredCount)), listed))
        }
        return parts
    }

    /// The part of `path` below the group's region, joined for display: the group's own name is
    /// already the list's heading.
    static func pathText(_ path: [String], after group: String) -> String {
        let below = path.firstIndex(of: group).map { path[($0 + 1)...] } ?? path[...]
        return below.joined(separator: " › ")
    }
}
