import Foundation
import Testing
@testable import TongxinIO

/// The workbook reader on real files — written by openpyxl and by LibreOffice
/// (`Scripts/fixtures/make-xlsx-fixtures.py`) and by hand — and on hostile ones built here.
@Suite struct WorkbookTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/xlsx").standardized.path

    static func row(_ sheet: Worksheet, _ row: Int) -> [SheetValue?] {
        (1...sheet.columnCount).map { sheet.value(row: row, column: $0) }
    }

    /// The ledger's values, as openpyxl wrote them.
    static func checkLedger(_ sheets: [Worksheet], formulaResult: SheetValue?) {
        #expect(sheets.map(\.name) == ["名册", "结对", "空表"])
        let roster = sheets[0]
        #expect(roster.rowCount == 8)
        #expect(roster.columnCount == 8)
        // The title merged over A1:H1 reads in every cell of it.
        #expect(row(roster, 1) == Array(repeating: .text("2024年宜昌市统战联络员名册"), count: 8))
        #expect(roster.value(row: 2, column: 3) == .text("乡镇\n（街道）"))
        #expect(
            row(roster, 3) == [
                .text("宜昌市"), .text("夷陵区"), .text("小溪塔街道"), .text("城区社区"), .text("张三"),
                .text("13800000001"), .date("1980-03-01"), .number(12)
            ])
        // City, county and town merged down over the villages.
        #expect(
            row(roster, 4) == [
                .text("宜昌市"), .text("夷陵区"), .text("小溪塔街道"), .text("东湖村"), .text("李四"),
                .text("13800000002"), .date("1975-12-31"), .number(7.5)
            ])
        #expect(
            row(roster, 5) == [
                .text("宜昌市"), .text("夷陵区"), .text("小溪塔街道"), .text("石子岭村"), .text("王五"),
                .text("007"), .date("2000-02-29"), .number(0)
            ])
        #expect(
            row(roster, 6) == [
                .text("宜昌市"), .text("长阳县"), .text("龙舟坪镇"), .text("郑家榜村"), .text("赵六"),
                nil, nil, .number(-3)
            ])
        #expect(row(roster, 7) == Array(repeating: nil, count: 8))
        #expect(
            row(roster, 8) == [
                .text("恩施土家族苗族自治州"), .bool(true), .text("#N/A"), .date("2024-03-01T08:30:00"),
                formulaResult, .number(0.125), .date("2024-03-01"), .date("14:05:09")
            ])
        #expect(roster.value(row: 12, column: 1) == nil)
        #expect(sheets[1].rowCount == 3)
        #expect(row(sheets[1], 2) == [.text("宜昌三峡商贸有限公司"), .text("91420500MA4XXXXX0A"), .text("郑家榜村"), .number(25.5)])
        #expect(sheets[2].rowCount == 0 && sheets[2].columnCount == 0)
    }

    @Test func readsTheLedgerOpenpyxlWrote() throws {
        Self.checkLedger(try Workbook.read(path: Self.fixtures + "/ledger.xlsx"), formulaResult: nil)
    }

    /// LibreOffice writes a shared-string table with rich-text runs, its own styles, and the
    /// formula's computed value.
    @Test func readsTheLedgerLibreOfficeSaved() throws {
        Self.checkLedger(try Workbook.read(path: Self.fixtures + "/ledger-libreoffice.xlsx"), formulaResult: .number(3))
    }

    @Test func readsTheDate1904System() throws {
        let sheet = try Workbook.read(path: Self.fixtures + "/date1904.xlsx")[0]
        #expect(sheet.name == "Mac")
        #expect(sheet.value(row: 1, column: 1) == .date("2024-03-01"))
        #expect(sheet.value(row: 2, column: 1) == .date("1904-01-02T12:00:00"))
    }

    /// No `r` positions, inline rich text with a phonetic run, a formula's string result, `_x000D_`,
    /// serial 60 (1900-02-29 in Excel), the East Asian built-in date format 31, rows out of order,
    /// prefixed element names, absolute and `./` relationship targets.
    @Test func readsWhatOpenpyxlNeverWrites() throws {
        let sheet = try Workbook.read(path: Self.fixtures + "/handmade.xlsx")[0]
        #expect(sheet.name == "手工")
        #expect(sheet.rowCount == 5 && sheet.columnCount == 6)
        #expect(Self.row(sheet, 1) == [.text("甲"), .number(60), .date("1900-02-29"), .date("1900-03-01"), nil, nil])
        #expect(Self.row(sheet, 2) == [.text("小溪塔 "), .text("甲乙"), .date("2024-03-01"), nil, nil, nil])
        #expect(Self.row(sheet, 3) == Array(repeating: nil, count: 6))
        #expect(Self.row(sheet, 4) == [nil, .number(0.0015), nil, nil, nil, nil])
        #expect(Self.row(sheet, 5) == [nil, nil, .text("一\r二"), .text("共享"), .bool(false), .text("#DIV/0!")])
    }

    @Test func readsACSVFileAsOneSheetOfText() throws {
        let file = InputFile(path: "data/名册.csv", bytes: Array("\u{FEFF}市州,人数\n\n宜昌市,\"1,2\"\n,007\n".utf8))
        let sheet = try Workbook.readCSV(file)
        #expect(sheet.name == "名册")
        #expect(sheet.rowCount == 4 && sheet.columnCount == 2)
        #expect(Self.row(sheet, 1) == [.text("市州"), .text("人数")])
        #expect(Self.row(sheet, 2) == [nil, nil])
        #expect(Self.row(sheet, 3) == [.text("宜昌市"), .text("1,2")])
        #expect(Self.row(sheet, 4) == [nil, .text("007")])
    }

    @Test func readsGB18030CSV() throws {
        let bytes = Array("村,人数\n东湖村,3\n".data(using: String.Encoding(rawValue: 0x8000_0632))!)
        let sheet = try Workbook.readCSV(InputFile(path: "v.csv", bytes: bytes))
        #expect(sheet.value(row: 2, column: 1) == .text("东湖村"))
    }

    @Test func cellLocationsPrintAsSpreadsheetsWriteThem() throws {
        #expect(SourceLocation(file: "名册.xlsx", sheet: "名册", row: 17, column: 4).description == "名册.xlsx:名册!D17")
        #expect(SourceLocation(file: "a.xlsx", sheet: "年度 台账", row: 1, column: 28).description == "a.xlsx:'年度 台账'!AB1")
        #expect(SourceLocation(file: "a.xlsx", sheet: "It's", row: 2, column: 16384).description == "a.xlsx:'It''s'!XFD2")
        #expect([1, 26, 27, 52, 53, 702, 703].map(SourceLocation.columnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
        #expect(XLSXReader.cellPosition("XFD1048576")! == (1_048_576, 16_384))
        #expect(XLSXReader.cellPosition("XFE1") == nil && XLSXReader.cellPosition("A0") == nil && XLSXReader.cellPosition("1A") == nil)
    }

    @Test func aRowExcerptPutsTheCaretAtTheCell() throws {
        let sheet = try Workbook.read(path: Self.fixtures + "/ledger.xlsx")[0]
        let excerpt = try #require(sheet.excerpt(row: 6, column: 3))
        #expect(excerpt.text == "宜昌市 | 长阳县 | 龙舟坪镇 | 郑家榜村 | 赵六 |  |  | -3")
        #expect(excerpt.caret == 12)
        #expect(!excerpt.cutBefore && !excerpt.cutAfter)
    }

    @Test func dateFormatsAreRecognized() {
        #expect(CellDates.kind(formatCode: "yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(CellDates.kind(formatCode: "[$-804]yyyy/m/d h:mm") == .dateTime)
        #expect(CellDates.kind(formatCode: "[h]:mm:ss") == .time)
        #expect(CellDates.kind(formatCode: "h:mm AM/PM") == .time)
        #expect(CellDates.kind(formatCode: "mmm-yy") == .date)
        for notDate in ["General", "0.0%", "#,##0.00_);[Red](#,##0.00)", "0\"天\"", "@", "\\d0", "0.00E+00", "[DBNum1]0"] {
            #expect(CellDates.kind(formatCode: notDate) == nil, "\(notDate)")
        }
        #expect(CellDates.iso(serial: 1, kind: .date, date1904: false) == "1900-01-01")
        #expect(CellDates.iso(serial: 59, kind: .date, date1904: false) == "1900-02-28")
        #expect(CellDates.iso(serial: 45352.999999999, kind: .dateTime, date1904: false) == "2024-03-02T00:00:00")
        #expect(CellDates.iso(serial: 2_958_465, kind: .date, date1904: false) == "9999-12-31")
        #expect(CellDates.iso(serial: -1, kind: .date, date1904: false) == nil)
        #expect(CellDates.iso(serial: 1.5, kind: .time, date1904: false) == "1900-01-01T12:00:00")
    }

    // MARK: Hostile and broken workbooks

    static let sheetStart = """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        """

    static let rootRelationships = Array(
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """.utf8)

    /// A workbook of one sheet `data` whose parts are the given ones (defaults for the rest), saved to
    /// a temporary file.
    static func workbook(_ parts: [String: [UInt8]]) throws -> String {
        var all: [String: [UInt8]] = [
            "_rels/.rels": rootRelationships,
            "xl/workbook.xml": Array(
                """
                <workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                <sheet name="data" sheetId="1" r:id="s1"/></sheets></workbook>
                """.utf8),
            "xl/_rels/workbook.xml.rels": Array(
                """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="s2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                </Relationships>
                """.utf8),
            "xl/worksheets/sheet1.xml": Array((sheetStart + "<row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>").utf8),
            "xl/sharedStrings.xml": Array("<sst><si><t>甲</t></si></sst>".utf8)
        ]
        all.merge(parts) { $1 }
        let zip = try ZipBuilder()
        for (name, bytes) in all.sorted(by: { $0.key < $1.key }) { try zip.add(name, bytes) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-\(UUID().uuidString).xlsx").path
        try Data(zip.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func error(_ parts: [String: String], limits: XLSXPackage.Limits = XLSXPackage.Limits()) throws -> String {
        let path = try workbook(parts.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try XLSXReader.read(path: path, limits: limits)
            return ""
        } catch {
            return error.description.replacingOccurrences(of: path, with: "book.xlsx")
        }
    }

    @Test func theDefaultWorkbookReads() throws {
        let path = try Self.workbook([:])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Workbook.read(path: path)[0].value(row: 1, column: 1) == .text("甲"))
    }

    @Test func aBillionLaughsIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <sst><si><t>&lol2;</t></si></sst>
            """
        #expect(
            try Self.error(["xl/sharedStrings.xml": laughs])
                == "book.xlsx:xl/sharedStrings.xml:2:1: error: a DOCTYPE or other declaration: graph files need none, and entity definitions are refused"
        )
    }

    @Test func aPathOutsideTheArchiveIsRefused() throws {
        let rels = """
            <Relationships><Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="../../../etc/passwd"/></Relationships>
            """
        #expect(
            try Self.error(["xl/_rels/workbook.xml.rels": rels])
                == "error: 'book.xlsx': xl/workbook.xml points to '../../../etc/passwd', outside the archive")
    }

    @Test func aZipBombIsRefused() throws {
        let zeros = String(repeating: " ", count: 3 << 20)
        let bomb = Self.sheetStart + zeros + "</sheetData></worksheet>"
        let error = try Self.error(["xl/worksheets/sheet1.xml": bomb])
        #expect(error.hasPrefix("error: 'book.xlsx': xl/worksheets/sheet1.xml expands "), "\(error)")
        #expect(error.hasSuffix("times its compressed size (more than 250); refusing it as a likely zip bomb"), "\(error)")
        var small = XLSXPackage.Limits()
        small.partBytes = 1 << 20
        #expect(try Self.error(["xl/worksheets/sheet1.xml": bomb], limits: small).contains("expands to more than 1 MiB"))
    }

    @Test func aHugeSharedStringTableIsRefused() throws {
        var limits = XLSXPackage.Limits()
        limits.sharedStrings = 1000
        let strings = "<sst>" + String(repeating: "<si/>", count: 1001) + "</sst>"
        #expect(
            try Self.error(["xl/sharedStrings.xml": strings], limits: limits)
                == "book.xlsx:xl/sharedStrings.xml:1:5006: error: more than 1000 shared strings")
    }

    @Test func deepNestingIsRefused() throws {
        let deep =
            Self.sheetStart + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</sheetData></worksheet>"
        let deepError = try Self.error(["xl/worksheets/sheet1.xml": deep])
        #expect(
            deepError
                == "book.xlsx:xl/worksheets/sheet1.xml:2:275: error: elements nested too deeply (more than 64 levels)")
    }

    @Test func malformedXMLIsPlacedInItsPart() throws {
        let broken = Self.sheetStart + "\n<row><c><v>1</v></row></sheetData></worksheet>"
        #expect(
            try Self.error(["xl/worksheets/sheet1.xml": broken])
                == "book.xlsx:xl/worksheets/sheet1.xml:3:17: error: closing tag </row> does not match <c>")
    }

    @Test func badCellsArePlacedAtTheirCell() throws {
        let sheet = Self.sheetStart + "<row r=\"3\"><c r=\"D3\" t=\"s\"><v>7</v></c><c t=\"n\"><v>abc</v></c></row></sheetData></worksheet>"
        #expect(
            try Self.error(["xl/worksheets/sheet1.xml": sheet]) == """
                book.xlsx:data!D3: error: shared string '7' does not exist (the workbook has 1)
                """)
        let number = Self.sheetStart + "<row r=\"3\"><c r=\"E3\"><v>abc</v></c></row></sheetData></worksheet>"
        #expect(try Self.error(["xl/worksheets/sheet1.xml": number]) == "book.xlsx:data!E3: error: 'abc' is not a number")
        let outside = Self.sheetStart + "<row><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>"
        let outsideError = try Self.error(["xl/worksheets/sheet1.xml": outside])
        #expect(
            outsideError
                == "book.xlsx:xl/worksheets/sheet1.xml:2:94: error: 'XFE1' is not a cell reference within A1:XFD1048576")
    }

    @Test func notAWorkbookSaysWhat() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let xls = folder + "/tongxin-\(UUID().uuidString).xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: xls))
        defer { try? FileManager.default.removeItem(atPath: xls) }
        #expect(throws: DiagnosticList.self) { try Workbook.read(path: xls) }
        let zip = try ZipBuilder()
        try zip.add("hello.txt", Array("hi".utf8))
        let odd = folder + "/tongxin-\(UUID().uuidString).xlsx"
        try Data(zip.bytes).write(to: URL(fileURLWithPath: odd))
        defer { try? FileManager.default.removeItem(atPath: odd) }
        do {
            _ = try Workbook.read(path: odd)
            Issue.record("read a zip without a workbook")
        } catch {
            #expect(error.description == "error: '\(odd)' is a zip archive but not an .xlsx workbook: it has no xl/workbook.xml")
        }
        let truncated = folder + "/tongxin-\(UUID().uuidString).xlsx"
        try Data(zip.bytes.prefix(30)).write(to: URL(fileURLWithPath: truncated))
        defer { try? FileManager.default.removeItem(atPath: truncated) }
        #expect(throws: DiagnosticList.self) { try Workbook.read(path: truncated) }
    }
}
