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
        .library(name: "TongxinMap", targets: ["TongxinMap"]),
        .library(name: "TongxinSharing", targets: ["TongxinSharing"]),
        .library(name: "TongxinServe", targets: ["TongxinServe"]),
        .executable(name: "tongxin", targets: ["tongxin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .target(name: "TongxinGraph"),
        .target(
            name: "TongxinImport", dependencies: ["TongxinGraph", "TongxinIO", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/hubei-divisions.csv")]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // zlib's inflate, for reading workbooks' zip archives within their bounds (ZipArchive).
        .systemLibrary(name: "CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TongxinIO", dependencies: [
            "TongxinGraph",
            "CGraphviz",
            "CZlibInflate",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "TongxinAnalysis", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinQuery", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinRender", dependencies: ["TongxinGraph", "TongxinIO", "CGraphviz"]),
        .target(name: "TongxinResults", dependencies: ["TongxinGraph", "TongxinIO", "TongxinAnalysis", "TongxinQuery"]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .target(name: "TongxinMap", dependencies: ["TongxinGraph", "TongxinAnalysis", "TongxinIO", "TongxinResults", "CCairo"]),
        .target(name: "TongxinReport", dependencies: ["TongxinGraph", "TongxinAnalysis", "TongxinRender", "TongxinResults", "TongxinMap"]),
        .target(name: "TongxinSharing", dependencies: ["TongxinGraph", "TongxinIO", .product(name: "Crypto", package: "swift-crypto")]),
        // The web workspace's HTTP layer; the commands it answers with are the CLI's (ServeCommand).
        .target(
            name: "TongxinServe", dependencies: ["TongxinGraph", "TongxinIO", .product(name: "Hummingbird", package: "hummingbird")],
            exclude: ["Web"]),
        .executableTarget(
            name: "tongxin",
            dependencies: [
                "TongxinGraph", "TongxinIO", "TongxinAnalysis", "TongxinQuery", "TongxinRender", "TongxinResults", "TongxinReport",
                "TongxinMap", "TongxinSharing", "TongxinImport", "TongxinServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TongxinTestSupport", dependencies: ["TongxinGraph", "TongxinIO"], path: "Tests/TongxinTestSupport"),
        .testTarget(name: "TongxinGraphTests", dependencies: ["TongxinGraph", "TongxinTestSupport"]),
        .testTarget(name: "TongxinAnalysisTests", dependencies: ["TongxinAnalysis", "TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinResultsTests", dependencies: ["TongxinResults"]),
        .testTarget(name: "TongxinIOTests", dependencies: ["TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinReportTests", dependencies: ["TongxinReport", "TongxinAnalysis", "TongxinRender", "TongxinResults", "TongxinMap", "TongxinTestSupport"]),
        .testTarget(name: "TongxinMapTests", dependencies: ["TongxinMap", "TongxinIO", "CCairo", "TongxinTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TongxinSharingTests", dependencies: ["TongxinSharing", "TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinServeTests", dependencies: [
            "TongxinServe", "TongxinIO", "TongxinTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "TongxinImportTests", dependencies: ["TongxinImport", "TongxinIO", "TongxinAnalysis", "TongxinTestSupport"]),
        // End to end: the built `tongxin` run as a user runs it; the only tests that need the executable.
        .testTarget(name: "TongxinCLITests", dependencies: ["tongxin", "TongxinIO", "TongxinRender", "TongxinMap", "TongxinImport", "TongxinTestSupport"]),
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
