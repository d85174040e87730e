import Foundation
import Testing
import TongxinAnalysis
import TongxinGraph
import TongxinTestSupport

@Suite struct PageRankTests {
    @Test(arguments: NetworkXFixture.all.filter { $0.graph.nodeCount > 0 })
    func matchesNetworkXAndPRPACK(_ fixture: NetworkXFixture) throws {
        fixture.expect(try fixture.view().pageRank(), "pagerank")
        fixture.expect(try fixture.view(.strength).pageRank(), "pagerank_weighted")
        fixture.expect(try fixture.view(directed: true).pageRank(), "pagerank_directed")
        fixture.expect(try fixture.view(directed: true, .strength).pageRank(), "pagerank_directed_weighted")
        let personal = (fixture.results["personalization"] as! [NSNumber]).map(\.doubleValue)
        fixture.expect(
            try fixture.view(directed: true).pageRank(damping: 0.5, personalization: personal),
            "pagerank_personalized_d0.5")
    }

    @Test func pathOfThree() throws {
        // b = 0.05 + 0.85 (a + c), a = 0.05 + 0.85 b / 2 with a + b + c = 1: b = 18/37, a = c = 9.5/37.
        let scores = try MeasureGraph(Paths3.graph()).pageRank()
        #expect(abs(scores[1] - 18.0 / 37) < 1e-12 && abs(scores[0] - 9.5 / 37) < 1e-12)
    }

    @Test func weightedWithUnitWeightsEqualsUnweighted() throws {
        let fixture = NetworkXFixture(named: "edge-unit")
        #expect(try fixture.view(.strength).pageRank() == fixture.view().pageRank())
    }

    /// Above the size where both lanes run at once, with dangling nodes, weights, personalization
    /// and a dangling distribution: the scores solve PageRank's equation (checked by a plain
    /// sequential product) and repeat bit for bit.
    @Test func twoLanesSolveTheEquationOnALargeGraph() throws {
        var random = SplitMix64(seed: 12)
        let n = 6000
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        for _ in 0..<30_000 {
            let u = random.below(n)
            guard u % 10 != 0 else { continue }  // every tenth node dangles
            sources.append(Int32(u))
            targets.append(Int32(random.below(n)))
            weights.append(Double(1 + random.below(4)))
        }
        let view = MeasureGraph(
            nodeCount: n, sources: sources, targets: targets, weights: weights, directed: true, weightUse: .strength)
        #expect(view.incoming.count >= 1 << 14)
        let teleport = (0..<n).map { Double($0 % 7 + 1) }, jump = (0..<n).map { Double($0 % 3) }
        let d = 0.85
        let x = try view.pageRank(damping: d, personalization: teleport, dangling: jump)
        #expect(try view.pageRank(damping: d, personalization: teleport, dangling: jump) == x)
        let strengths = view.outStrengths()
        let t = teleport.map { $0 / teleport.reduce(0, +) }, j = jump.map { $0 / jump.reduce(0, +) }
        var mass = 0.0
        for v in 0..<n where strengths[v] == 0 { mass += x[v] }
        var residual = 0.0
        for v in 0..<n {
            var sum = 0.0
            for i in view.incoming.offsets[v]..<view.incoming.offsets[v + 1] {
                let u = Int(view.incoming.targets[i])
                sum += view.incoming.weights![i] * x[u] / strengths[u]
            }
            residual += abs(d * (sum + mass * j[v]) + (1 - d) * t[v] - x[v])
        }
        #expect(residual < 1e-12)
        #expect(abs(x.reduce(0, +) - 1) < 1e-12)
    }

    @Test func badParametersAndNonConvergence() {
        let view = MeasureGraph(Paths3.graph())
        #expect(throws: MeasureError.self) { try view.pageRank(damping: 1) }
        #expect(throws: MeasureError.self) { try view.pageRank(personalization: [0, 0, 0]) }
        #expect(throws: MeasureError.self) { try view.pageRank(personalization: [1]) }
        #expect(throws: MeasureError.notConverged(measure: "pagerank", iterations: 3, tolerance: 1e-13)) {
            try view.pageRank(options: IterationOptions(tolerance: 1e-13, maxIterations: 3))
        }
    }
}
