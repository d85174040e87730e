import Foundation
import Testing
import TongxinAnalysis
import TongxinGraph
import TongxinResults
import TongxinTestSupport
@testable import TongxinReport

/// The 变化 section: ``ReportBuilder/change(since:named:movers:listLimit:)`` and its page.
@Suite struct ReportChangeTests {
    /// SampleGraphs.tinyProvince a year earlier: the 商会 o1 was in 二村 (not 一村: a move), e1 was paired
    /// with 二村 and 四村 (not 三村), and 张三 was no one's liaison yet.
    static func earlier() -> Graph {
        let now = SampleGraphs.tinyProvince()
        var builder = GraphBuilder(name: "earlier")
        for node in 0..<now.nodeCount {
            let index = builder.addNode(id: now.id(of: node), kind: now.kind(of: node), name: now.name(of: node))!
            for (attribute, value) in now.nodeAttributes.values(at: node) { builder.setAttribute(attribute, value, ofNode: index) }
        }
        for edge in 0..<now.edgeCount {
            let source = now.id(of: now.source(of: edge)), target = now.id(of: now.target(of: edge)), kind = now.kind(ofEdge: edge)
            switch (source, target, kind) {
            case ("o1", "v1", _): builder.addEdge(source: "o1", target: "v2", kind: kind)
            case ("e1", "v3", _): builder.addEdge(source: "e1", target: "v4", kind: kind)
            case ("f1", _, EdgeKind.liaisonFor): continue
            default: builder.addEdge(source: source, target: target, kind: kind)
            }
        }
        return try! builder.build()
    }

    @Test func whatMovedSinceTheEarlierVersion() throws {
        let change = try ReportBuilder(SampleGraphs.tinyProvince(), scope: nil).change(since: Self.earlier(), named: "2023.json")
        #expect(change.nodesAdded == 0 && change.nodesRemoved == 0 && change.nodesChanged == 1)
        #expect(
            change.edges == [
                EdgeShift(kind: EdgeKind.within, added: 1, removed: 1),
                EdgeShift(kind: EdgeKind.pairedWith, added: 1, removed: 1),
                EdgeShift(kind: EdgeKind.liaisonFor, added: 1, removed: 0)
            ])
        let chambers = try #require(change.coverage.first { $0.label == "商会" })
        #expect(chambers.before == Fraction(part: 2, whole: 5) && chambers.after == Fraction(part: 2, whole: 5))
        #expect(chambers.movers.isEmpty)
        #expect(
            chambers.newlyUncovered == [
                UncoveredUnit(
                    unit: NodeReference(id: "v2", name: "二村"), group: "甲市",
                    path: ["湖北省", "甲市", "甲镇"])
            ])
        #expect(chambers.newlyCoveredCount == 1)
        let liaisons = try #require(change.coverage.first { $0.label == "联络员" })
        #expect(
            liaisons.movers == [
                RateMove(
                    region: NodeReference(id: "c1", name: "甲市"), level: .city, before: 0,
                    after: 1.0 / 3.0, delta: 1.0 / 3.0)
            ])
        #expect(change.pairing.count == 1)
        let pairing = change.pairing[0]
        #expect(pairing.pairsBefore == 2 && pairing.pairsAfter == 2)
        #expect(pairing.begun.map { "\($0.left.id)>\($0.right.id)" } == ["e1>v3"])
        #expect(pairing.ended.map { "\($0.left.id)>\($0.right.id)" } == ["e1>v4"])
    }

    @Test(arguments: ReportLanguage.allCases) func pageShowsTheSection(language: ReportLanguage) throws {
        let builder = ReportBuilder(SampleGraphs.tinyProvince(), scope: nil)
        var content = builder.frame()
        content.change = try builder.change(since: Self.earlier(), named: "2023.json")
        let html = ReportPage(content, options: ReportOptions(language: language, sections: [.change])).render()
        #expect(html.contains("<section id=\"change\" class=\"report-section\">"))
        if language == .zh {
            #expect(html.contains("<h2>变化</h2>") && html.contains("与 2023.json 相比：新增节点 0 个，减少 0 个，变更 1 个。"))
            #expect(html.contains("<summary>新失去覆盖的村（社区）（1 个）</summary>"))
            #expect(html.contains("<summary>新结对（1 条）</summary>"))
        } else {
            #expect(html.contains("<h2>Change</h2>") && html.contains("Since 2023.json: 0 nodes added, 0 removed, 1 changed."))
            #expect(html.contains("<summary>Ended pairings (1)</summary>"))
        }
        // Without an earlier version there is no change section.
        #expect(
            ReportPage(builder.frame(), options: ReportOptions(language: language)).sections
                == [.summary, .coverage, .pairing, .maps, .central, .diagrams])
    }
}
