import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct GraphMLTests {
    static func errors(_ text: String) -> String {
        readErrors { () throws(DiagnosticList) in try GraphMLReader.read(text: text, file: "g.graphml") }
    }

    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph(), Graph()])
    func roundTripIsIdenticalAndStable(graph: Graph) throws {
        let bytes = GraphMLWriter.serialize(graph)
        let again = try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        #expect(GraphContents(again) == GraphContents(graph))
        #expect(GraphMLWriter.serialize(again) == bytes)
    }

    @Test func tinyProvinceStartsWithTypedKeys() {
        let text = String(decoding: GraphMLWriter.serialize(SampleGraphs.tinyProvince()), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            Array(lines[2...12]) == [
                #"  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>"#,
                #"  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>"#,
                #"  <key id="n_name" for="node" attr.name="name" attr.type="string"/>"#,
                #"  <key id="n0" for="node" attr.name="level" attr.type="string"/>"#,
                #"  <key id="n1" for="node" attr.name="type" attr.type="string"/>"#,
                #"  <key id="n2" for="node" attr.name="industry" attr.type="string"/>"#,
                #"  <key id="n3" for="node" attr.name="category" attr.type="string"/>"#,
                #"  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>"#,
                #"  <key id="e0" for="edge" attr.name="projects" attr.type="long"/>"#,
                #"  <graph edgedefault="directed">"#,
                #"    <data key="g_name">tiny</data>"#
            ])
        #expect(
            text.contains(
                """
                    <edge id="e12" source="e1" target="v2">
                      <data key="e_kind">paired_with</data>
                      <data key="e0">2</data>
                    </edge>
                """))
    }

    /// What `networkx.write_graphml(G, path)` writes for a MultiDiGraph with a float weight, an int and
    /// a bool attribute (networkx 3.6): keys declared as `for="node"` with `attr.type`, edge ids,
    /// no kinds.
    @Test func readsNetworkXOutput() throws {
        let graph = try GraphMLReader.read(
            text: """
                <?xml version='1.0' encoding='utf-8'?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
                  <key id="d3" for="edge" attr.name="weight" attr.type="double" />
                  <key id="d2" for="node" attr.name="active" attr.type="boolean" />
                  <key id="d1" for="node" attr.name="pop" attr.type="long" />
                  <key id="d0" for="node" attr.name="name" attr.type="string" />
                  <graph edgedefault="directed">
                    <node id="a">
                      <data key="d0">甲 &amp; 乙</data>
                      <data key="d1">12</data>
                      <data key="d2">True</data>
                    </node>
                    <node id="b" />
                    <edge source="a" target="b" id="0">
                      <data key="d3">2.5</data>
                    </edge>
                    <edge source="a" target="b" id="1" />
                  </graph>
                </graphml>
                """)
        #expect(graph.ids == ["a", "b"])
        #expect(graph.names == ["甲 & 乙", nil])
        #expect(graph.nodeKinds == ["node"])
        #expect(graph.nodeAttributes.value("pop", at: 0) == .int(12))
        #expect(graph.nodeAttributes.value("active", at: 0) == .bool(true))
        #expect(graph.edgeCount == 2 && graph.weight(of: 0) == 2.5 && graph.weight(of: 1) == 1)
        #expect(graph.kind(ofEdge: 0) == "tie")
    }

    @Test func skipsYEdGraphicsAndAppliesDefaults() throws {
        let graph = try GraphMLReader.read(
            text: """
                <graphml xmlns:y="http://www.yworks.com/xml/graphml">
                  <key id="g" for="node" yfiles.type="nodegraphics"/>
                  <key id="k" for="node" attr.name="kind" attr.type="string"><default>village</default></key>
                  <graph id="G" edgedefault="undirected">
                    <node id="x"><data key="g"><y:ShapeNode><y:NodeLabel>x</y:NodeLabel></y:ShapeNode></data></node>
                    <node id="y"><data key="k">region</data></node>
                    <!-- a comment --><edge source="x" target="y"/>
                  </graph>
                </graphml>
                """)
        #expect(graph.kind(of: 0) == "village" && graph.kind(of: 1) == "region")
        #expect(graph.nodeAttributes.names.isEmpty)
    }

    @Test(arguments: [
        ("", "g.graphml:1:1: error: the file is empty"),
        ("<graph/>", "g.graphml:1:1: error: the root element is <graph>, expected <graphml>"),
        ("<graphml>\n  <graph>\n    <node id=\"a\">\n", "g.graphml:4:1: error: unexpected end of file: <node> is not closed"),
        ("<graphml><graph><node id=\"a\"></edge></graph></graphml>", "g.graphml:1:30: error: closing tag </edge> does not match <node>"),
        ("<graphml><graph><node id=\"a></graph></graphml>", "g.graphml:1:29: error: '<' in an attribute value"),
        ("<graphml><graph><node id=\"a\" id=\"b\"/></graph></graphml>", "g.graphml:1:30: error: duplicate attribute 'id'"),
        ("<graphml><graph><node id=\"a &bogus;\"/></graph></graphml>", "g.graphml:1:29: error: unknown entity &bogus;"),
        ("<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", "g.graphml:1:31: error: duplicate node id 'a'"),
        (
            "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"z\"/></graph></graphml>",
            "g.graphml:1:48: error: edge target 'z' is not a node of the graph"
        ),
        (
            "<graphml><graph><node id=\"a\"><data key=\"d9\">x</data></node></graph></graphml>",
            "g.graphml:1:30: error: <data> refers to key 'd9', which no <key> declares"
        ),
        (
            "<graphml><key id=\"p\" for=\"node\" attr.name=\"pop\" attr.type=\"int\"/><graph><node id=\"a\"><data key=\"p\">many</data></node></graph></graphml>",
            "g.graphml:1:86: error: 'many' is not a valid number for key 'pop'"
        ),
        (
            "<graphml><key id=\"p\" for=\"node\" attr.name=\"p\" attr.type=\"int\"/><key id=\"q\" for=\"node\" attr.name=\"p\" attr.type=\"string\"/>"
                + "<graph><node id=\"a\"><data key=\"p\">1</data></node><node id=\"b\"><data key=\"q\">x</data></node></graph></graphml>",
            "g.graphml:1:183: error: attribute 'p' is a string here but a number on other nodes"
        ),
        (
            "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"><graph/></edge></graph></graphml>",
            "g.graphml:1:59: error: a graph nested in an edge: only nodes may hold graphs (groups)"
        ),
        (
            "<!DOCTYPE graphml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><graphml/>",
            "g.graphml:1:1: error: a DOCTYPE or other declaration: graph files need none, and entity definitions are refused"
        ),
        (
            "<graphml><graph><hyperedge/></graph></graphml>",
            "g.graphml:1:17: error: hyperedges are not supported: Tongxin edges join two nodes"
        ),
        ("<graphml/>", "g.graphml:1:1: error: no <graph> element"),
        ("<graphml></graphml><graphml>", "g.graphml:1:20: error: a second root element <graphml>"),
        ("<graphml><graph><node id=\"a\" kind=\"x\" / ></graph></graphml>", "g.graphml:1:40: error: expected '>' after '/', found ' '")
    ])
    func badInputHasItsPositionedMessage(text: String, message: String) {
        #expect(Self.errors(text) == message)
    }

    /// A file yEd 3.23 saved: labels in `<y:NodeLabel>` of ShapeNode, GenericNode and a group's
    /// ProxyAutoBoundsNode, a custom `kind` property, a group holding two nodes, edge labels.
    @Test func readsYEdsFileWithLabelsAndGroups() throws {
        let graph = try GraphMLReader.read(InteropFixtures.file("yed.graphml"))
        #expect(graph.ids == ["n0::n0", "n0::n1", "n0", "n1", "n2", "n3"])
        #expect(graph.names == ["一村", "二村", "城关镇", "城关镇商会", "王五", nil])
        #expect((0..<6).map(graph.kind(of:)) == ["village", "village", "region", "organization", "node", "node"])
        #expect(graph.nodeAttributes.value("description", at: 3) == .string("镇商会，2015年成立"))
        let edges = (0..<graph.edgeCount).map {
            "\(graph.ids[graph.source(of: $0)])-\(graph.kind(ofEdge: $0))->\(graph.ids[graph.target(of: $0)])"
        }
        #expect(
            edges == ["n0::n0-within->n0", "n0::n1-within->n0", "n0::n0-tie->n0::n1", "n1-within->n0", "n2-member_of->n1", "n2-tie->n3"])
        #expect(graph.edgeAttributes.value("label", at: 2) == .string("邻村"))
        #expect(graph.hierarchy.parent(of: 0) == 2)
        #expect(
            graph.warnings.map(\.description) == [
                "yed.graphml:96:5: warning: node 'n3' has no label in its yEd graphics: it is named by its id",
                "warning: region 'n0' has no level (province, city, county or town)"
            ])
    }

    /// A file Gephi 0.10 exported as GraphML: the name in `label`, edge kinds in `Edge Label`, a
    /// numeric column called `kind` (kept as `kind_original`, with a warning).
    @Test func readsGephisGraphML() throws {
        let graph = try GraphMLReader.read(InteropFixtures.file("gephi.graphml"))
        #expect(graph.names == ["湖北省", "随州市", "随县"])
        #expect(graph.nodeKinds == ["node"])
        #expect(graph.nodeAttributes.value("kind_original", at: 2) == .int(2))
        #expect(graph.nodeAttributes.column(named: "label") == nil)
        #expect((0..<3).map(graph.kind(ofEdge:)) == ["within", "within", "tie"])
        #expect(graph.edgeAttributes.value("Edge Label", at: 2) == .string("经济联系") && graph.weight(of: 2) == 3.5)
        #expect(
            graph.warnings.map(\.description) == [
                "gephi.graphml:16:1: warning: node attribute 'kind' is a number, not a string: kept as 'kind_original'"
            ])
    }

    @Test func aNameBeatsTheLabelWhichStaysAnAttribute() throws {
        let graph = try GraphMLReader.read(
            text: """
                <graphml><key id="n" for="node" attr.name="name" attr.type="string"/><key id="l" for="node" attr.name="label" attr.type="string"/>
                <graph><node id="a"><data key="l">标签</data><data key="n">名字</data></node></graph></graphml>
                """)
        #expect(graph.names == ["名字"] && graph.nodeAttributes.value("label", at: 0) == .string("标签"))
    }

    @Test func deepGroupsAreRefused() {
        let text = "<graphml><graph>" + String(repeating: "<node id=\"g\"><graph>", count: 70) + "</graph></graphml>"
        #expect(Self.errors(text).hasSuffix("error: groups nested too deeply (more than 64 levels)"))
    }

    @Test func invalidUTF8IsPositioned() {
        let bytes = Array("<graphml><graph><node id=\"".utf8) + [0xC3, 0x28] + Array("\"/></graph></graphml>".utf8)
        #expect(
            readErrors { () throws(DiagnosticList) in try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes)) }
                == "g.graphml:1:27: error: invalid UTF-8 byte 0xC3")
    }
}

@Suite struct GEXFAndDOTTests {
    @Test func gexfHasKindsAttributesAndWeights() {
        let text = String(decoding: GEXFWriter.serialize(NativeJSONTests.featureGraph()), as: UTF8.self)
        #expect(text.contains(#"<gexf xmlns="http://gexf.net/1.3""#))
        #expect(
            text.contains(
                """
                    <attributes class="node">
                      <attribute id="0" title="kind" type="string"/>
                      <attribute id="1" title="level" type="string"/>
                      <attribute id="2" title="code" type="long"/>
                      <attribute id="3" title="score" type="double"/>
                      <attribute id="4" title="ok" type="boolean"/>
                      <attribute id="5" title="type" type="string"/>
                    </attributes>
                """))
        #expect(
            text.contains(
                """
                      <node id="v1" label="一村&#10;(新)">
                        <attvalues>
                          <attvalue for="0" value="village"/>
                          <attvalue for="5" value="community"/>
                        </attvalues>
                      </node>
                """))
        #expect(text.contains(#"<edge id="1" source="n1" target="v1" label="tie" weight="2.5">"#))
    }

    @Test func dotUsesSyntheticIdsAndEscapesLabels() {
        var builder = GraphBuilder(name: "g")
        builder.addNode(id: "node", kind: "region", name: "甲\"乙\\丙\r\n丁", attributes: ["level": .string("city")])
        builder.addNode(id: "b", kind: "village")
        builder.addEdge(source: "b", target: "node", kind: "within", weight: 2)
        let text = String(decoding: DOTWriter.serialize(try! builder.build()), as: UTF8.self)
        #expect(
            text == """
                digraph "g" {
                  n0 [id="node", label="甲\\"乙\\\\丙\\n丁", kind="region", "level"="city"];
                  n1 [id="b", label="b", kind="village"];
                  n1 -> n0 [kind="within", weight="2.0"];
                }

                """)
    }
}
