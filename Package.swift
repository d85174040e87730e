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
        .library(name: "TongxinSharing", targets: ["TongxinSharing"]),
        .executable(name: "tongxin", targets: ["tongxin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "TongxinGraph"),
        .target(name: "TongxinIO", dependencies: [
            "TongxinGraph",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "TongxinAnalysis", dependencies: ["TongxinGraph"]),
        .target(name: "TongxinQuery", dependencies: ["TongxinGraph", "TongxinAnalysis"]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "TongxinRender", dependencies: ["TongxinGraph", "TongxinAnalysis", "CGraphviz"]),
        .target(name: "TongxinReport", dependencies: ["TongxinGraph", "TongxinAnalysis", "TongxinRender"]),
        .target(name: "TongxinSharing", dependencies: ["TongxinGraph", "TongxinIO", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "tongxin",
            dependencies: [
                "TongxinGraph", "TongxinIO", "TongxinAnalysis", "TongxinQuery", "TongxinRender", "TongxinReport",
                "TongxinSharing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TongxinTestSupport", dependencies: ["TongxinGraph"], path: "Tests/TongxinTestSupport"),
        .testTarget(name: "TongxinGraphTests", dependencies: ["TongxinGraph", "TongxinTestSupport"]),
        .testTarget(name: "TongxinAnalysisTests", dependencies: ["TongxinAnalysis", "TongxinIO", "TongxinTestSupport", "tongxin"]),
        .testTarget(name: "TongxinIOTests", dependencies: ["TongxinIO", "TongxinTestSupport"]),
        .testTarget(name: "TongxinReportTests", dependencies: ["TongxinReport", "TongxinAnalysis", "TongxinRender", "TongxinTestSupport", "tongxin"]),
        .testTarget(name: "HubeiGraphTests", dependencies: ["TongxinIO"]),
        .testTarget(name: "TongxinSharingTests", dependencies: ["TongxinSharing", "TongxinIO", "TongxinTestSupport", "tongxin"]),
        .testTarget(
            name: "TongxinQueryTests", dependencies: ["TongxinQuery", "TongxinIO", "TongxinTestSupport", "tongxin"], exclude: ["Corpus"]),
        .testTarget(
            name: "TongxinRenderTests",
            dependencies: ["TongxinRender", "TongxinIO", "TongxinTestSupport", "tongxin"],
            exclude: ["Golden"]
        ),
    ]
)
