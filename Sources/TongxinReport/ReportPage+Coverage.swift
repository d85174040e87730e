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
            sortHint(),
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
        let columns = [PageComponents.Column.text(labels(.measure)), .number(scopeName)] + regions.map { .number($0.name) }
        let rows = measures.enumerated().map { index, measure -> [PageComponents.Cell] in
            var byID: [String: CoverageRow] = [:]
            for row in measure.regions { byID[row.region.id] = row }
            let title = measureTitle(measure)
            let link = HTML.element("a", ["href": "#coverage-\(index + 1)"], text: title)
            return [.markup(link, sortText: title), rateCell(measure.regions.first)]
                + regions.map { rateCell(byID[$0.id]) }
        }
        return PageComponents.table(columns: columns, rows: rows, matrix: true)
    }

    private func rateCell(_ row: CoverageRow?) -> PageComponents.Cell {
        guard let row else { return .decimal(nil, shown: labels(.noUnits)) }
        return .rate(row.rate, tooltip: "\(NumberFormat.grouped(row.covered)) / \(NumberFormat.grouped(row.units))")
    }

    private func coverageMeasure(_ measure: CoverageMeasure, anchor: String) -> [HTML] {
        let unitName = labels.level(measure.unit)
        var parts: [HTML] = [
            .element("h3", ["id": anchor], text: measureTitle(measure)),
            .element("p", ["class": "meta"], [
                .text(labels(.selector) + labels(.colon)
                    + QuestionWording(chinese: labels.language == .zh).coverage(unit: measure.unit, by: [measure.selector], via: measure.via)),
                .element("span", ["class": "sep"]), .element("code", text: measure.selector.description),
            ]),
        ]
        let breakdownRows = measure.regions.filter { $0.level == content.breakdownLevel }
        // A chart compares regions by their units' coverage; units that are the regions themselves
        // are each covered or not, which the overview already shows.
        if !breakdownRows.isEmpty && measure.unit != content.breakdownLevel {
            parts.append(PageComponents.barChart(
                caption: labels(.chartTitle, labels.level(content.breakdownLevel), unitName),
                bars: breakdownRows.map { row in
                    PageComponents.Bar(
                        label: row.region.name, fraction: row.rate,
                        tooltip: "\(NumberFormat.grouped(row.covered)) / \(NumberFormat.grouped(row.units))"
                    )
                }
            ))
        }
        let rows = measure.regions.dropFirst().map(coverageRow)
        let footer = measure.regions.first.map { [coverageRow($0)] } ?? []
        parts.append(PageComponents.details(labels(.regionTable, NumberFormat.grouped(measure.regions.count)), [
            PageComponents.table(
                columns: [.text(labels(.region)), .text(labels(.level)), .number(labels(.units)),
                          .number(labels(.covered)), .number(labels(.rate))],
                rows: rows, footer: footer
            ),
        ]))
        if measure.uncoveredCount == 0 {
            parts.append(.element("p", text: labels(.allCovered)))
        } else {
            let groups = PageComponents.grouped(measure.uncovered) { $0.group }
            var listed: [HTML] = groups.map { group in
                PageComponents.details(labels(.withCount, group.key, NumberFormat.grouped(group.items.count)), [
                    PageComponents.unitList(group.items.map { unit in
                        (unit.unit.name, Self.pathText(unit.path, after: group.key))
                    }),
                ])
            }
            if !measure.inactiveRegions.isEmpty {
                listed.append(note(labels(.inactiveNotListed, labels.level(content.breakdownLevel),
                                          measure.inactiveRegions.joined(separator: labels(.listSeparator)))))
            }
            if measure.truncated > 0 {
                listed.append(note(labels(.moreNotListed, NumberFormat.grouped(measure.truncated))))
            }
            parts.append(PageComponents.details(labels(.uncoveredTitle, unitName, NumberFormat.grouped(measure.uncoveredCount)), listed))
        }
        return parts
    }

    private func coverageRow(_ row: CoverageRow) -> [PageComponents.Cell] {
        [.text(row.region.name), .text(levelName(row.level)), .count(row.units), .count(row.covered),
         .rate(row.rate, tooltip: nil)]
    }

    /// The part of `path` below the group's region, joined for display: the group's own name is
    /// already the list's heading.
    static func pathText(_ path: [String], after group: String) -> String {
        let below = path.firstIndex(of: group).map { path[($0 + 1)...] } ?? path[...]
        return below.joined(separator: " › ")
    }
}
