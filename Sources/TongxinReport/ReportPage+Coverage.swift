import TongxinGraph

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

    /// Rates of every measure for every breakdown region; the scope's totals in the footer.
    private func coverageOverview(_ measures: [CoverageMeasure]) -> HTML {
        var regions: [NodeReference] = []
        var seen: Set<String> = []
        var rates: [[String: CoverageRow]] = []
        for measure in measures {
            var byID: [String: CoverageRow] = [:]
            for row in measure.regions where row.level == content.breakdownLevel {
                byID[row.region.id] = row
                if seen.insert(row.region.id).inserted { regions.append(row.region) }
            }
            rates.append(byID)
        }
        func cell(_ row: CoverageRow?) -> PageComponents.Cell {
            guard let row else { return .decimal(nil, shown: labels(.noUnits)) }
            return .rate(row.rate, tooltip: "\(Formatting.grouped(row.covered)) / \(Formatting.grouped(row.units))")
        }
        let columns = [PageComponents.Column.text(labels(.region))] + measures.map { .number(measureTitle($0)) }
        let rows = regions.map { region in
            [PageComponents.Cell.text(region.name)] + rates.map { cell($0[region.id]) }
        }
        let roots = measures.map { $0.regions.first }
        var footer: [[PageComponents.Cell]] = []
        if let root = roots.compactMap({ $0 }).first {
            footer = [[.text(root.region.name)] + roots.map(cell)]
        }
        return PageComponents.table(columns: columns, rows: rows, footer: footer)
    }

    private func coverageMeasure(_ measure: CoverageMeasure, anchor: String) -> [HTML] {
        let unitName = labels.level(measure.unit)
        var parts: [HTML] = [
            .element("h3", ["id": anchor], text: measureTitle(measure)),
            .element("p", ["class": "meta"], [
                .text(labels(.selector) + labels(.colon)), .element("code", text: measure.selector),
                .element("span", ["class": "sep"]),
                .text(labels(.via) + labels(.colon) + measure.via.map(labels.edgeKind).joined(separator: labels(.listSeparator))),
            ]),
        ]
        let breakdownRows = measure.regions.filter { $0.level == content.breakdownLevel }
        if !breakdownRows.isEmpty {
            parts.append(PageComponents.barChart(
                caption: labels(.chartTitle, labels.level(content.breakdownLevel), unitName),
                bars: breakdownRows.map { row in
                    PageComponents.Bar(
                        label: row.region.name, fraction: row.rate,
                        tooltip: "\(Formatting.grouped(row.covered)) / \(Formatting.grouped(row.units))"
                    )
                }
            ))
        }
        let rows = measure.regions.dropFirst().map(coverageRow)
        let footer = measure.regions.first.map { [coverageRow($0)] } ?? []
        parts.append(PageComponents.details(labels(.regionTable, Formatting.grouped(measure.regions.count)), [
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
                PageComponents.details(labels(.withCount, group.key, Formatting.grouped(group.items.count)), [
                    PageComponents.unitList(group.items.map { unit in
                        (unit.unit.name, Self.pathText(unit.path, after: group.key))
                    }),
                ])
            }
            if measure.uncovered.count < measure.uncoveredCount {
                listed.append(note(labels(.moreNotListed, Formatting.grouped(measure.uncoveredCount - measure.uncovered.count))))
            }
            parts.append(PageComponents.details(labels(.uncoveredTitle, unitName, Formatting.grouped(measure.uncoveredCount)), listed))
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
