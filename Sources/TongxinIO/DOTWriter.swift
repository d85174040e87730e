/// Writes Graphviz DOT text: a `digraph` whose nodes have synthetic ids (`n0`, `n1`, … in node order,
/// so no user text is ever a DOT keyword or needs quoting as an id) and carry the Tongxin id as `id`,
/// the name as `label`, the kind as `kind` and every attribute under its own name; edges carry
/// `kind`, `weight` (when not 1) and their attributes; the graph's metadata are graph attributes
/// (sorted by key). Values are quoted with `\` → `\\` and `"` → `\"` (so a value may end in a
/// backslash: cgraph's lexer reads `\\` as two characters and `\"` as a quote), and labels
/// also as Graphviz's label processing expects (line break → `\n`, carriage returns dropped;
/// GRAPHVIZ.md). `DOTReader` undoes exactly this. The output is deterministic.
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum DOTWriter: GraphWriter {
    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        sink.write("digraph ")
        quoted(graph.name, label: false, to: &sink.buffer)
        sink.write(" {\n")
        if !graph.metadata.isEmpty {
            sink.write("  graph [")
            for (position, key) in graph.metadata.keys.sorted().enumerated() {
                if position > 0 { sink.write(", ") }
                quoted(key, label: false, to: &sink.buffer)
                sink.write("=")
                quoted(graph.metadata[key]!.description, label: false, to: &sink.buffer)
            }
            sink.write("];\n")
        }
        for node in 0..<graph.nodeCount {
            sink.write("  n\(node) [id=")
            quoted(graph.ids[node], label: false, to: &sink.buffer)
            sink.write(", label=")
            quoted(graph.name(of: node), label: true, to: &sink.buffer)
            sink.write(", kind=")
            quoted(graph.kind(of: node), label: false, to: &sink.buffer)
            attributes(graph.nodeAttributes, row: node, to: &sink)
            sink.write("];\n")
            sink.flushIfFull()
        }
        for edge in 0..<graph.edgeCount {
            sink.write("  n\(graph.source(of: edge)) -> n\(graph.target(of: edge)) [kind=")
            quoted(graph.kind(ofEdge: edge), label: false, to: &sink.buffer)
            if graph.weight(of: edge) != 1 {
                sink.write(", weight=\"")
                JSONText.appendDouble(graph.weight(of: edge), to: &sink.buffer)
                sink.write("\"")
            }
            attributes(graph.edgeAttributes, row: edge, to: &sink)
            sink.write("];\n")
            sink.flushIfFull()
        }
        sink.write("}\n")
    }

    private static func attributes(_ columns: AttributeColumns, row: Int, to sink: inout ByteSink) {
        for column in columns.names.indices {
            guard let value = columns.value(column: column, at: row) else { continue }
            sink.write(", ")
            quoted(columns.names[column], label: false, to: &sink.buffer)
            sink.write("=")
            quoted(value.description, label: false, to: &sink.buffer)
        }
    }

    /// Appends `text` as a quoted DOT string.
    static func quoted(_ text: String, label: Bool, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case 0x0A where label: output.append(contentsOf: "\\n".utf8)
            case 0x0D where label: break
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
