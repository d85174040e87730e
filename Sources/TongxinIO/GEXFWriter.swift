/// Writes GEXF 1.3 (https://gexf.net), Gephi's format: a directed static graph whose nodes carry
/// their name as `label` (nameless nodes have none, and Gephi shows their id), and whose kinds and
/// attributes are typed `<attributes>` (`kind` first). Edge weights other than 1 are written as
/// `weight`; the edge kind is also the edge `label`.
///
/// Drawing goes in the viz module: the attributes ``GEXFReader`` makes of it (`viz_color`,
/// `viz_alpha`, `viz_size`, `viz_x`, `viz_y`, `viz_z`, `viz_shape`, `viz_thickness`) are written
/// back as `<viz:…>` elements, so a file from Gephi keeps its look. With a ``NodeStyling``, nodes get
/// its colours and sizes (`viz:size` from 10 to 50) instead, and edges their kind's colour and width
/// from ``KindPalette``, so Gephi opens the graph coloured.
///
/// ``GEXFReader`` reads the output back to an identical graph (without styling, or when the graph's
/// own viz attributes are written); writing it again gives the same bytes.
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum GEXFWriter: GraphWriter {
    /// The attributes written as viz elements rather than attribute values.
    static let vizAttributes: Set<String> = ["viz_color", "viz_alpha", "viz_size", "viz_x", "viz_y", "viz_z", "viz_shape", "viz_thickness"]

    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        write(graph, styling: nil, to: &sink)
    }

    /// Writes `graph`, its nodes coloured and sized by `styling` when it is given.
    ///
    /// - Precondition: `styling` has one fill and one size per node.
    public static func write(_ graph: Graph, styling: NodeStyling?, to sink: inout ByteSink) {
        if let styling { precondition(styling.fills.count == graph.nodeCount && styling.sizes.count == graph.nodeCount) }
        sink.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>Tongxin</creator>
                <description>
            """)
        XMLText.append(graph.name, to: &sink.buffer, attribute: false)
        sink.write("</description>\n  </meta>\n  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
        let nodeColumns = declare("node", graph.nodeAttributes, to: &sink)
        let edgeColumns = declare("edge", graph.edgeAttributes, to: &sink)
        sink.write("    <nodes>\n")
        for node in 0..<graph.nodeCount {
            sink.write("      <node id=\"")
            XMLText.append(graph.ids[node], to: &sink.buffer, attribute: true)
            if let name = graph.names[node] {
                sink.write("\" label=\"")
                XMLText.append(name, to: &sink.buffer, attribute: true)
            }
            sink.write("\">\n")
            values(kind: graph.kind(of: node), graph.nodeAttributes, columns: nodeColumns, row: node, to: &sink)
            var viz = Viz(graph.nodeAttributes, row: node)
            if let styling {
                viz.color = styling.fills[node]
                viz.alpha = nil
                viz.size = 10 + 40 * styling.sizes[node]
            }
            viz.write(to: &sink)
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
            values(kind: graph.kind(ofEdge: edge), graph.edgeAttributes, columns: edgeColumns, row: edge, to: &sink)
            var viz = Viz(graph.edgeAttributes, row: edge)
            if styling != nil {
                let look = KindPalette.edge(graph.kind(ofEdge: edge))
                viz.color = look.color
                viz.thickness = look.width
            }
            viz.write(to: &sink)
            sink.write("      </edge>\n")
            sink.flushIfFull()
        }
        sink.write("    </edges>\n  </graph>\n</gexf>\n")
    }

    /// `<attributes class="node|edge">`: `kind` as attribute 0, then one per column that is not a viz
    /// attribute. Returns those columns, in order (attribute `i + 1` is column `columns[i]`).
    private static func declare(_ domain: String, _ attributes: AttributeColumns, to sink: inout ByteSink) -> [Int] {
        sink.write("    <attributes class=\"\(domain)\">\n      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n")
        let columns = attributes.names.indices.filter { !vizAttributes.contains(attributes.names[$0]) }
        for (position, column) in columns.enumerated() {
            let type: String
            switch attributes.types[column] {
            case .string: type = "string"
            case .bool: type = "boolean"
            case .number:
                let integers = attributes.holdsOnlyIntegers(column: column)
                type = integers ? "long" : "double"
            }
            sink.write("      <attribute id=\"\(position + 1)\" title=\"")
            XMLText.append(attributes.names[column], to: &sink.buffer, attribute: true)
            sink.write("\" type=\"\(type)\"/>\n")
        }
        sink.write("    </attributes>\n")
        return columns
    }

    private static func values(kind: String, _ attributes: AttributeColumns, columns: [Int], row: Int, to sink: inout ByteSink) {
        sink.write("        <attvalues>\n          <attvalue for=\"0\" value=\"")
        XMLText.append(kind, to: &sink.buffer, attribute: true)
        sink.write("\"/>\n")
        for (position, column) in columns.enumerated() {
            guard let value = attributes.value(column: column, at: row) else { continue }
            sink.write("          <attvalue for=\"\(position + 1)\" value=\"")
            XMLText.append(value.description, to: &sink.buffer, attribute: true)
            sink.write("\"/>\n")
        }
        sink.write("        </attvalues>\n")
    }

    /// The viz elements of one node or edge.
    private struct Viz {
        var color: String?
        var alpha: AttributeValue?
        var size: Double?
        var sizeValue: AttributeValue?
        var thickness: Double?
        var thicknessValue: AttributeValue?
        var position: [(String, AttributeValue)] = []
        var shape: String?

        init(_ attributes: AttributeColumns, row: Int) {
            func value(_ name: String) -> AttributeValue? { attributes.value(name, at: row) }
            color = value("viz_color")?.string
            alpha = value("viz_alpha")
            sizeValue = value("viz_size")
            thicknessValue = value("viz_thickness")
            shape = value("viz_shape")?.string
            for axis in ["x", "y", "z"] {
                if let coordinate = value("viz_" + axis) { position.append((axis, coordinate)) }
            }
        }

        func write(to sink: inout ByteSink) {
            if let color, color.count == 7, let rgb = UInt32(color.dropFirst(), radix: 16) {
                sink.write("        <viz:color r=\"\(rgb >> 16)\" g=\"\((rgb >> 8) & 0xFF)\" b=\"\(rgb & 0xFF)\"")
                if let alpha { sink.write(" a=\"\(alpha.description)\"") }
                sink.write("/>\n")
            }
            if let size {
                sink.write("        <viz:size value=\"")
                JSONText.appendDouble(size, to: &sink.buffer)
                sink.write("\"/>\n")
            } else if let sizeValue, sizeValue.number != nil {
                sink.write("        <viz:size value=\"\(sizeValue.description)\"/>\n")
            }
            if let thickness {
                sink.write("        <viz:thickness value=\"")
                JSONText.appendDouble(thickness, to: &sink.buffer)
                sink.write("\"/>\n")
            } else if let thicknessValue, thicknessValue.number != nil {
                sink.write("        <viz:thickness value=\"\(thicknessValue.description)\"/>\n")
            }
            if !position.isEmpty {
                sink.write("        <viz:position")
                for (axis, coordinate) in position where coordinate.number != nil { sink.write(" \(axis)=\"\(coordinate.description)\"") }
                sink.write("/>\n")
            }
            if let shape {
                sink.write("        <viz:shape value=\"")
                XMLText.append(shape, to: &sink.buffer, attribute: true)
                sink.write("\"/>\n")
            }
        }
    }
}
