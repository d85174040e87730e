import Testing
import TongxinAnalysis
import TongxinTestSupport

struct GraphDiffTests {
    /// Old: 甲市 ─ 甲镇 ─ {一村, 二村}, 乙市 ─ 乙镇 ─ 三村; f (in 一村) with two ties to g and a liaison for 二村.
    /// New: 一村 renamed, 三村 moved to 甲镇, 乙镇 gone, 丙镇 new with 四村, f's category changed, a third
    /// tie, the liaison now for 四村, g removed, h added.
    static func pair() -> (old: Graph, new: Graph) {
        var old = HandGraph()
        old.region("P", .province)
        old.region("C1", .city, in: "P")
        old.region("C2", .city, in: "P")
        old.region("T1", .town, in: "C1")
        old.region("T2", .town, in: "C2")
        old.village("v1", in: "T1")
        old.village("v2", in: "T1")
        old.village("v3", in: "T2")
        old.node("f", NodeKind.figure, ["category": .string("联络员")], in: "v1")
        old.node("g", NodeKind.figure)
        old.node("k", NodeKind.figure)
        old.edge("f", "k", EdgeKind.tie)
        old.edge("f", "k", EdgeKind.tie)
        old.edge("f", "v2", EdgeKind.liaisonFor)
        old.edge("f", "g", EdgeKind.tie)

        var new = GraphBuilder(name: "new")
        func region(_ id: String, _ level: RegionLevel, _ parent: String?) {
            new.addNode(id: id, kind: NodeKind.region, name: id, attributes: ["level": .string(level.rawValue)])
            if let parent { new.addEdge(source: id, target: parent, kind: EdgeKind.within) }
        }
        region("P", .province, nil)
        region("C1", .city, "P")
        region("C2", .city, "P")
        region("T1", .town, "C1")
        region("T3", .town, "C2")
        for (id, name, town) in [("v1", "新v1", "T1"), ("v2", "v2", "T1"), ("v3", "v3", "T1"), ("v4", "v4", "T3")] {
            new.addNode(id: id, kind: NodeKind.village, name: name)
            new.addEdge(source: id, target: town, kind: EdgeKind.within)
        }
        new.addNode(id: "f", kind: NodeKind.figure, name: "f", attributes: ["category": .string("村干部")])
        new.addEdge(source: "f", target: "v1", kind: EdgeKind.within)
        new.addNode(id: "k", kind: NodeKind.figure, name: "k")
        new.addNode(id: "h", kind: NodeKind.enterprise, name: "h")
        for _ in 0..<3 { new.addEdge(source: "f", target: "k", kind: EdgeKind.tie) }
        new.addEdge(source: "f", target: "v4", kind: EdgeKind.liaisonFor)
        return (old.build(), try! new.build())
    }

    @Test func everyKindOfChange() {
        let (old, new) = Self.pair()
        let diff = GraphDiff(old: old, new: new, level: .town)
        #expect(new.idList(diff.addedNodes) == ["T3", "v4", "h"])
        #expect(old.idList(diff.removedNodes) == ["T2", "g"])
        #expect(diff.changedNodes.map { new.id(of: $0.new) } == ["v1", "v3", "f"])
        #expect(diff.changedNodes[0].changes == [.init(field: "name", old: .string("v1"), new: .string("新v1"))])
        #expect(diff.changedNodes[1].changes == [.init(field: "parent", old: .string("T2"), new: .string("T1"))])
        #expect(diff.changedNodes[2].changes == [.init(field: "category", old: .string("联络员"), new: .string("村干部"))])
        // The third f → k tie is the added one: parallel edges pair up in edge order.
        let added = diff.addedEdges.map { "\(new.id(of: new.source(of: $0)))>\(new.id(of: new.target(of: $0))):\(new.kind(ofEdge: $0))" }
        #expect(added == ["T3>C2:within", "v3>T1:within", "v4>T3:within", "f>k:tie", "f>v4:liaison_for"])
        #expect(diff.addedEdges.contains(new.edgeCount - 2) && !diff.addedEdges.contains(new.edgeCount - 3))
        let removed = diff.removedEdges.map {
            "\(old.id(of: old.source(of: $0)))>\(old.id(of: old.target(of: $0))):\(old.kind(ofEdge: $0))"
        }
        #expect(removed == ["T2>C2:within", "v3>T2:within", "f>v2:liaison_for", "f>g:tie"])
        // By region of level town: 甲镇 in both, 丙镇 new only, 乙镇 old only.
        let regions = diff.regions.map { ($0.old.map(old.id(of:)), $0.new.map(new.id(of:))) }
        #expect(regions.map(\.0) == ["T1", nil, "T2"] && regions.map(\.1) == ["T1", "T3", nil])
        let village = diff.nodeKinds.firstIndex(of: NodeKind.village)!, tie = diff.edgeKinds.firstIndex(of: EdgeKind.tie)!
        #expect(diff.regions[0].nodes[village] == .init(added: 0, removed: 0, changed: 2))
        #expect(diff.regions[0].edges[tie] == .init(added: 1, removed: 1))
        #expect(diff.regions[1].nodes[village].added == 1)
        #expect(diff.nodeTallies[diff.nodeKinds.firstIndex(of: NodeKind.figure)!] == .init(added: 0, removed: 1, changed: 1))
    }

    @Test func scopeKeepsOneRegion() {
        let (old, new) = Self.pair()
        let diff = GraphDiff(old: old, new: new, level: .town, within: (old.index(of: "C1"), new.index(of: "C1")))
        #expect(diff.addedNodes.isEmpty)
        #expect(old.idList(diff.removedNodes).isEmpty)
        #expect(diff.changedNodes.map { new.id(of: $0.new) } == ["v1", "v3", "f"])
        #expect(diff.regions.map { $0.new.map(new.id(of:)) } == ["T1"])
    }

    @Test(arguments: 0..<60 as Range<UInt64>) func sameGraphHasNoChange(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let g = RandomProvince.make(&rng)
        let diff = GraphDiff(old: g, new: g)
        #expect(diff.isEmpty, "seed \(seed)")
        #expect(diff.regions.isEmpty && diff.nodeTallies.allSatisfy(\.isEmpty) && diff.edgeTallies.allSatisfy(\.isEmpty))
    }

    /// diff(A, B) and diff(B, A) are mirror images, and edge counts agree with multiset differences
    /// of (source id, target id, kind), the added ones being the last of each run of equals.
    @Test(arguments: 0..<80 as Range<UInt64>) func mirrorsAndCountsMultisets(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let a = RandomProvince.make(&rng, maxEdges: 40), b = RandomProvince.make(&rng, maxEdges: 40)
        let forward = GraphDiff(old: a, new: b, level: .county), backward = GraphDiff(old: b, new: a, level: .county)
        #expect(b.idList(forward.addedNodes) == b.idList(backward.removedNodes), "seed \(seed)")
        #expect(a.idList(forward.removedNodes) == a.idList(backward.addedNodes), "seed \(seed)")
        #expect(Set(forward.changedNodes.map { b.id(of: $0.new) }) == Set(backward.changedNodes.map { b.id(of: $0.old) }))
        for change in forward.changedNodes {
            let mirror = backward.changedNodes.first { $0.new == change.old }!
            #expect(
                Set(change.changes.map { "\($0.field)|\(String(describing: $0.old))|\(String(describing: $0.new))" })
                    == Set(mirror.changes.map { "\($0.field)|\(String(describing: $0.new))|\(String(describing: $0.old))" }),
                "seed \(seed)")
        }
        #expect(forward.addedEdges == backward.removedEdges && forward.removedEdges == backward.addedEdges, "seed \(seed)")
        func tallies(_ diff: GraphDiff) -> [String: [Int]] {
            Dictionary(uniqueKeysWithValues: zip(diff.edgeKinds, diff.edgeTallies).map { ($0, [$1.added, $1.removed]) })
        }
        #expect(tallies(forward).mapValues { $0.reversed() } == tallies(backward), "seed \(seed)")

        func keyed(_ g: Graph) -> [String: [Int]] {
            var runs: [String: [Int]] = [:]
            for edge in 0..<g.edgeCount {
                runs["\(g.id(of: g.source(of: edge)))>\(g.id(of: g.target(of: edge))):\(g.kind(ofEdge: edge))", default: []].append(edge)
            }
            return runs
        }
        let oldRuns = keyed(a)
        var expectedAdded: [Int] = []
        for (key, run) in keyed(b) { expectedAdded += run.dropFirst(oldRuns[key]?.count ?? 0) }
        #expect(forward.addedEdges == expectedAdded.sorted(), "seed \(seed)")
    }
}
