/// How the readers of other tools' files (GraphML, GEXF, Cytoscape JSON) find a node's name and kind
/// and an edge's kind and weight among the values a file gives, and what they do with values that
/// clash with those reserved keys.
///
/// - Node name: the `name` value, else `label` (Gephi, Cytoscape), else the label drawn in the
///   file's graphics (yEd's `<y:NodeLabel>`). A `label` that did not become the name stays an
///   attribute, unless it equals the name.
/// - Node kind: the `kind` value, else ``NodeKind/generic``.
/// - Edge kind: the `kind` value, else the first of `label`, `Edge Label` (Gephi), `interaction` (Cytoscape) and the graphics
///   label (yEd's `<y:EdgeLabel>`) that is one of ``EdgeKind/all``; else ``EdgeKind/tie``. A label
///   equal to the edge's kind is not kept as an attribute. A graphics label that names no kind is kept as the attribute
///   `label` (unless the edge has one). Edge weight: the `weight` value, else 1.
/// - A value under a reserved key that cannot be that field — `kind` or `name` that is not a string,
///   `weight` that is not a number, or a second value for the same key — is kept as the attribute
///   `kind_original`, `name_original` or `weight_original`, with one warning per key and file.
struct ReservedKeys {
    /// A value read from the file: its key, its value and the byte offset it was read at.
    typealias Value = (key: String, value: AttributeValue, offset: Int)

    /// The suffix of the attribute that keeps a clashing value.
    static let renameSuffix = "_original"
    /// The edge labels that may name a kind, in the order they are tried (`interaction` is
    /// Cytoscape's edge type).
    static let edgeLabelKeys = ["label", "Edge Label", "interaction"]

    /// Keys already warned about, by domain and key.
    private var warned: Set<String> = []
    /// Warnings to report: a message and the offset of the value that caused it.
    private(set) var warnings: [(message: String, offset: Int)] = []

    /// Takes the warnings collected so far.
    mutating func takeWarnings() -> [(message: String, offset: Int)] {
        defer { warnings = [] }
        return warnings
    }

    /// A node's kind, name and other attributes; `graphicsLabel` is the label its drawing shows.
    mutating func node(_ values: [Value], graphicsLabel: String?) -> (kind: String, name: String?, rest: [Value]) {
        var kind: String?, name: String?, label: Value?
        var rest: [Value] = []
        for item in values {
            switch (item.key, item.value) {
            case ("kind", .string(let text)) where kind == nil: kind = text
            case ("name", .string(let text)) where name == nil: name = text
            case ("label", .string) where label == nil: label = item
            case ("kind", _), ("name", _): rest.append(rename(item, domain: "node", reason: reason(item, expected: .string)))
            default: rest.append(item)
            }
        }
        if name == nil, let label, case .string(let text) = label.value {
            name = text
        } else if let label, label.value != .string(name ?? "") {
            rest.append(label)
        }
        if name == nil, let graphicsLabel { name = graphicsLabel }
        return (kind ?? NodeKind.generic, name, rest)
    }

    /// An edge's kind, weight and other attributes; `graphicsLabel` is the label its drawing shows.
    mutating func edge(_ values: [Value], graphicsLabel: String?, graphicsOffset: Int = 0) -> (kind: String, weight: Double, rest: [Value])
    {
        var kind: String?, weight: Double?
        var rest: [Value] = []
        for item in values {
            switch (item.key, item.value) {
            case ("kind", .string(let text)) where kind == nil: kind = text
            case ("weight", _) where weight == nil && item.value.number != nil: weight = item.value.number!
            case ("kind", _): rest.append(rename(item, domain: "edge", reason: reason(item, expected: .string)))
            case ("weight", _): rest.append(rename(item, domain: "edge", reason: reason(item, expected: .number)))
            default: rest.append(item)
            }
        }
        if kind == nil {
            for key in Self.edgeLabelKeys {
                if let index = rest.firstIndex(where: { $0.key == key && $0.value.string.map(EdgeKind.all.contains) == true }) {
                    kind = rest.remove(at: index).value.string
                    break
                }
            }
        }
        if kind == nil, let graphicsLabel, EdgeKind.all.contains(graphicsLabel) {
            kind = graphicsLabel
        } else if let graphicsLabel, graphicsLabel != kind, !rest.contains(where: { $0.key == "label" }) {
            rest.append(("label", .string(graphicsLabel), graphicsOffset))
        }
        let resolved = kind ?? EdgeKind.tie
        rest.removeAll { Self.edgeLabelKeys.contains($0.key) && $0.value == .string(resolved) }
        return (resolved, weight ?? 1, rest)
    }

    /// Why `item` cannot be its field, which takes values of type `expected`.
    private func reason(_ item: Value, expected: AttributeType) -> String {
        func name(_ type: AttributeType) -> String { type == .bool ? "boolean" : type.rawValue }
        return item.value.type == expected ? "given twice" : "a \(name(item.value.type)), not a \(name(expected))"
    }

    /// `item` under its renamed key, with a warning the first time the key is renamed.
    private mutating func rename(_ item: Value, domain: String, reason: String) -> Value {
        let renamed = item.key + Self.renameSuffix
        if warned.insert(domain + "\u{0}" + item.key).inserted {
            warnings.append(("\(domain) attribute '\(item.key)' is \(reason): kept as '\(renamed)'", item.offset))
        }
        return (renamed, item.value, item.offset)
    }
}
