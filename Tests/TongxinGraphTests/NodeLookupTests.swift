import Foundation
import Testing
import TongxinGraph

/// The real Hubei divisions (Graphs/sources/hubei-divisions.csv: 1,594 regions) as a graph.
enum HubeiDivisions {
    static let graph: Graph = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Graphs/sources/hubei-divisions.csv").path
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        var builder = GraphBuilder(name: "hubei-divisions")
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            builder.addNode(id: cells[0], kind: NodeKind.region, name: cells[1], attributes: ["level": .string(cells[2])])
            if !cells[3].isEmpty { builder.addEdge(source: cells[0], target: cells[3], kind: EdgeKind.within) }
        }
        return try! builder.build()
    }()
}

@Suite struct NodeLookupTests {
    let graph = HubeiDivisions.graph

    func id(_ text: String, within parent: String? = nil) throws -> String {
        graph.ids[try graph.resolve(text, within: parent.map { graph.index(of: $0)! })]
    }

    @Test(arguments: [
        ("恩施土家族苗族自治州", "4228"), ("恩施州", "4228"), ("恩施市", "422801"), ("长阳土家族自治县", "420528"),
        ("长阳县", "420528"), ("长阳", "420528"), ("神农架林区", "429021"), ("神农架", "429021"), ("夷陵", "420506"),
        ("夷陵区", "420506"), ("小溪塔", "420506001"), ("小溪塔街道", "420506001"), ("小溪塔街道办事处", "420506001"),
        ("宜昌", "4205"), ("湖北", "42"), (" 宜 昌 市 ", "4205"),
        ("420100", "4201"), ("4201", "4201"), ("420100000000", "4201"), ("420000", "42"), ("420506001000", "420506001")
    ])
    func resolves(text: String, code: String) throws {
        #expect(try id(text) == code)
    }

    @Test func anAmbiguousNameListsEveryCandidateWithCodeAndPath() {
        #expect(
            throws: NodeLookupError.ambiguous(
                "恩施",
                candidates: [
                    NodeCandidate(id: "4228", path: ["湖北省", "恩施土家族苗族自治州"]),
                    NodeCandidate(id: "422801", path: ["湖北省", "恩施土家族苗族自治州", "恩施市"])
                ])
        ) { try graph.resolve("恩施") }
        do {
            _ = try graph.resolve("恩施")
        } catch {
            #expect(
                error.description == "'恩施' names 2 nodes: 恩施土家族苗族自治州 4228 (湖北省/恩施土家族苗族自治州); "
                    + "恩施市 422801 (湖北省/恩施土家族苗族自治州/恩施市); give a full name or a code")
        }
    }

    @Test func aNameResolvesWithinItsParentOnly() throws {
        // 城关镇: 11 towns of Hubei; one in 郧西县 (420322).
        #expect(throws: NodeLookupError.self) { try graph.resolve("城关镇") }
        #expect(try id("城关镇", within: "420322") == "420322100")
        #expect(try id("城关", within: "420322") == "420322100")
        #expect(try id("荆州", within: "4210") == "421003")  // within the city, only its district
        #expect(throws: NodeLookupError.self) { try graph.resolve("小溪塔", within: graph.index(of: "4228")) }
    }

    @Test func anUnknownNameSuggestsTheClosest() {
        #expect(throws: NodeLookupError.notFound("小溪塔镇", kind: nil, within: "夷陵区", suggestions: ["小溪塔街道"])) {
            try graph.resolve("小溪塔镇", within: graph.index(of: "420506"))
        }
        do {
            _ = try graph.resolve("小溪塔镇")
        } catch {
            guard case .notFound(_, _, _, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(suggestions.first == "小溪塔街道")
        }
    }

    @Test func idsWinAndOtherNodesAreFoundByName() throws {
        var builder = GraphBuilder()
        builder.addNode(id: "42", kind: NodeKind.region, name: "湖北省", attributes: ["level": .string("province")])
        builder.addNode(id: "p1", kind: NodeKind.figure, name: "湖北")
        builder.addNode(id: "湖北省", kind: NodeKind.figure, name: "某人")
        let small = try builder.build()
        #expect(try small.resolve("湖北省") == small.index(of: "湖北省"))  // an id
        #expect(try small.resolve("湖北") == small.index(of: "42"))  // a place's short form before a figure's name
        #expect(try small.resolve("湖北", kind: NodeKind.figure) == small.index(of: "p1"))
        #expect(try small.resolve("某人") == small.index(of: "湖北省"))
    }
}
