// swift-tools-version:6.0
import PackageDescription

// The analysis half of Scripts/bench/change.sh: times `tongxin diff`'s library calls (GraphDiff,
// and Coverage and Pairing before and after with their comparisons) on two loaded graphs, apart from
// loading. Built in release by that script; never part of `swift test`.
let package = Package(
    name: "BenchChange",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tongxin", path: "../../..")],
    targets: [
        .executableTarget(
            name: "bench-change",
            dependencies: [
                .product(name: "TongxinAnalysis", package: "Tongxin"),
                .product(name: "TongxinIO", package: "Tongxin"),
            ],
            path: "Sources"
        ),
    ]
)
