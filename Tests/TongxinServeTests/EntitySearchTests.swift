import Testing
import TongxinGraph
import TongxinIO
import TongxinServe
import TongxinTestSupport

@Suite struct EntitySearchTests {
    let graph = SampleGraphs.tinyProvince()

    func ids(_ text: String) -> [String] {
        EntitySearch(graph: graph).search(text).map { graph.id(of: $0.node) }
    }

    /// Part of a name: places before other nodes, higher levels first (甲市 before 甲镇 before 甲镇商会).
    @Test func partOfANameRanksPlacesByLevel() {
        #expect(ids("甲") == ["c1", "t1", "o1"])
        #expect(EntitySearch(graph: graph).search("甲").map(\.rank) == [2, 2, 2])
        #expect(ids("商会") == ["o1", "o2"])
        #expect(ids("张") == ["f1"])
    }

    /// A name the resolver knows exactly ranks 0; the same name typed with blanks still does.
    @Test func exactNamesRankFirst() {
        let search = EntitySearch(graph: graph)
        #expect(search.search("乙市").map { graph.id(of: $0.node) } == ["c2"])
        #expect(search.search("乙市").first?.rank == 0)
        #expect(search.search(" 乙 市 ").first?.rank == 0)
        #expect(search.search("一村").first.map { graph.id(of: $0.node) } == "v1")
    }

    /// Ids match by prefix (rank 2) or inside (rank 4), ASCII letters in either case.
    @Test func idsMatchInEitherCase() {
        #expect(ids("v") == ["v1", "v2", "v3", "v4", "v5"])
        #expect(ids("HB") == ["hb"])
        #expect(ids("1") == ["c1", "t1", "v1", "f1", "o1", "e1"])
        #expect(EntitySearch(graph: graph).search("1").map(\.rank) == [4, 4, 4, 4, 4, 4])
    }

    @Test func nothingForBlankOrOverlongText() {
        #expect(ids("").isEmpty)
        #expect(ids("  \u{3000}").isEmpty)
        #expect(ids(String(repeating: "村", count: 100)).isEmpty)
        #expect(ids("不存在").isEmpty)
    }

    /// At most `limit` results a kind, with every kind's full count.
    @Test func jsonKeepsLimitPerKindAndCounts() {
        let json = EntitySearch(graph: graph).json(for: "甲", limit: 1).serialized()
        #expect(
            json == #"{"query":"甲","total":3,"counts":{"region":2,"organization":1},"results":["#
                + #"{"id":"c1","name":"甲市","kind":"region","level":"city","type":null,"category":null,"path":["湖北省"],"rank":2},"#
                + #"{"id":"o1","name":"甲镇商会","kind":"organization","level":null,"type":"商会","category":null,"path":["湖北省","甲市","甲镇","一村"],"rank":2}]}"#
        )
    }

    /// 梁子 on Hubei: the town the name means (梁子镇, rank 0), the figures named exactly 梁子 (rank 1),
    /// then the places whose names start with it (梁子湖区) before the organizations named after it.
    @Test func hubeiLiangzi() throws {
        let hubei = try HubeiGraph.graph
        let hits = EntitySearch(graph: hubei).search("梁子")
        let described = hits.prefix(4).map { "\(hubei.name(of: $0.node)) \(hubei.kind(of: $0.node)) \($0.rank)" }
        #expect(described == ["梁子镇 region 0", "梁子 figure 1", "梁子 figure 1", "梁子湖区 region 2"])
        #expect(hits.contains { hubei.name(of: $0.node) == "江夏梁子湖风景区" && $0.rank == 3 })
        #expect(EntitySearch(graph: hubei).search("420702").first.map { hubei.name(of: $0.node) } == "梁子湖区")
    }
}
