import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct CytoscapeJSONTests {
    static func errors(_ text: String) -> String {
        readErrors { () throws(DiagnosticList) in try CytoscapeJSONReader.read(text: text, file: "g.cyjs") }
    }

    /// Cytoscape JSON carries everything a Tongxin graph holds.
    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph(), Graph()])
    func roundTripIsIdenticalAndStable(graph: Graph) throws {
        let bytes = CytoscapeJSONWriter.serialize(graph)
        let again = try CytoscapeJSONReader.read(InputFile(path: "g.cyjs", bytes: bytes))
        #expect(GraphContents(again) == GraphContents(graph))
        #expect(CytoscapeJSONWriter.serialize(again) == bytes)
    }

    @Test func tinyProvinceStartsWithThisText() {
        let text = String(decoding: CytoscapeJSONWriter.serialize(SampleGraphs.tinyProvince()), as: UTF8.self)
        #expect(
            text.hasPrefix(
                """
                {"format_version": "1.0", "generated_by": "tongxin", "target_cytoscapejs_version": "~2.1",
                 "data": {"name":"tiny"},
                 "elements": {"nodes": [
                  {"data":{"id":"hb","name":"湖北省","kind":"region","level":"province"}},
                """))
        #expect(text.contains(#"{"data":{"id":"e12","source":"e1","target":"v2","kind":"paired_with","projects":2}}"#))
    }

    /// A network exported by Cytoscape 3.10 (File → Export → Network to File, .cyjs): SUIDs, shared
    /// names, `interaction`, positions, a list column, the network's own data.
    @Test func readsCytoscapesFile() throws {
        let graph = try CytoscapeJSONReader.read(InteropFixtures.file("cytoscape.cyjs"))
        #expect(graph.name == "联络网络" && graph.metadata["SUID"] == .int(52))
        #expect(graph.ids == ["101", "102", "103"] && graph.names == ["城关镇", "一村", "李四"])
        #expect((0..<3).map(graph.kind(of:)) == ["region", "village", "node"])
        #expect(graph.nodeAttributes.value("households", at: 1) == .int(240))
        #expect(graph.nodeAttributes.value("position_x", at: 0) == .double(-120.5))
        #expect(graph.nodeAttributes.value("aliases", at: 1) == .string(#"["老一村","一组"]"#))
        #expect(graph.kind(ofEdge: 0) == "within" && graph.edgeAttributes.value("interaction", at: 0) == nil)
        #expect(graph.kind(ofEdge: 1) == "tie" && graph.weight(of: 1) == 2.5)
        #expect(graph.edgeAttributes.value("interaction", at: 1) == .string("interacts with"))
    }

    @Test func elementsMayBeOneArrayWithGroupsAndParents() throws {
        let graph = try CytoscapeJSONReader.read(
            text: """
                {"elements": [{"group": "nodes", "data": {"id": "t", "label": "甲镇"}},
                              {"group": "nodes", "data": {"id": "v", "name": "一村", "parent": "t"}},
                              {"group": "edges", "data": {"source": "v", "target": "t", "label": "member_of"}}]}
                """)
        #expect(graph.names == ["甲镇", "一村"])
        #expect((0..<2).map(graph.kind(ofEdge:)) == ["within", "member_of"])
    }

    @Test(arguments: [
        ("", "g.cyjs:1:1: error: the file is empty"),
        ("[]", "g.cyjs:1:1: error: expected '{' (a Cytoscape network is a JSON object), found '['"),
        ("{}", "g.cyjs:1:1: error: no 'elements': a Cytoscape network holds its nodes and edges there"),
        (#"{"elements": {"nodes": [{"data": {"name": "x"}}]}}"#, "g.cyjs:1:25: error: a node without a string 'id' in its 'data'"),
        (
            #"{"elements": {"nodes": [{"data": {"id": "a"}}], "edges": [{"data": {"source": "a", "target": "b"}}]}}"#,
            "g.cyjs:1:94: error: edge target 'b' is not a node of the graph"
        ),
        (
            #"{"elements": [{"group": "node", "data": {"id": "a"}}]}"#,
            "g.cyjs:1:25: error: an element whose 'group' is not \"nodes\" or \"edges\""
        ),
        (
            #"{"elements": {"nodes": [{"data": {"id": "a"}, "position": {"x": "left"}}]}}"#,
            "g.cyjs:1:47: error: 'x' of 'position' must be a number"
        ),
        (#"{"elements": {"links": []}}"#, "g.cyjs:1:15: error: unknown elements key 'links' (expected nodes or edges)")
    ])
    func badInputHasItsPositionedMessage(text: String, message: String) {
        #expect(Self.errors(text) == message)
    }
}
