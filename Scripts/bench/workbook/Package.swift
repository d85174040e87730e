// swift-tools-version:6.0
import PackageDescription

// Times the workbook writer and reader (Scripts/bench/workbook.sh): a coverage-shaped workbook of N rows
// written, a ledger-shaped one of M rows read. Built in release by that script; never part of
// `swift test`.
let package = Package(
    name: "BenchWorkbook",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tongxin", path: "../../..")],
    targets: [
        .executableTarget(name: "bench-workbook", dependencies: [.product(name: "TongxinIO", package: "Tongxin")], path: "Sources"),
    ]
)
