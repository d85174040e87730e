import Foundation
import Testing
import TongxinAnalysis
import TongxinGraph
import TongxinIO
import TongxinTestSupport
@testable import TongxinMap

@Suite struct ChoroplethMapTests {
    static func fixtureMap(width: Double = 1000, language: MapLanguage = .zh) throws -> ChoroplethMap {
        let graph = MapFixtures.graph()
        let values = try MapValues(
            coverageOf: graph, level: .county, unit: .village, by: [NodeSelector(parsing: "figure")],
            via: ["liaison_for"], within: nil)
        let boundaries = Boundaries(collection: MapFixtures.three, source: "three.geojson")
        return try ChoroplethMap(
            graph: graph, values: values, boundaries: boundaries,
            options: .init(width: width, language: language, dataName: "fixture"))
    }

    @Test func valuesAreCoverageRates() throws {
        let graph = MapFixtures.graph()
        let values = try MapValues(
            coverageOf: graph, level: .county, unit: .village, by: [NodeSelector(parsing: "figure")],
            via: ["liaison_for"], within: nil)
        #expect(values.entries.map(\.rate) == [0.5, 0, 1])
        let pairing = try MapValues(
            pairingOf: graph, level: .county, left: NodeSelector(parsing: "enterprise"),
            right: NodeSelector(parsing: "village"), within: nil)
        #expect(pairing.entries.map(\.rate) == [0, 0.5, 0])
    }

    @Test func svgHasTitlesClassesAndWarnings() throws {
        let map = try Self.fixtureMap()
        let svg = String(decoding: SVGMapWriter.svg(map.scene), as: UTF8.self)
        #expect(svg.contains("<title>武汉市（420100）\n单位 2，已覆盖 1，覆盖率 50.0%</title>"))
        #expect(svg.contains("<title>京山县（420821）\n单位 2，已覆盖 0，覆盖率 0.0%</title>"))
        #expect(svg.contains("data-id=\"429004\" data-units=\"2\" data-covered=\"2\" data-rate=\"1.0\""))
        #expect(svg.contains("fill=\"#253494\""))  // 100%
        #expect(svg.contains("fill=\"#ffffcc\""))  // 0
        #expect(svg.contains("示意图 · 边界：three.geojson · 数据：fixture"))
        #expect(map.warnings.count == 1 && map.warnings[0].contains("孤岛 (420999)"))
        #expect(map.warnings[0].hasPrefix("\(MapFixtures.folder.path)/three.geojson:5:1: boundary"))
        let english = String(decoding: SVGMapWriter.svg(try Self.fixtureMap(language: .en).scene), as: UTF8.self)
        #expect(english.contains("units 2, covered 1, rate 50.0%") && english.contains("Schematic map (示意图)"))
    }

    /// A golden PNG at 240 px: each pixel's channels within 48 of the recorded image in at least
    /// 98% of pixels (fonts and antialiasing may differ a little between cairo versions). Set
    /// RECORD_GOLDEN=1 to re-record.
    @Test func goldenPNG() throws {
        let png = try CairoMapRenderer.render(try Self.fixtureMap(width: 240).scene, as: .png(pixelScale: 1))
        let golden = MapFixtures.folder.appendingPathComponent("three.png")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(png).write(to: golden)
        }
        let expected = try PNGPixels(Array(Data(contentsOf: golden)))
        let actual = try PNGPixels(png)
        #expect(actual.width == expected.width && actual.height == expected.height)
        guard actual.width == expected.width && actual.height == expected.height else { return }
        var differing = 0
        for index in 0..<(actual.width * actual.height) where !actual.close(to: expected, at: index, tolerance: 48) { differing += 1 }
        #expect(Double(differing) / Double(actual.width * actual.height) < 0.02, "\(differing) pixels differ")
    }

    /// The fixture against its earlier version: 武汉 rose 50 points, 京山 fell 50, 仙桃 is new
    /// (hatched rising), 孤岛 is gone (drawn hatched falling on the island no later region takes).
    @Test func changeMap() throws {
        let old = MapFixtures.graph(earlier: true), new = MapFixtures.graph()
        let values = try MapValues(
            coverageChangeFrom: old, to: new, level: .county, unit: .village, by: [NodeSelector(parsing: "figure")],
            via: ["liaison_for"], within: (nil, nil))
        let comparison = try #require(values.comparison)
        #expect(comparison.delta == [0.5, -0.5, nil])
        #expect(comparison.before.map { $0?.covered } == [0, 1, nil])
        #expect(comparison.removed.map { old.id(of: $0.node) } == ["420999"])
        let map = try ChoroplethMap(
            graph: new, values: values, boundaries: Boundaries(collection: MapFixtures.three, source: "three.geojson"),
            options: .init(width: 600, dataName: "fixture", earlierName: "fixture 2023"))
        #expect(map.warnings.isEmpty)
        let svg = String(decoding: SVGMapWriter.svg(map.scene), as: UTF8.self)
        #expect(svg.contains("<title>湖北省各县（市、区）村覆盖率变化</title>"))
        #expect(svg.contains("<title>武汉市（420100）\n之前：单位 2，已覆盖 0，0.0%\n之后：单位 2，已覆盖 1，50.0%\n变化：+50.0 个百分点</title>"))
        #expect(
            svg.contains(
                "data-id=\"420821\" data-units=\"2\" data-covered=\"0\" data-rate=\"0.0\" data-before-rate=\"0.5\" data-delta=\"-0.5\""))
        #expect(svg.contains("fill=\"url(#hatch-rising)\"") && svg.contains("fill=\"url(#hatch-falling)\""))
        #expect(svg.contains("<title>孤岛（420999）\n之前：单位 2，已覆盖 1，50.0%\n之后：无此地\n变化：— 个百分点</title>"))
        #expect(svg.contains(">变化（百分点）</text>") && svg.contains(">仅新版有</text>") && svg.contains(">仅旧版有</text>"))
        #expect(svg.contains(">仅新版有：仙桃市</text>") && svg.contains(">仅旧版有：孤岛</text>"))
        // ±50 points: the outer classes; the scale's breaks are 5, 15, 30.
        #expect(svg.contains("fill=\"#542788\"") && svg.contains("fill=\"#b35806\"") && svg.contains(">≤−30</text>"))
        #expect(svg.contains("对比：fixture 2023"))
        let png = try CairoMapRenderer.render(map.scene, as: .png(pixelScale: 1))
        if let folder = ProcessInfo.processInfo.environment["MAP_PREVIEW"] {
            try Data(png).write(to: URL(fileURLWithPath: folder).appendingPathComponent("change-fixture.png"))
        }
    }

    /// The classes are symmetric: a change and its opposite fall in mirrored classes, and the labels
    /// mirror each other.
    @Test func divergingClassesAreSymmetric() {
        for largest in [0.001, 0.03, 0.12, 0.4, 1.0] {
            let scale = DivergingScale(largest: largest)
            for step in 0...400 {
                let change = Double(step) / 400 - 0.5
                #expect(scale.classIndex(change) + scale.classIndex(-change) == 6, "\(change)")
            }
            let labels = scale.labels
            func mirrored(_ label: String) -> String {
                let flipped = String(label.map { $0 == "−" ? "+" : $0 == "+" ? "−" : $0 == "≤" ? "≥" : $0 == "≥" ? "≤" : $0 })
                let parts = flipped.split(separator: "～")
                return parts.count == 2 ? parts[1] + "～" + parts[0] : flipped
            }
            for index in 0..<7 { #expect(mirrored(labels[index]) == labels[6 - index], "\(labels)") }
        }
        #expect(DivergingScale(largest: 0.12).labels == ["≤−10", "−10～−5", "−5～−1", "−1～+1", "+1～+5", "+5～+10", "≥+10"])
    }

    /// On the Hubei county map at every size: no two label boxes overlap, no leader line crosses
    /// another label, and the names that found no place are listed.
    @Test(.enabled(if: MapFixtures.installed(.county) != nil && FileManager.default.fileExists(atPath: MapFixtures.hubeiPath)))
    func hubeiLabelsDoNotCollide() throws {
        let graph = try GraphFile.read(MapFixtures.hubeiPath)
        let values = try MapValues(
            coverageOf: graph, level: .county, unit: .town, by: [NodeSelector(parsing: "organization[type=商会]")],
            within: nil)
        for width in [600.0, 800, 1200, 2000] {
            let map = try ChoroplethMap(
                graph: graph, values: values, boundaries: try #require(MapFixtures.installed(.county)),
                options: .init(width: width, dataName: "hubei"))
            let boxes = map.labelBoxes
            for i in boxes.indices {
                for j in boxes.indices where j > i { #expect(!boxes[i].overlaps(boxes[j]), "\(width): boxes \(i) and \(j)") }
            }
            for leader in map.leaders {
                for (index, box) in boxes.enumerated() where index != leader.box {
                    #expect(!box.isCrossed(from: leader.from, to: leader.to), "\(width): a leader crosses box \(index)")
                }
            }
            // Every region is labelled or named in the footnote; no text is smaller than the minimum.
            #expect(boxes.count + map.unlabelled.count == map.matching.features.compactMap { $0 }.count)
            for mark in map.scene.marks {
                if case .text(_, _, let size, _, _, _, _) = mark { #expect(size >= LabelPlacement.minimumSize - 1e-9) }
            }
            if let folder = ProcessInfo.processInfo.environment["MAP_PREVIEW"] {
                try Data(try CairoMapRenderer.render(map.scene, as: .png(pixelScale: 1)))
                    .write(to: URL(fileURLWithPath: folder).appendingPathComponent("hubei-\(Int(width)).png"))
            }
        }
    }

    @Test func pdfIsAPDF() throws {
        let pdf = try CairoMapRenderer.render(try Self.fixtureMap().scene, as: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)) && pdf.count > 1000)
    }
}
