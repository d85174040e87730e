/// Writes GEXF 1.3 (https://gexf.net), Gephi's format: a directed static graph whose nodes carry
/// their name as `label`, and whose kinds and attributes are typed `<attributes>` (`kind` first).
/// Edge weights other than 1 are written as `weight`; the edge kind is also the edge `label`.
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum GEXFWriter: GraphWriter {
    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        sink.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>Tongxin</creator>
                <description>
            """)
        XMLText.append(graph.name, to: &sink.buffer, attribute: false)
        sink.write("</description>\n  </meta>\n  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
        declare("node", graph.nodeAttributes, to: &sink)
        declare("edge", graph.edgeAttributes, to: &sink)
        sink.write("    <nodes>\n")
        for node in 0..<graph.nodeCount {
            sink.write("      <node id=\"")
            XMLText.append(graph.ids[node], to: &sink.buffer, attribute: true)
            sink.write("\" label=\"")
            XMLText.append(graph.name(of: node), to: &sink.buffer, attribute: true)
            sink.write("\">\n")
            values(kind: graph.kind(of: node), graph.nodeAttributes, row: node, to: &sink)
            sink.write("      </node>\n")
            sink.flushIfFull()
        }
        sink.write("    </nodes>\n    <edges>\n")
        for edge in 0..<graph.edgeCount {
            sink.write("      <edge id=\"\(edge)\" source=\"")
            XMLText.append(graph.ids[graph.source(of: edge)], to: &sink.buffer, attribute: true)
            sink.write("\" target=\"")
            XMLText.append(graph.ids[graph.target(of: edge)], to: &sink.buffer, attribute: true)
            sink.write("\" label=\"")
            XMLText.append(graph.kind(ofEdge: edge), to: &sink.buffer, attribute: true)
            if graph.weight(of: edge) != 1 {
                sink.write("\" weight=\"")
                JSONText.appendDouble(graph.weight(of: edge), to: &sink.buffer)
            }
            sink.write("\">\n")
            values(kind: graph.kind(ofEdge: edge), graph.edgeAttributes, row: edge, to: &sink)
            sink.write("      </edge>\n")
            sink.flushIfFull()
        }
        sink.write("    </edges>\n  </graph>\n</gexf>\n")
    }

    /// `<attributes class="node|edge">`: `kind` as attribute 0, then one per column.
    private static func declare(_ domain: String, _ attributes: AttributeColumns, to sink: inout ByteSink) {
        sink.write("    <attributes class=\"\(domain)\">\n      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n")
        for (column, name) in attributes.names.enumerated() {
            let type: String
            switch attributes.types[column] {
            case .string: type = "string"
            case .bool: type = "boolean"
            case .number:
                let integers = attributes.holdsOnlyIntegers(column: column)
                type = integers ? "long" : "double"
            }
            sink.write("      <attribute id=\"\(column + 1)\" title=\"")
            XMLText.append(name, to: &sink.buffer, attribute: true)
            sink.write("\" type=\"\(type)\"/>\n")
        }
        sink.write("    </attributes>\n")
    }

    private static func values(kind: String, _ attributes: AttributeColumns, row: Int, to sink: inout ByteSink) {
        sink.write("        <attvalues>\n          <attvalue for=\"0\" value=\"")
        XMLText.append(kind, to: &sink.buffer, attribute: true)
        sink.write("\"/>\n")
        for column in attributes.names.indices {
            guard let value = attributes.value(column: column, at: row) else { continue }
            sink.write("          <attvalue for=\"\(column + 1)\" value=\"")
            XMLText.append(value.description, to: &sink.buffer, attribute: true)
            sink.write("\"/>\n")
        }
        sink.write("        </attvalues>\n")
    }
}
