import Testing
import TongxinAnalysis
import TongxinTestSupport

/// The pairing facts the source states (DOMAIN.md), on the Hubei graph.
@Suite struct HubeiPairingTests {
    let graph: Graph

    init() throws { graph = try HubeiGraph.graph }

    func pairing(_ left: String, _ right: String, edge: String = EdgeKind.pairedWith, in region: String) throws -> Pairing.Region {
        try Pairing(
            of: graph, left: NodeSelector(parsing: left), right: NodeSelector(parsing: right), edge: edge,
            within: HubeiGraph.region(region)
        ).regions[0]
    }

    @Test func yichangEnterprisesAndVillages() throws {
        // 宜昌 万企兴万村: "1,173 private enterprises and chambers paired with 1,319 villages".
        let r = try pairing("enterprise", "village", in: "宜昌市")
        #expect(r.leftPaired == 1173 && r.rightPaired == 1319)
        #expect(r.maxMatching <= min(r.leftPaired, r.rightPaired))
    }

    @Test func enshiEveryVillagePaired() throws {
        // 恩施 万企兴万村: "2,169 enterprises paired with 1,510 villages, every village paired".
        let r = try pairing("enterprise", "village", in: "恩施土家族苗族自治州")
        #expect(r.leftPaired == 2169 && r.right == 1510 && r.rightPaired == 1510 && r.unpaired.isEmpty)
        #expect(r.rightShare == 1)
    }

    @Test func suizhouOneLiaisonPerVillage() throws {
        // 随州: "1,009 villages each with ... 1 liaison": every village has exactly one.
        let r = try pairing("figure[category=统战联络员]", "village", edge: EdgeKind.liaisonFor, in: "随州市")
        #expect(r.right == 1009 && r.rightPaired == 1009 && r.pairs == 1009 && r.rightMaxPairs == 1)
        #expect(r.maxMatching == 1009)
    }
}
