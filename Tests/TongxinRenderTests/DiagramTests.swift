import Testing
import TongxinTestSupport
@testable import TongxinRender

/// Diagram building on SampleGraphs.tinyProvince(); node indices there:
/// hb 0, c1 1, c2 2, t1 3, t2 4, t3 5, v1 6, v2 7, v3 8, v4 9, v5 10, o1 11, o2 12, e1 13, f1 14.
/// o2 (serves v5), e1 (paired with v2, v3) and f1 (liaison for v1) are unplaced: no `within` edge.
@Suite struct DiagramTests {
    let graph = SampleGraphs.tinyProvince()

    private func names(_ diagram: Diagram) -> [String] { diagram.nodes.map(\.name) }

    private func edges(_ diagram: Diagram) -> [String] {
        diagram.edges.map { "\(diagram.nodes[$0.source].name)-\($0.kind)->\(diagram.nodes[$0.target].name)×\($0.count)" }
    }

    @Test func wholeGraphKeepsEveryNodeAndDrawsWithinDownward() throws {
        let (diagram, plan) = try Diagram.build(graph: graph, options: DiagramOptions())
        #expect(diagram.nodes.count == 15)
        #expect(diagram.edges.count == 15)
        #expect(plan.collapse == nil && plan.engine == .dot && plan.engineReason != nil)
        // within edges point from the region down: 湖北省 → 甲市.
        #expect(edges(diagram).contains("湖北省-within->甲市×1"))
        #expect(edges(diagram).contains("某茶业公司-paired_with->二村×1"))
    }

    @Test func collapseToTownCountsMembersAndAggregatesEdges() throws {
        let (diagram, plan) = try Diagram.build(graph: graph, options: DiagramOptions(collapse: .town))
        #expect(plan.collapse == .town && !plan.collapseChosen)
        #expect(names(diagram) == ["湖北省", "甲市", "乙市", "甲镇", "乙镇", "丙镇"])
        // 甲镇 holds v1, v2, o1 (within v1), and the unplaced e1 (first reached from v2) and f1 (from v1).
        #expect(
            diagram.nodes[3].members
                == "2\u{00A0}villages\u{00A0}· 1\u{00A0}organization\u{00A0}· 1\u{00A0}enterprise\u{00A0}· 1\u{00A0}figure")
        #expect(diagram.nodes[3].memberCount == 5)
        #expect(diagram.nodes[4].members == "1\u{00A0}village")
        // o2 serves v5, so it follows v5 into 丙镇.
        #expect(diagram.nodes[5].members == "2\u{00A0}villages\u{00A0}· 1\u{00A0}organization")
        // e1 → v2 falls inside 甲镇; e1 → v3 becomes 甲镇 → 乙镇.
        #expect(
            edges(diagram) == [
                "湖北省-within->甲市×1", "湖北省-within->乙市×1", "甲市-within->甲镇×1", "甲市-within->乙镇×1",
                "乙市-within->丙镇×1", "甲镇-paired_with->乙镇×1"
            ])
    }

    /// The same view in Chinese: counts, the title, the coverage line and the legend's words.
    @Test func chineseWords() throws {
        var options = DiagramOptions(collapse: .city, language: .zh)
        options.colorBy = .init(
            selector: "商会",
            states: (0..<graph.nodeCount).map { [6, 7, 8, 9, 10].contains($0) ? ($0 == 6 ? .covered : .uncovered) : .notUnit })
        let (diagram, _) = try Diagram.build(graph: graph, options: options)
        #expect(diagram.title == "tiny · 按市（州）汇总")
        // 甲市 holds t1, t2, v1–v3, o1 and the unplaced e1 and f1.
        #expect(diagram.nodes[1].members == "2个乡镇\u{00A0}· 3个村\u{00A0}· 1个组织\u{00A0}· 1个企业\u{00A0}· 1个人物")
        let dot = DiagramDOT.write(diagram, engine: .dot)
        #expect(dot.contains("3个中覆盖33%"))  // 甲市: v1 of v1–v3
        #expect(dot.contains("已覆盖") && dot.contains("未覆盖") && dot.contains("覆盖比例：") && dot.contains("隶属/位于"))
        #expect(!dot.contains("covered"))
    }

    @Test func collapseToCountyWithoutCountiesFoldsTownsIntoCities() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(collapse: .county))
        #expect(names(diagram) == ["湖北省", "甲市", "乙市"])
        #expect(
            diagram.nodes[1].members
                == "2\u{00A0}towns\u{00A0}· 3\u{00A0}villages\u{00A0}· 1\u{00A0}organization\u{00A0}· 1\u{00A0}enterprise\u{00A0}· 1\u{00A0}figure"
        )
        #expect(diagram.edges.count == 2)
    }

    @Test func clustersAreTheLowestRegionsHoldingNodes() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions())
        // Owners: hb (cities), c1/c2 (towns), t1/t2/t3 (villages, o1 via v1); only the towns get boxes.
        #expect(diagram.clusters.map { diagram.nodes[$0].name } == ["甲镇", "乙镇", "丙镇"])
        let members = diagram.clusters.indices.map { cluster in
            diagram.nodes.filter { $0.cluster == cluster }.map(\.name)
        }
        #expect(members == [["甲镇", "一村", "二村", "甲镇商会"], ["乙镇", "三村"], ["丙镇", "四村", "五村"]])
    }

    @Test func focusTakesTheNeighbourhoodInBreadthFirstOrder() throws {
        let options = DiagramOptions(focus: .init(node: 6, depth: 1))
        let (diagram, plan) = try Diagram.build(graph: graph, options: options)
        // v1: out-edge to t1; in-edges from o1 (edge 10) and f1 (edge 14).
        #expect(names(diagram) == ["甲镇", "一村", "甲镇商会", "张三"])
        #expect(plan.viewNodes == 4)
        let cut = try Diagram.build(graph: graph, options: DiagramOptions(focus: .init(node: 6, depth: 1), maxNodes: 2))
        #expect(names(cut.0) == ["甲镇", "一村"])
        #expect(cut.1.cutTo == 2 && cut.1.viewNodes == 4)
    }

    @Test func regionTakesTheSubtreeAndLinkedUnplacedNodes() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(region: 3))
        #expect(names(diagram) == ["甲镇", "一村", "二村", "甲镇商会", "某茶业公司", "张三"])
        // e1 → v3 leaves the region and is dropped.
        #expect(!edges(diagram).contains { $0.contains("三村") })
    }

    @Test func automaticCollapseTakesTheFinestLevelThatFits() throws {
        #expect(try Diagram.build(graph: graph, options: DiagramOptions(maxNodes: 6)).1.collapse == .town)
        #expect(try Diagram.build(graph: graph, options: DiagramOptions(maxNodes: 3)).1.collapse == .county)
        let (diagram, plan) = try Diagram.build(graph: graph, options: DiagramOptions(maxNodes: 2))
        #expect(plan.collapse == .province && plan.collapseChosen)
        #expect(names(diagram) == ["湖北省"])
        #expect(plan.summary.hasPrefix("render: 15 nodes in view, collapsed to province (chosen"))
    }

    @Test func tooLargeWithoutRegionsIsAnError() {
        var builder = GraphBuilder(name: "people")
        for index in 0..<5 { builder.addNode(id: "f\(index)", kind: NodeKind.figure) }
        for index in 0..<4 { builder.addEdge(source: "f\(index)", target: "f\(index + 1)", kind: EdgeKind.tie) }
        let people = try! builder.build()
        #expect(throws: DiagramError.tooLarge(nodes: 5, maxNodes: 3)) {
            try Diagram.build(graph: people, options: DiagramOptions(maxNodes: 3))
        }
        #expect(throws: DiagramError.empty) { try Diagram.build(graph: Graph(), options: DiagramOptions()) }
    }

    /// Coverage of villages by organizations: v1 (o1 within) and v5 (o2 serves) covered.
    private var villageCoverage: DiagramOptions.Coverage {
        var states = [CoverageState](repeating: .notUnit, count: graph.nodeCount)
        for village in 6...10 { states[village] = .uncovered }
        states[6] = .covered
        states[10] = .covered
        return .init(selector: "organization", states: states)
    }

    @Test func coverageMarksUnitsAndRatesCollapsedRegions() throws {
        let plain = try Diagram.build(graph: graph, options: DiagramOptions(colorBy: villageCoverage)).0
        #expect(plain.nodes[6].coverage == .covered && plain.nodes[7].coverage == .uncovered)
        #expect(plain.nodes[0].coverage == nil)
        let towns = try Diagram.build(graph: graph, options: DiagramOptions(collapse: .town, colorBy: villageCoverage)).0
        // 甲镇: v1 covered, v2 not → 1/2; 乙镇: v3 → 0/1; 丙镇: v4 no, v5 yes → 1/2.
        #expect(towns.nodes[3].coverage == .rate(0.5, units: 2))
        #expect(towns.nodes[4].coverage == .rate(0, units: 1))
        #expect(towns.nodes[5].coverage == .rate(0.5, units: 2))
        #expect(towns.coverage == "organization")
    }

    @Test func measureTakesTheLargestScoreInsideASuperNode() throws {
        let scores = DiagramOptions.Measure(name: "index", values: (0..<15).map(Double.init))
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(collapse: .town, sizeBy: scores))
        // 甲镇 holds t1 3, v1 6, v2 7, o1 11, e1 13, f1 14; 乙镇 t2 4, v3 8; 丙镇 t3 5, v4 9, v5 10, o2 12.
        #expect(diagram.nodes.map(\.score) == [0, 1, 2, 14, 8, 12])
        #expect(diagram.measure?.min == 0 && diagram.measure?.max == 14)
    }

    @Test func engineChoiceFollowsSize() {
        #expect(DiagramPlan.engine(nodes: 40, edges: 300, hierarchyEdges: 0, fanout: 0).engine == .dot)
        #expect(DiagramPlan.engine(nodes: 15, edges: 15, hierarchyEdges: 10, fanout: 2).engine == .dot)
        // Hubei by city: the province with 17 cities.
        #expect(DiagramPlan.engine(nodes: 18, edges: 17, hierarchyEdges: 17, fanout: 17).engine == .twopi)
        #expect(DiagramPlan.engine(nodes: 119, edges: 356, hierarchyEdges: 118, fanout: 17).engine == .twopi)
        #expect(DiagramPlan.engine(nodes: 500, edges: 1500, hierarchyEdges: 10, fanout: 3).engine == .neato)
        #expect(DiagramPlan.engine(nodes: 501, edges: 1500, hierarchyEdges: 10, fanout: 3).engine == .sfdp)
        #expect(DiagramPlan.engine(nodes: 5000, edges: 5100, hierarchyEdges: 4999, fanout: 30).engine == .sfdp)
        #expect(DiagramPlan.engine(nodes: 1200, edges: 5100, hierarchyEdges: 0, fanout: 0).engine == .sfdp)
    }

    @Test func edgeKindsFilterLinksButKeepTheHierarchy() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(edgeKinds: [EdgeKind.pairedWith]))
        #expect(Set(diagram.edges.map(\.kind)) == [EdgeKind.within, EdgeKind.pairedWith])
        #expect(diagram.edges.count == 13)  // 11 within (o1 within v1 too) + 2 paired_with
    }

    @Test func collapsedLinksAreUndirectedFoldedAndCapped() throws {
        // Two towns of one city, linked both ways, plus a link from the city to one of its towns.
        var builder = GraphBuilder(name: "links")
        builder.addNode(id: "c", kind: NodeKind.region, name: "市", attributes: ["level": .string("city")])
        for town in ["a", "b", "d"] {
            builder.addNode(id: town, kind: NodeKind.region, name: town, attributes: ["level": .string("town")])
            builder.addEdge(source: town, target: "c", kind: EdgeKind.within)
        }
        for (index, town) in ["a", "a", "b", "d"].enumerated() {
            builder.addNode(id: "v\(index)", kind: NodeKind.village, name: "v\(index)")
            builder.addEdge(source: "v\(index)", target: town, kind: EdgeKind.within)
        }
        builder.addEdge(source: "v0", target: "v2", kind: EdgeKind.tie)  // a → b
        builder.addEdge(source: "v2", target: "v1", kind: EdgeKind.tie)  // b → a
        builder.addEdge(source: "v3", target: "v0", kind: EdgeKind.tie)  // d → a
        builder.addEdge(source: "c", target: "v2", kind: EdgeKind.tie)  // city → inside itself: folded
        let links = try builder.build()
        let (diagram, plan) = try Diagram.build(graph: links, options: DiagramOptions(collapse: .town))
        #expect(diagram.undirectedLinks)
        #expect(edges(diagram).filter { !$0.contains("within") } == ["a-tie->b×2", "a-tie->d×1"])
        #expect(plan.droppedEdges == 0)
        let (capped, cappedPlan) = try Diagram.build(graph: links, options: DiagramOptions(collapse: .town, maxEdges: 1))
        #expect(edges(capped).filter { !$0.contains("within") } == ["a-tie->b×2"])
        #expect(cappedPlan.droppedEdges == 1)
        #expect(
            DiagramDOT.write(capped, engine: .dot).contains("n1 -> n2 [color=\"#636363\", style=dashed, penwidth=2, dir=none, label=\"2\""))
    }

    @Test func aBoxAroundEveryNodeIsNotDrawn() throws {
        // By city: the province holds every other node, so no cluster.
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(collapse: .city))
        #expect(diagram.clusters.isEmpty)
    }

    @Test func theFocusIsMarked() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(focus: .init(node: 6, depth: 1)))
        #expect(diagram.focus == 1)  // diagram nodes in graph index order: 甲镇 3, 一村 6, 甲镇商会 11, 张三 14
        #expect(diagram.nodes[diagram.focus!].name == "一村")
        #expect(DiagramDOT.write(diagram, engine: .dot).contains("color=\"#d62728\", penwidth=3"))
    }

    @Test func twopiCentresOnTheHighestRegion() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions(region: 1))
        #expect(DiagramDOT.root(of: diagram) == 0)
        #expect(DiagramDOT.write(diagram, engine: .twopi).contains("root=n0"))
    }

    @Test func goldenDOT() throws {
        let (full, fullPlan) = try Diagram.build(graph: graph, options: DiagramOptions())
        try expectGolden(DiagramDOT.write(full, engine: fullPlan.engine), "tiny-full.dot")
        let scores = DiagramOptions.Measure(name: "index", values: (0..<15).map(Double.init))
        let options = DiagramOptions(collapse: .town, sizeBy: scores, colorBy: villageCoverage)
        let (towns, _) = try Diagram.build(graph: graph, options: options)
        try expectGolden(DiagramDOT.write(towns, engine: .neato), "tiny-towns-neato.dot")
    }
}
