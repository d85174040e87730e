/// Writes a graph as DOT data that ``DOTReader`` reads back to the same graph: node ids as quoted
/// DOT names, `kind` and `name` as node attributes, `kind` and `weight` (when the graph has weights)
/// as edge attributes, every other attribute as a quoted attribute, metadata as graph attributes.
///
/// Not a diagram (``DiagramDOT`` writes those): no styles, nothing laid out. In quoted values `\` is
/// written `\\`, `"` as `\"` and a newline as `\n`, which ``DOTReader`` undoes. DOT has no types, so
/// reading back types each attribute column from its values (see ``DOTReader``); a string column
/// whose every value looks like a number comes back as numbers.
///
/// ```swift
/// DOTWriter.write(graph)
/// // digraph "tiny" {
/// //   "hb" [kind="region", name="湖北省", level="province"]
/// //   "c1" -> "hb" [kind="within"]
/// // }
/// ```
///
/// - Complexity: O(V + E + attributes).
public enum DOTWriter {
    public static func write(_ graph: Graph) -> String {
        var out = "digraph \(quoted(graph.name)) {\n"
        for key in graph.metadata.keys.sorted() {
            out += "  graph [\(quoted(key))=\(quoted(graph.metadata[key]!.description))]\n"
        }
        let nodeAttributes = graph.nodeAttributes
        for node in 0..<graph.nodeCount {
            var parts = ["kind=\(quoted(graph.kind(of: node)))"]
            if let name = graph.names[node] { parts.append("name=\(quoted(name))") }
            for attribute in nodeAttributes.names {
                if let value = nodeAttributes.value(attribute, at: node) {
                    parts.append("\(quoted(attribute))=\(quoted(value.description))")
                }
            }
            out += "  \(quoted(graph.id(of: node))) [\(parts.joined(separator: ", "))]\n"
        }
        let edgeAttributes = graph.edgeAttributes
        for edge in 0..<graph.edgeCount {
            var parts = ["kind=\(quoted(graph.kind(ofEdge: edge)))"]
            if graph.weights != nil { parts.append("weight=\(quoted(graph.weight(of: edge).description))") }
            for attribute in edgeAttributes.names {
                if let value = edgeAttributes.value(attribute, at: edge) {
                    parts.append("\(quoted(attribute))=\(quoted(value.description))")
                }
            }
            out += "  \(quoted(graph.id(of: graph.source(of: edge)))) -> \(quoted(graph.id(of: graph.target(of: edge))))"
                + " [\(parts.joined(separator: ", "))]\n"
        }
        out += "}\n"
        return out
    }

    /// `text` quoted so that cgraph plus ``DOTReader/unescape(_:)`` give it back exactly (carriage
    /// returns kept).
    static func quoted(_ text: String) -> String { DOTText.quotedData(text) }
}
