/// A position in an input: a line and column of a text file (1-based; columns count Unicode
/// scalars), or a cell of a spreadsheet's sheet, where ``line`` is the row and ``column`` the column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// The worksheet's name when the place is a spreadsheet cell, else `nil`.
    public var sheet: String?
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The cell at `row` and `column` (1-based) of the sheet named `sheet` in `file`.
    public init(file: String, sheet: String, row: Int, column: Int) {
        self.file = file
        self.sheet = sheet
        self.line = row
        self.column = column
    }

    /// `FILE:LINE:COL`, the form compilers use, so editors can jump to it; `FILE:SHEET!D17` for a cell
    /// (the sheet name in single quotes, as spreadsheets write it, when it holds a space or punctuation).
    public var description: String {
        guard let sheet else { return "\(file):\(line):\(column)" }
        return "\(file):\(Self.quotedSheetName(sheet))!\(Self.columnName(column))\(line)"
    }

    /// The letters spreadsheets name column `column` (1-based) by: 1 → `A`, 26 → `Z`, 27 → `AA`,
    /// 16384 → `XFD` (bijective base 26).
    ///
    /// - Complexity: O(log₂₆ column).
    public static func columnName(_ column: Int) -> String {
        precondition(column >= 1, "columns are 1-based")
        var letters: [UInt8] = []
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(digit))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The sheet name as a cell reference writes it: bare when it is letters, digits, `_` and `.`,
    /// else in single quotes with inner quotes doubled (`'年度 台账'`).
    static func quotedSheetName(_ name: String) -> String {
        let bare =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.value >= 0x80
                    ? !$0.properties.isWhitespace : ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ".")
            }
        return bare ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}

/// A line (or a sheet's row) of the source cut around a column, to print under a diagnostic with a
/// caret: `caret` is its position in `text` (0-based, in Unicode scalars); `cutBefore`/`cutAfter` say
/// whether text was left out at either end.
public struct SourceExcerpt: Hashable, Sendable {
    public var text: String
    public var caret: Int
    public var cutBefore: Bool
    public var cutAfter: Bool

    public init(text: String, caret: Int, cutBefore: Bool, cutAfter: Bool) {
        self.text = text
        self.caret = caret
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
    }
}

/// One problem found in the input, with where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The source row under the location, when the reader that found the problem attached it
    /// while it still held the source (a ledger's row), so a report need not read the file again.
    public var excerpt: SourceExcerpt?

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `FILE:LINE:COL: error: MESSAGE`, or `error: MESSAGE` when the problem has no single place.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// The errors found in one input, at most ``DiagnosticList/limit`` of them, thrown together so a user
/// sees every problem at once rather than one per run.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// How many errors are kept; later ones are counted in ``omitted``.
    public static let limit = 50

    public private(set) var diagnostics: [Diagnostic] = []
    /// Errors found beyond ``limit``.
    public private(set) var omitted = 0

    public init() {}

    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Whether the list holds any error (not just warnings).
    public var hasErrors: Bool { omitted > 0 || diagnostics.contains { $0.severity == .error } }

    /// Whether the cap has been reached, so a reader may stop looking.
    public var isFull: Bool { diagnostics.count >= Self.limit }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostics.count < Self.limit { diagnostics.append(diagnostic) } else { omitted += 1 }
    }

    /// Changes each kept diagnostic from position `start` on, as a reader does to attach excerpts
    /// while it still holds the source.
    public mutating func update(from start: Int, _ body: (inout Diagnostic) -> Void) {
        for index in diagnostics.indices where index >= start { body(&diagnostics[index]) }
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        append(Diagnostic(.error, message, at: location))
    }

    public var description: String {
        var lines = diagnostics.map(\.description)
        if omitted > 0 { lines.append("note: \(omitted) more errors not shown") }
        return lines.joined(separator: "\n")
    }
}
