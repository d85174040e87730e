// swift-tools-version:6.0
import PackageDescription

// The timing executable of Scripts/bench/centrality.sh: a package of its own, so benchmarks never
// build or run with the test suite. It uses the Tongxin package three folders up.
let package = Package(
    name: "BenchCentrality",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tongxin", path: "../../..")],
    targets: [
        .executableTarget(
            name: "bench-centrality",
            dependencies: [
                .product(name: "TongxinIO", package: "Tongxin"),
                .product(name: "TongxinAnalysis", package: "Tongxin"),
            ],
            path: "Sources"
        ),
    ]
)
