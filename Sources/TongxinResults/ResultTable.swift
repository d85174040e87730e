import TongxinGraph
import TongxinIO

/// One value of a result table, typed so that each consumer shows it its own way: a terminal
/// table formats numbers (``NumberFormat``), CSV keeps them exact, a spreadsheet stores them as
/// numbers, a web page sorts them as numbers.
public enum Cell: Sendable, Equatable {
    case text(String)
    /// A node or edge id: text that names something another table or page can link to.
    case id(String)
    case integer(Int)
    /// A measured number shown with `digits` significant digits (``NumberFormat/significant(_:digits:)``),
    /// or exactly when `digits` is `nil`; `nil` is "no value" (`—`, an empty CSV cell).
    case number(Double?, digits: Int?)
    /// A fraction in [0, 1] shown as a percentage (``NumberFormat/percent(_:decimals:)``); `nil` is
    /// "no rate" (a region without units).
    case rate(Double?)
    /// Nothing: an empty cell everywhere.
    case null

    /// The cell in a terminal table.
    public var text: String {
        switch self {
        case .text(let text), .id(let text): text
        case .integer(let value): String(value)
        case .number(let value, let digits):
            digits.map { NumberFormat.significant(value, digits: $0) }
                ?? value.map(NumberFormat.exact) ?? "—"
        case .rate(let rate): NumberFormat.percent(rate)
        case .null: ""
        }
    }

    /// The cell in CSV, before quoting: numbers exact, absent values empty.
    public var csvText: String {
        switch self {
        case .text(let text), .id(let text): text
        case .integer(let value): String(value)
        case .number(let value, _), .rate(let value): value.map(NumberFormat.exact) ?? ""
        case .null: ""
        }
    }

    /// Whether the cell holds a number (or no value), so its column can be right-aligned.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number, .rate, .null: true
        case .text, .id: false
        }
    }
}

/// A column of a result table: its header and how its cells line up in a terminal.
public struct Column: Sendable, Equatable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    public var name: String
    public var alignment: Alignment

    public init(_ name: String, _ alignment: Alignment = .left) {
        self.name = name
        self.alignment = alignment
    }

    /// A right-aligned column, for numbers.
    public static func numeric(_ name: String) -> Column { Column(name, .right) }
}

/// Rows of typed cells under named columns: what every analysis result becomes before it is
/// shown as an aligned text table, CSV, a spreadsheet sheet or a web table.
///
/// ```
/// kind          count
/// region            6
/// 村                5
/// ```
public struct ResultTable: Sendable, Equatable {
    /// What the table holds, in a few words (a sheet name): `coverage`, `regions`.
    public var name: String
    public var columns: [Column]
    public private(set) var rows: [[Cell]] = []

    public init(_ name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }

    /// - Precondition: one cell per column.
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "a row must have one cell per column")
        rows.append(row)
    }

    /// The table as aligned text: a header row, then one line per row, two spaces between columns,
    /// columns as wide as their widest cell by ``TongxinGraph/DisplayWidth`` (Chinese characters
    /// take two), no trailing spaces.
    ///
    /// - Complexity: O(total characters).
    public func text() -> String {
        let all = [columns.map(\.name)] + rows.map { $0.map(\.text) }
        let cellWidths = all.map { $0.map { DisplayWidth.of($0) } }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in cellWidths { for (column, width) in row.enumerated() { widths[column] = max(widths[column], width) } }
        var output = ""
        for (row, cells) in all.enumerated() {
            var line = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cellWidths[row][column])
                if column > 0 { line += "  " }
                line += columns[column].alignment == .right ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            output += line + "\n"
        }
        return output
    }

    /// The table as CSV (RFC 4180, ``TongxinIO/CSVField``): a header row, `\n` line ends, numbers
    /// exact, absent values empty.
    public func csv() -> String {
        ([columns.map(\.name)] + rows.map { $0.map(\.csvText) })
            .map { $0.map(CSVField.quoted).joined(separator: ",") + "\n" }.joined()
    }
}
