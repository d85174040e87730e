import Foundation

/// Reads GraphML (http://graphml.graphdrawing.org), as NetworkX, igraph, Gephi and yEd write it.
///
/// - `<key>`s declare typed attributes (`attr.name`, `attr.type` = `string`, `int`, `long`, `float`,
///   `double` or `boolean`, an optional `<default>`); a key without `attr.name` is named by its id.
/// - Node data `kind` and `name` become the node's kind (default `node`) and name; edge data `kind` and
///   `weight` the edge's kind (default `tie`) and weight (default 1); all other data are attributes.
///   Integer and floating-point keys are both numbers: a value written without a fraction or exponent
///   is an integer (so `2` in a `double` key reads back as the integer Tongxin wrote).
/// - Graph data `name` is the graph's name, other graph data its metadata.
/// - Data whose key has no type (yEd's `nodegraphics`), `<desc>`, `<port>` and elements of other
///   namespaces are skipped. Nested graphs and hyperedges are errors: Tongxin graphs are flat.
///
/// - Complexity: O(n) in the file's bytes, plus ``GraphBuilder/build()``.
public enum GraphMLReader: GraphReader {
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
        /// `nil` for keys without `attr.type` that carry markup (yEd graphics): their data is skipped.
        var type: AttributeType?
        var defaultValue: String?
    }

    var tokenizer: XMLTokenizer
    var locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>
    var builder = GraphBuilder()
    var keys: [String: Key] = [:]
    var sawGraph = false

    init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        tokenizer = XMLTokenizer(buffer, start: start)
        locator = Locator(file: file)
    }

    mutating func readDocument() throws(XMLTokenizer.Failure) {
        guard buffer.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw XMLTokenizer.Failure(offset: 0, message: "the file is empty")
        }
        guard case .start(let root, _, let selfClosing, let offset)? = try tokenizer.next() else {
            throw XMLTokenizer.Failure(offset: tokenizer.position, message: "no root element")
        }
        guard XMLTokenizer.localName(root) == "graphml" else {
            throw XMLTokenizer.Failure(offset: offset, message: "the root element is <\(root)>, expected <graphml>")
        }
        if !selfClosing {
            while let event = try tokenizer.next() {
                guard case .start(let name, let attributes, let selfClosing, let offset) = event else { continue }
                switch XMLTokenizer.localName(name) {
                case "key": try readKey(attributes, selfClosing: selfClosing, offset: offset)
                case "graph" where !sawGraph:
                    sawGraph = true
                    try readGraph(attributes, selfClosing: selfClosing)
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
        attributes.first { XMLTokenizer.localName($0.name) == name[...] }
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
                    key.defaultValue = try readText()
                } else if !childClosing {
                    try tokenizer.skipElement()
                }
            }
        }
        if keys[id] != nil { error("duplicate key id '\(id)'", at: offset) }
        keys[id] = key
    }

    /// The text content of the element just opened, up to its end tag; markup inside is skipped.
    mutating func readText() throws(XMLTokenizer.Failure) -> String {
        var text = ""
        while let event = try tokenizer.next() {
            switch event {
            case .text(let piece, _): text += piece
            case .end: return text
            case .start(_, _, let selfClosing, _): if !selfClosing { try tokenizer.skipElement() }
            }
        }
        return text
    }

    mutating func readGraph(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool) throws(XMLTokenizer.Failure) {
        guard !selfClosing else { return }
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                switch XMLTokenizer.localName(name) {
                case "node": try readNode(attributes, selfClosing: selfClosing, offset: offset)
                case "edge": try readEdge(attributes, selfClosing: selfClosing, offset: offset)
                case "data":
                    let (key, value) = try readData(attributes, selfClosing: selfClosing, offset: offset, domain: "graph")
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
    mutating func readData(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int, domain: String)
        throws(XMLTokenizer.Failure) -> (String?, AttributeValue?)
    {
        let text = selfClosing ? "" : try readText()
        guard let id = attribute("key", in: attributes)?.value else {
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
        guard let type = key.type else { return (nil, nil) }
        let trimmed = type == .string ? text[...] : Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let value = Self.parse(trimmed, type) else {
            error("'\(text)' is not a valid \(type == .bool ? "boolean" : type.rawValue) for key '\(key.name)'", at: offset)
            return (nil, nil)
        }
        return (key.name, value)
    }

    static func parse(_ text: Substring, _ type: AttributeType) -> AttributeValue? {
        if type == .bool {
            switch text.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        }
        return AttributeValue.parse(text, as: type)
    }

    /// Reads the `<data>` children of a node or edge.
    mutating func readChildren(selfClosing: Bool, domain: String) throws(XMLTokenizer.Failure) -> [(String, AttributeValue, Int)] {
        var values: [(String, AttributeValue, Int)] = []
        guard !selfClosing else { return values }
        while let event = try tokenizer.next() {
            switch event {
            case .end: return values
            case .text: continue
            case .start(let name, let attributes, let childClosing, let offset):
                switch XMLTokenizer.localName(name) {
                case "data":
                    let (key, value) = try readData(attributes, selfClosing: childClosing, offset: offset, domain: domain)
                    if let key, let value {
                        if values.contains(where: { $0.0 == key }) {
                            error("two values for '\(key)'", at: offset)
                        } else {
                            values.append((key, value, offset))
                        }
                    }
                case "graph":
                    throw XMLTokenizer.Failure(offset: offset, message: "nested graphs are not supported: Tongxin graphs are flat")
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
            .compactMap { key in Self.parse(key.defaultValue![...], key.type!).map { (key.name, $0, offset) } }
    }

    mutating func readNode(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int) throws(XMLTokenizer.Failure) {
        var values = try readChildren(selfClosing: selfClosing, domain: "node")
        values += defaults(for: "node", missingFrom: values, offset: offset)
        guard let id = attribute("id", in: attributes)?.value else {
            error("<node> without an 'id'", at: offset)
            return
        }
        var kind = NodeKind.generic, name: String?
        var rest: [(String, AttributeValue, Int)] = []
        for (key, value, at) in values {
            switch (key, value) {
            case ("kind", .string(let text)): kind = text
            case ("name", .string(let text)): name = text
            case ("kind", _), ("name", _): error("'\(key)' must be a string", at: at)
            default: rest.append((key, value, at))
            }
        }
        guard let node = builder.addNode(id: id, kind: kind, name: name, at: location(offset)) else { return }
        for (key, value, at) in rest { builder.setAttribute(key, value, ofNode: node, at: location(at)) }
    }

    mutating func readEdge(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int) throws(XMLTokenizer.Failure) {
        var values = try readChildren(selfClosing: selfClosing, domain: "edge")
        values += defaults(for: "edge", missingFrom: values, offset: offset)
        guard let source = attribute("source", in: attributes), let target = attribute("target", in: attributes) else {
            error("<edge> without '\(attribute("source", in: attributes) == nil ? "source" : "target")'", at: offset)
            return
        }
        var kind = EdgeKind.tie, weight = 1.0
        var rest: [(String, AttributeValue, Int)] = []
        for (key, value, at) in values {
            switch (key, value) {
            case ("kind", .string(let text)): kind = text
            case ("weight", _) where value.number != nil: weight = value.number!
            case ("kind", _): error("'kind' must be a string", at: at)
            case ("weight", _): error("'weight' must be a number", at: at)
            default: rest.append((key, value, at))
            }
        }
        let place = location(builder.index(of: source.value) == nil ? source.offset : target.offset)
        let edge = builder.addEdge(source: source.value, target: target.value, kind: kind, weight: weight, at: place)
        for (key, value, at) in rest { builder.setAttribute(key, value, ofEdge: edge, at: location(at)) }
    }
}
