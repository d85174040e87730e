import TongxinResults

/// A ``TongxinResults/ResultTable`` as a sortable HTML table: the one HTML rendering of result
/// tables (the report's, and the web workspace's). The cells keep their types: a number sorts by its
/// exact value (`data-sort`, ``PageComponents/sortKey(_:)``) and shows by ``NumberFormat`` — counts
/// grouped (`1,898`), rates as a percentage with one decimal on their colour bucket
/// (``PageComponents/bucket(_:)``), measured numbers with their significant digits, no value as
/// `—`. Body rows sort when a header is clicked (PageAssets.script); the last ``footerRows`` rows
/// (totals) stay in place in `<tfoot>`. The first cell of each row is its header cell.
///
/// ```swift
/// var table = ResultTable("regions", columns: [Column("区域"), .numeric("覆盖率")])
/// table.append([.text("甲市"), .rate(0.5)])
/// HTMLTable(table).html()  // … <tr><th scope="row">甲市</th><td class="rate q1" data-sort="0.5">50.0%</td></tr> …
/// ```
///
/// - Complexity: O(cells).
public struct HTMLTable {
    /// A cell's place: its row among the table's rows and its column.
    public struct Address: Hashable, Sendable {
        public var row: Int
        public var column: Int

        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// How the page dresses one cell beyond its value.
    public struct Dressing: Sendable {
        /// Markup shown in place of the cell's text (a link); the cell sorts by its text.
        public var markup: HTML?
        /// Text shown in place of the formatted value; the cell still sorts by its value.
        public var shown: String?
        /// A tooltip.
        public var tooltip: String?

        public init(markup: HTML? = nil, shown: String? = nil, tooltip: String? = nil) {
            self.markup = markup
            self.shown = shown
            self.tooltip = tooltip
        }
    }

    public var table: ResultTable
    public var caption: String?
    /// How many of the last rows are totals, kept in the footer.
    public var footerRows: Int
    /// A table of rates only, drawn as a coloured matrix.
    public var matrix: Bool
    public var dressing: [Address: Dressing]

    public init(
        _ table: ResultTable, caption: String? = nil, footerRows: Int = 0, matrix: Bool = false,
        dressing: [Address: Dressing] = [:]
    ) {
        self.table = table
        self.caption = caption
        self.footerRows = footerRows
        self.matrix = matrix
        self.dressing = dressing
    }

    /// The table, in a scrolling wrapper.
    public func html() -> HTML {
        var parts: [HTML] = []
        if let caption { parts.append(.element("caption", text: caption)) }
        let headers = table.columns.map { column -> HTML in
            var attributes = [HTML.Attribute("scope", "col"), HTML.Attribute("tabindex", "0")]
            if column.alignment == .right {
                attributes.append(HTML.Attribute("data-type", "number"))
                attributes.append(HTML.Attribute("class", "num"))
            }
            return .element("th", attributes, [.text(column.name)])
        }
        parts.append(.element("thead", [], [.element("tr", [], headers)]))
        let rows = table.rows.indices.map { row in
            HTML.element(
                "tr", [],
                table.rows[row].indices.map { column in
                    Self.cell(table.rows[row][column], header: column == 0, dressing(row: row, column: column))
                })
        }
        let bodyCount = rows.count - min(footerRows, rows.count)
        parts.append(.element("tbody", [], Array(rows[..<bodyCount])))
        if bodyCount < rows.count { parts.append(.element("tfoot", [], Array(rows[bodyCount...]))) }
        return .element(
            "div", ["class": "table-wrap"],
            [
                .element("table", ["class": matrix ? "sortable matrix" : "sortable"], parts)
            ])
    }

    private func dressing(row: Int, column: Int) -> Dressing? {
        dressing.isEmpty ? nil : dressing[Address(row: row, column: column)]
    }

    /// One cell: `th` for a row's header cell, `td` otherwise.
    public static func cell(_ cell: Cell, header: Bool, _ dressing: Dressing?) -> HTML {
        var attributes: [HTML.Attribute] = []
        let shown: String
        switch cell {
        case .text(let text), .id(let text):
            if header { attributes.append(HTML.Attribute("scope", "row")) }
            if dressing?.markup != nil { attributes.append(HTML.Attribute("data-sort", text)) }
            shown = text
        case .integer(let value):
            attributes = [HTML.Attribute("class", "num"), HTML.Attribute("data-sort", String(value))]
            shown = NumberFormat.grouped(value)
        case .number(let value, _):
            attributes = [HTML.Attribute("class", "num"), HTML.Attribute("data-sort", PageComponents.sortKey(value))]
            shown = cell.text
        case .rate(let rate):
            attributes = [
                HTML.Attribute("class", "rate " + PageComponents.bucket(rate)),
                HTML.Attribute("data-sort", PageComponents.sortKey(rate))
            ]
            shown = NumberFormat.percent(rate, decimals: 1)
        case .null:
            shown = ""
        }
        if let tooltip = dressing?.tooltip { attributes.append(HTML.Attribute("title", tooltip)) }
        let content: HTML = dressing?.markup ?? .text(dressing?.shown ?? shown)
        return .element(header ? "th" : "td", attributes, [content])
    }
}
