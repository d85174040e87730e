/// Writes GraphML that NetworkX (`read_graphml`), igraph (`Graph.Read_GraphML`), Gephi and yEd read:
/// a directed graph with typed `<key>`s — node `kind` and `name`, edge `kind` and `weight` (only when
/// some edge weighs other than 1), one key per attribute column (`long`, `double`, `boolean` or
/// `string`; a column holding both integers and doubles is `double`), graph `name` and one key per
/// metadata entry — and edge ids `e0`, `e1`, … so parallel edges stay apart.
///
/// With a ``NodeStyling`` (`tongxin convert --for yed`), each node and edge also gets yEd's graphics
/// (yFiles `nodegraphics`/`edgegraphics` keys): see ``YEdGraphics``.
///
/// ``GraphMLReader`` reads the output back to an identical graph (with or without graphics); writing
/// it again gives the same bytes.
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum GraphMLWriter: GraphWriter {
    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        write(graph, yEd: nil, to: &sink)
    }

    /// Writes `graph`, with yEd graphics styled by `yEd` when it is given.
    ///
    /// - Precondition: `yEd` has one fill and one size per node.
    public static func write(_ graph: Graph, yEd styling: NodeStyling?, to sink: inout ByteSink) {
        if let styling { precondition(styling.fills.count == graph.nodeCount && styling.sizes.count == graph.nodeCount) }
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ")
        sink.write("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
        if styling != nil { sink.write("xmlns:y=\"http://www.yworks.com/xml/graphml\" ") }
        sink.write("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        let metadataKeys = graph.metadata.keys.sorted()
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            sink.write("  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"")
            XMLText.append(name, to: &sink.buffer, attribute: true)
            sink.write("\" attr.type=\"\(type)\"/>\n")
        }
        key("g_name", "graph", "name", "string")
        for (index, name) in metadataKeys.enumerated() {
            key("g\(index)", "graph", name, typeName([graph.metadata[name]!]))
        }
        key("n_kind", "node", "kind", "string")
        key("n_name", "node", "name", "string")
        let nodeAttributes = graph.nodeAttributes, edgeAttributes = graph.edgeAttributes
        for (column, name) in nodeAttributes.names.enumerated() {
            key("n\(column)", "node", name, typeName(column: column, of: nodeAttributes))
        }
        key("e_kind", "edge", "kind", "string")
        if graph.weights != nil { key("e_weight", "edge", "weight", "double") }
        for (column, name) in edgeAttributes.names.enumerated() {
            key("e\(column)", "edge", name, typeName(column: column, of: edgeAttributes))
        }
        if styling != nil {
            sink.write("  <key id=\"n_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
            sink.write("  <key id=\"e_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n")
        }
        sink.write("  <graph edgedefault=\"directed\">\n")
        let columns = max(1, Int(Double(graph.nodeCount).squareRoot().rounded(.up)))
        data("g_name", .string(graph.name), indent: "    ", to: &sink)
        for (index, name) in metadataKeys.enumerated() { data("g\(index)", graph.metadata[name]!, indent: "    ", to: &sink) }
        for node in 0..<graph.nodeCount {
            sink.write("    <node id=\"")
            XMLText.append(graph.ids[node], to: &sink.buffer, attribute: true)
            sink.write("\">\n")
            data("n_kind", .string(graph.kind(of: node)), to: &sink)
            if let name = graph.names[node] { data("n_name", .string(name), to: &sink) }
            for column in nodeAttributes.names.indices {
                if let value = nodeAttributes.value(column: column, at: node) { data("n\(column)", value, to: &sink) }
            }
            if let styling {
                YEdGraphics.node(
                    name: graph.name(of: node), kind: graph.kind(of: node), fill: styling.fills[node],
                    size: styling.sizes[node], cell: (node % columns, node / columns), key: "n_graphics", to: &sink)
            }
            sink.write("    </node>\n")
            sink.flushIfFull()
        }
        for edge in 0..<graph.edgeCount {
            sink.write("    <edge id=\"e\(edge)\" source=\"")
            XMLText.append(graph.ids[graph.source(of: edge)], to: &sink.buffer, attribute: true)
            sink.write("\" target=\"")
            XMLText.append(graph.ids[graph.target(of: edge)], to: &sink.buffer, attribute: true)
            sink.write("\">\n")
            data("e_kind", .string(graph.kind(ofEdge: edge)), to: &sink)
            if graph.weights != nil { data("e_weight", .double(graph.weight(of: edge)), to: &sink) }
            for column in edgeAttributes.names.indices {
                if let value = edgeAttributes.value(column: column, at: edge) { data("e\(column)", value, to: &sink) }
            }
            if styling != nil { YEdGraphics.edge(kind: graph.kind(ofEdge: edge), key: "e_graphics", to: &sink) }
            sink.write("    </edge>\n")
            sink.flushIfFull()
        }
        sink.write("  </graph>\n</graphml>\n")
    }

    private static func data(_ key: String, _ value: AttributeValue, indent: String = "      ", to sink: inout ByteSink) {
        sink.write("\(indent)<data key=\"\(key)\">")
        switch value {
        case .string(let text): XMLText.append(text, to: &sink.buffer, attribute: false)
        case .int(let number): sink.write(String(number))
        case .double(let number): JSONText.appendDouble(number, to: &sink.buffer)
        case .bool(let flag): sink.write(flag ? "true" : "false")
        }
        sink.write("</data>\n")
    }

    /// The GraphML type of a column: `long` when every value is an integer, else `double`, for numbers.
    private static func typeName(column: Int, of attributes: AttributeColumns) -> String {
        switch attributes.types[column] {
        case .string: return "string"
        case .bool: return "boolean"
        case .number:
            let allIntegers = attributes.holdsOnlyIntegers(column: column)
            return allIntegers ? "long" : "double"
        }
    }

    private static func typeName(_ values: [AttributeValue]) -> String {
        switch values[0] {
        case .string: "string"
        case .int: "long"
        case .double: "double"
        case .bool: "boolean"
        }
    }
}

/// Escaping for XML text and attribute values, shared by the GraphML and GEXF writers.
public enum XMLText {
    /// Appends `text` with `&`, `<`, `>` (and `"` in attributes) escaped, and the characters an XML
    /// parser would normalize — `\r`, and tabs and line breaks in attribute values — as character
    /// references, so they read back unchanged. Other control characters, which XML 1.0 cannot hold,
    /// are written as character references too.
    public static func append(_ text: String, to output: inout [UInt8], attribute: Bool) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: output.append(contentsOf: "&quot;".utf8)
            case 0x09 where !attribute, 0x0A where !attribute: output.append(byte)
            case 0..<0x20: output.append(contentsOf: "&#\(byte);".utf8)
            default: output.append(byte)
            }
        }
    }
}
