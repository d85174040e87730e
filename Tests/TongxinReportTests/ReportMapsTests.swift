import Testing
import TongxinGraph
import TongxinIO
import TongxinMap
import TongxinTestSupport
@testable import TongxinReport

@Suite struct ReportMapsTests {
    /// Two squares named after the tiny province's cities, matched by name.
    static func boundaries() throws(DiagnosticList) -> Boundaries {
        let text = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "甲市"}, "geometry": {"type": "Polygon", "coordinates": [[[113, 30], [114, 30], [114, 31], [113, 31], [113, 30]]]}},
            {"type": "Feature", "properties": {"name": "乙市"}, "geometry": {"type": "Polygon", "coordinates": [[[114, 30], [115, 30], [115, 31], [114, 31], [114, 30]]]}}
            ]}
            """
        return Boundaries(
            collection: try GeoJSONReader.read(InputFile(path: "two.geojson", bytes: Array(text.utf8))), source: "two.geojson")
    }

    @Test func oneMapPerQuestionAndProgramme() throws {
        let builder = ReportBuilder(SampleGraphs.tinyProvince(), scope: nil)
        let questions = builder.coverageQuestions(), programmes = builder.pairingQuestions()
        let maps = try builder.maps(labels: Labels(.zh), coverage: questions, programmes: programmes) { _ throws(DiagnosticList) in
            try Self.boundaries()
        }
        #expect(maps.unavailable == nil)
        #expect(maps.figures.count == questions.count + programmes.count && !maps.figures.isEmpty)
        // 商会 covers 一村 (甲市, 1 of 3 villages) and 五村 (乙市, 1 of 2).
        let chambers = try #require(maps.figures.first { $0.caption.hasPrefix("商会") })
        #expect(chambers.svg.contains("<title>甲市（c1）\n单位 3，已覆盖 1，覆盖率 33.3%</title>"))
        #expect(chambers.svg.contains("<title>乙市（c2）\n单位 2，已覆盖 1，覆盖率 50.0%</title>"))
    }

    @Test func missingBoundariesAreSaidOnThePage() throws {
        let builder = ReportBuilder(SampleGraphs.tinyProvince(), scope: nil)
        let maps = try builder.maps(labels: Labels(.en), coverage: builder.coverageQuestions(), programmes: []) {
            _ throws(DiagnosticList) in
            throw DiagnosticList([Diagnostic(.error, "no map boundaries installed")])
        }
        #expect(maps.figures.isEmpty)
        var content = ReportContent(title: "tiny")
        content.mapsUnavailable = maps.unavailable
        let page = ReportPage(content, options: ReportOptions(language: .en, sections: [.maps])).render()
        #expect(
            page.contains(
                "<h2>Maps</h2><p class=\"note\">No boundaries are installed, so this report has no maps (no map boundaries installed).</p>")
        )
    }
}
