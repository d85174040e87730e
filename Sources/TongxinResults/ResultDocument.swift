import TongxinIO

/// How a result is printed or served.
public enum ResultFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    /// One JSON document (DESIGN.md's field names) for programs.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}

/// An analysis result made presentable: its JSON (the contract of DESIGN.md), its tables of typed
/// cells (what CSV, a spreadsheet or a web page shows) and its text for a terminal. Each command's
/// result is one; the CLI prints ``rendered(_:)``, other front ends take the tables.
public protocol ResultDocument {
    /// The result as DESIGN.md's JSON fields, in their documented order.
    var json: JSONValue { get }
    /// The result as tables; CSV is these tables one after the other (every command has one).
    var tables: [ResultTable] { get }
    /// The result for a terminal: headings and aligned tables.
    func text() -> String
}

extension ResultDocument {
    /// The tables as CSV, separated by a blank line.
    public func csv() -> String {
        tables.map { $0.csv() }.joined(separator: "\n")
    }

    /// The result in `format`, ending with a newline.
    public func rendered(_ format: ResultFormat) -> String {
        switch format {
        case .json: json.serialized(pretty: true) + "\n"
        case .csv: csv()
        case .table: text()
        }
    }
}
