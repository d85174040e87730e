/// Reads the sheets of an .xlsx workbook (ECMA-376, SpreadsheetML) as the people who keep ledgers
/// save them: shared strings (rich-text runs joined, phonetic runs left out) and inline strings,
/// numbers, booleans, error values (as their text, `#N/A`), formula results, dates (numbers whose
/// cell style has a date format, built-in or custom, in the 1900 or 1904 date system, as ISO text),
/// numbers stored as text (kept as text), merged ranges (every cell reads the top-left value), rows
/// and cells without `r` positions (each follows the one before), and sheets found through
/// `workbook.xml` and its relationships, in the workbook's order (chart sheets are skipped).
///
/// Every part is pulled through ``XMLTokenizer`` — no tree is built — with a DOCTYPE refused (no
/// entity expansion), elements nested at most 64 deep, the archive, the shared-string table and the
/// merged cells bounded by ``XLSXPackage/Limits``, positions by a sheet's limits (1,048,576 rows,
/// 16,384 columns).
///
/// - Complexity: O(size of the parts) time; memory O(size of the largest part + cells).
enum XLSXReader {
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    private static let maxDepth = 64

    /// Reads every worksheet of the workbook at `path`.
    ///
    /// - Throws: ``DiagnosticList`` — a damaged or hostile archive names the file and part; malformed
    ///   XML is at `FILE:PART:LINE:COL`; a bad cell value at `FILE:SHEET!CELL`.
    static func read(path: String, limits: XLSXPackage.Limits = XLSXPackage.Limits()) throws(DiagnosticList) -> [Worksheet] {
        var package = try XLSXPackage(path: path, limits: limits)
        let root = try relationships(of: "", in: &package)
        let workbookPart =
            try root.first { $0.type.hasSuffix("/officeDocument") }
            .map { (relationship) throws(DiagnosticList) in try package.resolve(relationship.target, from: "") } ?? "xl/workbook.xml"
        guard let workbookBytes = try package.read(workbookPart) else {
            throw XLSXPackage.failure("'\(path)' is a zip archive but not an .xlsx workbook: it has no \(workbookPart)")
        }
        let workbook = try parseWorkbook(workbookBytes, part: workbookPart, path: path)
        let links = try relationships(of: workbookPart, in: &package)
        func part(ofType suffix: String) throws(DiagnosticList) -> String? {
            guard let link = links.first(where: { $0.type.hasSuffix(suffix) }) else { return nil }
            return try package.resolve(link.target, from: workbookPart)
        }
        var strings: [String] = []
        if let name = try part(ofType: "/sharedStrings"), let bytes = try package.read(name) {
            strings = try parseSharedStrings(bytes, part: name, path: path, limit: limits.sharedStrings)
        }
        var styles: [CellDates.Kind?] = []
        if let name = try part(ofType: "/styles"), let bytes = try package.read(name) {
            styles = try parseStyles(bytes, part: name, path: path)
        }
        var sheets: [Worksheet] = []
        for sheet in workbook.sheets {
            guard let link = links.first(where: { $0.id == sheet.relationship }) else {
                throw XLSXPackage.failure(
                    "'\(path)': sheet '\(sheet.name)' names relationship '\(sheet.relationship)', which \(workbookPart) does not have")
            }
            guard link.type.hasSuffix("/worksheet") else { continue }
            let name = try package.resolve(link.target, from: workbookPart)
            guard let bytes = try package.read(name) else {
                throw XLSXPackage.failure("'\(path)': sheet '\(sheet.name)' is missing from the archive (\(name))")
            }
            let context = SheetContext(
                path: path, part: name, sheet: sheet.name, strings: strings, styles: styles,
                date1904: workbook.date1904, maxMergedCells: limits.mergedCells)
            sheets.append(try parseSheet(bytes, context))
        }
        return sheets
    }

    // MARK: Parts

    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The internal relationships of `part` (`""` for the package itself), from its `_rels` part.
    private static func relationships(of part: String, in package: inout XLSXPackage) throws(DiagnosticList) -> [Relationship] {
        let slash = part.lastIndex(of: "/")
        let folder = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        let name = folder + "_rels/" + file + ".rels"
        guard let bytes = try package.read(name) else { return [] }
        var found: [Relationship] = []
        try parse(bytes, part: name, path: package.path) { tokenizer throws in
            while let event = try tokenizer.next() {
                guard case .start(let element, let attributes, _, _) = event, XMLTokenizer.localName(element) == "Relationship" else {
                    continue
                }
                if value(of: "TargetMode", in: attributes) == "External" { continue }
                guard let id = value(of: "Id", in: attributes), let type = value(of: "Type", in: attributes),
                    let target = value(of: "Target", in: attributes)
                else { continue }
                found.append(Relationship(id: id, type: type, target: target))
            }
        }
        return found
    }

    private struct WorkbookPart {
        var date1904 = false
        var sheets: [(name: String, relationship: String)] = []
    }

    private static func parseWorkbook(_ bytes: [UInt8], part: String, path: String) throws(DiagnosticList) -> WorkbookPart {
        var workbook = WorkbookPart()
        try parse(bytes, part: part, path: path) { tokenizer throws in
            while let event = try tokenizer.next() {
                guard case .start(let element, let attributes, _, let offset) = event else { continue }
                switch XMLTokenizer.localName(element) {
                case "workbookPr":
                    let flag = value(of: "date1904", in: attributes)
                    workbook.date1904 = flag == "1" || flag == "true"
                case "sheet":
                    guard let name = value(of: "name", in: attributes),
                        let id = attributes.first(where: { $0.name.contains(":") && XMLTokenizer.localName($0.name) == "id" })?.value
                    else { throw XMLTokenizer.Failure(offset: offset, message: "<sheet> needs a name and an r:id") }
                    workbook.sheets.append((name, id))
                default: break
                }
            }
        }
        return workbook
    }

    /// The shared-string table: each `<si>`'s text, its rich-text runs joined, phonetic runs (`<rPh>`) left out.
    private static func parseSharedStrings(_ bytes: [UInt8], part: String, path: String, limit: Int) throws(DiagnosticList) -> [String] {
        var strings: [String] = []
        try parse(bytes, part: part, path: path) { tokenizer throws in
            var text = "", collecting = false, phonetic = 0
            while let event = try tokenizer.next() {
                switch event {
                case .start(let element, _, let selfClosing, let offset):
                    switch XMLTokenizer.localName(element) {
                    case "si":
                        text = ""
                        if selfClosing { try append(&strings, "", offset: offset) }
                    case "t": collecting = !selfClosing && phonetic == 0
                    case "rPh" where !selfClosing: phonetic += 1
                    default: break
                    }
                case .text(let piece, _):
                    if collecting { text += piece }
                case .end(let element, let offset):
                    switch XMLTokenizer.localName(element) {
                    case "si": try append(&strings, unescaped(text), offset: offset)
                    case "t": collecting = false
                    case "rPh": phonetic -= 1
                    default: break
                    }
                }
            }
        }
        return strings
        func append(_ strings: inout [String], _ text: String, offset: Int) throws(XMLTokenizer.Failure) {
            guard strings.count < limit else {
                throw XMLTokenizer.Failure(offset: offset, message: "more than \(limit) shared strings")
            }
            strings.append(text)
        }
    }

    /// The date kind of each cell style (`<cellXfs>`'s `<xf>`s in order), from its number format.
    private static func parseStyles(_ bytes: [UInt8], part: String, path: String) throws(DiagnosticList) -> [CellDates.Kind?] {
        var custom: [Int: CellDates.Kind?] = [:]
        var styles: [CellDates.Kind?] = []
        try parse(bytes, part: part, path: path) { tokenizer throws in
            var inCellFormats = false
            while let event = try tokenizer.next() {
                switch event {
                case .start(let element, let attributes, let selfClosing, _):
                    switch XMLTokenizer.localName(element) {
                    case "numFmt":
                        if let id = value(of: "numFmtId", in: attributes).flatMap({ Int($0) }),
                            let code = value(of: "formatCode", in: attributes)
                        {
                            custom[id] = CellDates.kind(formatCode: code)
                        }
                    case "cellXfs": inCellFormats = !selfClosing
                    case "xf" where inCellFormats:
                        let id = value(of: "numFmtId", in: attributes).flatMap { Int($0) } ?? 0
                        styles.append(custom[id] ?? CellDates.kind(builtin: id))
                    default: break
                    }
                case .end(let element, _):
                    if XMLTokenizer.localName(element) == "cellXfs" { inCellFormats = false }
                case .text: break
                }
            }
        }
        return styles
    }

    private struct SheetContext {
        var path: String
        var part: String
        var sheet: String
        var strings: [String]
        var styles: [CellDates.Kind?]
        var date1904: Bool
        var maxMergedCells: Int
    }

    /// The cells of one worksheet part, merged ranges expanded.
    private static func parseSheet(_ bytes: [UInt8], _ context: SheetContext) throws(DiagnosticList) -> Worksheet {
        var cells: [(row: Int32, column: Int32, value: SheetValue)] = []
        var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
        try parse(bytes, part: context.part, path: context.path) { tokenizer throws in
            var row = 0, column = 0
            var cellType = "", cellStyle = 0, collecting = false, inCell = false, phonetic = 0
            var text = ""
            while let event = try tokenizer.next() {
                switch event {
                case .start(let element, let attributes, let selfClosing, let offset):
                    switch sheetName(element) {
                    case "row":
                        if let number = value(of: "r", in: attributes) {
                            guard let parsed = Int(number), parsed >= 1, parsed <= maxRows else {
                                throw XMLTokenizer.Failure(
                                    offset: offset, message: "row number '\(number)' is not between 1 and \(maxRows)")
                            }
                            row = parsed
                        } else {
                            row += 1
                        }
                        column = 0
                    case "c":
                        if let reference = value(of: "r", in: attributes) {
                            guard let position = cellPosition(reference) else {
                                throw XMLTokenizer.Failure(
                                    offset: offset, message: "'\(reference)' is not a cell reference within A1:XFD1048576")
                            }
                            (row, column) = position
                        } else {
                            row = max(row, 1)
                            column += 1
                            guard column <= maxColumns else {
                                throw XMLTokenizer.Failure(offset: offset, message: "a row has more than \(maxColumns) cells")
                            }
                        }
                        cellType = value(of: "t", in: attributes) ?? "n"
                        cellStyle = value(of: "s", in: attributes).flatMap { Int($0) } ?? 0
                        text = ""
                        inCell = !selfClosing
                    case "v" where inCell: collecting = !selfClosing
                    case "t" where inCell: collecting = !selfClosing && phonetic == 0
                    case "rPh" where inCell && !selfClosing: phonetic += 1
                    case "f" where !selfClosing: try tokenizer.skipElement()
                    case "mergeCell":
                        guard let reference = value(of: "ref", in: attributes), let range = cellRange(reference) else {
                            throw XMLTokenizer.Failure(offset: offset, message: "<mergeCell> needs a ref such as A1:B3")
                        }
                        merges.append(range)
                    default: break
                    }
                case .text(let piece, _):
                    if collecting { text += piece }
                case .end(let element, _):
                    switch sheetName(element) {
                    case "v", "t": collecting = false
                    case "rPh": phonetic -= 1
                    case "c":
                        inCell = false
                        if let value = try cellValue(text, type: cellType, style: cellStyle, row: row, column: column, context) {
                            cells.append((Int32(row), Int32(column), value))
                        }
                    default: break
                    }
                }
            }
        }
        let sheet = Worksheet(file: context.path, name: context.sheet, cells: cells)
        guard !merges.isEmpty else { return sheet }
        // Every cell of a merged range reads the top-left value; a range never extends the sheet.
        var copies = 0
        for merge in merges {
            guard let value = sheet.value(row: merge.top, column: merge.left) else { continue }
            let bottom = min(merge.bottom, sheet.rowCount), right = min(merge.right, sheet.columnCount)
            guard bottom >= merge.top, right >= merge.left else { continue }
            copies += (bottom - merge.top + 1) * (right - merge.left + 1) - 1
            guard copies <= context.maxMergedCells else {
                throw XLSXPackage.failure("'\(context.path)': sheet '\(context.sheet)' merges more than \(context.maxMergedCells) cells")
            }
            for row in merge.top...bottom {
                for column in merge.left...right where row != merge.top || column != merge.left {
                    cells.append((Int32(row), Int32(column), value))
                }
            }
        }
        return Worksheet(file: context.path, name: context.sheet, cells: cells)
    }

    /// An element's local name as a `String`: a worksheet's millions of elements are usually
    /// unprefixed, and comparing `String`s is much cheaper than comparing a `Substring` with one.
    private static func sheetName(_ element: String) -> String {
        element.utf8.contains(UInt8(ascii: ":")) ? String(XMLTokenizer.localName(element)) : element
    }

    /// A cell's value from the text of its `<v>` (or inline string) and its type and style; `nil` for
    /// an empty cell.
    private static func cellValue(
        _ text: String, type: String, style: Int, row: Int, column: Int,
        _ context: SheetContext
    ) throws(DiagnosticList) -> SheetValue? {
        func failure(_ message: String) -> DiagnosticList {
            DiagnosticList([
                Diagnostic(.error, message, at: SourceLocation(file: context.path, sheet: context.sheet, row: row, column: column))
            ])
        }
        switch type {
        case "s":
            guard !text.isEmpty else { return nil }
            guard let index = Int(text), index >= 0, index < context.strings.count else {
                throw failure("shared string '\(text)' does not exist (the workbook has \(context.strings.count))")
            }
            return context.strings[index].isEmpty ? nil : .text(context.strings[index])
        case "inlineStr", "str", "e":
            let text = type == "inlineStr" ? unescaped(text) : text
            return text.isEmpty ? nil : .text(text)
        case "b":
            switch text {
            case "": return nil
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: throw failure("'\(text)' is not a boolean (0 or 1)")
            }
        case "d":
            return text.isEmpty ? nil : .date(text)
        case "n":
            guard !text.isEmpty else { return nil }
            guard let number = Double(text), number.isFinite else { throw failure("'\(text)' is not a number") }
            if style >= 0, style < context.styles.count, let kind = context.styles[style],
                let date = CellDates.iso(serial: number, kind: kind, date1904: context.date1904)
            {
                return .date(date)
            }
            return .number(number)
        default:
            throw failure("unknown cell type '\(type)'")
        }
    }

    // MARK: Pieces

    /// Runs `body` over the XML of `part`, turning a syntax error into `FILE:PART:LINE:COL`.
    private static func parse(
        _ bytes: [UInt8], part: String, path: String,
        _ body: (inout XMLTokenizer) throws -> Void
    ) throws(DiagnosticList) {
        try bytes.withUnsafeBufferPointer { buffer throws(DiagnosticList) in
            let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var tokenizer = XMLTokenizer(buffer, start: start, maxDepth: maxDepth)
            do {
                try body(&tokenizer)
            } catch let failure as XMLTokenizer.Failure {
                let locator = Locator(file: path + ":" + part)
                throw DiagnosticList([Diagnostic(.error, failure.message, at: locator.location(at: failure.offset, in: buffer))])
            } catch let diagnostics as DiagnosticList {
                throw diagnostics
            } catch {
                throw XLSXPackage.failure("'\(path)': \(part): \(error)")
            }
        }
    }

    private static func value(of name: String, in attributes: [XMLTokenizer.Attribute]) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// `B12` → (row 12, column 2); `nil` unless letters then digits within A1:XFD1048576 (`$` allowed).
    static func cellPosition(_ reference: some StringProtocol) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in reference.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
        }
        guard row >= 1, row <= maxRows, column >= 1, column <= maxColumns else { return nil }
        return (row, column)
    }

    /// `A1:B3` → its corners; a single cell `A1` is a range of one.
    private static func cellRange(_ reference: String) -> (top: Int, left: Int, bottom: Int, right: Int)? {
        let corners = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard corners.count <= 2, let first = cellPosition(corners[0]), let last = cellPosition(corners[corners.count - 1]) else {
            return nil
        }
        return (min(first.row, last.row), min(first.column, last.column), max(first.row, last.row), max(first.column, last.column))
    }

    /// SpreadsheetML's escapes for characters XML cannot hold, `_x000D_` → U+000D (ECMA-376 Part 1,
    /// §22.9.2.19, ST_Xstring); `_x005F_` escapes a literal underscore.
    static func unescaped(_ text: String) -> String {
        var bytes = text
        let escaped = bytes.withUTF8 { utf8 in
            utf8.count >= 7 && utf8.indices.dropLast().contains { utf8[$0] == UInt8(ascii: "_") && utf8[$0 + 1] == UInt8(ascii: "x") }
        }
        guard escaped else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                output.append(scalar)
                index += 7
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }
}
