import Testing
@testable import TongxinIO
import TongxinTestSupport

@Suite struct DOTReaderTests {
    private func read(_ text: String) throws(DiagnosticList) -> Graph {
        try DOTReader.read(text: text, file: "in.dot")
    }

    private func messages(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Every id, kind, name, attribute (with its type), edge, kind, weight and edge attribute survives.
    private func expectSameGraph(_ a: Graph, _ b: Graph) {
        #expect(a.name == b.name)
        #expect(a.ids == b.ids)
        #expect((0..<a.nodeCount).map(a.kind(of:)) == (0..<b.nodeCount).map(b.kind(of:)))
        #expect(a.names == b.names)
        #expect(a.nodeAttributes.names.sorted() == b.nodeAttributes.names.sorted())
        for attribute in a.nodeAttributes.names {
            #expect(
                (0..<a.nodeCount).map { a.nodeAttributes.value(attribute, at: $0) }
                    == (0..<b.nodeCount).map { b.nodeAttributes.value(attribute, at: $0) }, "\(attribute)")
        }
        #expect(a.sources == b.sources && a.targets == b.targets)
        #expect((0..<a.edgeCount).map(a.kind(ofEdge:)) == (0..<b.edgeCount).map(b.kind(ofEdge:)))
        #expect((0..<a.edgeCount).map(a.weight(of:)) == (0..<b.edgeCount).map(b.weight(of:)))
        for attribute in a.edgeAttributes.names {
            #expect(
                (0..<a.edgeCount).map { a.edgeAttributes.value(attribute, at: $0) }
                    == (0..<b.edgeCount).map { b.edgeAttributes.value(attribute, at: $0) }, "\(attribute)")
        }
        #expect(a.hierarchy.parents == b.hierarchy.parents)
    }

    /// DOT as `tongxin convert` writes it (TongxinIO's writer: synthetic node names, the id in `id`).
    private func written(_ graph: Graph) -> String {
        String(decoding: DOTWriter.serialize(graph), as: UTF8.self)
    }

    @Test func roundTripsTheSampleProvince() throws {
        let graph = SampleGraphs.tinyProvince()
        let text = written(graph)
        expectSameGraph(graph, try read(text))
        // And writing again gives the same text.
        #expect(written(try read(text)) == text)
    }

    @Test func roundTripsHostileTextWeightsAndTypes() throws {
        var builder = GraphBuilder(name: #"a "quoted" \ name"#)
        let names = [#"say "hi""#, #"back\slash\"#, "<b>&amp;</b>", "{a|b} <c>", #"\N and \n"#, "two\nlines", "tab\tand trailing \\"]
        for (index, name) in names.enumerated() {
            builder.addNode(
                id: index == 0 ? "node" : "id \(index) \"x\"", kind: NodeKind.figure, name: name,
                attributes: [
                    "score": .double(Double(index) / 4), "rank": .int(index), "ok": .bool(index % 2 == 0),
                    "note": .string("n\(index)")
                ])
        }
        builder.addEdge(source: "node", target: "id 1 \"x\"", kind: EdgeKind.tie, weight: 2.5, attributes: ["since": .int(2019)])
        builder.addEdge(source: "id 1 \"x\"", target: "node", kind: "custom kind")
        let graph = try builder.build()
        expectSameGraph(graph, try read(written(graph)))
    }

    @Test func readsForeignDOT() throws {
        let graph = try read(
            """
            /* a hand-written file */
            graph G {
              node [shape=box]
              a [label="甲\\n乙"]; b [label="\\N"]; c
              a -- b [weight=3, color=red]
              b -- c
              subgraph cluster_x { c }
            }
            """)
        #expect(graph.name == "G")
        #expect(graph.ids == ["a", "b", "c"])
        #expect(graph.names == ["甲\n乙", nil, nil])
        #expect(graph.kind(of: 0) == NodeKind.generic && graph.kind(ofEdge: 0) == EdgeKind.tie)
        #expect(graph.nodeAttributes.value("shape", at: 2) == .string("box"))
        #expect(graph.weight(of: 0) == 3 && graph.weight(of: 1) == 1)
        #expect(graph.edgeAttributes.value("color", at: 0) == .string("red"))
        #expect(graph.edgeAttributes.value("color", at: 1) == nil)
    }

    @Test func backslashesAreUnescapedAndNewlinesOnlyInLabels() throws {
        // cgraph unescapes only \"; \\ is the writer's backslash everywhere, \n a line break in labels.
        let graph = try read(#"digraph { a [label="x\\y\nz", note="p\\q\n \"r\" end\\"] }"#)
        #expect(graph.names == ["x\\y\nz"])
        #expect(graph.nodeAttributes.value("note", at: 0) == .string(#"p\q\n "r" end\"#))
    }

    @Test func errorsArePositioned() {
        #expect(messages("digraph {\n  a -> b\n  c -> ;\n}") == ["in.dot:3:8: error: DOT syntax error in line 3 near ';'"])
        #expect(messages("  \n") == ["in.dot:1:1: error: empty file: expected a DOT graph (digraph { ... })"])
        #expect(
            messages("digraph {\n  n0 [id=x]\n  n1 [id=x]\n}")
                == ["in.dot:3:3: error: duplicate node id 'x'"])
        #expect(
            messages("digraph {\n  a -> b [weight=heavy]\n}")
                == ["in.dot:2:3: error: edge a -> b: weight 'heavy' is not a number"])
        // A village within two towns: placed at the first mention of the village.
        let twoParents = """
            digraph {
              t1 [kind=region, level=town]; t2 [kind=region, level=town]
              v [kind=village]
              v -> t1 [kind=within]
              v -> t2 [kind=within]
            }
            """
        #expect(messages(twoParents) == ["in.dot:3:3: error: node 'v' is within two places: 't1' (at in.dot:3:3) and 't2'"])
    }

    /// cgraph returns an empty graph when 5,000 subgraphs nest: the reader refuses before it parses.
    @Test func deepSubgraphsArePositionedErrors() throws {
        for opening in ["subgraph s { ", "{"] {
            let text =
                "digraph G {\n" + String(repeating: opening, count: 100_000) + "a -> b" + String(repeating: "}", count: 100_000) + "}"
            let column =
                1 + opening.count * (DOTReader.maximumNesting - 1)
                + opening.distance(from: opening.startIndex, to: opening.firstIndex(of: "{")!)
            #expect(messages(text) == ["in.dot:2:\(column): error: subgraphs nested too deeply (more than 256 levels of '{')"])
        }
        // Braces in strings, HTML labels and comments do not count; 255 levels inside the graph's own are read.
        let quoted =
            "digraph {\n a [label=\"" + String(repeating: "{", count: 300) + "\\\"\"]\n"
            + " b [label=<" + String(repeating: "{<b>", count: 300) + String(repeating: "</b>", count: 300) + ">]\n"
            + " // " + String(repeating: "{", count: 300) + "\n /* " + String(repeating: "{", count: 300) + " */\n"
            + String(repeating: "subgraph { ", count: 255) + "a -> b" + String(repeating: "}", count: 255) + "\n}"
        let graph = try read(quoted)
        #expect(graph.nodeCount == 2 && graph.edgeCount == 1)
    }

    @Test func invalidUTF8IsPositioned() {
        var bytes = Array("digraph {\n  a -> b\n  \"".utf8)
        bytes += [0xE4, 0xB8]  // a truncated 3-byte sequence
        bytes += Array("\" }\n".utf8)
        #expect(throws: DiagnosticList.self) { try DOTReader.read(InputFile(path: "in.dot", bytes: bytes)) }
        do {
            _ = try DOTReader.read(InputFile(path: "in.dot", bytes: bytes))
        } catch {
            #expect(error.diagnostics.map(\.description) == ["in.dot:3:4: error: the file is not valid UTF-8"])
        }
    }
}
