import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinRender

/// The child-process worker: the `tongxin` binary built next to this test bundle.
@Suite struct GraphvizWorkerCommandTests {
    static let executable = BuiltTongxin.path ?? "tongxin"

    private func worker(limit: Double) -> GraphvizWorker {
        GraphvizWorker(executable: Self.executable, arguments: ["graphviz-worker"], timeLimit: limit)
    }

    @Test func workerRendersWhatTheInProcessEntryRenders() throws {
        let (diagram, plan) = try Diagram.build(graph: SampleGraphs.tinyProvince(), options: DiagramOptions())
        let text = DiagramDOT.write(diagram, engine: plan.engine)
        let isolated = try worker(limit: 30).render(dot: text, engine: plan.engine, format: .svg)
        let local = try Graphviz.render(dot: text, engine: plan.engine, format: .svg)
        #expect(sameDrawing(isolated) == sameDrawing(local))
        let png = try worker(limit: 30).render(dot: text, engine: plan.engine, format: .png)
        #expect(png.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func workerErrorsComeBackTyped() {
        #expect(throws: GraphvizError.syntax("syntax error in line 1 near '}'")) {
            try worker(limit: 30).render(dot: "digraph { a -> }", engine: .dot, format: .svg)
        }
        let missing = GraphvizWorker(executable: "/nonexistent/tongxin", arguments: [], timeLimit: 5)
        #expect(throws: GraphvizError.self) { try missing.render(dot: "digraph {}", engine: .dot, format: .svg) }
    }

    /// dot on 1,500 random edges among 1,000 nodes runs for minutes (GRAPHVIZ.md); the worker is
    /// killed at the limit and the caller gets an error promptly.
    @Test func runawayLayoutTimesOut() throws {
        var random = SplitMix64(seed: 5)
        var text = "digraph { node [shape=box]\n"
        for _ in 0..<3_000 {
            text += "  v\(random.next() % 1_000) -> v\(random.next() % 1_000)\n"
        }
        text += "}\n"
        let start = Date()
        #expect(throws: GraphvizError.timedOut(seconds: 1)) {
            try worker(limit: 1).render(dot: text, engine: .dot, format: .svg)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
