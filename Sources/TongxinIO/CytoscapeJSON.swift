/// Reads Cytoscape JSON (`.cyjs`), the network format Cytoscape desktop exports and imports and
/// Cytoscape.js loads (`cy.json()`):
///
/// ```json
/// {"data": {"name": "tiny"},
///  "elements": {"nodes": [{"data": {"id": "hb", "name": "湖北省", "kind": "region"}, "position": {"x": 0, "y": 0}}],
///               "edges": [{"data": {"id": "e0", "source": "yc", "target": "hb", "kind": "within"}}]}}
/// ```
///
/// `elements` is an object of `nodes` and `edges` arrays, or one array of elements with `"group":
/// "nodes"` or `"edges"`. Every key of an element's `data` other than `id`, `source`, `target` and
/// `parent` is a value: names, kinds and weights follow ``ReservedKeys`` (a node's name from `name`,
/// else `label`; an edge's kind from `kind`, else a `label` or `interaction` that names a known kind).
/// Strings, numbers and bools are attributes; `null` is an absent value; lists and objects are kept
/// as their JSON text. A node's `position` becomes `position_x` and `position_y`; a compound node's
/// `parent` a `within` edge to it. Edge ids and the other keys of an element (`selected`, `classes`
/// …) are not kept. The top-level `data` gives the graph's name (`name`) and metadata (the rest); it
/// may be a list of `[key, value]` pairs, as NetworkX's `cytoscape_data` writes it.
///
/// - Complexity: O(n) in the file's bytes, plus ``GraphBuilder/build()``.
public enum CytoscapeJSONReader: GraphReader {
    public static func read(_ file: InputFile) throws(DiagnosticList) -> Graph {
        let result: Result<Graph, DiagnosticList> = file.bytes.withUnsafeBufferPointer { buffer in
            var reader = CytoscapeParser(buffer: buffer, file: file.path)
            return reader.read()
        }
        return try result.get()
    }
}

/// Writes Cytoscape JSON (`.cyjs`) that Cytoscape desktop (File → Import → Network from File) and
/// Cytoscape.js read: one element per line, `data` holding `id`, `name` (when the node has one),
/// `kind` and the attributes, and for edges `id` (`e0`, `e1` …), `source`, `target`, `kind` and
/// `weight` (when the graph has weights). Attributes `position_x` and `position_y` are written as the
/// node's `position`. ``CytoscapeJSONReader`` reads it back to an identical graph, unless an
/// attribute is named `id`, `source`, `target` or `parent`: those keys are the format's own.
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum CytoscapeJSONWriter: GraphWriter {
    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        var top: [(String, JSONValue)] = [("name", .string(graph.name))]
        for key in graph.metadata.keys.sorted() where key != "name" { top.append((key, JSONValue(graph.metadata[key]!))) }
        sink.write("{\"format_version\": \"1.0\", \"generated_by\": \"tongxin\", \"target_cytoscapejs_version\": \"~2.1\",\n")
        sink.write(" \"data\": ")
        JSONValue.object(top).write(to: &sink.buffer)
        sink.write(",\n \"elements\": {\"nodes\": [")
        let positioned = ["position_x", "position_y"].allSatisfy { graph.nodeAttributes.column(named: $0) != nil }
        for node in 0..<graph.nodeCount {
            var data: [(String, JSONValue)] = [("id", .string(graph.ids[node]))]
            if let name = graph.names[node] { data.append(("name", .string(name))) }
            data.append(("kind", .string(graph.kind(of: node))))
            var position: [(String, JSONValue)] = []
            for (name, value) in graph.nodeAttributes.values(at: node) {
                if positioned && (name == "position_x" || name == "position_y") {
                    position.append((String(name.dropFirst("position_".count)), JSONValue(value)))
                } else {
                    data.append((name, JSONValue(value)))
                }
            }
            var element: [(String, JSONValue)] = [("data", .object(data))]
            if position.count == 2 { element.append(("position", .object(position))) }
            sink.write(node == 0 ? "\n  " : ",\n  ")
            JSONValue.object(element).write(to: &sink.buffer)
            sink.flushIfFull()
        }
        sink.write("],\n \"edges\": [")
        for edge in 0..<graph.edgeCount {
            var data: [(String, JSONValue)] = [
                ("id", .string("e\(edge)")), ("source", .string(graph.ids[graph.source(of: edge)])),
                ("target", .string(graph.ids[graph.target(of: edge)])), ("kind", .string(graph.kind(ofEdge: edge)))
            ]
            if graph.weights != nil { data.append(("weight", .double(graph.weight(of: edge)))) }
            for (name, value) in graph.edgeAttributes.values(at: edge) { data.append((name, JSONValue(value))) }
            sink.write(edge == 0 ? "\n  " : ",\n  ")
            JSONValue.object([("data", .object(data))]).write(to: &sink.buffer)
            sink.flushIfFull()
        }
        sink.write("]}}\n")
    }
}

private struct CytoscapeParser: DocumentReader {
    var scanner: JSONScanner
    var locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>
    var builder = GraphBuilder()
    var reserved = ReservedKeys()

    init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        scanner = JSONScanner(buffer)
        locator = Locator(file: file)
    }

    mutating func readDocument() throws(JSONScanner.Failure) {
        guard !scanner.atEnd() else { throw JSONScanner.Failure(offset: 0, message: "the file is empty") }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw JSONScanner.Failure(offset: 0, message: "the file starts with a byte-order mark, which JSON does not allow")
        }
        let start = scanner.position
        guard scanner.peek() == UInt8(ascii: "{") else { throw scanner.unexpected("'{' (a Cytoscape network is a JSON object)") }
        var cursor = try scanner.beginObject()
        var sawElements = false
        while let (key, _) = try scanner.nextKey(&cursor) {
            switch key {
            case "data": try readGraphData()
            case "elements":
                sawElements = true
                try readElements()
            default: try scanner.skipValue()
            }
        }
        guard scanner.atEnd() else { throw scanner.unexpected("the end of the file") }
        if !sawElements { error("no 'elements': a Cytoscape network holds its nodes and edges there", at: start) }
    }

    mutating func readGraphData() throws(JSONScanner.Failure) {
        let offset = scanner.position
        var pairs: [(String, JSONValue)] = []
        switch try scanner.readValue() {
        case .object(let members): pairs = members
        case .array(let items):
            // NetworkX's `cytoscape_data` writes the graph's attributes as [key, value] pairs.
            for item in items {
                guard case .array(let pair) = item, pair.count == 2, case .string(let key) = pair[0] else {
                    return error("'data' must be an object (or a list of [key, value] pairs)", at: offset)
                }
                pairs.append((key, pair[1]))
            }
        default: return error("'data' must be an object", at: offset)
        }
        for (key, value) in pairs {
            guard let value = attribute(value) else { continue }
            if key == "name", case .string(let name) = value { builder.name = name } else { builder.metadata[key] = value }
        }
    }

    /// An attribute value for a JSON value: `nil` for `null`, JSON text for lists and objects.
    func attribute(_ value: JSONValue) -> AttributeValue? {
        switch value {
        case .null: nil
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .array, .object: .string(value.serialized())
        }
    }

    mutating func readElements() throws(JSONScanner.Failure) {
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            var cursor = try scanner.beginObject()
            while let (key, offset) = try scanner.nextKey(&cursor) {
                switch key {
                case "nodes", "edges":
                    var list = try scanner.beginArray("an array of \(key)")
                    while try scanner.nextElement(&list) { try readElement(group: key) }
                default:
                    error("unknown elements key '\(key)' (expected nodes or edges)", at: offset)
                    try scanner.skipValue()
                }
            }
        case UInt8(ascii: "["):
            var list = try scanner.beginArray()
            while try scanner.nextElement(&list) { try readElement(group: nil) }
        default:
            throw scanner.unexpected("an object of nodes and edges, or an array of elements")
        }
    }

    /// Reads one element; `group` is `nodes` or `edges` when the list says it, else the element's `group`.
    mutating func readElement(group listGroup: String?) throws(JSONScanner.Failure) {
        let offset = scanner.position
        var cursor = try scanner.beginObject("an element object")
        var group = listGroup, groupOffset = offset
        var data: [(key: String, value: JSONValue, offset: Int)] = []
        var position: [(String, JSONValue, Int)] = []
        while let (key, keyOffset) = try scanner.nextKey(&cursor) {
            switch key {
            case "data":
                var fields = try scanner.beginObject("'data', an object")
                while let (field, fieldOffset) = try scanner.nextKey(&fields) {
                    let valueOffset = scanner.position
                    data.append(
                        (
                            field, try scanner.readValue(),
                            field == "id" || field == "source" || field == "target" ? valueOffset : fieldOffset
                        ))
                }
            case "position":
                guard case .object(let pairs) = try scanner.readValue() else {
                    error("'position' must be an object of x and y", at: keyOffset)
                    continue
                }
                for (axis, value) in pairs where axis == "x" || axis == "y" { position.append(("position_" + axis, value, keyOffset)) }
            case "group" where listGroup == nil:
                groupOffset = scanner.position
                group = try scanner.readValue().stringValue
            default:
                try scanner.skipValue()
            }
        }
        func text(_ key: String) -> (String, Int)? {
            guard let field = data.first(where: { $0.key == key }), case .string(let value) = field.value else { return nil }
            return (value, field.offset)
        }
        var values: [ReservedKeys.Value] = []
        for field in data where !["id", "source", "target", "parent"].contains(field.key) {
            if let value = attribute(field.value) { values.append((field.key, value, field.offset)) }
        }
        switch group {
        case "nodes":
            for (key, value, at) in position {
                guard let number = attribute(value), number.number != nil else {
                    error("'\(key.dropFirst("position_".count))' of 'position' must be a number", at: at)
                    continue
                }
                values.append((key, number, at))
            }
            guard let (id, idOffset) = text("id") else {
                return error("a node without a string 'id' in its 'data'", at: offset)
            }
            let (kind, name, rest) = reserved.node(values, graphicsLabel: nil)
            report()
            let places = self.places
            guard let node = builder.addNode(id: id, kind: kind, name: name, at: places.at(idOffset)) else { return }
            for (key, value, at) in rest { builder.setAttribute(key, value, ofNode: node, at: places.at(at)) }
            if let (parent, parentOffset) = text("parent") {
                let place = location(parentOffset)
                builder.addEdge(source: id, target: parent, kind: EdgeKind.within, at: place)
            }
        case "edges":
            guard let (source, sourceOffset) = text("source"), let (target, targetOffset) = text("target") else {
                return error("an edge without string 'source' and 'target' in its 'data'", at: offset)
            }
            let (kind, weight, rest) = reserved.edge(values, graphicsLabel: nil)
            report()
            let place = location(builder.index(of: source) == nil ? sourceOffset : targetOffset)
            let edge = builder.addEdge(source: source, target: target, kind: kind, weight: weight, at: place)
            let places = self.places
            for (key, value, at) in rest { builder.setAttribute(key, value, ofEdge: edge, at: places.at(at)) }
        default:
            error("an element whose 'group' is not \"nodes\" or \"edges\"", at: groupOffset)
        }
    }

    mutating func report() {
        for warning in reserved.takeWarnings() { builder.warning(warning.message, at: location(warning.offset)) }
    }
}

extension JSONValue {
    /// The string, for a string value.
    fileprivate var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
