import Testing
import TongxinAnalysis
import TongxinTestSupport

struct PairingChangeTests {
    /// e was paired with v1 and is now paired with v2 (twice); T2 is new.
    @Test func movedPairing() throws {
        var old = HandGraph(), new = HandGraph()
        for h in [0, 1] {
            var g = HandGraph()
            g.region("P", .province)
            g.region("T1", .town, in: "P")
            g.village("v1", in: "T1")
            g.village("v2", in: "T1")
            g.node("e", NodeKind.enterprise)
            if h == 0 {
                g.edge("e", "v1", EdgeKind.pairedWith)
                old = g
            } else {
                g.region("T2", .town, in: "P")
                g.edge("e", "v2", EdgeKind.pairedWith)
                g.edge("v2", "e", EdgeKind.pairedWith)
                new = g
            }
        }
        let a = old.build(), b = new.build()
        let left = try NodeSelector(parsing: "enterprise"), right = try NodeSelector(parsing: "village")
        let diff = GraphDiff(old: a, new: b)
        let change = PairingChange(
            before: try Pairing(of: a, left: left, right: right, by: .town), of: a,
            after: try Pairing(of: b, left: left, right: right, by: .town), of: b, diff: diff)
        #expect(change.regions.count == 3)
        #expect(change.regions[0].delta { Double($0.pairs) } == 0)
        #expect(change.regions[2].before == nil && change.regions[2].after?.right == 0)
        #expect(b.idList(change.newlyPaired) == ["v2"] && b.idList(change.newlyUnpaired) == ["v1"])
        #expect(change.newPairings.map { [b.id(of: $0.left), b.id(of: $0.right)] } == [["e", "v2"], ["e", "v2"]])
        #expect(change.endedPairings.map { [a.id(of: $0.left), a.id(of: $0.right)] } == [["e", "v1"]])
    }

    @Test(arguments: 0..<40 as Range<UInt64>) func mirrors(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let a = RandomProvince.make(&rng), b = RandomProvince.make(&rng)
        let left = try NodeSelector(parsing: "enterprise"), right = try NodeSelector(parsing: "village")
        func change(_ x: Graph, _ y: Graph) throws -> PairingChange {
            PairingChange(
                before: try Pairing(of: x, left: left, right: right, by: .county), of: x,
                after: try Pairing(of: y, left: left, right: right, by: .county), of: y, diff: GraphDiff(old: x, new: y))
        }
        let same = try change(a, a)
        #expect(same.newlyPaired.isEmpty && same.newlyUnpaired.isEmpty && same.newPairings.isEmpty && same.endedPairings.isEmpty)
        #expect(same.regions.allSatisfy { $0.before == $0.after })
        let forward = try change(a, b), backward = try change(b, a)
        #expect(Set(b.idList(forward.newlyPaired)) == Set(a.idList(backward.newlyUnpaired)), "seed \(seed)")
        #expect(forward.newPairings.count == backward.endedPairings.count, "seed \(seed)")
    }
}
