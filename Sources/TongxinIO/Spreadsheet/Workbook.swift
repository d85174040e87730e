import Foundation

/// Reads spreadsheets — .xlsx workbooks and CSV files — as sheets of cells, for importers that map
/// ledgers onto graphs.
///
/// ```swift
/// let sheets = try Workbook.read(path: "联络员名册.xlsx")
/// sheets[0].value(row: 3, column: 2)  // .text("夷陵区")
/// ```
public enum Workbook {
    /// The sheets of the workbook or CSV file at `path`, in the workbook's order.
    ///
    /// A zip archive is read as .xlsx (see ``XLSXReader``); anything else as CSV, decoded as the graph
    /// readers decode it (UTF-8 with or without a BOM, else GB18030), each record a row — a blank line
    /// is an empty row, as a spreadsheet program shows it — and every non-empty field `.text`:
    /// a CSV has no types, so `007` and `2024-03-01` stay as written.
    ///
    /// - Throws: ``DiagnosticList``: the file cannot be read; it is an Excel 97–2003 `.xls`; the
    ///   archive is damaged or hostile (its size, ratio, paths); malformed XML at
    ///   `FILE:PART:LINE:COL`; a bad cell at `FILE:SHEET!CELL`; malformed CSV at `FILE:LINE:COL`.
    /// - Complexity: O(file size + cells).
    public static func read(path: String) throws(DiagnosticList) -> [Worksheet] {
        let magic = leadingBytes(of: path)
        if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try XLSXReader.read(path: path)
        }
        if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw XLSXPackage.failure("'\(path)' is an Excel 97–2003 .xls workbook, which is not read: save it as .xlsx (or CSV)")
        }
        return [try readCSV(InputFile.read(path))]
    }

    /// The one sheet of a CSV file, named after the file without its folder and extension.
    public static func readCSV(_ file: InputFile) throws(DiagnosticList) -> Worksheet {
        let (bytes, start, _) = try TextDecoding.utf8(file)
        let base = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let name = base.lastIndex(of: ".").map { String(base[..<$0]) }.flatMap { $0.isEmpty ? nil : $0 } ?? base
        var cells: [(row: Int32, column: Int32, value: SheetValue)] = []
        try bytes.withUnsafeBufferPointer { buffer throws(DiagnosticList) in
            var tokenizer = CSVTokenizer(buffer, start: start)
            var fields: [CSVTokenizer.Field] = []
            var row = 0
            do throws(CSVTokenizer.Failure) {
                while true {
                    let lineBefore = tokenizer.line
                    guard try tokenizer.nextRecord(into: &fields) else { break }
                    row += 1 + (tokenizer.recordLine - lineBefore)
                    guard row <= XLSXReader.maxRows else {
                        throw CSVTokenizer.Failure(offset: tokenizer.recordStart, message: "more than \(XLSXReader.maxRows) rows")
                    }
                    for (index, field) in fields.enumerated() where field.end > field.start {
                        guard index < XLSXReader.maxColumns else {
                            throw CSVTokenizer.Failure(offset: field.start, message: "more than \(XLSXReader.maxColumns) fields")
                        }
                        cells.append((Int32(row), Int32(index + 1), .text(tokenizer.string(field))))
                    }
                }
            } catch {
                let locator = Locator(file: file.path)
                throw DiagnosticList([Diagnostic(.error, error.message, at: locator.location(at: error.offset, in: buffer))])
            }
        }
        return Worksheet(file: file.path, name: name, cells: cells)
    }

    /// The first four bytes of the file (fewer when it is shorter or cannot be read; reading it then
    /// reports why).
    private static func leadingBytes(of path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 4)) ?? Data())
    }
}
