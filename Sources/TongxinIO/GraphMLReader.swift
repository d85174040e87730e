import Foundation

/// Reads GraphML (http://graphml.graphdrawing.org), as NetworkX, igraph, Gephi, Cytoscape and yEd write it.
///
/// - `<key>`s declare typed attributes (`attr.name`, `attr.type` = `string`, `int`, `long`, `float`,
///   `double` or `boolean`, an optional `<default>`); a key without `attr.name` is named by its id.
/// - Names, kinds and weights follow ``ReservedKeys``: a node's name is its `name` data, else its
///   `label` (Gephi, Cytoscape), else yEd's `<y:NodeLabel>`; an edge's kind is its `kind` data, else a
///   `label`, `Edge Label` or yEd `<y:EdgeLabel>` that names a known kind; defaults `node` and `tie`,
///   weight 1. All other data are attributes. Integer and floating-point keys are both numbers: a
///   value written without a fraction or exponent is an integer (so `2` in a `double` key reads back
///   as the integer Tongxin wrote).
/// - Graph data `name` is the graph's name, other graph data its metadata.
/// - yEd's graphics (keys with a `yfiles.type`) give only labels; a node drawn by yEd without a label
///   is named by its id, with a warning. A yEd group node — a node holding a nested `<graph>` — becomes
///   a node of its own, and each node of its nested graph gets a `within` edge to it; nesting is
///   bounded by ``maxNesting``.
/// - `<desc>`, `<port>` and elements of other namespaces are skipped. Hyperedges are errors.
///
/// - Complexity: O(n) in the file's bytes, plus ``GraphBuilder/build()``.
public enum GraphMLReader: GraphReader {
    /// The deepest nesting of group nodes read.
    public static let maxNesting = 64

    /// Reads the graph in `file`.
    ///
    /// - Throws: ``DiagnosticList`` with every problem found, each at `FILE:LINE:COL`.
    public static func read(_ file: InputFile) throws(DiagnosticList) -> Graph {
        let result: Result<Graph, DiagnosticList> = file.bytes.withUnsafeBufferPointer { buffer in
            var reader = GraphMLParser(buffer: buffer, file: file.path)
            return reader.read()
        }
        return try result.get()
    }
}

private struct GraphMLParser: DocumentReader {
    struct Key {
        var name: String
        var domain: String
        /// `nil` for keys without `attr.type` that carry markup (yEd graphics): only labels are read.
        var type: AttributeType?
        var defaultValue: String?
    }

    var tokenizer: XMLTokenizer
    var locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>
    var builder = GraphBuilder()
    var keys: [String: Key] = [:]
    var sawGraph = false
    var reserved = ReservedKeys()

    init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        tokenizer = XMLTokenizer(buffer, start: start)
        locator = Locator(file: file)
    }

    mutating func readDocument() throws(XMLTokenizer.Failure) {
        let (selfClosing, offset) = try tokenizer.openRoot("graphml")
        if !selfClosing {
            while let event = try tokenizer.next() {
                guard case .start(let name, let attributes, let selfClosing, let offset) = event else { continue }
                switch XMLTokenizer.localName(name) {
                case "key": try readKey(attributes, selfClosing: selfClosing, offset: offset)
                case "graph" where !sawGraph:
                    sawGraph = true
                    try readGraph(selfClosing: selfClosing, group: nil, depth: 0)
                case "graph":
                    throw XMLTokenizer.Failure(offset: offset, message: "a second <graph>: Tongxin reads one graph per file")
                default:
                    if !selfClosing { try tokenizer.skipElement() }
                }
            }
        }
        if !sawGraph { error("no <graph> element", at: offset) }
    }

    func attribute(_ name: String, in attributes: [XMLTokenizer.Attribute]) -> XMLTokenizer.Attribute? {
        XMLTokenizer.attribute(name, in: attributes)
    }

    mutating func readKey(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int) throws(XMLTokenizer.Failure) {
        guard let id = attribute("id", in: attributes)?.value else {
            if !selfClosing { try tokenizer.skipElement() }
            error("<key> without an 'id'", at: offset)
            return
        }
        let domain = attribute("for", in: attributes)?.value ?? "all"
        var type: AttributeType? = .string
        if let declared = attribute("attr.type", in: attributes) {
            switch declared.value {
            case "string": type = .string
            case "int", "long", "float", "double": type = .number
            case "boolean": type = .bool
            default:
                error("unknown attr.type '\(declared.value)' (expected string, int, long, float, double or boolean)", at: declared.offset)
            }
        } else if attributes.contains(where: { $0.name.hasPrefix("yfiles.") }) {
            type = nil
        }
        var key = Key(name: attribute("attr.name", in: attributes)?.value ?? id, domain: domain, type: type)
        if !selfClosing {
            while let event = try tokenizer.next() {
                if case .end = event { break }
                guard case .start(let name, _, let childClosing, _) = event else { continue }
                if XMLTokenizer.localName(name) == "default" && !childClosing {
                    key.defaultValue = try tokenizer.elementText()
                } else if !childClosing {
                    try tokenizer.skipElement()
                }
            }
        }
        if keys[id] != nil { error("duplicate key id '\(id)'", at: offset) }
        keys[id] = key
    }

    /// Reads a `<graph>`'s children; `group` is the id of the node holding it, if it is nested.
    mutating func readGraph(selfClosing: Bool, group: String?, depth: Int) throws(XMLTokenizer.Failure) {
        guard !selfClosing else { return }
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                switch XMLTokenizer.localName(name) {
                case "node": try readNode(attributes, selfClosing: selfClosing, offset: offset, group: group, depth: depth)
                case "edge": try readEdge(attributes, selfClosing: selfClosing, offset: offset)
                case "data" where group == nil:
                    var drawing: String?
                    let (key, value) = try readData(
                        attributes, selfClosing: selfClosing, offset: offset, domain: "graph",
                        graphicsLabel: &drawing)
                    guard let key, let value else { continue }
                    if key == "name", case .string(let name) = value { builder.name = name } else { builder.metadata[key] = value }
                case "hyperedge":
                    throw XMLTokenizer.Failure(offset: offset, message: "hyperedges are not supported: Tongxin edges join two nodes")
                default:
                    if !selfClosing { try tokenizer.skipElement() }
                }
            }
        }
    }

    /// Reads a `<data>` element: the attribute name and typed value, or `nil`s for skipped or bad data.
    /// The label of yEd graphics data is stored in `graphicsLabel`.
    mutating func readData(
        _ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int, domain: String,
        graphicsLabel: inout String?
    )
        throws(XMLTokenizer.Failure) -> (String?, AttributeValue?)
    {
        let id = attribute("key", in: attributes)?.value
        if let id, let key = keys[id], key.type == nil {
            let label = selfClosing ? nil : try readGraphicsLabel()
            if graphicsLabel == nil { graphicsLabel = label }
            return (nil, nil)
        }
        let text = selfClosing ? "" : try tokenizer.elementText()
        guard let id else {
            error("<data> without a 'key'", at: offset)
            return (nil, nil)
        }
        guard let key = keys[id] else {
            error("<data> refers to key '\(id)', which no <key> declares", at: offset)
            return (nil, nil)
        }
        guard key.domain == domain || key.domain == "all" else {
            error("key '\(id)' is declared for \(key.domain)s, not \(domain)s", at: offset)
            return (nil, nil)
        }
        guard let type = key.type else { return (nil, nil) }  // graphics under a key of another domain
        let trimmed = type == .string ? text[...] : Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let value = AttributeValue.parseXML(trimmed, as: type) else {
            error("'\(text)' is not a valid \(type == .bool ? "boolean" : type.rawValue) for key '\(key.name)'", at: offset)
            return (nil, nil)
        }
        return (key.name, value)
    }

    /// The text of the first non-empty yEd `<y:NodeLabel>` or `<y:EdgeLabel>` in the graphics element
    /// just opened (a group node has one per state, open and closed: the first is taken), trimmed;
    /// the rest of the element is skipped.
    mutating func readGraphicsLabel() throws(XMLTokenizer.Failure) -> String? {
        let depth = tokenizer.open.count
        var label: String?
        while tokenizer.open.count >= depth, let event = try tokenizer.next() {
            guard case .start(let name, _, let selfClosing, _) = event, !selfClosing else { continue }
            let local = XMLTokenizer.localName(name)
            guard label == nil, local == "NodeLabel" || local == "EdgeLabel" else { continue }
            let text = try tokenizer.elementText().trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { label = text }
        }
        return label
    }

    /// Reads the `<data>` children of a node or edge (and, for a group node `group`, its nested graph).
    mutating func readChildren(
        selfClosing: Bool, domain: String, graphicsLabel: inout String?,
        group: (id: String, depth: Int)? = nil
    )
        throws(XMLTokenizer.Failure) -> [(String, AttributeValue, Int)]
    {
        var values: [(String, AttributeValue, Int)] = []
        guard !selfClosing else { return values }
        while let event = try tokenizer.next() {
            switch event {
            case .end: return values
            case .text: continue
            case .start(let name, let attributes, let childClosing, let offset):
                switch XMLTokenizer.localName(name) {
                case "data":
                    let (key, value) = try readData(
                        attributes, selfClosing: childClosing, offset: offset, domain: domain,
                        graphicsLabel: &graphicsLabel)
                    if let key, let value {
                        if values.contains(where: { $0.0 == key }) {
                            error("two values for '\(key)'", at: offset)
                        } else {
                            values.append((key, value, offset))
                        }
                    }
                case "graph":
                    guard let group else {
                        throw XMLTokenizer.Failure(
                            offset: offset, message: "a graph nested in an edge: only nodes may hold graphs (groups)")
                    }
                    guard group.depth < GraphMLReader.maxNesting else {
                        throw XMLTokenizer.Failure(
                            offset: offset, message: "groups nested too deeply (more than \(GraphMLReader.maxNesting) levels)")
                    }
                    try readGraph(selfClosing: childClosing, group: group.id, depth: group.depth + 1)
                default:
                    if !childClosing { try tokenizer.skipElement() }
                }
            }
        }
        return values
    }

    /// The values of keys with a default that `values` lacks, for `domain`, in key order.
    func defaults(for domain: String, missingFrom values: [(String, AttributeValue, Int)], offset: Int) -> [(String, AttributeValue, Int)] {
        keys.values.filter { ($0.domain == domain || $0.domain == "all") && $0.defaultValue != nil && $0.type != nil }
            .filter { key in !values.contains { $0.0 == key.name } }
            .sorted { $0.name < $1.name }
            .compactMap { key in AttributeValue.parseXML(key.defaultValue![...], as: key.type!).map { (key.name, $0, offset) } }
    }

    mutating func readNode(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int, group: String?, depth: Int)
        throws(XMLTokenizer.Failure)
    {
        let id = attribute("id", in: attributes)?.value
        var label: String?
        var values = try readChildren(
            selfClosing: selfClosing, domain: "node", graphicsLabel: &label,
            group: id.map { ($0, depth) })
        values += defaults(for: "node", missingFrom: values, offset: offset)
        guard let id else {
            error("<node> without an 'id'", at: offset)
            return
        }
        let drawn = keys.values.contains { $0.type == nil && ($0.domain == "node" || $0.domain == "all") }
        // A drawing labelled with the node's id (as Tongxin draws a nameless node) gives it no name.
        let drawnName = label == id ? nil : label
        let (kind, name, rest) = reserved.node(values.map { ($0.0, $0.1, $0.2) }, graphicsLabel: drawnName)
        report(reserved.takeWarnings())
        if name == nil && drawn && label == nil {
            builder.warning("node '\(id)' has no label in its yEd graphics: it is named by its id", at: location(offset))
        }
        let places = self.places
        guard let node = builder.addNode(id: id, kind: kind, name: name, at: places.at(offset)) else { return }
        for (key, value, at) in rest { builder.setAttribute(key, value, ofNode: node, at: places.at(at)) }
        if let group {
            let place = location(offset)
            builder.addEdge(source: id, target: group, kind: EdgeKind.within, at: place)
        }
    }

    mutating func report(_ warnings: [(message: String, offset: Int)]) {
        for warning in warnings { builder.warning(warning.message, at: location(warning.offset)) }
    }

    mutating func readEdge(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int) throws(XMLTokenizer.Failure) {
        var label: String?
        var values = try readChildren(selfClosing: selfClosing, domain: "edge", graphicsLabel: &label)
        values += defaults(for: "edge", missingFrom: values, offset: offset)
        guard let source = attribute("source", in: attributes), let target = attribute("target", in: attributes) else {
            error("<edge> without '\(attribute("source", in: attributes) == nil ? "source" : "target")'", at: offset)
            return
        }
        let (kind, weight, rest) = reserved.edge(values.map { ($0.0, $0.1, $0.2) }, graphicsLabel: label, graphicsOffset: offset)
        report(reserved.takeWarnings())
        let place = location(builder.index(of: source.value) == nil ? source.offset : target.offset)
        let edge = builder.addEdge(source: source.value, target: target.value, kind: kind, weight: weight, at: place)
        let places = self.places
        for (key, value, at) in rest { builder.setAttribute(key, value, ofEdge: edge, at: places.at(at)) }
    }
}
