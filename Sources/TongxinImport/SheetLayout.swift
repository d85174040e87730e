import TongxinGraph
import TongxinIO

/// Where a sheet's mapped columns are: the header row (given, or the first of the top rows that names
/// every mapped column) and each mapped header's column, matched after ``HeaderText/folded(_:)``.
struct SheetLayout {
    /// How many top rows are searched for the header.
    static let headerSearchRows = 30

    let mapping: SheetMapping
    let headerRow: Int
    /// The mapped headers, in a fixed order; ``slot`` gives each one's position in a row's texts.
    let headers: [String]
    let slot: [String: Int]
    /// The sheet column of each slot.
    let columns: [Int]

    /// Finds the layout, or reports the missing columns (naming the sheet and the headers it has).
    init?(sheet: Worksheet, mapping: SheetMapping, problems: inout DiagnosticList) {
        var headers: [String] = []
        func add(_ value: ColumnValue?) {
            if case .column(let header)? = value, !headers.contains(header) { headers.append(header) }
        }
        for node in mapping.nodes {
            node.key.forEach(add)
            add(node.name)
            node.place.forEach { add(.column($0)) }
            node.attributes.forEach { add($0.value) }
        }
        for edge in mapping.edges {
            add(edge.weight)
            edge.attributes.forEach { add($0.value) }
        }
        let wanted = headers.map(HeaderText.folded)
        func columns(of row: Int) -> [Int?] {
            var found: [String: Int] = [:]
            for column in stride(from: 1, through: sheet.columnCount, by: 1) {
                guard let value = sheet.value(row: row, column: column) else { continue }
                let header = HeaderText.folded(value.text)
                if found[header] == nil { found[header] = column }
            }
            return wanted.map { found[$0] }
        }
        var best: (row: Int, columns: [Int?])? = nil
        let candidates = mapping.header.map { [$0] } ?? Array(stride(from: 1, through: min(sheet.rowCount, Self.headerSearchRows), by: 1))
        for row in candidates {
            let found = columns(of: row)
            if best == nil || found.compactMap({ $0 }).count > best!.columns.compactMap({ $0 }).count { best = (row, found) }
            if !found.contains(nil) { break }
        }
        guard let best, !best.columns.contains(nil) else {
            let row = best?.row ?? 1
            let missing = zip(headers, best?.columns ?? headers.map { _ in nil }).filter { $0.1 == nil }.map { "'\($0.0)'" }
            let present = stride(from: 1, through: sheet.columnCount, by: 1).compactMap {
                sheet.value(row: row, column: $0).map {
                    String(String.UnicodeScalarView($0.text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
                }
            }
            let which =
                mapping.header == nil ? "no header row among the first \(Self.headerSearchRows) rows names" : "header row \(row) lacks"
            problems.error(
                "sheet '\(sheet.name)': \(which) the mapped column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
                    + "; row \(row) has: \(present.isEmpty ? "nothing" : present.joined(separator: ", "))",
                at: sheet.location(row: row, column: 1))
            return nil
        }
        self.mapping = mapping
        self.headerRow = best.row
        self.headers = headers
        self.columns = best.columns.map { $0! }
        self.slot = Dictionary(uniqueKeysWithValues: headers.enumerated().map { ($1, $0) })
    }

    /// The sheet column of a mapped header.
    func column(_ header: String) -> Int { columns[slot[header]!] }

    /// Where a mapped value is read in a row: a slot of ``texts(row:of:)``, or a constant.
    enum Source {
        case slot(Int)
        case constant(String)
    }

    func source(_ value: ColumnValue) -> Source {
        switch value {
        case .constant(let text): .constant(text)
        case .column(let header): .slot(slot[header]!)
        }
    }

    /// The text of `source` in a row's `cells`.
    func text(_ source: Source, in cells: [String]) -> String {
        switch source {
        case .slot(let slot): cells[slot]
        case .constant(let text): text
        }
    }

    /// The location of `source`'s cell in `row` (column A for a constant or none).
    func location(_ source: Source?, row: Int, sheet: Worksheet) -> SourceLocation {
        if case .slot(let slot)? = source { return sheet.location(row: row, column: columns[slot]) }
        return sheet.location(row: row, column: 1)
    }

    /// The mapped cells of `row` as trimmed text ("" for an empty cell), by slot.
    func texts(row: Int, of sheet: Worksheet) -> [String] {
        columns.map { column in
            guard let value = sheet.value(row: row, column: column) else { return "" }
            let text = value.text
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                PlaceNames.isBlank(first) || PlaceNames.isBlank(last)
            else { return text }
            return String(text.trimmingBlanks)
        }
    }

    /// The attributes whose every non-empty cell in the sheet is a number (a number cell, or text
    /// that reads as one without a leading zero or seven or more integer digits, which are codes and
    /// phone numbers): they are kept as numbers, the others as text. O(rows · attributes).
    func numericAttributes(_ sheet: Worksheet) -> Set<String> {
        var numeric = Set<String>()
        var attributes: [(String, String)] = []
        for node in mapping.nodes {
            for (name, value) in node.attributes { if case .column(let h) = value { attributes.append((name, h)) } }
        }
        for edge in mapping.edges {
            for (name, value) in edge.attributes { if case .column(let h) = value { attributes.append((name, h)) } }
        }
        for (name, header) in attributes {
            let column = self.column(header)
            var sawNumber = false, allNumbers = true
            for row in stride(from: headerRow + 1, through: sheet.rowCount, by: 1) {
                guard let value = sheet.value(row: row, column: column) else { continue }
                switch value {
                case .number(let number):
                    if number.rounded() == number && abs(number) >= 1e6 { allNumbers = false } else { sawNumber = true }
                case .text(let text):
                    let trimmed = text.trimmingBlanks
                    if trimmed.isEmpty { continue }
                    let digits = trimmed.prefix { $0 != "." }.filter(\.isNumber).count
                    if Double(trimmed) != nil && !(trimmed.hasPrefix("0") && trimmed.count > 1 && !trimmed.hasPrefix("0.")) && digits < 7 {
                        sawNumber = true
                    } else {
                        allNumbers = false
                    }
                case .bool, .date: allNumbers = false
                }
                if !allNumbers { break }
            }
            if sawNumber && allNumbers { numeric.insert(name) }
        }
        return numeric
    }
}

extension String {
    /// The text without leading and trailing blanks (spaces, full-width spaces, line breaks).
    var trimmingBlanks: Substring {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !PlaceNames.isBlank($0) }) else { return "" }
        let end = scalars.lastIndex { !PlaceNames.isBlank($0) }!
        return Substring(scalars[start...end])
    }
}

/// A sheet mapping compiled against its ``SheetLayout``: every mapped value as a slot of the row's
/// texts (or a constant), each attribute's type and identifier check decided once per sheet, edges
/// by the position of their node variables — so a row is read without a lookup by header name.
struct SheetPlan {
    struct Attribute {
        let name: String
        let source: SheetLayout.Source
        /// Whether the attribute's column holds numbers (``SheetLayout/numericAttributes(_:)``).
        let numeric: Bool
        let check: IdentifierChecks.Check

        /// The attribute's value for a cell's non-empty `text`.
        func value(_ text: String) -> AttributeValue {
            numeric ? AttributeValue.parse(Substring(text), as: .number) ?? .string(text) : .string(text)
        }
    }

    struct Node {
        let kind: String?
        /// The identity columns; empty means the name and the place.
        let key: [SheetLayout.Source]
        /// The check of each key column.
        let keyChecks: [IdentifierChecks.Check]
        let name: SheetLayout.Source?
        /// The slots of the place columns, broad to narrow.
        let place: [Int]
        let attributes: [Attribute]
    }

    struct Edge {
        /// The positions of the end variables in ``SheetPlan/nodes``.
        let source: Int
        let target: Int
        let kind: String
        let weight: SheetLayout.Source?
        let attributes: [Attribute]
    }

    let nodes: [Node]
    let edges: [Edge]

    init(layout: SheetLayout, numeric: Set<String>) {
        func check(_ value: ColumnValue) -> IdentifierChecks.Check {
            if case .column(let header) = value { return IdentifierChecks.Check(header: header) }
            return .none
        }
        func attributes(_ mapped: [(name: String, value: ColumnValue)], checked: Bool) -> [Attribute] {
            mapped.map {
                Attribute(
                    name: $0.name, source: layout.source($0.value), numeric: numeric.contains($0.name),
                    check: checked ? check($0.value) : .none)
            }
        }
        nodes = layout.mapping.nodes.map { node in
            Node(
                kind: node.kind, key: node.key.map(layout.source), keyChecks: node.key.map(check), name: node.name.map(layout.source),
                place: node.place.map { layout.slot[$0]! }, attributes: attributes(node.attributes, checked: true))
        }
        let variables = layout.mapping.nodes.map(\.variable)
        edges = layout.mapping.edges.compactMap { edge in
            guard let source = variables.firstIndex(of: edge.source), let target = variables.firstIndex(of: edge.target) else { return nil }
            return Edge(
                source: source, target: target, kind: edge.kind, weight: edge.weight.map(layout.source),
                attributes: attributes(edge.attributes, checked: false))
        }
    }
}
