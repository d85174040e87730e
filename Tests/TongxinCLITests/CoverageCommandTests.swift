import Foundation
import Testing
import TongxinIO
import TongxinTestSupport

/// Runs the `tongxin` binary built next to the test bundle on a small graph file.
enum CoverageCLI {
    /// SampleGraphs.tinyProvince as a native JSON file:
    /// hb 湖北省 ─ c1 甲市 ─ t1 甲镇 (v1 ← o1 商会 within, f1 liaison; v2 ← e1 paired), t2 乙镇 (v3 ← e1 paired);
    ///          ─ c2 乙市 ─ t3 丙镇 (v4; v5 ← o2 商会 serves).
    static let graphPath: String = {
        let path = NSTemporaryDirectory() + "tongxin-coverage-tests-\(UUID().uuidString).json"
        try! GraphFile.write(SampleGraphs.tinyProvince(), to: path)
        return path
    }()

    static func run(_ arguments: [String]) throws -> BuiltTongxin.Run { try BuiltTongxin.run(arguments) }
}

@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct CoverageCommandTests {
    func coverage(_ arguments: String...) throws -> BuiltTongxin.Run {
        try CoverageCLI.run(["coverage", CoverageCLI.graphPath] + arguments)
    }

    @Test func jsonFieldsAndValues() throws {
        // o1 covers v1 (within), o2 covers v5 (serves): 2 of 5 villages.
        let result = try coverage("--unit", "village", "--by", "organization[type=商会]", "--format", "json")
        #expect(result.status == 0 && result.stderr.isEmpty)
        let json = result.json
        #expect(json["unit"] as? String == "village")
        #expect(json["selector"] as? String == "organization[type=商会]")
        #expect(json["via"] as? [String] == ["within", "serves", "liaison_for", "paired_with"])
        let regions = try #require(json["regions"] as? [[String: Any]])
        #expect(regions.map { $0["id"] as? String } == ["hb", "c1", "t1", "t2", "c2", "t3"])
        #expect(Set(regions[0].keys).isSuperset(of: ["id", "name", "level", "units", "covered", "rate"]))
        #expect(regions[0]["units"] as? Int == 5 && regions[0]["covered"] as? Int == 2 && regions[0]["rate"] as? Double == 0.4)
        #expect(regions[3]["name"] as? String == "乙镇" && regions[3]["rate"] as? Double == 0)
        let uncovered = try #require(json["uncovered"] as? [[String: Any]])
        #expect(uncovered.map { $0["id"] as? String } == ["v2", "v3", "v4"])
        #expect(uncovered[0]["path"] as? [String] == ["湖北省", "甲市", "甲镇"])
    }

    @Test func minRateGateExitsTwo() throws {
        // Below 50%: 湖北省 2/5, 甲市 1/3, 乙镇 0/1; 甲镇, 乙市 and 丙镇 are at 1/2.
        let result = try coverage("--unit", "village", "--by", "organization[type=商会]", "--min-rate", "0.5")
        #expect(result.status == 2)
        #expect(result.stdout.contains("2 of 5 covered"))
        #expect(
            result.stderr == """
                coverage below 50.00% in 3 of 6 regions:
                  湖北省 (province, hb): 40.00%, 2 of 5
                  湖北省 / 甲市 (city, c1): 33.33%, 1 of 3
                  湖北省 / 甲市 / 乙镇 (town, t2): 0.00%, 0 of 1

                """)
        // 乙镇 at 0% is below any positive rate; nothing is below 0.
        #expect(try coverage("--unit", "village", "--by", "organization[type=商会]", "--min-rate", "0.01").status == 2)
        #expect(try coverage("--unit", "village", "--by", "organization[type=商会]", "--min-rate", "0").status == 0)
    }

    @Test func badInputExitsOneWithAMessage() throws {
        let selector = try coverage("--unit", "town", "--by", "organization[type=商会")
        #expect(selector.status == 1 && selector.stdout.isEmpty)
        #expect(selector.stderr.hasPrefix("error: --by 'organization[type=商会', column 21: missing ']'"))
        let region = try coverage("--unit", "town", "--by", "organization", "--region", "某地")
        #expect(region.status == 1 && region.stderr.contains("no node with id, code or name '某地'"))
        let level = try coverage("--unit", "town", "--by", "organization", "--region", "t1")
        #expect(level.status == 1 && level.stderr.contains("region 't1' is a town, not above the unit level town"))
        let typo = try coverage("--unit", "town", "--by", "organisation")
        #expect(typo.status == 0 && typo.stderr.hasPrefix("warning: --by 'organisation' matches no node (node kinds: region, village"))
        let missing = try CoverageCLI.run(["coverage", CoverageCLI.graphPath + ".missing", "--unit", "town", "--by", "x"])
        #expect(missing.status == 1)
    }

    @Test func tableAlignsChineseNames() throws {
        // 甲市 (two CJK characters, four columns wide) pads like "region" (six columns).
        let result = try coverage("--unit", "town", "--by", "organization[type=商会]", "--region", "甲市")
        #expect(
            result.stdout == """
                coverage of town units by organization[type=商会] via within, serves, liaison_for, paired_with in 甲市: 1 of 2 covered

                region  level  units  covered    rate
                甲市    city       2        1  50.00%

                uncovered town units (1):
                id  name  path
                t2  乙镇  湖北省 / 甲市

                """)
    }

    @Test func csvSections() throws {
        let result = try coverage("--unit", "town", "--by", "organization[type=商会]", "--region", "甲市", "--format", "csv")
        // 甲市: 甲镇 covered (o1 in 一村), 乙镇 not.
        #expect(
            result.stdout == """
                section,id,name,level,units,covered,rate,path
                region,c1,甲市,city,2,1,0.5,湖北省
                uncovered,t2,乙镇,town,,,,湖北省 / 甲市

                """)
    }
}
