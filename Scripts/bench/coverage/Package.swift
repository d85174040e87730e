// swift-tools-version:6.0
import PackageDescription

// The analysis half of Scripts/bench/coverage.sh: times coverage, pairing, suggestions and maximum
// matching on a loaded graph, apart from loading. Built in release by that script; never part of
// `swift test`.
let package = Package(
    name: "BenchCoverage",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tongxin", path: "../../..")],
    targets: [
        .executableTarget(
            name: "bench-coverage",
            dependencies: [
                .product(name: "TongxinAnalysis", package: "Tongxin"),
                .product(name: "TongxinIO", package: "Tongxin"),
            ],
            path: "Sources"
        ),
    ]
)
