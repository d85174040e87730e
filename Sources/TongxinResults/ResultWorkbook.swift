import TongxinGraph
import TongxinIO

extension ResultTable {
    /// The table as workbook sheets: one per section when its first column is `section` (coverage:
    /// `region` and `uncovered`; info: `graph`, `node_kind`, …), without that column and without the
    /// columns a section leaves empty, else one sheet named after the table. Integers and numbers are
    /// numbers, rates percentages (the fraction, shown `0.0%`), absent values empty cells, ids and
    /// text text.
    ///
    /// - Complexity: O(cells).
    public var sheets: [XLSXSheet] {
        func cell(_ cell: Cell) -> XLSXSheet.Cell {
            switch cell {
            case .text(let text), .id(let text): text.isEmpty ? .empty : .text(text)
            case .integer(let value): .number(Double(value))
            case .number(let value, _): value.map { .number($0) } ?? .empty
            case .rate(let value): value.map { .percent($0) } ?? .empty
            case .null: .empty
            }
        }
        let headers = columns.map(\.name)
        guard headers.first == "section" else {
            return [XLSXSheet(name: name, header: headers, rows: rows.map { $0.map(cell) })]
        }
        var order: [String] = [], sections: [String: [[Cell]]] = [:]
        for row in rows {
            let section = row[0].text
            if sections[section] == nil { order.append(section) }
            sections[section, default: []].append(row)
        }
        return order.map { section in
            let rows = sections[section]!
            let kept = (1..<headers.count).filter { column in rows.contains { cell($0[column]) != .empty } }
            return XLSXSheet(name: section, header: kept.map { headers[$0] }, rows: rows.map { row in kept.map { cell(row[$0]) } })
        }
    }
}

extension ResultDocument {
    /// The result's tables as the bytes of an .xlsx workbook (``XLSXWriter``), one sheet per table
    /// or section.
    public func workbook() throws(DiagnosticList) -> [UInt8] {
        try XLSXWriter.serialize(tables.flatMap(\.sheets), displayWidth: DisplayWidth.of)
    }
}
