import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct GEXFTests {
    static func errors(_ text: String) -> String {
        readErrors { () throws(DiagnosticList) in try GEXFReader.read(text: text, file: "g.gexf") }
    }

    /// GEXF carries the name (as the description), ids, kinds, names, typed attributes, parallel edges
    /// and weights; not the graph's metadata.
    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph(), Graph()])
    func roundTripIsIdenticalAndStable(graph: Graph) throws {
        let bytes = GEXFWriter.serialize(graph)
        let again = try GEXFReader.read(InputFile(path: "g.gexf", bytes: bytes))
        #expect(GraphContents(again) == GraphContents(graph).withoutGraphData().with(name: graph.name))
        #expect(GEXFWriter.serialize(again) == bytes)
    }

    /// A file saved by Gephi 0.10: typed attributes with a default, viz colour (rgb, rgba and hex),
    /// size and position, parallel edges, kinds from labels and from GEXF 1.3's edge `kind`.
    @Test func readsGephisFile() throws {
        let graph = try GEXFReader.read(InteropFixtures.file("gephi.gexf"))
        #expect(graph.name == "随州 联络")
        #expect(graph.ids == ["suizhou", "v1", "org", "p1"])
        #expect(graph.names == ["随州市", "一村", "随州市工商联", "张三"])
        #expect((0..<4).map(graph.kind(of:)) == ["region", "village", "organization", "node"])
        let attributes = graph.nodeAttributes
        #expect(attributes.value("population", at: 0) == .int(2_047_923))
        #expect(attributes.value("share", at: 0) == .double(0.25))
        #expect(attributes.value("active", at: 0) == .bool(true) && attributes.value("active", at: 1) == .bool(false))
        #expect(attributes.value("founded", at: 2) == .string("1988-05-01"))
        #expect(attributes.value("tags", at: 2) == .string("[商会, 工商联]"))
        #expect(attributes.value("Modularity Class", at: 3) == .int(1))
        #expect(attributes.value("viz_color", at: 0) == .string("#c6dbef"))
        #expect(attributes.value("viz_color", at: 3) == .string("#dadaeb"))
        #expect(attributes.value("viz_alpha", at: 2) == .double(0.8) && attributes.value("viz_alpha", at: 0) == nil)
        #expect(attributes.value("viz_size", at: 2) == .double(14.5))
        #expect(attributes.value("viz_x", at: 0) == .double(-12.5) && attributes.value("viz_y", at: 0) == .double(40.25))
        #expect((0..<4).map(graph.kind(ofEdge:)) == ["within", "member_of", "leads", "tie"])
        #expect(graph.weight(of: 2) == 2.5 && graph.weight(of: 1) == 1)
        #expect(graph.edgeAttributes.value("since", at: 2) == .int(2022))
        #expect(graph.edgeAttributes.value("label", at: 3) == .string("帮扶联系"))
        #expect(graph.edgeAttributes.value("label", at: 0) == nil)
        #expect(graph.edgeAttributes.value("viz_color", at: 0) == .string("#969696"))
        // Written back, Gephi's look is kept: the same graph, viz and all.
        let again = try GEXFReader.read(InputFile(path: "again.gexf", bytes: GEXFWriter.serialize(graph)))
        #expect(GraphContents(again) == GraphContents(graph))
    }

    /// What `networkx.write_gexf(G, path)` writes (networkx 3.6, GEXF 1.2draft): `mode`, `id`-less
    /// `<attvalue for>`, an undirected graph, node `pid`.
    @Test func readsNetworkXOutput() throws {
        let graph = try GEXFReader.read(
            text: """
                <?xml version='1.0' encoding='utf-8'?>
                <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.2">
                  <meta lastmodifieddate="2026-12-04">
                    <creator>NetworkX 3.6.1</creator>
                  </meta>
                  <graph defaultedgetype="undirected" mode="static" name="">
                    <attributes mode="static" class="node">
                      <attribute id="0" title="kind" type="string" />
                      <attribute id="1" title="households" type="long" />
                    </attributes>
                    <nodes>
                      <node id="t" label="甲镇"><attvalues><attvalue for="0" value="region" /></attvalues></node>
                      <node id="v" label="一村" pid="t">
                        <attvalues><attvalue for="0" value="village" /><attvalue for="1" value="120" /></attvalues>
                      </node>
                    </nodes>
                    <edges>
                      <edge source="v" target="t" id="0" weight="2.0" />
                    </edges>
                  </graph>
                </gexf>
                """)
        #expect(graph.names == ["甲镇", "一村"] && graph.kind(of: 1) == "village")
        #expect(graph.nodeAttributes.value("households", at: 1) == .int(120))
        #expect(graph.edgeCount == 2)
        #expect(graph.kind(ofEdge: 0) == "within" && graph.source(of: 0) == 1 && graph.target(of: 0) == 0)
        #expect(graph.kind(ofEdge: 1) == "tie" && graph.weight(of: 1) == 2)
    }

    @Test func styledOutputHasVizColoursAndSizes() throws {
        let graph = SampleGraphs.tinyProvince()
        var styling = NodeStyling(graph)
        styling.sizes[0] = 1
        var sink = ByteSink()
        GEXFWriter.write(graph, styling: styling, to: &sink)
        let text = String(decoding: sink.buffer, as: UTF8.self)
        #expect(
            text.contains(
                """
                      <node id="hb" label="湖北省">
                        <attvalues>
                          <attvalue for="0" value="region"/>
                          <attvalue for="1" value="province"/>
                        </attvalues>
                        <viz:color r="198" g="219" b="239"/>
                        <viz:size value="50.0"/>
                      </node>
                """))
        #expect(
            text.contains(
                """
                      <edge id="0" source="c1" target="hb" label="within">
                        <attvalues>
                          <attvalue for="0" value="within"/>
                        </attvalues>
                        <viz:color r="150" g="150" b="150"/>
                        <viz:thickness value="1.0"/>
                      </edge>
                """))
        let back = try GEXFReader.read(InputFile(path: "g.gexf", bytes: sink.buffer))
        #expect(back.nodeAttributes.value("viz_color", at: 6) == .string("#c7e9c0"))
        #expect(back.nodeAttributes.value("viz_size", at: 1) == .double(10))
    }

    @Test func clashingKindIsRenamedWithAWarning() throws {
        let graph = try GEXFReader.read(
            text: """
                <gexf><graph><attributes class="node"><attribute id="k" title="kind" type="integer"/></attributes>
                <nodes><node id="a" label="甲"><attvalues><attvalue for="k" value="3"/></attvalues></node></nodes></graph></gexf>
                """, file: "g.gexf")
        #expect(graph.kind(of: 0) == "node" && graph.nodeAttributes.value("kind_original", at: 0) == .int(3))
        #expect(
            graph.warnings.map(\.description) == [
                "g.gexf:2:42: warning: node attribute 'kind' is a number, not a string: kept as 'kind_original'"
            ])
    }

    @Test(arguments: [
        ("", "g.gexf:1:1: error: the file is empty"),
        ("<graphml/>", "g.gexf:1:1: error: the root element is <graphml>, expected <gexf>"),
        ("<gexf/>", "g.gexf:1:1: error: no <graph> element"),
        (
            "<gexf><graph><attributes class=\"node\"><attribute id=\"0\" title=\"pop\" type=\"long\"/></attributes>\n"
                + "<nodes><node id=\"a\"><attvalues><attvalue for=\"1\" value=\"3\"/></attvalues></node></nodes></graph></gexf>",
            "g.gexf:2:42: error: <attvalue for='1'>: no node attribute has that id (declared: '0')"
        ),
        (
            "<gexf><graph><nodes><node id=\"a\"><attvalues><attvalue for=\"x\" value=\"3\"/></attvalues></node></nodes></graph></gexf>",
            "g.gexf:1:55: error: <attvalue for='x'>: no node attribute has that id (this file declares no node attributes)"
        ),
        (
            "<gexf><graph><attributes class=\"node\"><attribute id=\"0\" title=\"pop\" type=\"long\"/></attributes>"
                + "<nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"many\"/></attvalues></node></nodes></graph></gexf>",
            "g.gexf:1:144: error: 'many' is not a valid number for 'pop'"
        ),
        (
            "<gexf><graph><attributes class=\"node\"><attribute id=\"0\" type=\"decimal\"/></attributes></graph></gexf>",
            "g.gexf:1:57: error: unknown attribute type 'decimal' (expected string, integer, long, float, double, boolean, date, liststring …)"
        ),
        (
            "<gexf><graph><nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"a\" weight=\"x\"/></edges></graph></gexf>",
            "g.gexf:1:78: error: weight 'x' is not a number"
        ),
        (
            "<gexf><graph><nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"b\"/></edges></graph></gexf>",
            "g.gexf:1:67: error: edge target 'b' is not a node of the graph"
        ),
        (
            "<gexf><graph><nodes><node id=\"a\"><viz:color r=\"300\" g=\"0\" b=\"0\"/></node></nodes></graph></gexf>",
            "g.gexf:1:45: error: viz:color needs 'r' from 0 to 255 (or 'hex')"
        ),
        (
            "<!DOCTYPE gexf [<!ENTITY x \"y\">]><gexf/>",
            "g.gexf:1:1: error: a DOCTYPE or other declaration: graph files need none, and entity definitions are refused"
        )
    ])
    func badInputHasItsPositionedMessage(text: String, message: String) {
        #expect(Self.errors(text) == message)
    }

    @Test func deepNestingIsRefused() {
        let text = "<gexf><graph><nodes>" + String(repeating: "<node id=\"a\"><nodes>", count: 70) + "</nodes></graph></gexf>"
        #expect(Self.errors(text).hasSuffix("error: nodes nested too deeply (more than 64 levels)"))
    }
}

extension GraphContents {
    func with(name: String) -> GraphContents {
        var copy = self
        copy.name = name
        return copy
    }
}
