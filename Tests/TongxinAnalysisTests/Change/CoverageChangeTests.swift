import Testing
import TongxinAnalysis
import TongxinTestSupport

struct CoverageChangeTests {
    /// A 商会 moves from 一村 to 二村; 三村 (in a town only the old version has) disappears.
    @Test func movedCoverageAndAbsentRegions() throws {
        var old = HandGraph(), new = HandGraph()
        for g in [0, 1] {
            var h = HandGraph()
            h.region("P", .province)
            h.region("T1", .town, in: "P")
            h.village("v1", in: "T1")
            h.village("v2", in: "T1")
            if g == 0 {
                h.region("T2", .town, in: "P")
                h.village("v3", in: "T2")
            }
            h.node("o", NodeKind.organization, ["type": .string("商会")], in: g == 0 ? "v1" : "v2")
            if g == 0 { old = h } else { new = h }
        }
        let a = old.build(), b = new.build()
        let by = [try NodeSelector(parsing: "organization[type=商会]")]
        let change = CoverageChange(
            before: try Coverage(of: a, unit: .village, by: by), of: a,
            after: try Coverage(of: b, unit: .village, by: by), of: b,
            matching: NodeMatching(old: a, new: b))
        #expect(change.regions.map { ($0.new.map(b.id(of:)) ?? $0.old.map(a.id(of:))!) } == ["P", "T1", "T2"])
        #expect(change.regions[0].before?.units == 3 && change.regions[0].after?.units == 2)
        #expect(change.regions[0].deltaRate! == 0.5 - 1.0 / 3.0)
        #expect(change.regions[1].deltaRate == 0)
        #expect(change.regions[2].after == nil && change.regions[2].before?.units == 1 && change.regions[2].deltaRate == nil)
        #expect(b.idList(change.newlyCovered) == ["v2"] && b.idList(change.newlyUncovered) == ["v1"])
    }

    @Test(arguments: 0..<40 as Range<UInt64>) func mirrors(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let a = RandomProvince.make(&rng), b = RandomProvince.make(&rng)
        let by = [try NodeSelector(parsing: "organization[type=商会]")]
        func change(_ x: Graph, _ y: Graph) throws -> CoverageChange {
            CoverageChange(
                before: try Coverage(of: x, unit: .village, by: by), of: x,
                after: try Coverage(of: y, unit: .village, by: by), of: y, matching: NodeMatching(old: x, new: y))
        }
        let same = try change(a, a)
        #expect(same.newlyCovered.isEmpty && same.newlyUncovered.isEmpty)
        #expect(same.regions.allSatisfy { $0.before == $0.after && ($0.deltaRate ?? 0) == 0 })
        let forward = try change(a, b), backward = try change(b, a)
        #expect(Set(b.idList(forward.newlyCovered)) == Set(a.idList(backward.newlyUncovered)), "seed \(seed)")
        #expect(Set(b.idList(forward.newlyUncovered)) == Set(a.idList(backward.newlyCovered)), "seed \(seed)")
        #expect(forward.regions.count == backward.regions.count, "seed \(seed)")
    }
}
