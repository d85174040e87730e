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
        .library(name: "TongxinResults", targets: ["TongxinResults"]),
        .library(name: "TongxinReport", targets: ["TongxinReport"]),
        .executable(name: "tongxin", targets: ["tongxin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "TongxinGraph"),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "TongxinIO", dependencies: ["TongxinGraph", "CGraphviz"]),
        .target(name: "TongxinAnalysis", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinQuery", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinRender", dependencies: ["TongxinGraph", "TongxinIO", "CGraphviz"]),
        .target(name: "TongxinResults", dependencies: ["TongxinGraph", "TongxinIO", "TongxinAnalysis", "TongxinQuery"]),
        .target(name: "TongxinReport", dependencies: ["TongxinGraph", "TongxinAnalysis", "TongxinRender", "TongxinResults"]),
        .executableTarget(
            name: "tongxin",
            dependencies: [
                "TongxinGraph", "TongxinIO", "TongxinAnalysis", "TongxinQuery", "TongxinRender", "TongxinResults", "TongxinReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TongxinTestSupport", dependencies: ["TongxinGraph", "TongxinIO"], path: "Tests/TongxinTestSupport"),
        .testTarget(name: "TongxinGraphTests", dependencies: ["TongxinGraph", "TongxinTestSupport"]),
        .testTarget(name: "TongxinAnalysisTests", dependencies: ["TongxinAnalysis", "TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinResultsTests", dependencies: ["TongxinResults"]),
        .testTarget(name: "TongxinIOTests", dependencies: ["TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinReportTests", dependencies: ["TongxinReport", "TongxinAnalysis", "TongxinRender", "TongxinTestSupport"]),
        // End to end: the built `tongxin` run as a user runs it; the only tests that need the executable.
        .testTarget(name: "TongxinCLITests", dependencies: ["tongxin", "TongxinIO", "TongxinRender", "TongxinTestSupport"]),
        .testTarget(name: "HubeiGraphTests", dependencies: ["TongxinIO", "TongxinTestSupport"]),
        .testTarget(
            name: "TongxinQueryTests", dependencies: ["TongxinQuery", "TongxinIO", "TongxinTestSupport"], exclude: ["Corpus"]),
        .testTarget(
            name: "TongxinRenderTests",
            dependencies: ["TongxinRender", "TongxinIO", "TongxinTestSupport"],
            exclude: ["Golden"]
        ),
    ]
)
