import Testing
import TongxinAnalysis
import TongxinGraph

@Suite struct MeasureGraphTests {
    /// a→b, a→b (w 3), b→a (w 2), b→b, b→c (w 5), c→a (w 0.5) and an isolated d.
    static func multigraph() -> Graph {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d"] { builder.addNode(id: id, kind: "node") }
        for (s, t, w) in [("a", "b", 1.0), ("a", "b", 3), ("b", "a", 2), ("b", "b", 7), ("b", "c", 5), ("c", "a", 0.5)] {
            builder.addEdge(source: s, target: t, kind: "tie", weight: w)
        }
        return try! builder.build()
    }

    @Test func undirectedMergesParallelAndReciprocalAndDropsLoops() {
        let view = MeasureGraph(Self.multigraph())
        #expect(!view.isDirected)
        #expect(Array(view.outgoing.neighbors(of: 0)) == [1, 2])
        #expect(Array(view.outgoing.neighbors(of: 1)) == [0, 2])
        #expect(Array(view.outgoing.neighbors(of: 2)) == [1, 0])
        #expect(view.outgoing.degree(3) == 0)
        #expect(view.outgoing.count == 6)
        #expect(view.outgoing.weights == nil)
    }

    @Test func mergedWeightsAreSumsForStrengthAndMinimaForDistance() {
        let strength = MeasureGraph(Self.multigraph(), weights: .strength)
        // a–b merges 1 + 3 + 2; a–c is 0.5; b–c is 5
        #expect(strength.outStrengths() == [6.5, 11, 5.5, 0])
        let distance = MeasureGraph(Self.multigraph(), weights: .distance)
        #expect(distance.outgoing.weights! == [1, 0.5, 1, 5, 5, 0.5])
    }

    @Test func directedKeepsReciprocalArcsAndTransposes() {
        let view = MeasureGraph(Self.multigraph(), directed: true, weights: .strength)
        #expect(Array(view.outgoing.neighbors(of: 0)) == [1])
        #expect(Array(view.outgoing.neighbors(of: 1)) == [0, 2])
        #expect(Array(view.incoming.neighbors(of: 0)) == [1, 2])
        #expect(view.outStrengths() == [4, 7, 0.5, 0])
        #expect(view.inStrengths() == [2.5, 4, 5, 0])
    }

    @Test func unweightedSharesTheArrays() {
        let view = MeasureGraph(Self.multigraph(), weights: .distance).unweighted()
        #expect(view.outgoing.weights == nil && view.incoming.weights == nil)
        #expect(view.outgoing.count == 6)
    }

    /// The view built from the graph's own CSR (two lanes above a million arcs) has the arcs, order
    /// and merged weights of the view built from its edge list.
    @Test(arguments: [(300, 2_000), (100_000, 600_000)])
    func theViewFromTheGraphsCSRIsTheEdgeListView(nodes: Int, edges: Int) {
        var builder = GraphBuilder()
        for v in 0..<nodes { builder.addNode(id: "n\(v)", kind: "node") }
        var random = SplitMix64(seed: UInt64(nodes))
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        for _ in 0..<edges {
            // A quarter of the edges fall within a small block, so parallel, reciprocal and looping edges occur.
            let s = Int(random.next() % UInt64(nodes))
            let t = random.next() % 4 == 0 ? s - s % 8 + Int(random.next() % 8) : Int(random.next() % UInt64(nodes))
            let w = Double(random.next() % 16) / 4
            builder.addEdge(source: "n\(s)", target: "n\(min(t, nodes - 1))", kind: "tie", weight: w)
            sources.append(Int32(s))
            targets.append(Int32(min(t, nodes - 1)))
            weights.append(w)
        }
        let graph = try! builder.build()
        for use in [WeightUse.none, .strength, .distance] {
            let fromCSR = MeasureGraph(graph, weights: use)
            let fromEdges = MeasureGraph(
                nodeCount: nodes, sources: sources, targets: targets, weights: use == .none ? nil : weights,
                directed: false, weightUse: use)
            #expect(fromCSR.outgoing.offsets == fromEdges.outgoing.offsets)
            #expect(fromCSR.outgoing.targets == fromEdges.outgoing.targets)
            #expect(fromCSR.outgoing.weights == fromEdges.outgoing.weights)
            #expect(fromCSR.weightUse == use)
        }
    }

    /// A hub at the last index holding more than half of the arcs leaves the second lane no node.
    @Test func aLastHubWithMostArcsGivesTheEdgeListView() {
        let nodes = 1_000, hub = nodes - 1
        var builder = GraphBuilder()
        for v in 0..<nodes { builder.addNode(id: "n\(v)", kind: "node") }
        var sources: [Int32] = [], targets: [Int32] = []
        for e in 0..<600_000 {
            let (s, t) = e < 10 ? (hub, hub) : (e % hub, hub)
            builder.addEdge(source: "n\(s)", target: "n\(t)", kind: "tie")
            sources.append(Int32(s))
            targets.append(Int32(t))
        }
        let fromCSR = MeasureGraph(try! builder.build())
        let fromEdges = MeasureGraph(
            nodeCount: nodes, sources: sources, targets: targets, weights: nil, directed: false, weightUse: .none)
        #expect(fromCSR.outgoing.offsets == fromEdges.outgoing.offsets)
        #expect(fromCSR.outgoing.targets == fromEdges.outgoing.targets)
        #expect(fromCSR.outgoing.degree(hub) == hub)
    }

    @Test func emptyGraph() {
        let view = MeasureGraph(Graph())
        #expect(view.nodeCount == 0 && view.outgoing.count == 0)
        #expect(view.outgoing.offsets == [0])
    }

    @Test func distancesMustBeNonNegative() {
        var builder = GraphBuilder()
        builder.addNode(id: "a", kind: "node")
        builder.addNode(id: "b", kind: "node")
        builder.addEdge(source: "a", target: "b", kind: "tie", weight: -1)
        let view = MeasureGraph(try! builder.build(), weights: .distance)
        #expect(throws: MeasureError.invalidWeight(-1)) { try view.checkDistances() }
        #expect(throws: MeasureError.invalidWeight(-1)) { try view.closenessCentrality() }
    }
}
