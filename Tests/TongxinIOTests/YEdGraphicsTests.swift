import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct YEdGraphicsTests {
    static func yEd(_ graph: Graph, styling: NodeStyling? = nil) -> [UInt8] {
        var sink = ByteSink()
        GraphMLWriter.write(graph, yEd: styling ?? NodeStyling(graph), to: &sink)
        return sink.buffer
    }

    /// GraphML for yEd reads back to the same graph: the graphics add labels, not data.
    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph(), Graph()])
    func roundTripIsIdenticalAndStable(graph: Graph) throws {
        let bytes = Self.yEd(graph)
        let again = try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        #expect(GraphContents(again) == GraphContents(graph))
        #expect(again.warnings.isEmpty)
        #expect(Self.yEd(again) == bytes)
    }

    @Test func nodesAreLabelledFilledShapedAndSized() {
        let graph = SampleGraphs.tinyProvince()
        var styling = NodeStyling(graph)
        styling.sizes[0] = 1
        styling.fills[6] = KindPalette.uncovered
        let text = String(decoding: Self.yEd(graph, styling: styling), as: UTF8.self)
        #expect(text.contains(#"xmlns:y="http://www.yworks.com/xml/graphml""#))
        #expect(text.contains(#"  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>"#))
        #expect(
            text.contains(
                """
                      <data key="n_graphics">
                        <y:ShapeNode>
                          <y:Geometry height="60.0" width="120.0" x="0" y="0"/>
                          <y:Fill color="#C6DBEF" transparent="false"/>
                          <y:BorderStyle color="#404040" type="line" width="1.0"/>
                          <y:NodeLabel alignment="center" fontSize="12" modelName="internal" modelPosition="c">湖北省</y:NodeLabel>
                          <y:Shape type="roundrectangle"/>
                        </y:ShapeNode>
                      </data>
                """))
        #expect(text.contains(##"<y:Fill color="#FB6A4A" transparent="false"/>"##))
        #expect(text.contains(#"<y:Shape type="trapezoid2"/>"#) && text.contains(#"<y:Shape type="hexagon"/>"#))
        #expect(
            text.contains(
                """
                      <data key="e_graphics">
                        <y:PolyLineEdge>
                          <y:LineStyle color="#969696" type="line" width="1.0"/>
                          <y:Arrows source="none" target="none"/>
                        </y:PolyLineEdge>
                      </data>
                """))
        #expect(text.contains(##"<y:LineStyle color="#31A354" type="dashed" width="1.2"/>"##))
    }

    @Test func labelWidthCountsWideCharacters() {
        #expect(YEdGraphics.labelWidth("湖北省") == 52)
        #expect(YEdGraphics.labelWidth("ab") == 30)
    }
}
