import Testing
import TongxinAnalysis
import TongxinGraph
import TongxinResults
import TongxinRender
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
        #expect(
            summary.nodeKinds == [
                Tally("region", 6), Tally("village", 5), Tally("organization", 2),
                Tally("enterprise", 1), Tally("figure", 1)
            ])
        // within: 5 regions + 5 villages + o1 = 11; serves o2→v5; paired_with e1→v2, e1→v3; liaison f1→v1.
        #expect(
            summary.edgeKinds == [
                Tally("within", 11), Tally("serves", 1), Tally("paired_with", 2),
                Tally("liaison_for", 1)
            ])
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

/// Coverage, pairing and central nodes of ``SampleGraphs/tinyProvince()``, worked out by hand from
/// its picture (see SampleGraphs).
@Suite struct ReportBuilderAnalysisTests {
    let graph = SampleGraphs.tinyProvince()
    var builder: ReportBuilder { ReportBuilder(graph, scope: nil) }

    @Test func coverageQuestionsComeFromTheGraph() {
        // 商会: o1 within v1 and o2 serves v5, two links to villages; 联络员: f1 liaison_for v1.
        let questions = builder.coverageQuestions()
        #expect(questions.map(\.label) == ["商会", "联络员"])
        #expect(questions.map(\.unit) == [.village, .village])
        #expect(questions[0].selector.description == "organization[type=商会]")
        #expect(questions[1].selector.description == "figure[category=联络员]")
        #expect(questions[1].via == [EdgeKind.liaisonFor])
    }

    @Test func coverageRowsAndUncoveredUnits() throws {
        let measure = try builder.coverage(builder.coverageQuestions()[0])
        // Villages with a 商会: v1 and v5 of five; 甲市 1 of 3, 乙市 1 of 2. No county level, so the
        // rows stop at the cities.
        #expect(measure.regions.map(\.region.name) == ["湖北省", "甲市", "乙市"])
        #expect(measure.regions.map(\.units) == [5, 3, 2])
        #expect(measure.regions.map(\.covered) == [2, 1, 1])
        #expect(measure.uncovered.map(\.unit.id) == ["v2", "v3", "v4"])
        #expect(measure.uncovered.map(\.group) == ["甲市", "甲市", "乙市"])
        #expect(measure.uncovered[0].path == ["湖北省", "甲市", "甲镇"])
        #expect(measure.uncoveredCount == 3 && measure.inactiveRegions.isEmpty && measure.truncated == 0)
        let short = try builder.coverage(builder.coverageQuestions()[0], listLimit: 1)
        #expect(short.uncovered.map(\.unit.id) == ["v2"] && short.truncated == 2)
    }

    @Test func regionsWithoutCoverageAreNamedNotListed() throws {
        // The liaison covers v1 only: 乙市 has none, so v4 and v5 are not listed one by one.
        let measure = try builder.coverage(builder.coverageQuestions()[1])
        #expect(measure.regions.map(\.covered) == [1, 1, 0])
        #expect(measure.uncovered.map(\.unit.id) == ["v2", "v3"])
        #expect(measure.uncoveredCount == 4)
        #expect(measure.inactiveRegions == ["乙市"])
    }

    @Test func unitsAtTheBreakdownLevelAreRowsOfTheirOwn() throws {
        // 省 with cities 甲 and 乙; a 知联会 located in 甲 itself: the province asks which cities have one.
        var builder = GraphBuilder(name: "two cities")
        _ = builder.addNode(id: "p", kind: NodeKind.region, name: "省", attributes: ["level": .string("province")])
        for (id, name) in [("a", "甲"), ("b", "乙")] {
            _ = builder.addNode(id: id, kind: NodeKind.region, name: name, attributes: ["level": .string("city")])
            _ = builder.addEdge(source: id, target: "p", kind: EdgeKind.within)
        }
        _ = builder.addNode(id: "o", kind: NodeKind.organization, name: "甲知联会", attributes: ["type": .string("知联会")])
        _ = builder.addEdge(source: "o", target: "a", kind: EdgeKind.within)
        let report = ReportBuilder(try builder.build(), scope: nil)
        let questions = report.coverageQuestions()
        #expect(questions.map { "\($0.label) \($0.unit)" } == ["知联会 city"])
        let measure = try report.coverage(questions[0])
        #expect(measure.regions.map(\.region.name) == ["省", "甲", "乙"])
        #expect(measure.regions.map(\.covered) == [1, 1, 0])
        #expect(measure.regions.map(\.units) == [2, 1, 1])
        #expect(measure.uncovered.map(\.unit.name) == ["乙"] && measure.uncovered[0].group == "省")
        #expect(measure.inactiveRegions.isEmpty)
    }

    @Test func pairingByCity() throws {
        let questions = builder.pairingQuestions()
        #expect(questions.map { "\($0.left) → \($0.right): \($0.edges)" } == ["enterprise → village: 2"])
        let programme = try builder.pairing(questions[0])
        #expect(programme.leftLabel == "enterprise" && programme.rightLabel == "village")
        // Whole graph: e1 paired with v2 and v3 of five villages: density 2 / (1 × 5).
        // 甲市: e1 with v2, v3 of its three villages: density 2/3, v1 unpaired.
        // 乙市: no enterprise pairs into it: left 0, density none, v4 and v5 unpaired but not listed.
        #expect(programme.rows.map(\.region.name) == ["湖北省", "甲市", "乙市"])
        #expect(programme.rows.map(\.left) == [1, 1, 0])
        #expect(programme.rows.map(\.right) == [5, 3, 2])
        #expect(programme.rows.map(\.pairs) == [2, 2, 0])
        #expect(programme.rows.map(\.density) == [0.4, 2.0 / 3.0, nil])
        #expect(programme.rows.map(\.maxMatching) == [1, 1, 0])
        #expect(programme.rows.map(\.unpairedCount) == [3, 1, 2])
        #expect(programme.rows.map { $0.unpaired.map(\.id) } == [[], ["v1"], []])
        // e1 is located nowhere: any proposal costs 4 and none goes to 乙市, where nothing is paired.
        #expect(programme.suggestions.allSatisfy { $0.cost == 4 && $0.shared == nil && $0.right.id == "v1" })
    }

    @Test func centralNodesAndWhatTheyBridge() throws {
        let groups = try builder.central()
        #expect(groups.map(\.kind) == ["figure", "organization"])
        // 15 nodes < 256 samples: exact betweenness. f1, o1 and o2 are leaves: score 0, one tie each.
        #expect(groups.allSatisfy { $0.sampledSources == nil && $0.measure == "betweenness" })
        #expect(groups[0].nodes.map(\.node.id) == ["f1"])
        #expect(groups[1].nodes.map(\.node.id) == ["o1", "o2"])
        #expect(groups.flatMap(\.nodes).allSatisfy { $0.score == 0 && $0.degree == 1 })
        #expect(groups[0].nodes[0].category == "联络员")
        #expect(groups[1].nodes[0].location == ["甲市", "甲镇", "一村"])
        // f1's one tie is to v1 in 甲市 (and in 甲镇 below it: still one region), so 甲市 1.
        #expect(groups[0].nodes[0].bridges == [Tally("甲市", 1)])
    }

    @Test func centralNodesOfOneRegionComeFromItsSubgraph() throws {
        // 甲市's subtree: c1, t1, t2, v1, v2, v3 and o1 (located in v1); f1 is located nowhere, so
        // no figure is ranked. o1 is a leaf of the induced subgraph (its one tie: v1).
        let groups = try ReportBuilder(graph, scope: graph.index(of: "c1")!).central()
        #expect(groups.map(\.kind) == ["organization"])
        #expect(groups[0].nodes.map(\.node.id) == ["o1"])
        #expect(groups[0].nodes[0].degree == 1 && groups[0].nodes[0].score == 0)
    }

    @Test func bridgesDescendUntilTiesSpread() {
        // e1's ties reach v2 (甲镇) and v3 (乙镇), both in 甲市: the towns tell them apart.
        let neighbors = ["v2", "v3"].map { graph.index(of: $0)! }
        #expect(builder.bridges(of: neighbors) == [Tally("乙镇", 1), Tally("甲镇", 1)])
    }
}

/// The diagrams of the sample province, drawn by Graphviz in this process.
@Suite struct ReportBuilderDiagramTests {
    let graph = SampleGraphs.tinyProvince()

    @Test func overviewProgrammeAndNeighbourhood() throws {
        let builder = ReportBuilder(graph, scope: nil)
        let figures = try builder.diagrams(
            labels: Labels(.zh), coverage: builder.coverageQuestions(), programmes: builder.pairingQuestions(),
            figures: [graph.index(of: "f1")!], renderer: DiagramRenderer())
        // The overview is coloured by 商会 (two villages covered, against the liaison's one); the
        // programme is drawn in 甲市, the only city with pairs (2).
        #expect(figures.map(\.title) == ["湖北省按市（州）汇总", "甲市：企业与村（社区）结对", "张三的联系网络"])
        #expect(figures[0].caption.hasSuffix("颜色表示村（社区）中有商会覆盖的比例。"))
        #expect(figures[1].caption.hasPrefix("该项目结对最多的地区（2 对）"))
        #expect(figures.allSatisfy { $0.svg.contains("<svg") && $0.svg.contains("</svg>") })
        // The neighbourhood of 张三 (f1) within two steps: v1, then t1 and o1.
        for name in ["张三", "一村", "甲镇商会"] { #expect(figures[2].svg.contains(name), "\(name)") }
    }

    @Test func subgraphKeepsNamesLevelsAndPairings() throws {
        let builder = ReportBuilder(graph, scope: nil)
        var keep = [Bool](repeating: false, count: graph.nodeCount)
        for id in ["hb", "c1", "t1", "v2", "e1"] { keep[graph.index(of: id)!] = true }
        let pairing = (0..<graph.edgeCount).filter {
            graph.kind(ofEdge: $0) == EdgeKind.pairedWith && graph.id(of: graph.target(of: $0)) == "v2"
        }
        let sub = try builder.subgraph(keeping: keep, pairingEdges: pairing)
        #expect(sub.ids == ["hb", "c1", "t1", "v2", "e1"])
        #expect(sub.level(of: sub.index(of: "t1")!) == .town)
        // within: c1→hb, t1→c1, v2→t1; paired_with: e1→v2.
        #expect(sub.edgeKindCounts().map { "\($0.kind) \($0.count)" } == ["within 3", "paired_with 1"])
    }
}
