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
                sheet.value(row: row, column: $0).map { String(String.UnicodeScalarView($0.text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 })) }
            }
            let which = mapping.header == nil ? "no header row among the first \(Self.headerSearchRows) rows names" : "header row \(row) lacks"
            problems.error("sheet '\(sheet.name)': \(which) the mapped column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
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

    /// The mapped cells of `row` as trimmed text ("" for an empty cell), by slot.
    func texts(row: Int, of sheet: Worksheet) -> [String] {
        columns.map { column in
            guard let value = sheet.value(row: row, column: column) else { return "" }
            let text = value.text
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                  PlaceNames.isBlank(first) || PlaceNames.isBlank(last) else { return text }
            return String(text.trimmingBlanks)
        }
    }

    /// The attributes whose every non-empty cell in the sheet is a number (a number cell, or text
    /// that reads as one without a leading zero or seven or more integer digits, which are codes and
    /// phone numbers): they are kept as numbers, the others as text. O(rows · attributes).
    func numericAttributes(_ sheet: Worksheet) -> Set<String> {
        var numeric = Set<String>()
        var attributes: [(String, String)] = []
        for node in mapping.nodes { for (name, value) in node.attributes { if case .column(let h) = value { attributes.append((name, h)) } } }
        for edge in mapping.edges { for (name, value) in edge.attributes { if case .column(let h) = value { attributes.append((name, h)) } } }
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
