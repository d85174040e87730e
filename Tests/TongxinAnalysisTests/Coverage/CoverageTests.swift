import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct CoverageTests {
    /// ```
    /// P (province)
    /// ├─ C1 (city)
    /// │  ├─ K1 (county)
    /// │  │  ├─ T1 (town): v1 ← o1 商会 (within), v2 ← o5 商会 (within, plus a tie self-loop), v3 ─serves→ o4 商会
    /// │  │  └─ T2 (town): v4 ← o3 知联会 (within);            T2 ← o2 商会 (serves)
    /// │  └─ K2 (county)
    /// │     └─ T3 (town): v5 ← f1 (liaison_for), v6 ─paired_with→ e1
    /// └─ C2 (city)
    ///    └─ K3 (county, empty)
    /// ```
    /// o5 is located in v2 through `within` only, so it covers v2 exactly when `within` is a via kind.
    static let graph: Graph = {
        var g = HandGraph()
        g.region("P", .province)
        g.region("C1", .city, in: "P")
        g.region("C2", .city, in: "P")
        g.region("K1", .county, in: "C1")
        g.region("K2", .county, in: "C1")
        g.region("K3", .county, in: "C2")
        g.region("T1", .town, in: "K1")
        g.region("T2", .town, in: "K1")
        g.region("T3", .town, in: "K2")
        for (village, town) in [("v1", "T1"), ("v2", "T1"), ("v3", "T1"), ("v4", "T2"), ("v5", "T3"), ("v6", "T3")] {
            g.village(village, in: town)
        }
        g.node("o1", NodeKind.organization, ["type": .string("商会")], in: "v1")
        g.node("o2", NodeKind.organization, ["type": .string("商会")])
        g.edge("o2", "T2", EdgeKind.serves)
        g.node("o3", NodeKind.organization, ["type": .string("知联会")], in: "v4")
        g.node("o4", NodeKind.organization, ["type": .string("商会")])
        g.edge("v3", "o4", EdgeKind.serves)  // backwards: a village does not serve anything into coverage
        g.node("o5", NodeKind.organization, ["type": .string("商会")], in: "v2")
        g.edge("o5", "o5", EdgeKind.tie)
        g.node("f1", NodeKind.figure)
        g.edge("f1", "v5", EdgeKind.liaisonFor)
        g.node("e1", NodeKind.enterprise)
        g.edge("v6", "e1", EdgeKind.pairedWith)  // paired_with counts in either direction
        return g.build()
    }()

    let chamber = try! NodeSelector(parsing: "organization[type=商会]")

    func rows(_ coverage: Coverage) -> [String] {
        coverage.regions.map { "\(Self.graph.id(of: $0.node)) \($0.units) \($0.covered)" }
    }

    @Test func villagesByChamber() throws {
        // Villages covered by a 商会: v1 (o1 within), v2 (o5 within). Not v3 (the serves edge points
        // away from the chamber), not v4 (知联会), not v5/v6 (no chamber). 2 of 6.
        let c = try Coverage(of: Self.graph, unit: .village, by: [chamber])
        #expect(c.units == 6 && c.covered == 2)
        #expect(rows(c) == ["P 6 2", "C1 6 2", "K1 4 2", "T1 3 2", "T2 1 0", "K2 2 0", "T3 2 0", "C2 0 0", "K3 0 0"])
        #expect(c.regions[0].rate == 2.0 / 6.0)
        #expect(c.regions[3].rate == 2.0 / 3.0)
        #expect(c.regions[7].rate == nil && c.regions[8].rate == nil)  // no units: no rate
        #expect(Self.graph.idList(c.uncovered.map(\.node)) == ["v3", "v4", "v5", "v6"])
        #expect(Self.graph.idList(c.uncovered[0].path) == ["P", "C1", "K1", "T1"])
        #expect(c.regions.map(\.level) == [.province, .city, .county, .town, .town, .county, .town, .city, .county])
    }

    @Test func townsReachedThroughDescendants() throws {
        // T1 through o1/o5 in its villages; T2 through o2 serving the town itself; T3 not at all.
        let c = try Coverage(of: Self.graph, unit: .town, by: [chamber])
        #expect(rows(c) == ["P 3 2", "C1 3 2", "K1 2 2", "K2 1 0", "C2 0 0", "K3 0 0"])
        #expect(Self.graph.idList(c.uncovered.map(\.node)) == ["T3"])
        #expect(Self.graph.idList(c.uncovered[0].path) == ["P", "C1", "K2"])
        // A county is reached through a town's village: K1 only.
        let counties = try Coverage(of: Self.graph, unit: .county, by: [chamber])
        #expect(rows(counties) == ["P 3 1", "C1 2 1", "C2 1 0"])
        #expect(counties.regions[2].rate == 0)
    }

    @Test func severalSelectorsAreAnyOf() throws {
        // 商会 covers v1, v2; the liaison f1 covers v5; the enterprise e1 covers v6 through a
        // paired_with edge written village → enterprise. 4 of 6.
        let c = try Coverage(
            of: Self.graph, unit: .village,
            by: [
                chamber, NodeSelector(kind: NodeKind.figure),
                NodeSelector(kind: NodeKind.enterprise)
            ])
        #expect(c.covered == 4)
        #expect(Self.graph.idList(c.uncovered.map(\.node)) == ["v3", "v4"])
        // o1 matches both selectors and counts once: T1 has 3 villages, covered v1, v2 (o5) only.
        let twice = try Coverage(of: Self.graph, unit: .village, by: [chamber, NodeSelector(kind: NodeKind.organization)])
        #expect(rows(twice)[3] == "T1 3 2")
        // Plus v4 through the 知联会 o3: v1, v2, v4.
        #expect(twice.covered == 3)
    }

    @Test func viaKindsAndDirections() throws {
        // Only liaison_for: the chambers are linked by within and serves, so nothing is covered.
        let liaisonOnly = try Coverage(of: Self.graph, unit: .village, by: [chamber], via: [EdgeKind.liaisonFor])
        #expect(liaisonOnly.covered == 0)
        // Only tie: o5's self-loop links it to itself, not to a place, even though o5 sits in v2.
        let tieOnly = try Coverage(of: Self.graph, unit: .village, by: [chamber], via: [EdgeKind.tie])
        #expect(tieOnly.covered == 0)
        // A town does not cover its villages by being their `within` target.
        let towns = try Coverage(of: Self.graph, unit: .village, by: [NodeSelector(parsing: "region[level=town]")])
        #expect(towns.covered == 0)
        // An unknown kind links nothing.
        #expect(try Coverage(of: Self.graph, unit: .village, by: [chamber], via: ["nosuchkind"]).covered == 0)
    }

    @Test func scopeAndGate() throws {
        let c1 = Self.graph.indexOf("C1")
        let c = try Coverage(of: Self.graph, unit: .village, by: [chamber], within: c1)
        #expect(c.scope == c1)
        #expect(rows(c) == ["C1 6 2", "K1 4 2", "T1 3 2", "T2 1 0", "K2 2 0", "T3 2 0"])
        #expect(Self.graph.idList(c.uncovered[0].path) == ["P", "C1", "K1", "T1"])  // still from the root
        // Empty region: K3 has no towns.
        let empty = try Coverage(of: Self.graph, unit: .town, by: [chamber], within: Self.graph.indexOf("K3"))
        #expect(empty.units == 0 && empty.regions.count == 1 && empty.regions[0].rate == nil && empty.uncovered.isEmpty)
        // Gate at 0.5 for towns: P and C1 2/3, K1 1, K2 0, C2 and K3 no rate → only K2 is below.
        let towns = try Coverage(of: Self.graph, unit: .town, by: [chamber])
        #expect(Self.graph.idList(towns.regions(below: 0.5).map(\.node)) == ["K2"])
        #expect(towns.regions(below: 0).isEmpty)
    }

    @Test func errors() throws {
        #expect(throws: CoverageError.unitIsProvince) { try Coverage(of: Self.graph, unit: .province, by: [chamber]) }
        #expect(throws: CoverageError.noSelector) { try Coverage(of: Self.graph, unit: .village, by: []) }
        #expect(throws: CoverageError.scopeNotAboveUnit(id: "T1", level: .town, unit: .town)) {
            try Coverage(of: Self.graph, unit: .town, by: [chamber], within: Self.graph.indexOf("T1"))
        }
        #expect(throws: CoverageError.scopeNotARegion(id: "o1", kind: "organization")) {
            try Coverage(of: Self.graph, unit: .village, by: [chamber], within: Self.graph.indexOf("o1"))
        }
        #expect(
            CoverageError.scopeNotAboveUnit(id: "T1", level: .town, unit: .town).description
                == "region 'T1' is a town, not above the unit level town: choose a lower unit level or a larger region")
    }

    @Test func emptyGraph() throws {
        let c = try Coverage(of: Graph(), unit: .village, by: [chamber])
        #expect(c.units == 0 && c.regions.isEmpty && c.uncovered.isEmpty)
    }

    @Test func sampleProvince() throws {
        // SampleGraphs.tinyProvince: o1 within v1, o2 serves v5 → v1 and v5 of five villages.
        let g = SampleGraphs.tinyProvince()
        let c = try Coverage(of: g, unit: .village, by: [chamber])
        #expect(c.covered == 2 && c.units == 5)
        #expect(g.idList(c.uncovered.map(\.node)) == ["v2", "v3", "v4"])
        #expect(
            c.regions.map { "\(g.id(of: $0.node)) \($0.covered)/\($0.units)" }
                == ["hb 2/5", "c1 1/3", "t1 1/2", "t2 0/1", "c2 1/2", "t3 1/2"])
    }

    /// Random province-shaped graphs against a naive reading of the definition (every unit, every
    /// edge, containment by walking up parents).
    @Test(arguments: 0..<40) func agreesWithNaiveDefinition(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let g = RandomProvince.make(&rng)
        let unit = [RegionLevel.village, .town, .county, .city].randomElement(using: &rng)!
        let selectors = [try NodeSelector(parsing: "organization[type=商会]"), NodeSelector(kind: NodeKind.figure)]
            .filter { _ in Bool.random(using: &rng) }
        let via = Coverage.defaultVia.filter { _ in rng.next() % 4 != 0 } + (Bool.random(using: &rng) ? ["tie"] : [])
        let chosen = selectors.isEmpty ? [chamber] : selectors
        let c = try Coverage(of: g, unit: unit, by: chosen, via: via)

        let matching = Set(chosen.flatMap { g.nodes(matching: $0) })
        func inside(_ node: Int, _ ancestor: Int) -> Bool {
            node == ancestor || g.hierarchy.ancestors(of: node).contains(ancestor)
        }
        let units = (0..<g.nodeCount).filter { g.level(of: $0) == unit }
        var coveredUnits = Set<Int>()
        for edge in 0..<g.edgeCount where via.contains(g.kind(ofEdge: edge)) {
            let s = g.source(of: edge), t = g.target(of: edge)
            guard s != t else { continue }
            let placing = Coverage.placingKinds.contains(g.kind(ofEdge: edge))
            var places: [Int] = []
            if matching.contains(s) { places.append(t) }
            if !placing && matching.contains(t) { places.append(s) }
            for place in places { for u in units where inside(place, u) { coveredUnits.insert(u) } }
        }
        #expect(c.units == units.count, "seed \(seed)")
        #expect(c.covered == coveredUnits.count, "seed \(seed)")
        #expect(Set(c.uncovered.map(\.node)) == Set(units).subtracting(coveredUnits), "seed \(seed)")
        let reported = Dictionary(uniqueKeysWithValues: c.regions.map { ($0.node, $0) })
        for region in c.regions {
            let mine = units.filter { inside($0, region.node) }
            #expect(
                region.units == mine.count && region.covered == mine.filter(coveredUnits.contains).count,
                "seed \(seed)")
            if let rate = region.rate { #expect(rate >= 0 && rate <= 1, "seed \(seed)") }
            #expect((region.rate == nil) == (region.units == 0), "seed \(seed)")
            // Rolled up: a region's counts are the sums over its children (units count 1 each).
            var units = 0, covered = 0
            for child in g.hierarchy.children(of: region.node).map(Int.init) {
                if let below = reported[child] {
                    units += below.units
                    covered += below.covered
                } else if g.level(of: child) == unit {
                    units += 1
                    covered += coveredUnits.contains(child) ? 1 : 0
                }
            }
            #expect(units == region.units && covered == region.covered, "seed \(seed)")
        }
        #expect(c.regions.count == (0..<g.nodeCount).filter { g.level(of: $0).map { $0 < unit } ?? false }.count)
    }
}

@Suite struct CoverageDocumentedExampleTests {
    /// `Coverage`'s doc comment example.
    @Test func documentedExample() throws {
        var h = HandGraph()
        h.region("t", .town)
        h.village("v1", in: "t")
        h.village("v2", in: "t")
        h.node("o", NodeKind.organization, ["type": .string("商会")], in: "v1")
        h.node("f", NodeKind.figure)
        h.edge("f", "t", EdgeKind.liaisonFor)
        let g = h.build()
        let chambers = try Coverage(of: g, unit: .village, by: [NodeSelector(parsing: "organization[type=商会]")])
        #expect(chambers.regions.map { [$0.node, $0.units, $0.covered] } == [[g.indexOf("t"), 2, 1]])
        #expect(chambers.regions[0].rate == 0.5 && chambers.regions[0].level == .town)
        #expect(chambers.uncovered.map(\.node) == [g.indexOf("v2")] && chambers.uncovered[0].path == [g.indexOf("t")])
        let figure = NodeSelector(kind: NodeKind.figure)
        #expect(try Coverage(of: g, unit: .village, by: [figure]).covered == 0)
        #expect(try Coverage(of: g, unit: .town, by: [figure]).covered == 1)
    }
}
