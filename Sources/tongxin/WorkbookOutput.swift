import TongxinIO

extension OutputOptions {
    /// Writes `table` as the workbook at `--out` (`--format xlsx`): one sheet per section when the
    /// table's first column is `section` (coverage: `region` and `uncovered`; info: `graph`,
    /// `node_kind`, …), without that column and without the columns a section leaves empty, else
    /// one sheet named `result`. Numeric columns hold numbers (a cell that is not one stays text),
    /// percent columns their fraction shown as a percentage, the rest text.
    ///
    /// - Complexity: O(cells).
    func writeWorkbook(_ table: Table) throws(DiagnosticList) {
        try XLSXWriter.write(Self.sheets(table), to: out ?? "", displayWidth: DisplayWidth.of)
    }

    static func sheets(_ table: Table) -> [XLSXSheet] {
        func cell(_ text: String, column: Int) -> XLSXSheet.Cell {
            guard !text.isEmpty else { return .empty }
            guard table.alignments[column] == .right, let number = Double(text) else { return .text(text) }
            return table.percentColumns.contains(column) ? .percent(number) : .number(number)
        }
        guard table.headers.first == "section" else {
            return [XLSXSheet(name: "result", header: table.headers,
                              rows: table.rows.map { $0.enumerated().map { cell($1, column: $0) } })]
        }
        var order: [String] = [], sections: [String: [[String]]] = [:]
        for row in table.rows {
            if sections[row[0]] == nil { order.append(row[0]) }
            sections[row[0], default: []].append(row)
        }
        return order.map { section in
            let rows = sections[section]!
            let kept = (1..<table.headers.count).filter { column in rows.contains { !$0[column].isEmpty } }
            return XLSXSheet(name: section, header: kept.map { table.headers[$0] },
                             rows: rows.map { row in kept.map { cell(row[$0], column: $0) } })
        }
    }
}
