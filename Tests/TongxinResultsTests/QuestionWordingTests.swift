import Testing
import TongxinGraph
import TongxinResults

@Suite struct QuestionWordingTests {
    let zh = QuestionWording(chinese: true), en = QuestionWording(chinese: false)

    @Test func coverageQuestions() throws {
        let chambers = try NodeSelector(parsing: "organization[type=商会]")
        #expect(zh.coverage(unit: .town, by: [chambers], via: ["within", "serves"]) == "商会覆盖的乡镇（经 隶属/位于、服务）")
        #expect(
            en.coverage(unit: .town, by: [chambers], via: ["within", "serves"])
                == "towns covered by organizations of type 商会 (via within, serves)")
        let liaisons = try NodeSelector(parsing: "figure[category=统战联络员]"), figures = try NodeSelector(parsing: "figure")
        let school = try NodeSelector(parsing: "school")
        #expect(
            zh.coverage(unit: .village, by: [liaisons, figures], via: ["liaison_for"])
                == "统战联络员或人物覆盖的村（经 联络）")
        #expect(
            en.coverage(unit: .city, by: [figures], via: ["liaison_for"])
                == "cities covered by figures (via liaison for)")
        // Other filters are spelled out; unknown kinds and edge kinds are shown as they are.
        let other = try NodeSelector(parsing: "organization[level=县,type!=商会]")
        #expect(zh.subject([other]) == "组织（level=县，type≠商会）")
        #expect(en.subject([other]) == "organizations with level=县, type≠商会")
        #expect(zh.coverage(unit: .county, by: [school], via: ["runs"]) == "school覆盖的县（经 runs）")
    }

    @Test func pairingQuestions() throws {
        let left = try NodeSelector(parsing: "enterprise"), right = try NodeSelector(parsing: "village")
        #expect(zh.pairing(left: left, right: right, edge: EdgeKind.pairedWith) == "与企业结对的村")
        #expect(en.pairing(left: left, right: right, edge: EdgeKind.pairedWith) == "villages paired with enterprises")
        #expect(zh.pairing(left: left, right: right, edge: "helps") == "与企业结对的村（经 helps）")
    }
}
