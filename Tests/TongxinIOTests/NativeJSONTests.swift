import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct NativeJSONTests {
    /// A graph with every feature the format has: metadata, nameless nodes, well-known and free
    /// attributes of each type, weights, edge attributes, a `within` edge that cannot be a `parent`.
    static func featureGraph() -> Graph {
        var builder = GraphBuilder(name: "features \"q\"")
        builder.metadata = ["synthetic": .string("villages, figures"), "seed": .int(42), "scale": .double(0.5), "draft": .bool(true)]
        builder.addNode(id: "hb", kind: "region", name: "湖北省", attributes: ["level": .string("province"), "code": .int(420000)])
        builder.addNode(id: "n1", kind: "custom", attributes: ["score": .double(0.1), "ok": .bool(false)])
        builder.addNode(id: "v1", kind: "village", name: "一村\n(新)", attributes: ["type": .string("community")])
        builder.addEdge(source: "v1", target: "hb", kind: "within")
        builder.addEdge(source: "n1", target: "v1", kind: "tie", weight: 2.5, attributes: ["since": .int(2019), "note": .string("a,b")])
        builder.addEdge(source: "n1", target: "hb", kind: "within", weight: 3)
        builder.addEdge(source: "n1", target: "n1", kind: "self")
        return try! builder.build()
    }

    @Test func tinyProvinceHasThisExactText() throws {
        let text = String(decoding: NativeJSONWriter.serialize(SampleGraphs.tinyProvince()), as: UTF8.self)
        #expect(
            text == """
                {
                  "format": "tongxin-graph",
                  "version": 1,
                  "name": "tiny",
                  "nodes": [
                    {"id": "hb", "kind": "region", "name": "湖北省", "level": "province"},
                    {"id": "c1", "kind": "region", "name": "甲市", "parent": "hb", "level": "city"},
                    {"id": "c2", "kind": "region", "name": "乙市", "parent": "hb", "level": "city"},
                    {"id": "t1", "kind": "region", "name": "甲镇", "parent": "c1", "level": "town"},
                    {"id": "t2", "kind": "region", "name": "乙镇", "parent": "c1", "level": "town"},
                    {"id": "t3", "kind": "region", "name": "丙镇", "parent": "c2", "level": "town"},
                    {"id": "v1", "kind": "village", "name": "一村", "parent": "t1", "type": "village"},
                    {"id": "v2", "kind": "village", "name": "二村", "parent": "t1", "type": "village"},
                    {"id": "v3", "kind": "village", "name": "三村", "parent": "t2", "type": "village"},
                    {"id": "v4", "kind": "village", "name": "四村", "parent": "t3", "type": "village"},
                    {"id": "v5", "kind": "village", "name": "五村", "parent": "t3", "type": "village"},
                    {"id": "o1", "kind": "organization", "name": "甲镇商会", "parent": "v1", "type": "商会"},
                    {"id": "o2", "kind": "organization", "name": "丙镇商会", "type": "商会"},
                    {"id": "e1", "kind": "enterprise", "name": "某茶业公司", "attrs": {"industry": "tea"}},
                    {"id": "f1", "kind": "figure", "name": "张三", "category": "联络员"}
                  ],
                  "edges": [
                    {"source": "o2", "target": "v5", "kind": "serves"},
                    {"source": "e1", "target": "v2", "kind": "paired_with", "attrs": {"projects": 2}},
                    {"source": "e1", "target": "v3", "kind": "paired_with", "attrs": {"projects": 1}},
                    {"source": "f1", "target": "v1", "kind": "liaison_for"}
                  ]
                }

                """)
    }

    @Test(arguments: [SampleGraphs.tinyProvince(), featureGraph(), Graph()])
    func roundTripIsIdenticalAndStable(graph: Graph) throws {
        let bytes = NativeJSONWriter.serialize(graph)
        let again = try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes))
        #expect(GraphContents(again) == GraphContents(graph))
        #expect(again.checkInvariants())
        #expect(NativeJSONWriter.serialize(again) == bytes)
    }

    @Test func wellKnownAttributesMayBeInAttrs() throws {
        let graph = try NativeJSONReader.read(
            text: """
                {"format": "tongxin-graph", "nodes": [
                  {"id": "o", "kind": "organization", "type": "商会", "attrs": {"type": "商会", "category": "x"}}]}
                """)
        #expect(graph.nodeAttributes.value("type", at: 0) == .string("商会"))
        #expect(graph.nodeAttributes.value("category", at: 0) == .string("x"))
        #expect(graph.kind(of: 0) == "organization")
        #expect(graph.name == "")
    }

    @Test func defaultsAreNodeAndTie() throws {
        let graph = try NativeJSONReader.read(
            text: """
                {"format": "tongxin-graph", "nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b"}]}
                """)
        #expect(graph.kind(of: 0) == "node")
        #expect(graph.kind(ofEdge: 0) == "tie")
        #expect(graph.names[0] == nil && graph.name(of: 0) == "a")
    }

    @Test(arguments: [
        // An unknown top-level key, node key and edge key.
        (
            #"{"format": "tongxin-graph", "nodes": [], "colour": 1}"#,
            "g.json:1:42: error: unknown key 'colour' (expected format, version, name, metadata, nodes, edges)"
        ),
        (
            "{\"format\": \"tongxin-graph\", \"nodes\": [\n  {\"id\": \"a\", \"label\": \"x\"}]}",
            "g.json:2:15: error: unknown node key 'label' (did you mean 'level'?)"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "w": 1}]}"#,
            "g.json:1:94: error: unknown edge key 'w' (expected source, target, kind, weight, attrs)"
        ),
        // Duplicate ids, unknown endpoints (reported at the unknown id).
        (
            "{\"format\": \"tongxin-graph\", \"nodes\": [\n{\"id\": \"a\"},\n{\"id\": \"a\"}]}",
            "g.json:3:1: error: duplicate node id 'a'"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "zz"}]}"#,
            "g.json:1:89: error: edge target 'zz' is not a node of the graph"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a", "parent": "p"}]}"#,
            "g.json:1:61: error: edge target 'p' is not a node of the graph"
        ),
        // Hierarchy: a cycle, two parents.
        (
            "{\"format\": \"tongxin-graph\", \"nodes\": [\n{\"id\": \"a\", \"kind\": \"region\", \"parent\": \"b\"},\n{\"id\": \"b\", \"kind\": \"region\", \"parent\": \"a\"}]}",
            "g.json:2:41: error: the hierarchy has a cycle: 'a' within 'b' within 'a'"
        ),
        (
            "{\"format\": \"tongxin-graph\", \"nodes\": [\n{\"id\": \"t\", \"kind\": \"region\"}, {\"id\": \"u\", \"kind\": \"region\"},\n{\"id\": \"v\", \"kind\": \"village\", \"parent\": \"t\"}],\n\"edges\": [{\"source\": \"v\", \"target\": \"u\", \"kind\": \"within\"}]}",
            "g.json:4:37: error: node 'v' is within two places: 't' (at g.json:3:42) and 'u'"
        ),
        // Wrong attribute types and values.
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a", "attrs": {"n": 1}}, {"id": "b", "attrs": {"n": "x"}}]}"#,
            "g.json:1:98: error: attribute 'n' is a string here but a number on other nodes"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a", "attrs": {"n": [1]}}]}"#,
            "g.json:1:66: error: attribute 'n' must be a string, number or bool, not an array"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": 7}]}"#,
            "g.json:1:46: error: 'id' must be a string, not a number"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a", "level": "city", "attrs": {"level": "town"}}]}"#,
            "g.json:1:87: error: attribute 'level' is given twice with different values (city and town)"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "weight": "2"}]}"#,
            "g.json:1:104: error: 'weight' must be a number, not a string"
        ),
        (#"{"format": "graph", "nodes": []}"#, "g.json:1:12: error: 'format' is 'graph', expected 'tongxin-graph'"),
        (#"{"nodes": []}"#, "g.json:1:1: error: missing key 'format' (\"format\": \"tongxin-graph\")"),
        // Malformed and truncated text, empty files.
        ("", "g.json:1:1: error: the file is empty"),
        ("  \n ", "g.json:1:1: error: the file is empty"),
        ("[]", "g.json:1:1: error: expected '{' (a Tongxin graph is a JSON object), found '['"),
        (#"{"format": "tongxin-graph", "nodes": [{"id": "a"},"#, "g.json:1:51: error: unexpected end of file inside an array"),
        (#"{"format": "tongxin-graph", "nodes": [{"id": "a"}"#, "g.json:1:50: error: unexpected end of file inside an array"),
        (
            #"{"format": "tongxin-graph", "nodes": [{"id": "a" "kind": "b"}]}"#,
            "g.json:1:50: error: expected ',' or '}' after an object member, found '\"'"
        ),
        (
            #"{"format": "tongxin-graph", "nodes": []} x"#,
            "g.json:1:42: error: expected the end of the file after the graph object, found 'x'"
        )
    ])
    func badInputHasItsPositionedMessage(text: String, message: String) {
        #expect(readErrors { () throws(DiagnosticList) in try NativeJSONReader.read(text: text, file: "g.json") } == message)
    }

    /// Endpoints and parents are looked up from their bytes; written with escapes they are decoded
    /// first, and resolve to the same nodes. Kinds repeated in runs are reused, an escaped or
    /// changed kind is read afresh.
    @Test func escapedAndPlainReferencesResolveAlike() throws {
        let text = #"""
            {"format": "tongxin-graph", "nodes": [
              {"id": "hb", "kind": "region", "level": "province"},
              {"id": "ab", "kind": "regi\u006fn", "level": "city", "parent": "h\u0062"},
              {"id": "村", "kind": "village", "parent": "ab"},
              {"id": "q\"b", "kind": "village", "parent": "\u0061b"},
              {"id": "late", "kind": "figure", "parent": "\u6751"}],
             "edges": [{"source": "\u6751", "target": "q\"b", "kind": "tie"}, {"source": "q\u0022b", "target": "ab", "kind": "tie"},
              {"source": "late", "target": "hb", "kind": "leads"}, {"source": "ab", "target": "hb", "kind": "t\u0069e"}]}
            """#
        let graph = try NativeJSONReader.read(text: text, file: "g.json")
        #expect(graph.ids == ["hb", "ab", "村", "q\"b", "late"])
        #expect(graph.nodeKinds == ["region", "village", "figure"])
        #expect((0..<5).map { graph.nodeKinds[Int(graph.nodeKindIndices[$0])] } == ["region", "region", "village", "village", "figure"])
        let edges = (0..<graph.edgeCount).map { "\(graph.ids[Int(graph.sources[$0])])>\(graph.ids[Int(graph.targets[$0])])" }
        #expect(edges == ["ab>hb", "村>ab", "q\"b>ab", "late>村", "村>q\"b", "q\"b>ab", "late>hb", "ab>hb"])
        #expect(graph.edgeKinds == ["within", "tie", "leads"])
        #expect(graph.hierarchy.parent(of: 4) == 2 && graph.hierarchy.parent(of: 3) == 1)
    }

    /// A node naming itself as its parent is found although it is added after its keys are read.
    @Test func aNodeThatIsItsOwnParentIsACycle() {
        let text = #"{"format": "tongxin-graph", "nodes": [{"id": "a", "kind": "region", "parent": "a"}]}"#
        #expect(
            readErrors { () throws(DiagnosticList) in try NativeJSONReader.read(text: text, file: "g.json") }
                == "g.json:1:79: error: the hierarchy has a cycle: 'a' within 'a'")
    }

    @Test func invalidUTF8InAReferenceIsPositioned() {
        var bytes = Array(#"{"format": "tongxin-graph", "nodes": [{"id": "a"}, {"id": "b", "parent": "x"#.utf8)
        bytes += [0xFF]
        bytes += Array(#""}]}"#.utf8)
        #expect(
            readErrors { () throws(DiagnosticList) in try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes)) }
                == "g.json:1:76: error: invalid UTF-8 byte 0xFF")
    }

    @Test func invalidUTF8IsPositioned() {
        var bytes = Array(#"{"format": "tongxin-graph", "nodes": [{"id": "村"#.utf8)
        bytes += [0xE6, 0x9D]  // a truncated three-byte sequence
        bytes += Array(#""}]}"#.utf8)
        #expect(
            readErrors { () throws(DiagnosticList) in try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes)) }
                == "g.json:1:48: error: invalid UTF-8 byte 0xE6")
    }

    @Test func errorsAreCollectedAndCapped() {
        let nodes = (0..<80).map { _ in #"{"id": "a"}"# }.joined(separator: ",\n")
        let text = "{\"format\": \"tongxin-graph\", \"nodes\": [\n\(nodes)]}"
        let message = readErrors { () throws(DiagnosticList) in try NativeJSONReader.read(text: text, file: "g.json") }
        let lines = message.split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines[0] == "g.json:3:1: error: duplicate node id 'a'")
        #expect(lines.last == "note: 29 more errors not shown")
    }

    @Test func aHugeSingleLineIsReadInLinearTime() throws {
        // About 50 MB on one line: 600,000 nodes, no newline anywhere.
        let count = 600_000
        var text = #"{"format": "tongxin-graph", "name": "wide", "nodes": ["#
        text.reserveCapacity(count * 90)
        for node in 0..<count {
            if node > 0 { text += "," }
            text += #"{"id": "node-\#(node)", "kind": "village", "name": "第\#(node)号村", "attrs": {"households": \#(node % 977)}}"#
        }
        text += #"], "edges": [{"source": "node-1", "target": "nowhere"}]}"#
        #expect(text.utf8.count > 50_000_000)
        let message = readErrors { () throws(DiagnosticList) in try NativeJSONReader.read(text: text, file: "wide.json") }
        #expect(message == "wide.json:1:\(text.unicodeScalars.count - 11): error: edge target 'nowhere' is not a node of the graph")
    }
}
