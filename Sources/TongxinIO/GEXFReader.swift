import Foundation

/// Reads GEXF 1.1, 1.2 and 1.3 (https://gexf.net), as Gephi, NetworkX and Tongxin write it.
///
/// - `<attributes class="node|edge">` declare typed attributes (`<attribute id title type>` with an
///   optional `<default>`); an `<attvalue for="ID" value="…">` (`id=` in GEXF 1.1) names one of them
///   by id — an undeclared id is an error. Integer types (`integer`, `long`, `short`, `byte`,
///   `biginteger`) and floating ones (`float`, `double`, `bigdecimal`) are numbers (a value without a
///   fraction or exponent is an integer), `boolean` is a bool; `string`, `char`, `date`, `anyURI` and
///   the list types (`liststring`, `listinteger` …) are strings holding the file's text.
/// - A node's `label` and an edge's `label`, `kind` (GEXF 1.3, for parallel edges) and `weight` are
///   values like the declared ones; names, kinds and weights then follow ``ReservedKeys`` (node name
///   from a `name` attribute, else the label; edge kind from `kind`, else a label naming a known kind).
/// - The viz module is kept as attributes: `viz_color` (`#rrggbb`, from `r`/`g`/`b` or `hex`),
///   `viz_alpha` (when `a` is given), `viz_size`, `viz_x`, `viz_y`, `viz_z`, `viz_shape`, and for
///   edges `viz_thickness`; ``GEXFWriter`` writes them back as viz elements.
/// - Hierarchy: nodes nested in a node's `<nodes>`, a `pid`, or `<parents><parent for>` become `within`
///   edges to that node; nesting is bounded by ``GraphMLReader/maxNesting``.
/// - The `<meta>` description is the graph's name. Edge direction (`defaultedgetype`, an edge's
///   `type`) is not kept: edges run from `source` to `target`. Dynamic values (`start`/`end`,
///   `<spells>`) are not read; of several values for one attribute, the first is kept, with a warning.
///
/// - Complexity: O(n) in the file's bytes, plus ``GraphBuilder/build()``.
public enum GEXFReader: GraphReader {
    public static func read(_ file: InputFile) throws(DiagnosticList) -> Graph {
        let result: Result<Graph, DiagnosticList> = file.bytes.withUnsafeBufferPointer { buffer in
            var reader = GEXFParser(buffer: buffer, file: file.path)
            return reader.read()
        }
        return try result.get()
    }

    /// The attribute type a GEXF type name stands for, or `nil` for an unknown name.
    static func type(_ name: String) -> AttributeType? {
        switch name.lowercased() {
        case "integer", "long", "short", "byte", "biginteger", "float", "double", "bigdecimal": .number
        case "boolean": .bool
        case "string", "char", "date", "anyuri": .string
        case _ where name.lowercased().hasPrefix("list"): .string
        default: nil
        }
    }
}

private struct GEXFParser: DocumentReader {
    struct Declared {
        var title: String
        var type: AttributeType
        var defaultValue: AttributeValue?
    }

    typealias Value = ReservedKeys.Value

    var tokenizer: XMLTokenizer
    var locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>
    var builder = GraphBuilder()
    /// Declared attributes by class (`node`, `edge`) and id.
    var declared: [String: [String: Declared]] = ["node": [:], "edge": [:]]
    /// Declared ids by class, in declaration order (for defaults).
    var order: [String: [String]] = ["node": [], "edge": []]
    var reserved = ReservedKeys()
    var warnedDynamic = false

    init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        tokenizer = XMLTokenizer(buffer, start: start)
        locator = Locator(file: file)
    }

    func attribute(_ name: String, in attributes: [XMLTokenizer.Attribute]) -> XMLTokenizer.Attribute? {
        XMLTokenizer.attribute(name, in: attributes)
    }

    mutating func readDocument() throws(XMLTokenizer.Failure) {
        let (selfClosing, offset) = try tokenizer.openRoot("gexf")
        var sawGraph = false
        if !selfClosing {
            while let event = try tokenizer.next() {
                guard case .start(let name, _, let childClosing, let childOffset) = event else { continue }
                switch XMLTokenizer.localName(name) {
                case "meta" where !childClosing: try readMeta()
                case "graph" where !sawGraph:
                    sawGraph = true
                    if !childClosing { try readGraph() }
                case "graph":
                    throw XMLTokenizer.Failure(offset: childOffset, message: "a second <graph>: Tongxin reads one graph per file")
                default:
                    if !childClosing { try tokenizer.skipElement() }
                }
            }
        }
        if !sawGraph { error("no <graph> element", at: offset) }
    }

    mutating func readMeta() throws(XMLTokenizer.Failure) {
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, _, let selfClosing, _):
                if XMLTokenizer.localName(name) == "description" && !selfClosing {
                    builder.name = try tokenizer.elementText()
                } else if !selfClosing {
                    try tokenizer.skipElement()
                }
            }
        }
    }

    mutating func readGraph() throws(XMLTokenizer.Failure) {
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                switch XMLTokenizer.localName(name) {
                case "attributes": try readDeclarations(attributes, selfClosing: selfClosing, offset: offset)
                case "nodes" where !selfClosing: try readNodes(parent: nil, depth: 0)
                case "edges" where !selfClosing: try readEdges()
                default: if !selfClosing { try tokenizer.skipElement() }
                }
            }
        }
    }

    mutating func readDeclarations(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int) throws(XMLTokenizer.Failure) {
        guard !selfClosing else { return }
        let domain = attribute("class", in: attributes)?.value ?? "node"
        guard domain == "node" || domain == "edge" else {
            error("<attributes class='\(domain)'>: expected node or edge", at: offset)
            return try tokenizer.skipElement()
        }
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                guard XMLTokenizer.localName(name) == "attribute" else {
                    if !selfClosing { try tokenizer.skipElement() }
                    continue
                }
                var defaultText: String?
                if !selfClosing {
                    while let child = try tokenizer.next() {
                        if case .end = child { break }
                        guard case .start(let childName, _, let childClosing, _) = child else { continue }
                        if XMLTokenizer.localName(childName) == "default" && !childClosing {
                            defaultText = try tokenizer.elementText()
                        } else if !childClosing {
                            try tokenizer.skipElement()
                        }
                    }
                }
                guard let id = attribute("id", in: attributes)?.value else {
                    error("<attribute> without an 'id'", at: offset)
                    continue
                }
                let typeName = attribute("type", in: attributes)?.value ?? "string"
                guard let type = GEXFReader.type(typeName) else {
                    error(
                        "unknown attribute type '\(typeName)' (expected string, integer, long, float, double, boolean, date, "
                            + "liststring …)", at: attribute("type", in: attributes)!.offset)
                    continue
                }
                let title = attribute("title", in: attributes)?.value ?? id
                var value: AttributeValue?
                if let defaultText {
                    value = parse(defaultText, type)
                    if value == nil { error("default '\(defaultText)' is not a valid \(typeName) for '\(title)'", at: offset) }
                }
                if declared[domain]![id] != nil { error("duplicate \(domain) attribute id '\(id)'", at: offset) }
                if declared[domain]![id] == nil { order[domain]!.append(id) }
                declared[domain]![id] = Declared(title: title, type: type, defaultValue: value)
            }
        }
    }

    func parse(_ text: String, _ type: AttributeType) -> AttributeValue? {
        let trimmed = type == .string ? text[...] : Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        return AttributeValue.parseXML(trimmed, as: type)
    }

    /// What a node or edge element holds besides its XML attributes.
    struct Contents {
        var values: [Value] = []
        /// Child node ids of a node's nested `<nodes>`, and `<parent for>` ids.
        var parents: [(id: String, offset: Int)] = []
    }

    mutating func readNodes(parent: String?, depth: Int) throws(XMLTokenizer.Failure) {
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                guard XMLTokenizer.localName(name) == "node" else {
                    if !selfClosing { try tokenizer.skipElement() }
                    continue
                }
                try readNode(attributes, selfClosing: selfClosing, offset: offset, parent: parent, depth: depth)
            }
        }
    }

    mutating func readNode(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int, parent: String?, depth: Int)
        throws(XMLTokenizer.Failure)
    {
        let id = attribute("id", in: attributes)?.value
        var contents = Contents()
        if let label = attribute("label", in: attributes) { contents.values.append(("label", .string(label.value), label.offset)) }
        if let pid = attribute("pid", in: attributes) { contents.parents.append((pid.value, pid.offset)) }
        if !selfClosing { try readContents(domain: "node", into: &contents, node: id.map { ($0, depth) }) }
        guard let id else {
            error("<node> without an 'id'", at: offset)
            return
        }
        let (kind, name, rest) = reserved.node(withDefaults(contents.values, domain: "node", offset: offset), graphicsLabel: nil)
        report()
        let places = self.places
        guard let node = builder.addNode(id: id, kind: kind, name: name, at: places.at(offset)) else { return }
        for (key, value, at) in rest { builder.setAttribute(key, value, ofNode: node, at: places.at(at)) }
        if let parent { contents.parents.insert((parent, offset), at: 0) }
        for (parentID, at) in contents.parents {
            let place = location(at)
            builder.addEdge(source: id, target: parentID, kind: EdgeKind.within, at: place)
        }
    }

    mutating func readEdges() throws(XMLTokenizer.Failure) {
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                guard XMLTokenizer.localName(name) == "edge" else {
                    if !selfClosing { try tokenizer.skipElement() }
                    continue
                }
                try readEdge(attributes, selfClosing: selfClosing, offset: offset)
            }
        }
    }

    mutating func readEdge(_ attributes: [XMLTokenizer.Attribute], selfClosing: Bool, offset: Int) throws(XMLTokenizer.Failure) {
        var contents = Contents()
        for key in ["kind", "label"] {
            if let value = attribute(key, in: attributes) { contents.values.append((key, .string(value.value), value.offset)) }
        }
        if let weight = attribute("weight", in: attributes) {
            if let number = AttributeValue.parse(weight.value[...], as: .number) {
                contents.values.append(("weight", .double(number.number!), weight.offset))
            } else {
                error("weight '\(weight.value)' is not a number", at: weight.offset)
            }
        }
        if !selfClosing { try readContents(domain: "edge", into: &contents, node: nil) }
        guard let source = attribute("source", in: attributes), let target = attribute("target", in: attributes) else {
            error("<edge> without '\(attribute("source", in: attributes) == nil ? "source" : "target")'", at: offset)
            return
        }
        let (kind, weight, rest) = reserved.edge(withDefaults(contents.values, domain: "edge", offset: offset), graphicsLabel: nil)
        report()
        let place = location(builder.index(of: source.value) == nil ? source.offset : target.offset)
        let edge = builder.addEdge(source: source.value, target: target.value, kind: kind, weight: weight, at: place)
        let places = self.places
        for (key, value, at) in rest { builder.setAttribute(key, value, ofEdge: edge, at: places.at(at)) }
    }

    mutating func report() {
        for warning in reserved.takeWarnings() { builder.warning(warning.message, at: location(warning.offset)) }
    }

    /// `values` followed by the declared defaults of `domain` they lack.
    func withDefaults(_ values: [Value], domain: String, offset: Int) -> [Value] {
        var result = values
        for id in order[domain]! {
            let declaration = declared[domain]![id]!
            if let value = declaration.defaultValue, !values.contains(where: { $0.key == declaration.title }) {
                result.append((declaration.title, value, offset))
            }
        }
        return result
    }

    /// Reads the children of a node or edge: `<attvalues>`, viz elements, nested `<nodes>` (nodes only)
    /// and `<parents>`.
    mutating func readContents(domain: String, into contents: inout Contents, node: (id: String, depth: Int)?) throws(XMLTokenizer.Failure)
    {
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                let local = XMLTokenizer.localName(name)
                let isViz = name.contains(":") && !name.hasPrefix("gexf:")
                switch local {
                case "attvalues" where !selfClosing:
                    try readAttValues(domain: domain, into: &contents)
                    continue
                case "color" where isViz: vizColor(attributes, offset: offset, into: &contents)
                case "size" where isViz, "thickness" where isViz:
                    vizNumber("value", as: "viz_\(local)", attributes, into: &contents)
                case "position" where isViz:
                    for axis in ["x", "y", "z"] { vizNumber(axis, as: "viz_\(axis)", attributes, into: &contents) }
                case "shape" where isViz:
                    if let value = attribute("value", in: attributes) {
                        contents.values.append(("viz_shape", .string(value.value), value.offset))
                    }
                case "nodes" where node != nil && !selfClosing:
                    guard node!.depth < GraphMLReader.maxNesting else {
                        throw XMLTokenizer.Failure(
                            offset: offset, message: "nodes nested too deeply (more than \(GraphMLReader.maxNesting) levels)")
                    }
                    try readNodes(parent: node!.id, depth: node!.depth + 1)
                    continue
                case "parent" where domain == "node":
                    if let parent = attribute("for", in: attributes) { contents.parents.append((parent.value, parent.offset)) }
                case "parents" where !selfClosing:
                    try readContents(domain: domain, into: &contents, node: nil)
                    continue
                default: break
                }
                if !selfClosing { try tokenizer.skipElement() }
            }
        }
    }

    mutating func readAttValues(domain: String, into contents: inout Contents) throws(XMLTokenizer.Failure) {
        while let event = try tokenizer.next() {
            switch event {
            case .end: return
            case .text: continue
            case .start(let name, let attributes, let selfClosing, let offset):
                if !selfClosing { try tokenizer.skipElement() }
                guard XMLTokenizer.localName(name) == "attvalue" else { continue }
                guard let reference = attribute("for", in: attributes) ?? attribute("id", in: attributes) else {
                    error("<attvalue> without 'for'", at: offset)
                    continue
                }
                guard let declaration = declared[domain]![reference.value] else {
                    let known = order[domain]!.map { "'\($0)'" }.joined(separator: ", ")
                    error(
                        "<attvalue for='\(reference.value)'>: no \(domain) attribute has that id"
                            + (known.isEmpty ? " (this file declares no \(domain) attributes)" : " (declared: \(known))"),
                        at: reference.offset)
                    continue
                }
                guard let text = attribute("value", in: attributes) else {
                    error("<attvalue> without 'value'", at: offset)
                    continue
                }
                guard let value = parse(text.value, declaration.type) else {
                    error(
                        "'\(text.value)' is not a valid \(declaration.type == .bool ? "boolean" : declaration.type.rawValue) "
                            + "for '\(declaration.title)'", at: text.offset)
                    continue
                }
                if contents.values.contains(where: { $0.key == declaration.title && $0.key != "label" && $0.key != "kind" }) {
                    if !warnedDynamic {
                        warnedDynamic = true
                        builder.warning(
                            "several values for '\(declaration.title)' (a dynamic graph?): the first is kept", at: location(offset))
                    }
                    continue
                }
                contents.values.append((declaration.title, value, offset))
            }
        }
    }

    mutating func vizColor(_ attributes: [XMLTokenizer.Attribute], offset: Int, into contents: inout Contents) {
        if let hex = attribute("hex", in: attributes) {
            let digits = hex.value.hasPrefix("#") ? String(hex.value.dropFirst()) : hex.value
            guard digits.count == 6, UInt32(digits, radix: 16) != nil else {
                return error("viz:color hex '\(hex.value)' is not #rrggbb", at: hex.offset)
            }
            contents.values.append(("viz_color", .string("#" + digits.lowercased()), hex.offset))
        } else {
            var color = "#"
            for channel in ["r", "g", "b"] {
                guard let text = attribute(channel, in: attributes), let value = UInt8(text.value.trimmingCharacters(in: .whitespaces))
                else {
                    return error(
                        "viz:color needs '\(channel)' from 0 to 255 (or 'hex')", at: attribute(channel, in: attributes)?.offset ?? offset)
                }
                color += (value < 16 ? "0" : "") + String(value, radix: 16)
            }
            contents.values.append(("viz_color", .string(color), offset))
        }
        vizNumber("a", as: "viz_alpha", attributes, into: &contents)
    }

    mutating func vizNumber(_ name: String, as key: String, _ attributes: [XMLTokenizer.Attribute], into contents: inout Contents) {
        guard let text = attribute(name, in: attributes) else { return }
        guard let value = AttributeValue.parse(text.value.trimmingCharacters(in: .whitespaces)[...], as: .number) else {
            return error("viz '\(name)' '\(text.value)' is not a number", at: text.offset)
        }
        contents.values.append((key, value, text.offset))
    }
}
