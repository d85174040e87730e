import Foundation
import Testing
@testable import TongxinIO

/// The workbook writer: read back by the reader, by openpyxl and by LibreOffice with the same values.
@Suite struct XLSXWriterTests {
    /// A terminal's width for the tests (the CLI passes its display-width function): CJK counts two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    static let sheets = [
        XLSXSheet(
            name: "regions", header: ["id", "名称", "units", "covered", "rate", "ok"],
            rows: [
                [.text("4205"), .text("宜昌市"), .number(1319), .number(1173), .percent(1173.0 / 1319.0), .bool(true)],
                [.text("420506"), .text("夷陵区"), .number(0), .number(0), .empty, .bool(false)],
                [.text("=1+2"), .text("-x"), .number(-3.25), .number(1e-7), .percent(1), .empty]
            ]),
        XLSXSheet(
            name: "uncovered: a/b", header: ["id", "path"],
            rows: [
                [.text("v_1"), .text("湖北省 / 宜昌市 / 夷陵区")],
                [.text("_x0041_ "), .text("@SUM(A1)")],
                [.text("a\u{1}b\tc\r\nd"), .empty]
            ])
    ]

    static func temporary(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-\(UUID().uuidString)\(suffix)").path
    }

    @Test func theReaderReadsBackWhatTheWriterWrote() throws {
        let path = Self.temporary(".xlsx")
        try XLSXWriter.write(Self.sheets, to: path, displayWidth: Self.width)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try Workbook.read(path: path)
        #expect(read.map(\.name) == ["regions", "uncovered_ a_b"])
        for (written, sheet) in zip(Self.sheets, read) {
            #expect(sheet.rowCount == written.rows.count + 1)
            for (column, title) in written.header.enumerated() { #expect(sheet.value(row: 1, column: column + 1) == .text(title)) }
            for (index, cells) in written.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    let expected: SheetValue? =
                        switch cell {
                        case .text(let text): .text(text)
                        case .number(let value), .percent(let value): .number(value)
                        case .bool(let value): .bool(value)
                        case .empty: nil
                        }
                    #expect(
                        sheet.value(row: index + 2, column: column + 1) == expected, "\(sheet.name) row \(index + 2) column \(column + 1)")
                }
            }
        }
    }

    @Test func theBytesDependOnlyOnTheSheets() throws {
        let first = try XLSXWriter.serialize(Self.sheets, displayWidth: Self.width)
        let second = try XLSXWriter.serialize(Self.sheets, displayWidth: Self.width)
        #expect(first == second)
    }

    @Test func theHeaderIsBoldAndFrozenAndColumnsFitChineseText() throws {
        let path = Self.temporary(".xlsx")
        try XLSXWriter.write(Self.sheets, to: path, displayWidth: Self.width)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var package = try XLSXPackage(path: path)
        let sheet = String(decoding: try #require(try package.read("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"))
        // 名称 is 4 columns wide plus 2 for the bold header, 宜昌市 6: the column is 6 + 1.
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"7\" customWidth=\"1\"/>"))
        // The rate is a number with the percent style; text like a formula has the quote prefix.
        #expect(sheet.contains("<c r=\"E2\" s=\"2\"><v>0.8893100833965125</v></c>"))
        #expect(sheet.contains("<c r=\"A4\" s=\"3\" t=\"s\">"))
        let styles = String(decoding: try #require(try package.read("xl/styles.xml")), as: UTF8.self)
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"))
        #expect(styles.contains("quotePrefix=\"1\""))
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        let long = String(repeating: "长", count: 40)
        #expect(
            XLSXWriter.sheetNames(["a/b", long, long.uppercased(), "", "'q'", "History", "A", "a", "x[1]*?"]) == [
                "a_b", String(repeating: "长", count: 31), String(repeating: "长", count: 27) + " (2)", "Sheet4", "q",
                "History (2)", "A", "a (2)", "x_1___"
            ])
    }

    @Test func csvFieldsThatWouldRunAsFormulasAreNeutralised() {
        #expect(CSVInjection.neutralized("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(CSVInjection.neutralized("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVInjection.neutralized("+86 138") == "'+86 138")
        #expect(CSVInjection.neutralized("-x") == "'-x")
        #expect(CSVInjection.neutralized("\tx") == "'\tx")
        #expect(CSVInjection.neutralized("\rx") == "'\rx")
        for number in ["-3.25", "+12", "-1e-7", "宜昌市", "", "a=b"] { #expect(CSVInjection.neutralized(number) == number) }
    }

    // MARK: Other readers

    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let hasOpenpyxl = run("python3", ["-c", "import openpyxl"]) != nil

    /// Runs a program, returning its standard output, or `nil` when it fails.
    static func run(_ program: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    @Test(.enabled(if: hasOpenpyxl, "openpyxl is not installed: run Scripts/setup.sh"))
    func openpyxlReadsTheSameValues() throws {
        let path = Self.temporary(".xlsx")
        try XLSXWriter.write(Self.sheets, to: path, displayWidth: Self.width)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps({s.title: {"frozen": s.freeze_panes, "bold": s["A1"].font.b,
                "rows": [[c.value for c in row] for row in s.iter_rows()],
                "formats": [[c.number_format for c in row] for row in s.iter_rows(min_row=2)]} for s in book.worksheets}, ensure_ascii=False))
            """
        let output = try #require(Self.run("python3", ["-c", script, path]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        #expect(json.keys.sorted() == ["regions", "uncovered_ a_b"])
        let regions = try #require(json["regions"])
        #expect(regions["frozen"] as? String == "A2")
        #expect(regions["bold"] as? Bool == true)
        let rows = try #require(regions["rows"] as? [[Any?]])
        #expect(rows.count == 4)
        #expect(rows[1][0] as? String == "4205" && rows[1][1] as? String == "宜昌市")
        #expect(rows[1][2] as? Int == 1319 && (rows[1][4] as? Double).map { abs($0 - 1173.0 / 1319.0) < 1e-15 } == true)
        #expect(rows[1][5] as? Bool == true && rows[2][5] as? Bool == false)
        #expect(rows[3][0] as? String == "=1+2" && rows[3][2] as? Double == -3.25 && rows[3][3] as? Double == 1e-7)
        let formats = try #require(regions["formats"] as? [[String]])
        #expect(formats[0][4] == "0.0%" && formats[0][2] == "General")
        let uncovered = try #require(json["uncovered_ a_b"]?["rows"] as? [[Any?]])
        #expect(uncovered[2][0] as? String == "_x0041_ " && uncovered[2][1] as? String == "@SUM(A1)")
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice (libreoffice-calc) is not installed: run Scripts/setup.sh"))
    func libreOfficeShowsTheSameValues() throws {
        let folder = Self.temporary("")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try XLSXWriter.write(Self.sheets, to: folder + "/book.xlsx", displayWidth: Self.width)
        // Comma, UTF-8, every sheet to its own file, cells as shown (so the percent format shows).
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        _ = try #require(
            Self.run(
                Self.soffice!,
                [
                    "-env:UserInstallation=file://\(folder)/profile", "--headless",
                    "--convert-to", filter, "--outdir", folder, folder + "/book.xlsx"
                ]))
        let regions = try String(contentsOfFile: folder + "/book-regions.csv", encoding: .utf8)
        #expect(
            regions == """
                id,名称,units,covered,rate,ok
                4205,宜昌市,1319,1173,88.9%,TRUE
                420506,夷陵区,0,0,,FALSE
                =1+2,-x,-3.25,0.0000001,100.0%,

                """)
        let uncovered = try String(contentsOfFile: folder + "/book-uncovered_ a_b.csv", encoding: .utf8)
        #expect(uncovered.hasPrefix("id,path\nv_1,湖北省 / 宜昌市 / 夷陵区\n"))
    }
}
