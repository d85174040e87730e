/// Writes the native Tongxin JSON graph format, one node or edge per line:
///
/// ```json
/// {
///   "format": "tongxin-graph",
///   "version": 1,
///   "name": "tiny",
///   "nodes": [
///     {"id": "hb", "kind": "region", "name": "湖北省", "level": "province"},
///     {"id": "c1", "kind": "region", "name": "甲市", "parent": "hb", "level": "city"}
///   ],
///   "edges": []
/// }
/// ```
///
/// The output reads back (``NativeJSONReader``) to an identical graph, edge order included: the
/// leading `within` edges that go to successive nodes' parents (weight 1, no attributes) are written
/// as `parent`, which the reader turns back into the same edges in the same places; every other edge
/// is in `edges`. Well-known attributes (`level`, `type`, `category`) are written at the node's top
/// level, the others in `attrs` in column order; metadata keys are sorted. Writing what was read
/// gives the same bytes.
///
/// - Complexity: O(V + E + number of attribute values).
public enum NativeJSONWriter: GraphWriter {
    /// Writes the graph to `sink`.
    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        sink.write("{\n  \"format\": \"tongxin-graph\",\n  \"version\": 1,\n  \"name\": ")
        JSONText.appendString(graph.name, to: &sink.buffer)
        sink.write(",\n")
        if !graph.metadata.isEmpty {
            sink.write("  \"metadata\": {")
            for (position, key) in graph.metadata.keys.sorted().enumerated() {
                sink.write(position == 0 ? "\n    " : ",\n    ")
                JSONText.appendString(key, to: &sink.buffer)
                sink.write(": ")
                JSONValue(graph.metadata[key]!).write(to: &sink.buffer)
            }
            sink.write("\n  },\n")
        }

        let parentEdges = leadingParentEdges(graph)
        var parentOf = [Int32](repeating: -1, count: graph.nodeCount)
        for edge in 0..<parentEdges { parentOf[graph.source(of: edge)] = Int32(edge) }
        let attributes = graph.nodeAttributes
        let wellKnown = WellKnownAttribute.all.map { attributes.column(named: $0) }
        let others = attributes.names.indices.filter { !WellKnownAttribute.all.contains(attributes.names[$0]) }

        sink.write("  \"nodes\": [")
        for node in 0..<graph.nodeCount {
            sink.write(node == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            JSONText.appendString(graph.ids[node], to: &sink.buffer)
            sink.write(", \"kind\": ")
            JSONText.appendString(graph.kind(of: node), to: &sink.buffer)
            if let name = graph.names[node] {
                sink.write(", \"name\": ")
                JSONText.appendString(name, to: &sink.buffer)
            }
            if parentOf[node] >= 0 {
                sink.write(", \"parent\": ")
                JSONText.appendString(graph.ids[graph.target(of: Int(parentOf[node]))], to: &sink.buffer)
            }
            for (name, column) in zip(WellKnownAttribute.all, wellKnown) {
                guard let column, let value = attributes.value(column: column, at: node) else { continue }
                sink.write(", ")
                JSONText.appendString(name, to: &sink.buffer)
                sink.write(": ")
                JSONValue(value).write(to: &sink.buffer)
            }
            writeAttributes(attributes, columns: others, row: node, to: &sink)
            sink.write("}")
            sink.flushIfFull()
        }
        sink.write(graph.nodeCount == 0 ? "],\n" : "\n  ],\n")

        let edgeColumns = Array(graph.edgeAttributes.names.indices)
        sink.write("  \"edges\": [")
        for edge in parentEdges..<graph.edgeCount {
            sink.write(edge == parentEdges ? "\n    {\"source\": " : ",\n    {\"source\": ")
            JSONText.appendString(graph.ids[graph.source(of: edge)], to: &sink.buffer)
            sink.write(", \"target\": ")
            JSONText.appendString(graph.ids[graph.target(of: edge)], to: &sink.buffer)
            sink.write(", \"kind\": ")
            JSONText.appendString(graph.kind(ofEdge: edge), to: &sink.buffer)
            let weight = graph.weight(of: edge)
            if weight != 1 {
                sink.write(", \"weight\": ")
                JSONText.appendDouble(weight, to: &sink.buffer)
            }
            writeAttributes(graph.edgeAttributes, columns: edgeColumns, row: edge, to: &sink)
            sink.write("}")
            sink.flushIfFull()
        }
        sink.write(parentEdges == graph.edgeCount ? "]\n}\n" : "\n  ]\n}\n")
    }

    /// `, "attrs": {...}` with the row's values in `columns`, or nothing when it has none.
    private static func writeAttributes(_ attributes: AttributeColumns, columns: [Int], row: Int, to sink: inout ByteSink) {
        var first = true
        for column in columns {
            guard let value = attributes.value(column: column, at: row) else { continue }
            sink.write(first ? ", \"attrs\": {" : ", ")
            first = false
            JSONText.appendString(attributes.names[column], to: &sink.buffer)
            sink.write(": ")
            JSONValue(value).write(to: &sink.buffer)
        }
        if !first { sink.write("}") }
    }

    /// How many edges at the start of the edge list can be written as `parent`: `within` edges of
    /// weight 1 without attributes whose sources strictly increase (one parent per node, in node
    /// order), which is exactly where the reader puts the edges it makes from `parent`.
    static func leadingParentEdges(_ graph: Graph) -> Int {
        guard let within = graph.edgeKindIndex(EdgeKind.within) else { return 0 }
        var lastSource = -1
        let columns = graph.edgeAttributes.names.indices
        for edge in 0..<graph.edgeCount {
            let source = graph.source(of: edge)
            guard graph.edgeKindIndices[edge] == within, graph.weight(of: edge) == 1, source > lastSource,
                columns.allSatisfy({ graph.edgeAttributes.value(column: $0, at: edge) == nil })
            else { return edge }
            lastSource = source
        }
        return graph.edgeCount
    }
}
