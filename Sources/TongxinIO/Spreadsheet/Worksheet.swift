/// The value of one spreadsheet cell as the workbook stores it.
///
/// - `text`: a string cell (shared, inline or a formula's string result), a number stored as text,
///   an error value (`#N/A`, `#DIV/0!`, … as their text), or any CSV field.
/// - `number`: a number cell without a date format.
/// - `bool`: a boolean cell.
/// - `date`: a number cell formatted as a date or time, or a date cell, as ISO 8601 text:
///   `2024-03-01`, `2024-03-01T08:30:00`, or `08:30:00` for a time of day.
public enum SheetValue: Equatable, Sendable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(String)

    /// The value as a person reads it in a cell: text as it is, integral numbers without a fraction
    /// (`12`, not `12.0`), other numbers in the shortest form that reads back the same, `TRUE`/`FALSE`,
    /// dates in ISO 8601.
    public var text: String {
        switch self {
        case .text(let text), .date(let text): return text
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        }
    }
}

/// One sheet of a workbook (or one CSV file): its cells, by 1-based row and column.
///
/// Cells are stored row by row in compressed sparse rows — one offset per row, then a column number
/// and a value per non-empty cell — so a sheet with a stray cell at `XFD1048576` costs one cell, not
/// a grid. A merged range is stored expanded: every cell of it holds the top-left value.
public struct Worksheet: Sendable {
    /// The path as the caller gave it, for messages.
    public let file: String
    /// The sheet's name; a CSV file's one sheet is named after the file without its extension.
    public let name: String
    /// The last row holding a value (0 for an empty sheet); blank rows after it are not counted.
    public let rowCount: Int
    /// The last column holding a value in any row (0 for an empty sheet).
    public let columnCount: Int
    /// Row `r`'s cells are `rowStarts[r - 1] ..< rowStarts[r]` in ``cellColumns`` and ``cellValues``.
    private let rowStarts: [Int32]
    private let cellColumns: [Int32]
    private let cellValues: [SheetValue]

    /// The value at `row` and `column` (1-based), or `nil` for an empty cell or one outside the sheet.
    ///
    /// - Complexity: O(log k) for a row of k non-empty cells.
    public func value(row: Int, column: Int) -> SheetValue? {
        guard row >= 1, row <= rowCount, column >= 1, column <= columnCount else { return nil }
        var low = Int(rowStarts[row - 1]), high = Int(rowStarts[row])
        let wanted = Int32(column)
        while low < high {
            let middle = (low + high) / 2
            let found = cellColumns[middle]
            if found == wanted { return cellValues[middle] }
            if found < wanted { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The location of a cell, for diagnostics: `FILE:SHEET!D17`.
    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: name, row: row, column: column)
    }

    /// Row `row` as one line of text — its cells from the first column to the last non-empty one (or
    /// to `column`, if further), separated by ` | ` — cut to about `width` Unicode scalars around the
    /// start of cell `column`, so a diagnostic can show the row with a caret under the cell.
    ///
    /// - Returns: the excerpt with its caret, or `nil` for a row outside the sheet.
    public func excerpt(row: Int, column: Int, width: Int = 100) -> SourceExcerpt? {
        guard row >= 1, row <= rowCount else { return nil }
        var last = column
        if rowStarts[row] > rowStarts[row - 1] { last = max(last, Int(cellColumns[Int(rowStarts[row]) - 1])) }
        var scalars: [Unicode.Scalar] = []
        var caret = 0
        for current in 1...max(last, 1) {
            if current > 1 { scalars.append(contentsOf: " | ".unicodeScalars) }
            if current == column { caret = scalars.count }
            let text = value(row: row, column: current)?.text ?? ""
            // Line breaks and tabs inside a cell would break the line: show them as spaces.
            scalars.append(contentsOf: text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 })
        }
        var from = 0, to = scalars.count
        if scalars.count > width {
            from = max(0, min(caret - width / 2, scalars.count - width))
            to = min(scalars.count, from + width)
        }
        let text = String(String.UnicodeScalarView(scalars[from..<to]))
        return SourceExcerpt(text: text, caret: caret - from, cutBefore: from > 0, cutAfter: to < scalars.count)
    }

    /// Attaches to `diagnostic` the excerpt of its row when it is at a cell of this sheet and has
    /// none yet, so reporting it needs no second reading of the workbook. O(columns of the row).
    public func attachExcerpt(to diagnostic: inout Diagnostic) {
        guard diagnostic.excerpt == nil, let location = diagnostic.location, location.sheet == name, location.file == file else { return }
        diagnostic.excerpt = excerpt(row: location.line, column: location.column)
    }

    /// A sheet of the given cells.
    ///
    /// - Parameter cells: `(row, column, value)` with 1-based positions, in any order; of two cells at
    ///   one position the later wins, as in a spreadsheet program.
    /// - Complexity: O(c log c) for c cells (O(c) when they come in row-then-column order).
    init(file: String, name: String, cells: [(row: Int32, column: Int32, value: SheetValue)]) {
        self.file = file
        self.name = name
        var cells = cells
        let ordered = zip(cells, cells.dropFirst()).allSatisfy { ($0.0.row, $0.0.column) < ($0.1.row, $0.1.column) }
        if !ordered {
            let sorted = cells.indices.sorted { (cells[$0].row, cells[$0].column, $0) < (cells[$1].row, cells[$1].column, $1) }
            var unique: [(row: Int32, column: Int32, value: SheetValue)] = []
            unique.reserveCapacity(cells.count)
            for index in sorted {
                let cell = cells[index]
                if let last = unique.last, last.row == cell.row, last.column == cell.column {
                    unique[unique.count - 1] = cell
                } else {
                    unique.append(cell)
                }
            }
            cells = unique
        }
        rowCount = Int(cells.last?.row ?? 0)
        var starts = [Int32](repeating: 0, count: rowCount + 1)
        for cell in cells { starts[Int(cell.row)] += 1 }
        for row in stride(from: 1, through: rowCount, by: 1) { starts[row] += starts[row - 1] }
        rowStarts = starts
        cellColumns = cells.map(\.column)
        cellValues = cells.map(\.value)
        columnCount = Int(cellColumns.max() ?? 0)
    }
}
