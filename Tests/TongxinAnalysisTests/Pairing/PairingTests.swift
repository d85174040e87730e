import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct PairingTests {
    /// ```
    /// P (province) ─ C (city) ─┬─ K1 (county) ─┬─ T1 (town): villages a, b, c;  x located in T1
    ///                          │               └─ T2 (town): village d;        w located in T2
    ///                          ├─ K2 (county) ─── T3 (town): villages e (y located in e), f
    ///                          └─ K3 (county, empty)
    /// z: an enterprise located nowhere.
    /// paired_with: x→a, x→a (parallel), a→x (reciprocal), x→b, y→b, z→e, e→y, z→z (self-loop)
    /// ```
    /// Distinct pairs: (x,a), (x,b), (y,b), (z,e), (y,e).
    static let graph: Graph = {
        var g = HandGraph()
        g.region("P", .province)
        g.region("C", .city, in: "P")
        g.region("K1", .county, in: "C")
        g.region("K2", .county, in: "C")
        g.region("K3", .county, in: "C")
        g.region("T1", .town, in: "K1")
        g.region("T2", .town, in: "K1")
        g.region("T3", .town, in: "K2")
        for (village, town) in [("a", "T1"), ("b", "T1"), ("c", "T1"), ("d", "T2"), ("e", "T3"), ("f", "T3")] {
            g.village(village, in: town)
        }
        g.node("x", NodeKind.enterprise, in: "T1")
        g.node("y", NodeKind.enterprise, in: "e")
        g.node("z", NodeKind.enterprise)
        g.node("w", NodeKind.enterprise, in: "T2")
        for (s, t) in [("x", "a"), ("x", "a"), ("a", "x"), ("x", "b"), ("y", "b"), ("z", "e"), ("e", "y"), ("z", "z")] {
            g.edge(s, t, EdgeKind.pairedWith)
        }
        g.edge("w", "d", EdgeKind.tie)  // another kind: not a pair
        return g.build()
    }()

    static let enterprise = NodeSelector(kind: NodeKind.enterprise)
    static let village = NodeSelector(kind: NodeKind.village)

    /// "left right pairs leftPaired rightPaired leftMax rightMax matching | unpaired"
    func row(_ r: Pairing.Region) -> String {
        "\(r.left) \(r.right) \(r.pairs) \(r.leftPaired) \(r.rightPaired) \(r.leftMaxPairs) \(r.rightMaxPairs) "
            + "\(r.maxMatching) | \(Self.graph.idList(r.unpaired).joined(separator: ","))"
    }

    @Test func wholeGraph() throws {
        // left = x, y, z, w = 4; right = a..f = 6; pairs 5; left paired x, y, z; right paired a, b, e;
        // max per left: x (a, b) and y (b, e) 2; per right: b (x, y) and e (z, y) 2;
        // matching a–x, b–y, e–z = 3; unpaired c, d, f.
        let p = try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village)
        #expect(p.regions.count == 1)
        let whole = p.regions[0]
        #expect(whole.node == nil && whole.level == nil)
        #expect(row(whole) == "4 6 5 3 3 2 2 3 | c,d,f")
        #expect(whole.density == 5.0 / 24.0)
        #expect(whole.leftShare == 0.75 && whole.rightShare == 0.5)
        #expect(whole.leftMeanPairs == 1.25 && whole.rightMeanPairs == 5.0 / 6.0)
        #expect(Self.graph.idList(p.scopeLeftNodes) == ["x", "y", "z", "w"])
    }

    @Test func byCounty() throws {
        // K1: right a, b, c, d; pairs (x,a), (x,b), (y,b) = 3; left = x, w located + y paired in = 3;
        //     left paired x, y; right paired a, b; max x 2, b 2; matching a–x, b–y = 2; density 3/12.
        // K2: right e, f; pairs (z,e), (y,e); left = y located + z paired in = 2, both paired;
        //     right paired e; max 1 and 2; matching 1; density 2/4.
        // K3: empty: no rates.
        let p = try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, by: .county)
        #expect(p.regions.map { $0.node.map(Self.graph.id(of:)) } == [nil, "K1", "K2", "K3"])
        #expect(p.regions.map(\.level) == [nil, .county, .county, .county])
        #expect(row(p.regions[1]) == "3 4 3 2 2 2 2 2 | c,d")
        #expect(p.regions[1].density == 0.25 && p.regions[1].leftShare == 2.0 / 3.0 && p.regions[1].rightShare == 0.5)
        #expect(row(p.regions[2]) == "2 2 2 2 1 1 2 1 | f")
        #expect(p.regions[2].density == 0.5 && p.regions[2].leftShare == 1)
        let empty = p.regions[3]
        #expect(row(empty) == "0 0 0 0 0 0 0 0 | ")
        #expect(empty.density == nil && empty.leftShare == nil && empty.rightShare == nil && empty.leftMeanPairs == nil)
    }

    @Test func byTown() throws {
        // T1: right a, b, c; pairs 3; left x located + y paired in = 2; matching 2; unpaired c.
        // T2: right d; no pairs; left w located = 1; density 0/1 = 0; unpaired d.
        // T3: right e, f; pairs 2; left y located (in e) + z = 2; matching 1; unpaired f.
        let p = try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, by: .town)
        #expect(p.regions.dropFirst().map(row) == ["2 3 3 2 2 2 2 2 | c", "1 1 0 0 0 0 0 0 | d", "2 2 2 2 1 1 2 1 | f"])
        #expect(p.regions[2].density == 0 && p.regions[2].leftShare == 0)
    }

    @Test func scope() throws {
        let k1 = Self.graph.indexOf("K1")
        let p = try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, by: .town, within: k1)
        #expect(p.regions.map { $0.node.map(Self.graph.id(of:)) } == ["K1", "T1", "T2"])
        #expect(p.regions[0].level == .county)
        #expect(row(p.regions[0]) == "3 4 3 2 2 2 2 2 | c,d")
        #expect(Self.graph.idList(p.scopeLeftNodes) == ["x", "y", "w"])
    }

    @Test func otherEdgeKind() throws {
        // Pairing by `tie`: only w–d.
        let p = try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, edge: EdgeKind.tie)
        #expect(row(p.regions[0]) == "4 6 1 1 1 1 1 1 | a,b,c,e,f")
        #expect(try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, edge: "none").regions[0].pairs == 0)
    }

    @Test func nodeOnBothSides() throws {
        // Figures f1–f2 paired, f3 alone: both roles for each figure, pairs (f1,f2) and (f2,f1).
        var g = HandGraph()
        g.node("f1", NodeKind.figure)
        g.node("f2", NodeKind.figure)
        g.node("f3", NodeKind.figure)
        g.edge("f1", "f2", EdgeKind.pairedWith)
        g.edge("f1", "f1", EdgeKind.pairedWith)  // self-loop: never a pair
        let graph = g.build()
        let figure = NodeSelector(kind: NodeKind.figure)
        let p = try Pairing(of: graph, left: figure, right: figure)
        // left 3, right 3, pairs 2, both sides f1, f2 paired, matching 2 (f1→f2, f2→f1), unpaired f3.
        let r = p.regions[0]
        #expect(r.left == 3 && r.right == 3 && r.pairs == 2 && r.leftPaired == 2 && r.rightPaired == 2)
        #expect(r.maxMatching == 2 && graph.idList(r.unpaired) == ["f3"])
        #expect(throws: PairingError.overlappingSides(id: "f3")) { try PairingSuggestion(for: p, in: graph) }
    }

    @Test func errors() throws {
        #expect(throws: PairingError.byLevel(.village)) {
            try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, by: .village)
        }
        #expect(throws: PairingError.scopeNotARegion(id: "x", kind: "enterprise")) {
            try Pairing(of: Self.graph, left: Self.enterprise, right: Self.village, within: Self.graph.indexOf("x"))
        }
        let empty = try Pairing(of: Graph(), left: Self.enterprise, right: Self.village, by: .town)
        #expect(empty.regions.count == 1 && empty.regions[0].right == 0 && empty.regions[0].density == nil)
    }

    /// Random graphs against a direct reading of the definitions, with Kőnig-free brute force for the
    /// matching on the small ones.
    @Test(arguments: 0..<60) func agreesWithDefinitions(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let g = RandomProvince.make(&rng, maxOthers: 6, maxEdges: 40)
        let left = Bool.random(using: &rng) ? Self.enterprise : NodeSelector(kind: NodeKind.organization)
        let right = Bool.random(using: &rng) ? Self.village : NodeSelector(kind: NodeKind.figure)
        let by = [nil, RegionLevel.city, .county, .town].randomElement(using: &rng)!
        let kind = [EdgeKind.pairedWith, EdgeKind.tie].randomElement(using: &rng)!
        let p = try Pairing(of: g, left: left, right: right, edge: kind, by: by)
        let lefts = Set(g.nodes(matching: left)), rights = Set(g.nodes(matching: right))
        var pairs = Set<[Int]>()
        for edge in 0..<g.edgeCount where g.kind(ofEdge: edge) == kind {
            let s = g.source(of: edge), t = g.target(of: edge)
            if s == t { continue }
            if lefts.contains(s) && rights.contains(t) { pairs.insert([s, t]) }
            if lefts.contains(t) && rights.contains(s) { pairs.insert([t, s]) }
        }
        func inside(_ node: Int, _ region: Int?) -> Bool {
            guard let region else { return true }
            return node == region || g.hierarchy.ancestors(of: node).contains(region)
        }
        let expectedRegions: [Int?] =
            [nil]
            + (by.map { level in
                g.hierarchy.preorder.map(Int.init).filter { g.level(of: $0) == level }
            } ?? [])
        #expect(p.regions.map(\.node) == expectedRegions, "seed \(seed)")
        for r in p.regions {
            let inPairs = pairs.filter { inside($0[1], r.node) }
            let rightNodes = rights.filter { inside($0, r.node) }
            let leftNodes = lefts.filter { inside($0, r.node) }.union(inPairs.map { $0[0] })
            let pairedLefts = Set(inPairs.map { $0[0] }), pairedRights = Set(inPairs.map { $0[1] })
            #expect(r.left == leftNodes.count && r.right == rightNodes.count && r.pairs == inPairs.count, "seed \(seed)")
            #expect(r.leftPaired == pairedLefts.count && r.rightPaired == pairedRights.count, "seed \(seed)")
            #expect(Set(r.unpaired) == rightNodes.subtracting(pairedRights), "seed \(seed)")
            let perLeft = Dictionary(grouping: inPairs, by: { $0[0] }).values.map(\.count)
            let perRight = Dictionary(grouping: inPairs, by: { $0[1] }).values.map(\.count)
            #expect(r.leftMaxPairs == (perLeft.max() ?? 0) && r.rightMaxPairs == (perRight.max() ?? 0), "seed \(seed)")
            for share in [r.density, r.leftShare, r.rightShare].compactMap({ $0 }) {
                #expect(share >= 0 && share <= 1, "seed \(seed)")
            }
            #expect(r.maxMatching <= min(r.leftPaired, r.rightPaired), "seed \(seed)")
            // Brute force on the region's pair graph.
            let uNodes = Array(pairedRights).sorted(), vNodes = Array(pairedLefts).sorted()
            let lists: [[Int32]] = uNodes.map { u in
                inPairs.filter { $0[1] == u }.map { Int32(vNodes.firstIndex(of: $0[0])!) }
            }
            if uNodes.count <= 8 {
                #expect(r.maxMatching == HopcroftKarpTests.bruteForce(lists), "seed \(seed)")
            }
        }
        if p.regions[0].node == nil { #expect(p.scopeLeftNodes == lefts.sorted(), "seed \(seed)") }
    }
}

@Suite struct PairingDocumentedExampleTests {
    /// `Pairing`'s doc comment example.
    @Test func documentedExample() throws {
        var h = HandGraph()
        h.region("甲镇", .town)
        for village in ["v1", "v2", "v3"] { h.village(village, in: "甲镇") }
        h.node("e1", NodeKind.enterprise, in: "甲镇")
        h.node("e2", NodeKind.enterprise, in: "甲镇")
        for (s, t) in [("e1", "v1"), ("e1", "v1"), ("e1", "v2"), ("e2", "v2")] { h.edge(s, t, EdgeKind.pairedWith) }
        let g = h.build()
        let r = try Pairing(of: g, left: NodeSelector(kind: NodeKind.enterprise), right: NodeSelector(kind: NodeKind.village))
            .regions[0]
        #expect(
            [r.left, r.right, r.pairs, r.leftPaired, r.rightPaired, r.leftMaxPairs, r.rightMaxPairs, r.maxMatching]
                == [2, 3, 3, 2, 2, 2, 2, 2])
        #expect(r.density == 0.5 && r.rightShare == 2.0 / 3.0 && r.leftMeanPairs == 1.5)
        #expect(g.idList(r.unpaired) == ["v3"])
    }
}
