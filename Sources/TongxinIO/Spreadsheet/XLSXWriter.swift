/// One sheet of a workbook to write: a header row and rows of typed cells.
public struct XLSXSheet: Sendable {
    /// One cell.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A fraction (0.25) shown as a percentage with one decimal (25.0%); the cell holds 0.25.
        case percent(Double)
        case bool(Bool)
        case empty
    }

    /// The sheet's name as asked for; the writer makes it a valid, unique sheet name.
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(name: String, header: [String], rows: [[Cell]] = []) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// Writes tables as a minimal, valid .xlsx workbook (ECMA-376 SpreadsheetML) that Excel, LibreOffice
/// and openpyxl open with the same values:
///
/// - one sheet per ``XLSXSheet``, its name made valid (no `: \ / ? * [ ]`, no leading or trailing
///   `'`, at most 31 UTF-16 units) and unique (case-insensitively, ` (2)` appended);
/// - the header row bold and frozen (`<pane ySplit="1" state="frozen"/>`), columns as wide as their
///   widest cell by display width (a Chinese character counts two), between 6 and 60;
/// - numbers as numbers, percentages as the fraction with the number format `0.0%`, booleans as
///   booleans, text in a shared-string table.
///
/// Text is never a formula: a text cell is a string, which a spreadsheet shows and does not compute.
/// Text that a spreadsheet would take for a formula if someone re-typed it (``CSVInjection``: it
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a number) also gets the
/// cell style's `quotePrefix`, Excel's own mark for "this is text" (it shows no `'` and keeps the
/// value as it is).
///
/// The bytes depend only on the sheets: zip entries carry a fixed timestamp, parts come in a fixed
/// order, and no creation date or author is written.
///
/// - Complexity: O(cells + text length) time; memory O(output size).
public enum XLSXWriter {
    /// Writes `sheets` to `path` atomically.
    ///
    /// - Parameter displayWidth: the width of text in terminal columns, for the column widths.
    /// - Throws: ``DiagnosticList`` when the file cannot be written.
    public static func write(_ sheets: [XLSXSheet], to path: String, displayWidth: (String) -> Int) throws(DiagnosticList) {
        try AtomicFile.write(serialize(sheets, displayWidth: displayWidth), to: path)
    }

    /// The workbook's bytes.
    public static func serialize(_ sheets: [XLSXSheet], displayWidth: (String) -> Int) throws(DiagnosticList) -> [UInt8] {
        let sheets = sheets.isEmpty ? [XLSXSheet(name: "Sheet1", header: [])] : sheets
        let names = sheetNames(sheets.map(\.name))
        var strings = SharedStrings()
        var parts: [(String, [UInt8])] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, strings: &strings, displayWidth: displayWidth)))
        }
        let count = sheets.count
        let zip = try ZipBuilder()
        try zip.add("[Content_Types].xml", Array(contentTypes(sheets: count).utf8))
        try zip.add("_rels/.rels", Array(packageRelationships.utf8))
        try zip.add("xl/workbook.xml", workbook(names))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheets: count).utf8))
        try zip.add("xl/styles.xml", Array(styles.utf8))
        try zip.add("xl/sharedStrings.xml", strings.xml())
        for (name, bytes) in parts { try zip.add(name, bytes) }
        return zip.bytes
    }

    // MARK: Sheet names

    /// Valid, unique sheet names for `names`, in order: forbidden characters become `_`, quotes at
    /// the ends are dropped, the name is cut to 31 UTF-16 units, an empty name becomes `Sheet` and the
    /// number, and a name already taken (ignoring case) gets ` (2)`, ` (3)`, … within the 31 units.
    static func sheetNames(_ names: [String]) -> [String] {
        var taken = Set<String>(), result: [String] = []
        for (index, name) in names.enumerated() {
            var clean = String(
                String.UnicodeScalarView(name.unicodeScalars.map { ":\\/?*[]".unicodeScalars.contains($0) || $0.value < 0x20 ? "_" : $0 }))
            while clean.hasPrefix("'") { clean.removeFirst() }
            while clean.hasSuffix("'") { clean.removeLast() }
            if clean.isEmpty { clean = "Sheet\(index + 1)" }
            var candidate = cut(clean, to: 31), suffix = 1
            while taken.contains(candidate.lowercased()) || candidate.lowercased() == "history" {
                suffix += 1
                let tail = " (\(suffix))"
                candidate = cut(clean, to: 31 - tail.utf16.count) + tail
            }
            taken.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    /// The longest prefix of `text` of at most `units` UTF-16 units that does not split a character.
    private static func cut(_ text: String, to units: Int) -> String {
        var result = "", count = 0
        for character in text {
            count += character.utf16.count
            if count > units { break }
            result.append(character)
        }
        return result
    }

    // MARK: Parts

    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static func contentTypes(sheets: Int) -> String {
        var xml =
            declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        for index in 1...sheets {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let packageRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbookRelationships(sheets: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheets {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    private static func workbook(_ names: [String]) -> [UInt8] {
        var xml = Array((declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>").utf8)
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"".utf8
            XMLText.append(name, to: &xml, attribute: true)
            xml += "\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>".utf8
        }
        xml += "</sheets></workbook>".utf8
        return xml
    }

    /// Cell styles, by index in `<cellXfs>`.
    private enum Style: Int {
        case plain = 0
        case header = 1
        case percent = 2
        /// Text a spreadsheet would otherwise read as a formula when re-typed.
        case quoted = 3
    }

    /// Fonts: 0 the default, 1 bold; number format 164 is `0.0%`.
    private static let styles =
        declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// The shared-string table: each distinct text once, in order of first use.
    private struct SharedStrings {
        private var indexes: [String: Int] = [:]
        private var texts: [String] = []
        private var uses = 0

        mutating func index(of text: String) -> Int {
            uses += 1
            if let index = indexes[text] { return index }
            indexes[text] = texts.count
            texts.append(text)
            return texts.count - 1
        }

        func xml() -> [UInt8] {
            var xml = Array((declaration + "<sst xmlns=\"\(mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(texts.count)\">").utf8)
            for text in texts {
                // Spaces at the ends are kept only when the element says so.
                let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                xml += (preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8
                XMLText.append(escapedForSpreadsheet(text), to: &xml, attribute: false)
                xml += "</t></si>".utf8
            }
            xml += "</sst>".utf8
            return xml
        }
    }

    /// `text` with what XML cannot hold written as SpreadsheetML's `_xHHHH_` escapes (control
    /// characters but tab, line feed and carriage return), and a literal `_xHHHH_` protected by
    /// escaping its underscore (`_x005F_`), so ``XLSXReader`` and Excel read the text back.
    static func escapedForSpreadsheet(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0 == "_" }) else {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                output.append(
                    contentsOf: "_x00\(scalar.value < 0x10 ? "0" : "")\(String(scalar.value, radix: 16, uppercase: true))_".unicodeScalars)
            } else if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                scalars[(index + 2)..<(index + 6)].allSatisfy({ $0.properties.isASCIIHexDigit })
            {
                output.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func worksheet(_ sheet: XLSXSheet, strings: inout SharedStrings, displayWidth: (String) -> Int) -> [UInt8] {
        let columns = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 0, count: columns)
        var body: [UInt8] = []
        body.reserveCapacity(48 * (sheet.rows.count + 1) * max(columns, 1))
        let letters = (0..<columns).map { Array(SourceLocation.columnName($0 + 1).utf8) }
        var row = 0
        func open(_ column: Int, style: Style) {
            body += "<c r=\"".utf8
            body += letters[column]
            body += String(row).utf8
            body += style == .plain ? "\"".utf8 : "\" s=\"\(style.rawValue)\"".utf8
        }
        func appendText(_ text: String, column: Int, style: Style) {
            open(column, style: style == .plain && CSVInjection.looksLikeFormula(text) ? .quoted : style)
            body += " t=\"s\"><v>".utf8
            body += String(strings.index(of: text)).utf8
            body += "</v></c>".utf8
            widths[column] = max(widths[column], displayWidth(text) + (style == .header ? 2 : 0))
        }
        if !sheet.header.isEmpty {
            row = 1
            body += "<row r=\"1\">".utf8
            for (column, title) in sheet.header.enumerated() where !title.isEmpty { appendText(title, column: column, style: .header) }
            body += "</row>".utf8
        }
        for cells in sheet.rows {
            row += 1
            body += "<row r=\"".utf8
            body += String(row).utf8
            body += "\">".utf8
            for (column, cell) in cells.enumerated() {
                switch cell {
                case .empty: continue
                case .text(let text):
                    if !text.isEmpty { appendText(text, column: column, style: .plain) }
                case .number(let value), .percent(let value):
                    guard value.isFinite else {
                        appendText(String(value), column: column, style: .plain)
                        continue
                    }
                    let isPercent = if case .percent = cell { true } else { false }
                    open(column, style: isPercent ? .percent : .plain)
                    body += "><v>".utf8
                    let start = body.count
                    if value == value.rounded(), abs(value) < 1e15 {
                        body += String(Int(value)).utf8
                    } else {
                        JSONText.appendDouble(value, to: &body)
                    }
                    // The shown width: "25.0%" for a percentage, the digits (at most 12 shown) for a number.
                    widths[column] = max(widths[column], isPercent ? 6 : min(body.count - start, 12))
                    body += "</v></c>".utf8
                case .bool(let value):
                    open(column, style: .plain)
                    body += (value ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>").utf8
                    widths[column] = max(widths[column], 5)
                }
            }
            body += "</row>".utf8
        }
        var xml = Array((declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">").utf8)
        if columns > 0 && row > 0 { xml += "<dimension ref=\"A1:\(SourceLocation.columnName(columns))\(row)\"/>".utf8 }
        xml += "<sheetViews><sheetView workbookViewId=\"0\"".utf8
        xml +=
            (sheet.header.isEmpty
            ? "/>" : "><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView>").utf8
        xml += "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8
        if columns > 0 {
            xml += "<cols>".utf8
            for (column, width) in widths.enumerated() {
                // Excel's unit is the width of a digit, about one terminal column; one more for the margin.
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(min(max(width + 1, 6), 60))\" customWidth=\"1\"/>".utf8
            }
            xml += "</cols>".utf8
        }
        xml += "<sheetData>".utf8
        xml += body
        xml += "</sheetData></worksheet>".utf8
        return xml
    }
}
