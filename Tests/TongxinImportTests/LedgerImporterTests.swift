import Foundation
import Testing
import TongxinTestSupport
import TongxinGraph
import TongxinIO
@testable import TongxinImport

/// Running the importer on a ``TongxinTestSupport/Ledgers`` folder.
extension Ledgers {
    func run() throws(DiagnosticList) -> LedgerImporter.Result {
        try LedgerImporter.run(try LedgerMapping.read(folder + "/map.yaml"))
    }

    func errors() -> [String] {
        do {
            _ = try run()
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        }
    }
}

@Suite struct LedgerImporterTests {

    @Test func aRosterBecomesFiguresVillagesAndEdges() throws {
        let result = try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": Ledgers.roster]).run()
        let graph = result.graph
        #expect(result.warnings.isEmpty)
        let figures = graph.nodes(ofKind: NodeKind.figure)
        #expect(figures.map { graph.name(of: $0) }.sorted() == ["张三", "李四"])
        let villages = graph.nodes(ofKind: NodeKind.village)
        #expect(villages.map { graph.name(of: $0) } == ["新坪村", "旧坪社区"])
        let town = graph.index(of: "420506001")!
        #expect(villages.allSatisfy { graph.hierarchy.parent(of: $0) == town })
        #expect(villages.map { graph.attribute("type", of: $0) } == [.string("village"), .string("community")])
        let zhang = figures.first { graph.name(of: $0) == "张三" }!
        #expect(graph.outgoing.neighbors(of: zhang).map { graph.name(of: Int($0)) } == ["新坪村", "旧坪社区"])
        #expect(graph.attribute("phone", of: zhang) == .string("13800000001"))
        #expect(graph.attribute("category", of: zhang) == .string("统战联络员"))
        #expect(graph.edgeKindCounts().first { $0.kind == EdgeKind.liaisonFor }?.count == 3)
        #expect(graph.nodeCount == 1594 + 2 + 2)
    }

    @Test func idsAreStable() throws {
        let first = try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": Ledgers.roster]).run().graph
        let second = try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": Ledgers.roster]).run().graph
        #expect(first.ids == second.ids)
        #expect(first.ids.contains("figure-" + StableID.hash(["figure", "张三", "13800000001"])))
    }

    @Test func aMisspelledTownIsAnErrorAtItsCellWithTheClosestName() throws {
        let roster = Ledgers.roster.replacingOccurrences(of: "3,宜昌,夷陵,小溪塔,", with: "3,宜昌,夷陵,小溪塔镇,")
        #expect(
            try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": roster]).errors() == [
                "roster.csv:roster!D5: error: no town named '小溪塔镇' in 夷陵区; did you mean 小溪塔街道?"
            ])
    }

    @Test func problemsAndWarningsCarryTheirRowSoTheReportNeedNotReadTheWorkbookAgain() throws {
        let roster = Ledgers.roster.replacingOccurrences(of: "3,宜昌,夷陵,小溪塔,", with: "3,宜昌,夷陵,小溪塔镇,")
        let ledgers = try Ledgers(["map.yaml": Ledgers.mapping, "roster.csv": roster])
        do {
            _ = try ledgers.run()
            Issue.record("the misspelled town should be an error")
        } catch {
            let excerpt = try #require(error.diagnostics.first?.excerpt)
            #expect(
                excerpt
                    == SourceExcerpt(
                        text: "3 | 宜昌 | 夷陵 | 小溪塔镇 | 旧坪社区 | 张三 | 13800000001", caret: 14,
                        cutBefore: false, cutAfter: false))
        }
        let mapping =
            "sheets:\n  - file: p.csv\n    nodes:\n      p: {place: [县, 乡镇]}\n      o: {kind: organization, name: 名称, place: [县, 乡镇]}\n"
        let warned = try Ledgers(["map.yaml": mapping, "p.csv": "名称,县,乡镇\n甲商会,长阳县,420506001\n"]).run().warnings
        #expect(warned.map(\.excerpt?.text) == ["甲商会 | 长阳县 | 420506001"])
    }

    @Test func conflictingAttributesNameBothCells() throws {
        let mapping = Ledgers.mapping.replacingOccurrences(of: "key: [姓名, 联系电话]", with: "key: 姓名")
        let errors = try Ledgers([
            "map.yaml": mapping, "roster.csv": Ledgers.roster.replacingOccurrences(of: "旧坪社区,张三,13800000001", with: "旧坪社区,张三,13900000009")
        ]).errors()
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix("roster.csv:roster!G5: error: phone of figure '张三' is '13900000009' here but '13800000001' at ") == true
        )
        #expect(errors.first?.hasSuffix("roster!G3") == true)
    }

    @Test func aMissingColumnNamesTheSheetAndItsHeaders() throws {
        let mapping = Ledgers.mapping.replacingOccurrences(of: "name: 姓名", with: "name: 名字")
        #expect(
            try Ledgers(["map.yaml": mapping, "roster.csv": Ledgers.roster]).errors() == [
                "roster.csv:roster!A2: error: sheet 'roster': no header row among the first 30 rows names the mapped column '名字'; "
                    + "row 2 has: 序号, 市州, 县(市、区), 乡镇 （街道）, 村（社区）, 姓名, 联系电话"
            ])
    }

    @Test func dataChecksAreWarnings() throws {
        let mapping = """
            sheets:
              - file: pairs.csv
                nodes:
                  e: {kind: enterprise, key: 统一社会信用代码, name: 企业名称, place: [县, 乡镇]}
                  v: {place: [县, 乡镇, 村]}
                edges:
                  - {source: e, target: v, kind: paired_with, attrs: {projects: 项目数}}
            """
        let pairs = """
            企业名称,统一社会信用代码,县,乡镇,村,项目数
            恩施康山粮油有限公司,91350100M000100Y43,恩施市,舞阳坝,苏口村,2
            恩施康山粮油有限公司,91350100M000100Y44,恩施市,舞阳坝,程家湖村,1
            """
        let result = try Ledgers(["map.yaml": mapping, "pairs.csv": pairs]).run()
        let warnings = result.warnings.map(\.message)
        #expect(warnings.contains("credit code 91350100M000100Y44: the check character is '4' but the first 17 characters give '3'"))
        #expect(warnings.contains { $0.hasPrefix("likely duplicate: enterprise '恩施康山粮油有限公司' in 舞阳坝街道 also appears at ") })
        let graph = result.graph
        #expect(graph.nodes(ofKind: NodeKind.enterprise).count == 2)
        let edges = (0..<graph.edgeCount).filter { graph.kind(ofEdge: $0) == EdgeKind.pairedWith }
        #expect(edges.map { graph.edgeAttributes.value("projects", at: $0) } == [.int(2), .int(1)])
    }

    @Test func aCodeBeatsAParentThatDisagrees() throws {
        let mapping =
            "sheets:\n  - file: p.csv\n    nodes:\n      p: {place: [县, 乡镇]}\n      o: {kind: organization, name: 名称, place: [县, 乡镇]}\n"
        let result = try Ledgers(["map.yaml": mapping, "p.csv": "名称,县,乡镇\n甲商会,长阳县,420506001\n"]).run()
        #expect(result.warnings.map(\.message) == ["the code 420506001 is 小溪塔街道, which is not in 长阳土家族自治县 named in the column before"])
        let org = result.graph.nodes(ofKind: NodeKind.organization)[0]
        #expect(result.graph.hierarchy.parent(of: org) == result.graph.index(of: "420506001"))
    }

    @Test func identifierChecks() {
        #expect(IdentifierChecks.creditCodeProblem("91350100M000100Y43") == nil)
        #expect(IdentifierChecks.creditCodeProblem("91110000802100433B") == nil)
        #expect(IdentifierChecks.creditCodeProblem("9135010") == "a unified social credit code has 18 characters, this one 7")
        #expect(
            IdentifierChecks.creditCodeProblem("91350100I000100Y43") == "'I' (character 9) is not allowed in a unified social credit code")
        #expect(IdentifierChecks.divisionCodeProblem("420506001200") == nil)
        #expect(IdentifierChecks.divisionCodeProblem("420000001001") == "the town part is set but the prefecture part is zero")
        #expect(IdentifierChecks.divisionCodeProblem("990506001200") == "99 is not a province's code")
    }
}
