import Testing
import TongxinGraph
import TongxinTestSupport
@testable import TongxinReport

@Suite struct ReportBuilderTests {
    let graph = SampleGraphs.tinyProvince()

    @Test func provinceReportComparesCities() {
        let builder = ReportBuilder(graph, scope: nil)
        #expect(builder.breakdownLevel == .city)
        let frame = builder.frame()
        #expect(frame.title == "湖北省")
        #expect(frame.scope == nil)
        // v3 三村 lies in t2 乙镇 in c1 甲市; o2 is located nowhere (it only serves v5).
        #expect(builder.breakdownRegion[graph.index(of: "v3")!] == Int32(graph.index(of: "c1")!))
        #expect(builder.breakdownRegion[graph.index(of: "o2")!] == -1)
        #expect(builder.location(of: graph.index(of: "o1")!) == ["甲市", "甲镇", "一村"])
    }

    @Test func cityReportComparesTownsBelowIt() {
        // The sample has no counties: the level below a city is county, which no region has.
        let c1 = graph.index(of: "c1")!
        let builder = ReportBuilder(graph, scope: c1)
        #expect(builder.breakdownLevel == .county)
        #expect(builder.frame().title == "甲市")
        #expect(builder.frame().scope == NodeReference(id: "c1", name: "甲市"))
        #expect(builder.location(of: graph.index(of: "o1")!) == ["甲镇", "一村"])
    }

    @Test func summaryCountsTheWholeGraph() {
        let summary = ReportBuilder(graph, scope: nil).summary()
        // 6 regions, 5 villages, 2 organizations, 1 enterprise, 1 figure (SampleGraphs.tinyProvince).
        #expect(summary.nodeKinds == [Tally("region", 6), Tally("village", 5), Tally("organization", 2),
                                      Tally("enterprise", 1), Tally("figure", 1)])
        // within: 5 regions + 5 villages + o1 = 11; serves o2→v5; paired_with e1→v2, e1→v3; liaison f1→v1.
        #expect(summary.edgeKinds == [Tally("within", 11), Tally("serves", 1), Tally("paired_with", 2),
                                      Tally("liaison_for", 1)])
        #expect(summary.levels == [Tally("province", 1), Tally("city", 2), Tally("town", 3), Tally("village", 5)])
        #expect(summary.organizationTypes == [Tally("商会", 2)])
        #expect(summary.figureCategories == [Tally("联络员", 1)])
        #expect(summary.warningCount == graph.warnings.count)
    }

    @Test func summaryOfOneCityCountsItsSubtree() {
        let summary = ReportBuilder(graph, scope: graph.index(of: "c1")!).summary()
        // 甲市 holds c1, t1, t2, v1, v2, v3 and o1 (located in v1); e1 and f1 are located nowhere.
        #expect(summary.nodeKinds == [Tally("region", 3), Tally("village", 3), Tally("organization", 1)])
        // Edges with both ends inside: t1→c1, t2→c1, v1→t1, v2→t1, v3→t2, o1→v1.
        #expect(summary.edgeKinds == [Tally("within", 6)])
        #expect(summary.levels == [Tally("city", 1), Tally("town", 2), Tally("village", 3)])
    }
}
