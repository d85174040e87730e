/// Writes Graphviz DOT text: a `digraph` whose nodes have synthetic ids (`n0`, `n1`, … in node order,
/// so no user text is ever a DOT keyword or needs quoting as an id) and carry the Tongxin id as `id`,
/// the name as `label`, the kind as `kind` and every attribute under its own name; edges carry
/// `kind`, `weight` (when not 1) and their attributes; the graph's metadata are graph attributes
/// (sorted by key). Values are quoted by ``DOTString`` (labels with their line breaks as `\n`, `&`
/// kept as is); ``DOTReader`` undoes exactly this. The output is deterministic.
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum DOTWriter: GraphWriter {
    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        sink.write("digraph ")
        DOTString.append(graph.name, to: &sink.buffer, label: false, entities: false)
        sink.write(" {\n")
        if !graph.metadata.isEmpty {
            sink.write("  graph [")
            for (position, key) in graph.metadata.keys.sorted().enumerated() {
                if position > 0 { sink.write(", ") }
                DOTString.append(key, to: &sink.buffer, label: false, entities: false)
                sink.write("=")
                DOTString.append(graph.metadata[key]!.description, to: &sink.buffer, label: false, entities: false)
            }
            sink.write("];\n")
        }
        for node in 0..<graph.nodeCount {
            sink.write("  n\(node) [id=")
            DOTString.append(graph.ids[node], to: &sink.buffer, label: false, entities: false)
            sink.write(", label=")
            DOTString.append(graph.name(of: node), to: &sink.buffer, label: true, entities: false)
            sink.write(", kind=")
            DOTString.append(graph.kind(of: node), to: &sink.buffer, label: false, entities: false)
            attributes(graph.nodeAttributes, row: node, to: &sink)
            sink.write("];\n")
            sink.flushIfFull()
        }
        for edge in 0..<graph.edgeCount {
            sink.write("  n\(graph.source(of: edge)) -> n\(graph.target(of: edge)) [kind=")
            DOTString.append(graph.kind(ofEdge: edge), to: &sink.buffer, label: false, entities: false)
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
            DOTString.append(columns.names[column], to: &sink.buffer, label: false, entities: false)
            sink.write("=")
            DOTString.append(value.description, to: &sink.buffer, label: false, entities: false)
        }
    }
}

/// User text as a double-quoted DOT string, the one DOT escaper of the package (graph files and
/// diagrams).
///
/// cgraph's lexer unescapes only `\"` in a quoted string and reads `\\` as two characters; label
/// processing then reads `\n \l \r` as line breaks and `\N \G \E \T \H \L` as substitutions, `\\`
/// as a backslash, and decodes HTML entities (`&lt;` shows as `<`). So `\` becomes `\\` and `"`
/// becomes `\"` everywhere (a value may then end in a backslash); in a label a line break becomes
/// `\n` and a carriage return is dropped; and where the text will be drawn, `&` becomes `&amp;`.
/// A graph file is read back by ``DOTReader``, which sees the raw value, so it keeps `&` as is.
///
/// ```swift
/// var bytes: [UInt8] = []
/// DOTString.append(#"a "b" &lt;"#, to: &bytes, label: true, entities: true)  // "a \"b\" &amp;lt;"
/// ```
///
/// - Complexity: O(length).
public enum DOTString {
    /// Appends `text`, quoted: `label` turns line breaks into `\n` (and drops carriage returns),
    /// `entities` writes `&` as `&amp;` so that Graphviz draws it as written.
    public static func append(_ text: String, to output: inout [UInt8], label: Bool, entities: Bool) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case 0x0A where label: output.append(contentsOf: "\\n".utf8)
            case 0x0D where label: break
            case UInt8(ascii: "&") where entities: output.append(contentsOf: "&amp;".utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
