import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinRender

/// The serialized in-process entry and the child-process worker, on real Graphviz output.
@Suite struct GraphvizTests {
    let graph = SampleGraphs.tinyProvince()

    private func dot(_ options: DiagramOptions = DiagramOptions()) throws -> (String, DiagramPlan) {
        let (diagram, plan) = try Diagram.build(graph: graph, options: options)
        return (DiagramDOT.write(diagram, engine: plan.engine), plan)
    }

    @Test func svgHasEveryNodeTitleAndName() throws {
        let (text, plan) = try dot()
        let svg = String(decoding: try Graphviz.render(dot: text, engine: plan.engine, format: .svg), as: UTF8.self)
        for index in 0..<graph.nodeCount {
            #expect(svg.contains("<title>n\(index)</title>"), "node n\(index)")
            #expect(svg.contains(">\(graph.name(of: index))</text>"), "label \(graph.name(of: index))")
        }
        #expect(svg.contains("font-family=\"Noto Sans CJK SC\""))
    }

    @Test(arguments: [RenderFormat.png, .pdf])
    func binaryFormatsAreValid(format: RenderFormat) throws {
        let (text, plan) = try dot()
        let bytes = try Graphviz.render(dot: text, engine: plan.engine, format: format)
        let magic: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : Array("%PDF-".utf8)
        #expect(Array(bytes.prefix(magic.count)) == magic)
        #expect(bytes.count > 5_000)
        if format == .pdf {
            // The Simplified Chinese Noto CJK is embedded (named explicitly; the default picks the
            // Japanese variant, GRAPHVIZ.md).
            #expect(String(decoding: bytes, as: UTF8.self).contains("NotoSansCJKsc-Regular"))
        }
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineLaysOut(engine: LayoutEngine) throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions())
        let svg = try Graphviz.render(dot: DiagramDOT.write(diagram, engine: engine), engine: engine, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("<title>n14</title>"))
    }

    /// Labels with every character DOT or SVG treats specially come out as the same text.
    @Test func hostileLabelsRenderVerbatim() throws {
        var builder = GraphBuilder(name: "escapes")
        let names = [#"say "hi""#, #"back\slash\"#, "<b>&amp;</b>", "{a|b} <c>", #"\N and \G"#, "graph", "two\nlines", "AT&T"]
        for (index, name) in names.enumerated() { builder.addNode(id: "x\(index)", kind: NodeKind.figure, name: name) }
        let hostile = try builder.build()
        let (diagram, plan) = try Diagram.build(graph: hostile, options: DiagramOptions())
        let svg = String(
            decoding: try Graphviz.render(dot: DiagramDOT.write(diagram, engine: plan.engine), engine: plan.engine, format: .svg),
            as: UTF8.self)
        // SVG writes & < > " as entities (GRAPHVIZ.md).
        for expected in [
            ">say &quot;hi&quot;</text>", #">back\slash\</text>"#, ">&lt;b&gt;&amp;amp;&lt;/b&gt;</text>",
            ">{a|b} &lt;c&gt;</text>", #">\N and \G</text>"#, ">graph</text>", ">two</text>", ">lines</text>", ">AT&amp;T</text>"
        ] {
            #expect(svg.contains(expected), "\(expected)")
        }
    }

    @Test func syntaxErrorsAreReportedAndTheNextParseWorks() throws {
        #expect(throws: GraphvizError.syntax("syntax error in line 1 near '}'")) {
            try Graphviz.render(dot: "digraph { a -> }", engine: .dot, format: .svg)
        }
        let svg = try Graphviz.render(dot: "digraph { a -> b }", engine: .dot, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("<title>a&#45;&gt;b</title>"))
    }

    /// Eight renders at once through the one lock: no crash, the same drawing.
    @Test func concurrentRendersAreSerialized() async throws {
        let (text, plan) = try dot()
        let expected = sameDrawing(try Graphviz.render(dot: text, engine: plan.engine, format: .svg))
        try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 {
                group.addTask { try Graphviz.render(dot: text, engine: plan.engine, format: .svg) }
            }
            for try await output in group { #expect(sameDrawing(output) == expected) }
        }
    }

}

/// Memory over repeated in-process renders. The resident set is the whole process's, so these run
/// only when `TONGXIN_MEMORY_TESTS` is set, which `Scripts/test.sh` does in a second, non-parallel
/// `swift test` run of this suite alone: with other tests allocating alongside, the figures measure
/// the neighbours rather than Graphviz.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["TONGXIN_MEMORY_TESTS"] != nil))
struct GraphvizMemoryTests {
    let graph = SampleGraphs.tinyProvince()

    /// The resident set after 20 warm-up renders of `text` with `engine` to PNG, then after each of
    /// two runs of 100 more. Other tests allocate in this process at the same time, so callers judge
    /// the smaller of the two halves' growth: a leak grows both, a neighbour's transient memory at
    /// most one.
    private func residentGrowth(_ text: String, _ engine: LayoutEngine) throws -> (smaller: Int, samples: [Int]) {
        for _ in 0..<20 { _ = try Graphviz.render(dot: text, engine: engine, format: .png) }
        var samples = [residentBytes()]
        for _ in 0..<2 {
            for _ in 0..<100 { _ = try Graphviz.render(dot: text, engine: engine, format: .png) }
            samples.append(residentBytes())
        }
        return (min(samples[1] - samples[0], samples[2] - samples[1]), samples)
    }

    /// Rendering 200 times keeps the resident set flat: the context is reused, every buffer and
    /// graph freed. (A C loop on the same DOT grows about 1.7 KB a render, inside Graphviz's
    /// HTML-like label code: the legend.)
    @Test func repeatedRendersKeepMemoryFlat() throws {
        let (diagram, _) = try Diagram.build(graph: graph, options: DiagramOptions())
        let growth = try residentGrowth(DiagramDOT.write(diagram, engine: .neato), .neato)
        #expect(growth.smaller < 1 << 20, "resident set samples \(growth.samples)")
    }

    /// Graphviz 2.42 itself leaks about 6 KB per cluster per dot layout (measured with a C loop over
    /// agmemread/gvLayout/gvRenderData/gvFreeRenderData/gvFreeLayout/agclose on this diagram: 2.1 MB
    /// per 100 renders with its 3 clusters, nothing without them). Nothing is added on top: 100
    /// renders stay within 3 MB, and the CLI renders in a fresh worker process each time.
    @Test func clusterLayoutsLeakOnlyWhatGraphvizLeaks() throws {
        let (diagram, plan) = try Diagram.build(graph: graph, options: DiagramOptions())
        let text = DiagramDOT.write(diagram, engine: plan.engine)
        #expect(plan.engine == .dot && text.contains("subgraph cluster_2"))
        let growth = try residentGrowth(text, .dot)
        #expect(growth.smaller < 3 << 20, "resident set samples \(growth.samples)")
    }

    private func residentBytes() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// The worker's messages (the worker itself runs in TongxinCLITests, which builds the binary).
@Suite struct GraphvizWorkerTests {
    @Test func errorEncodingRoundTrips() {
        for error in [
            GraphvizError.syntax("x\ny"), .layout(engine: "dot", message: "m"), .render(format: "png", message: ""),
            .timedOut(seconds: 2.5), .worker("w")
        ] {
            #expect(GraphvizWorker.decode(GraphvizWorker.encode(error)) == error)
        }
    }
}
