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
        let values = try MapValues(coverageOf: graph, level: .county, unit: .village, by: [NodeSelector(parsing: "figure")],
                                   via: ["liaison_for"], within: nil)
        let boundaries = Boundaries(collection: MapFixtures.three, source: "three.geojson")
        return try ChoroplethMap(graph: graph, values: values, boundaries: boundaries,
                                 options: .init(width: width, language: language, dataName: "fixture"))
    }

    @Test func valuesAreCoverageRates() throws {
        let graph = MapFixtures.graph()
        let values = try MapValues(coverageOf: graph, level: .county, unit: .village, by: [NodeSelector(parsing: "figure")],
                                   via: ["liaison_for"], within: nil)
        #expect(values.entries.map(\.rate) == [0.5, 0, 1])
        let pairing = try MapValues(pairingOf: graph, level: .county, left: NodeSelector(parsing: "enterprise"),
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

    @Test func pdfIsAPDF() throws {
        let pdf = try CairoMapRenderer.render(try Self.fixtureMap().scene, as: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)) && pdf.count > 1000)
    }
}
