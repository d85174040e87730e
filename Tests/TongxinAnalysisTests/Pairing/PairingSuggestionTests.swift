import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct PairingSuggestionTests {
    /// The doc comment's example: one county K with towns 甲 (villages a, b; enterprise x) and
    /// 乙 (village c; enterprise y).
    static let graph: Graph = {
        var g = HandGraph()
        g.region("P", .province)
        g.region("C", .city, in: "P")
        g.region("K", .county, in: "C")
        g.region("甲", .town, in: "K")
        g.region("乙", .town, in: "K")
        g.village("a", in: "甲")
        g.village("b", in: "甲")
        g.village("c", in: "乙")
        g.node("x", NodeKind.enterprise, in: "甲")
        g.node("y", NodeKind.enterprise, in: "乙")
        return g.build()
    }()

    func proposals(_ s: PairingSuggestion) -> [String] {
        s.proposals.map { "\(Self.graph.id(of: $0.right))←\(Self.graph.id(of: $0.left)) \($0.cost)" }
    }

    @Test func documentedExample() throws {
        let g = Self.graph
        let rights = ["a", "b", "c"].map(g.indexOf), lefts = ["x", "y"].map(g.indexOf)
        // Capacity 1: x→a and y→c in their towns (cost 1 each); b finds nobody free.
        let one = try PairingSuggestion(rights: rights, lefts: lefts, in: g, capacity: 1)
        #expect(proposals(one) == ["a←x 1", "c←y 1"])
        #expect(g.idList(one.unassigned) == ["b"] && one.totalCost == 2)
        #expect(one.proposals[0].shared == .town)
        // Capacity 2: x also takes b in 甲 (cost 1).
        let two = try PairingSuggestion(rights: rights, lefts: lefts, in: g, capacity: 2)
        #expect(proposals(two) == ["a←x 1", "b←x 1", "c←y 1"] && two.totalCost == 3 && two.unassigned.isEmpty)
        // Only y available, capacity 3: c in its own town (1), a and b across the county (2 each).
        let onlyY = try PairingSuggestion(rights: rights, lefts: [g.indexOf("y")], in: g, capacity: 3)
        #expect(proposals(onlyY) == ["a←y 2", "b←y 2", "c←y 1"] && onlyY.proposals[0].shared == .county)
    }

    @Test func greedyNearestFirstIsNotOptimalButPoolingIs() throws {
        // Villages c (乙) and a (甲), in that order; enterprises x (in 甲) and y (located nowhere),
        // capacity 1. A nearest-first greedy serving c first gives it x (same county, 2) and leaves y
        // for a (elsewhere, 4): 6. The pooling pairs a with its town-mate x (1) and c with y (4): 5.
        var h = HandGraph()
        h.region("P", .province)
        h.region("C", .city, in: "P")
        h.region("K", .county, in: "C")
        h.region("甲", .town, in: "K")
        h.region("乙", .town, in: "K")
        h.village("a", in: "甲")
        h.village("c", in: "乙")
        h.node("x", NodeKind.enterprise, in: "甲")
        h.node("y", NodeKind.enterprise)
        let g = h.build()
        let s = try PairingSuggestion(rights: ["c", "a"].map(g.indexOf), lefts: ["x", "y"].map(g.indexOf), in: g, capacity: 1)
        #expect(s.totalCost == 5)
        #expect(s.proposals.map { "\(g.id(of: $0.right))←\(g.id(of: $0.left))" } == ["c←y", "a←x"])
        #expect(s.proposals[0].shared == nil && s.proposals[0].cost == 4)
    }

    @Test func errors() throws {
        let g = Self.graph
        #expect(throws: PairingError.capacity(0)) {
            try PairingSuggestion(rights: [g.indexOf("a")], lefts: [g.indexOf("x")], in: g, capacity: 0)
        }
        #expect(throws: PairingError.overlappingSides(id: "a")) {
            try PairingSuggestion(rights: [g.indexOf("a")], lefts: [g.indexOf("a")], in: g, capacity: 1)
        }
        let none = try PairingSuggestion(rights: [], lefts: [], in: g, capacity: 1)
        #expect(none.proposals.isEmpty && none.unassigned.isEmpty)
        let noLefts = try PairingSuggestion(rights: [g.indexOf("a")], lefts: [], in: g, capacity: 1)
        #expect(g.idList(noLefts.unassigned) == ["a"])
    }

    /// The cost of a couple straight from the definition: 1 if some town contains both, else 2 for a
    /// county, 3 for a city, else 4.
    static func cost(_ g: Graph, _ a: Int, _ b: Int) -> Int {
        let shared = Set([a] + g.hierarchy.ancestors(of: a)).intersection([b] + g.hierarchy.ancestors(of: b))
        let levels = shared.compactMap { g.level(of: $0) }
        if levels.contains(.town) { return 1 }
        if levels.contains(.county) { return 2 }
        if levels.contains(.city) { return 3 }
        return 4
    }

    /// Every assignment (each right node: a left with capacity left, or none): the largest count,
    /// and the least cost at that count.
    static func bruteForce(_ costs: [[Int]], capacity: Int) -> (count: Int, cost: Int) {
        var best = (count: 0, cost: 0)
        var load = [Int](repeating: 0, count: costs.first?.count ?? 0)
        func visit(_ right: Int, _ count: Int, _ cost: Int) {
            guard right < costs.count else {
                if count > best.count || (count == best.count && cost < best.cost) { best = (count, cost) }
                return
            }
            visit(right + 1, count, cost)
            for left in load.indices where load[left] < capacity {
                load[left] += 1
                visit(right + 1, count + 1, cost + costs[right][left])
                load[left] -= 1
            }
        }
        visit(0, 0, 0)
        return best
    }

    @Test(arguments: 0..<150) func optimalAgainstBruteForce(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let g = RandomProvince.make(&rng, maxOthers: 4, maxEdges: 0)
        let villages = g.nodes(ofKind: NodeKind.village) + g.nodes(ofKind: NodeKind.figure)
        let enterprises = g.nodes(ofKind: NodeKind.enterprise) + g.nodes(ofKind: NodeKind.organization)
        let rights = Array(villages.shuffled(using: &rng).prefix(Int.random(in: 0...6, using: &rng)))
        let lefts = Array(enterprises.shuffled(using: &rng).prefix(Int.random(in: 0...4, using: &rng)))
        let capacity = Int.random(in: 1...3, using: &rng)
        let s = try PairingSuggestion(rights: rights, lefts: lefts, in: g, capacity: capacity)
        let costs = rights.map { r in lefts.map { l in Self.cost(g, l, r) } }
        let best = Self.bruteForce(costs, capacity: capacity)
        #expect(s.proposals.count == best.count && s.totalCost == best.cost, "seed \(seed)")
        // The proposals are a valid assignment with the stated costs.
        var load: [Int: Int] = [:]
        for proposal in s.proposals {
            #expect(proposal.cost == Self.cost(g, proposal.left, proposal.right), "seed \(seed)")
            #expect(lefts.contains(proposal.left) && rights.contains(proposal.right), "seed \(seed)")
            load[proposal.left, default: 0] += 1
        }
        #expect(load.values.allSatisfy { $0 <= capacity }, "seed \(seed)")
        #expect(Set(s.proposals.map(\.right)).count == s.proposals.count, "seed \(seed)")
        #expect(Set(s.proposals.map(\.right) + s.unassigned) == Set(rights), "seed \(seed)")
    }
}
