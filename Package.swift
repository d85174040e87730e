// swift-tools-version:6.0
import PackageDescription

// One target per capability (DESIGN.md, "Architecture"); dependencies point toward the graph model.
let package = Package(
    name: "Tongxin",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TongxinGraph", targets: ["TongxinGraph"]),
        .library(name: "TongxinIO", targets: ["TongxinIO"]),
        .library(name: "TongxinAnalysis", targets: ["TongxinAnalysis"]),
        .library(name: "TongxinQuery", targets: ["TongxinQuery"]),
        .library(name: "TongxinRender", targets: ["TongxinRender"]),
        .library(name: "TongxinReport", targets: ["TongxinReport"]),
        .library(name: "TongxinMap", targets: ["TongxinMap"]),
        .executable(name: "tongxin", targets: ["tongxin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "TongxinGraph"),
        .target(name: "TongxinIO", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinAnalysis", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinQuery", dependencies: ["TongxinGraph", "TongxinAnalysis"]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "TongxinRender", dependencies: ["TongxinGraph", "TongxinAnalysis", "CGraphviz"]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .target(name: "TongxinMap", dependencies: ["TongxinGraph", "TongxinAnalysis", "TongxinIO", "CCairo"]),
        .target(name: "TongxinReport", dependencies: ["TongxinGraph", "TongxinAnalysis", "TongxinRender"]),
        .executableTarget(
            name: "tongxin",
            dependencies: [
                "TongxinGraph", "TongxinIO", "TongxinAnalysis", "TongxinQuery", "TongxinRender", "TongxinReport",
                "TongxinMap",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TongxinTestSupport", dependencies: ["TongxinGraph"], path: "Tests/TongxinTestSupport"),
        .testTarget(name: "TongxinGraphTests", dependencies: ["TongxinGraph", "TongxinTestSupport"]),
        .testTarget(name: "TongxinAnalysisTests", dependencies: ["TongxinAnalysis", "TongxinIO", "TongxinTestSupport", "tongxin"]),
        .testTarget(name: "TongxinIOTests", dependencies: ["TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinReportTests", dependencies: ["TongxinReport", "TongxinAnalysis", "TongxinRender", "TongxinTestSupport", "tongxin"]),
        .testTarget(
            name: "TongxinMapTests", dependencies: ["TongxinMap", "TongxinIO", "CCairo", "TongxinTestSupport", "tongxin"],
            exclude: ["Fixtures"]),
        .testTarget(name: "HubeiGraphTests", dependencies: ["TongxinIO"]),
        .testTarget(
            name: "TongxinQueryTests", dependencies: ["TongxinQuery", "TongxinIO", "TongxinTestSupport", "tongxin"], exclude: ["Corpus"]),
        .testTarget(
            name: "TongxinRenderTests",
            dependencies: ["TongxinRender", "TongxinIO", "TongxinTestSupport", "tongxin"],
            exclude: ["Golden"]
        ),
    ]
)
