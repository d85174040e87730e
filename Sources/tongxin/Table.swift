import TongxinIO

/// Rows of cells printed as aligned columns (`--format table`) or as CSV (`--format csv`).
///
/// Columns are aligned by terminal display width — Chinese characters take two columns — and
/// numeric columns are right-aligned:
///
/// ```
/// kind          count
/// region            6
/// 村                5
/// ```
struct Table {
    enum Alignment {
        case left
        case right
    }

    var headers: [String]
    var alignments: [Alignment]
    /// The columns holding fractions that a workbook shows as percentages.
    var percentColumns: Set<Int>
    var rows: [[String]] = []

    /// A table with these column headers; `numeric` columns (by header) are right-aligned and are
    /// numbers in a workbook, `percent` ones (fractions) too, shown as percentages there.
    init(_ headers: [String], numeric: Set<String> = [], percent: Set<String> = []) {
        self.headers = headers
        alignments = headers.map { numeric.contains($0) || percent.contains($0) ? .right : .left }
        percentColumns = Set(headers.indices.filter { percent.contains(headers[$0]) })
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "a row must have one cell per column")
        rows.append(row)
    }

    /// The table as aligned text: a header row, then one line per row, two spaces between columns,
    /// no trailing spaces.
    func rendered() -> String {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        let cellWidths = all.map { $0.map(DisplayWidth.of) }
        for row in cellWidths { for (column, width) in row.enumerated() { widths[column] = max(widths[column], width) } }
        var output = ""
        for (row, cells) in all.enumerated() {
            var line = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cellWidths[row][column])
                if column > 0 { line += "  " }
                line += alignments[column] == .right ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            output += line + "\n"
        }
        return output
    }

    /// The table as CSV (RFC 4180): a header row, CRLF-free `\n` line ends, fields quoted when they
    /// hold a comma, a quote, a line break or leading/trailing space, and text a spreadsheet would
    /// run as a formula neutralised by a leading `'` (``CSVInjection``).
    func csv() -> String {
        ([headers] + rows).map { $0.map(CSVField.quoted).joined(separator: ",") + "\n" }.joined()
    }
}

/// Quoting of one CSV field of a result table.
enum CSVField {
    static func quoted(_ field: String) -> String {
        let field = CSVInjection.neutralized(field)
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The width of text in a terminal's columns: East Asian wide and fullwidth characters (CJK, Hangul,
/// fullwidth forms, most emoji) take two columns, combining marks and zero-width characters none,
/// everything else one (Unicode Standard Annex #11).
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
