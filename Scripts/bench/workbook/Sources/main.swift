import Foundation
import TongxinIO

// bench-workbook WRITE_ROWS READ_ROWS FOLDER: writes FOLDER/coverage.xlsx (WRITE_ROWS uncovered units
// and a region sheet, as `coverage --format xlsx` would) and FOLDER/ledger.xlsx (READ_ROWS rows of
// a liaison roster), then reads the ledger back; prints one JSON line of wall and CPU seconds (best of 3 each).

let arguments = CommandLine.arguments
guard arguments.count == 4, let writeRows = Int(arguments[1]), let readRows = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: bench-workbook WRITE_ROWS READ_ROWS FOLDER\n".utf8))
    exit(1)
}
let folder = arguments[3]

/// A terminal's width: CJK counts two (the CLI passes its own display-width function).
func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }

/// The process's CPU seconds so far (user + system): on a shared machine the figure to compare.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The best wall and the best CPU seconds of `runs` runs of `body`.
func best(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    var walls: [Double] = [], cpus: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds, cpu = cpuSeconds()
        try body()
        walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        cpus.append(cpuSeconds() - cpu)
    }
    return (walls.min()!, cpus.min()!)
}

let towns = ["小溪塔街道", "龙舟坪镇", "龙泉镇", "鸦鹊岭镇", "分乡镇", "太平溪镇", "三斗坪镇", "乐天溪镇"]
var regions = XLSXSheet(name: "regions", header: ["id", "name", "level", "units", "covered", "rate", "path"])
for index in 0..<(writeRows / 20) {
    let units = 20 + index % 17
    regions.rows.append([.text("4205\(index)"), .text("\(towns[index % towns.count])\(index)"), .text("town"),
                         .number(Double(units)), .number(Double(index % units)), .percent(Double(index % units) / Double(units)),
                         .text("湖北省 / 宜昌市 / 夷陵区")])
}
var uncovered = XLSXSheet(name: "uncovered", header: ["id", "name", "path"])
for index in 0..<writeRows {
    uncovered.rows.append([.text("v\(420_506_000_000 + index)"), .text("第\(index)村"),
                           .text("湖北省 / 宜昌市 / 夷陵区 / \(towns[index % towns.count])")])
}
let coveragePath = folder + "/coverage.xlsx"
let writeSeconds = try best { try XLSXWriter.write([regions, uncovered], to: coveragePath, displayWidth: width) }

var ledger = XLSXSheet(name: "名册", header: ["市州", "县（市、区）", "乡镇（街道）", "村（社区）", "姓名", "联系电话", "人数", "比例"])
for index in 0..<readRows {
    ledger.rows.append([.text("宜昌市"), .text("夷陵区"), .text(towns[index % towns.count]), .text("第\(index % 5000)村"),
                        .text("联络员\(index)"), .text(String(13_800_000_000 + index)), .number(Double(index % 40)),
                        .percent(Double(index % 100) / 100)])
}
let ledgerPath = folder + "/ledger.xlsx"
try XLSXWriter.write([ledger], to: ledgerPath, displayWidth: width)
var cells = 0
let readSeconds = try best {
    let sheets = try Workbook.read(path: ledgerPath)
    cells = sheets[0].rowCount * sheets[0].columnCount
}
func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
print("{\"write_rows\": \(writeRows + regions.rows.count), \"write_seconds\": \(writeSeconds.wall), \"write_cpu_seconds\": \(writeSeconds.cpu), \"write_bytes\": \(size(coveragePath)), "
    + "\"read_rows\": \(readRows), \"read_cells\": \(cells), \"read_seconds\": \(readSeconds.wall), \"read_cpu_seconds\": \(readSeconds.cpu), \"read_bytes\": \(size(ledgerPath))}")
