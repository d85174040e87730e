import Testing
import TongxinAnalysis
import TongxinTestSupport

/// The coverage facts the source states (DOMAIN.md), on the Hubei graph.
@Suite struct HubeiCoverageTests {
    let graph: Graph

    init() throws { graph = try HubeiGraph.graph }

    func coverage(
        _ unit: RegionLevel, _ selector: String, via: [String] = Coverage.defaultVia,
        in region: String
    ) throws -> Coverage {
        try Coverage(
            of: graph, unit: unit, by: [NodeSelector(parsing: selector)], via: via,
            within: HubeiGraph.region(region))
    }

    @Test func shiyanVillagesAllHaveALiaison() throws {
        // 十堰: "all 1,898 villages have a liaison".
        let c = try coverage(.village, "figure[category=统战联络员]", via: [EdgeKind.liaisonFor], in: "十堰市")
        #expect(c.units == 1898 && c.covered == 1898 && c.uncovered.isEmpty)
        #expect(c.regions.allSatisfy { $0.rate == 1 })
    }

    @Test func shiyanTownChambersAboveNinetyBelowAll() throws {
        // 十堰: "town chambers of commerce in 90%+ of towns" (and not all: 90%+, not full coverage).
        let c = try coverage(.town, "organization[type=商会]", in: "十堰市")
        #expect(c.units == 129)
        let rate = try #require(c.regions.first?.rate)
        #expect(rate >= 0.9 && rate < 1)
        #expect(c.uncovered.count == 129 - c.covered)
    }

    @Test(arguments: ["知联会", "新联会", "光彩会"]) func shiyanCountyAssociations(type: String) throws {
        // 十堰: "county-level 知联会, 新联会, 光彩会 in every county".
        let c = try coverage(.county, "organization[type=\(type)]", in: "十堰市")
        #expect(c.units > 0 && c.covered == c.units && c.uncovered.isEmpty)
    }

    @Test func jingmenFullCoverageAtEveryLevel() throws {
        // 荆门: 知联会/新联会 in every county; a liaison station in each town; a liaison point in each
        // of its 1,566 villages.
        for type in ["知联会", "新联会"] {
            let counties = try coverage(.county, "organization[type=\(type)]", in: "荆门市")
            #expect(counties.units > 0 && counties.covered == counties.units, "\(type)")
        }
        let towns = try coverage(.town, "organization[type=联络站]", in: "荆门市")
        #expect(towns.units > 0 && towns.covered == towns.units)
        let villages = try coverage(.village, "organization[type=联络点]", in: "荆门市")
        #expect(villages.units == 1566 && villages.covered == 1566)
    }

    @Test func suizhouVillagesAllHaveALiaison() throws {
        // 随州: "1,009 villages each with a liaison station, 1 liaison".
        let liaisons = try coverage(.village, "figure[category=统战联络员]", via: [EdgeKind.liaisonFor], in: "随州市")
        #expect(liaisons.units == 1009 && liaisons.covered == 1009)
        let stations = try coverage(.village, "organization[type=联络站]", in: "随州市")
        #expect(stations.covered == 1009)
    }
}
