import CGraphviz
import Foundation

/// Reads Graphviz DOT files as graphs, through cgraph (`agmemread`, inside the serialized
/// ``GraphvizLibrary`` entry).
///
/// A node's id is its `id` attribute (as `tongxin convert` writes it, with synthetic DOT names), or
/// else its DOT name. Its `kind` attribute gives its kind (default `node`), its `name` attribute its
/// name — or else its `label`, unless that is Graphviz's `\N` placeholder; an edge's
/// `kind` gives its kind (default `tie`) and `weight` its weight. Every other non-empty attribute is
/// kept, defaults set by `node [...]`/`edge [...]` included; graph attributes become metadata. DOT
/// has no types, so an attribute whose values all read as numbers (or all as `true`/`false`) becomes
/// a number (or bool) column, as CSV cells do; `level`, `type` and `category` stay strings. In
/// every value `\\` reads as `\` (as `tongxin convert` writes a backslash), and in `label` values
/// `\n` as a newline, as Graphviz draws them; cgraph itself unescapes `\"`. Edges keep file order.
///
/// ```swift
/// // a.dot:  digraph G { v1 [kind=village, name="一村"]; f1 [kind=figure]; f1 -> v1 [kind=liaison_for] }
/// let graph = try GraphFile.read("a.dot")  // 2 nodes, 1 liaison_for edge, name "G"
/// ```
///
/// - Complexity: O(V + E + attributes + file length).
public enum DOTReader: GraphReader {
    /// Reads the DOT file `file`.
    ///
    /// - Throws: ``DiagnosticList`` positioned at `FILE:LINE:COL`: an empty file, invalid UTF-8,
    ///   DOT syntax errors (cgraph reports the line), subgraphs nested more than ``maximumNesting``
    ///   levels deep, a `weight` that is not a number, and whatever
    ///   ``GraphBuilder/build()`` rejects (a region within two places, cycles…), placed at the first
    ///   mention of the node concerned.
    public static func read(_ file: InputFile) throws(DiagnosticList) -> Graph {
        let invalid = file.bytes.withUnsafeBufferPointer { UTF8Check.firstInvalid(in: $0, 0..<$0.count) }
        if let invalid {
            let locator = Locator(file: file.path)
            let location = file.bytes.withUnsafeBufferPointer { locator.location(at: invalid, in: $0) }
            throw single("the file is not valid UTF-8", at: location)
        }
        let text = String(decoding: file.bytes, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) {
            throw single("empty file: expected a DOT graph (digraph { ... })", at: SourceLocation(file: file.path, line: 1, column: 1))
        }
        if let tooDeep = file.bytes.withUnsafeBufferPointer({ firstTooDeepBrace(in: $0) }) {
            var locator = Locator(file: file.path)
            let location = file.bytes.withUnsafeBufferPointer { locator.location(at: tooDeep, in: $0) }
            throw single("subgraphs nested too deeply (more than \(maximumNesting) levels of '{')", at: location)
        }
        let parsed: Parsed
        do {
            parsed = try GraphvizLibrary.withGraph(text, failure: { $0 }) { (_, graph) throws(GraphvizLibrary.Problem) -> Parsed in
                extract(graph)
            }
        } catch {
            throw single(syntaxMessage(error), at: syntaxLocation(error, text: text, file: file.path))
        }
        // Positions cost a scan of the whole text: look for them only when there are errors to place.
        do {
            return try build(parsed, places: nil)
        } catch {
            return try build(parsed, places: TokenPlaces(text: text, file: file.path))
        }
    }

    /// How deep `{ … }` blocks (subgraphs) may nest. cgraph's parser keeps a bounded stack: a few
    /// thousand levels exhaust it and it returns an empty graph without a syntax error, so the text
    /// is checked before cgraph sees it.
    static let maximumNesting = 256

    /// The byte offset of the first `{` that opens more than ``maximumNesting`` levels, outside
    /// quoted strings, HTML strings (`<…>`, which nest) and comments (`//`, `/* */`, `#` lines).
    /// O(length).
    static func firstTooDeepBrace(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var depth = 0, index = 0, lineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case UInt8(ascii: "#") where lineStart, UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                index += 2
                while index < bytes.count
                    && !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count
                        && bytes[index + 1] == UInt8(ascii: "/"))
                { index += 1 }
                index += 2
                continue
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "<"):
                var open = 1
                index += 1
                while index < bytes.count && open > 0 {
                    if bytes[index] == UInt8(ascii: "<") { open += 1 } else if bytes[index] == UInt8(ascii: ">") { open -= 1 }
                    index += 1
                }
                continue
            case UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting { return index }
            case UInt8(ascii: "}"):
                depth = max(depth - 1, 0)
            default:
                break
            }
            if byte == 0x0A { lineStart = true } else if byte != 0x20 && byte != 0x09 { lineStart = false }
            index += 1
        }
        return nil
    }

    // MARK: Extraction (inside the Graphviz lock)

    private struct Parsed {
        var name: String
        var graphAttributes: [(String, String)] = []
        var nodeIDs: [String] = []
        /// Attribute name → value per node (nil when unset or empty).
        var nodeColumns: [(name: String, values: [String?])] = []
        var edgeEnds: [(source: Int, target: Int)] = []
        var edgeColumns: [(name: String, values: [String?])] = []
    }

    private static func extract(_ graph: UnsafeMutablePointer<Agraph_t>) -> Parsed {
        let rawName = String(cString: agnameof(UnsafeMutableRawPointer(graph)))
        var parsed = Parsed(name: rawName.hasPrefix("%") ? "" : unescape(rawName, newlines: false))
        var symbol: UnsafeMutablePointer<Agsym_t>? = nil
        while let next = agnxtattr(graph, AGRAPH, symbol) {
            symbol = next
            let value = String(cString: agxget(UnsafeMutableRawPointer(graph), next))
            if !value.isEmpty { parsed.graphAttributes.append((String(cString: next.pointee.name), value)) }
        }
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(current)
            node = agnxtnode(graph, current)
        }
        nodes.sort { tongxin_agseq(UnsafeMutableRawPointer($0)) < tongxin_agseq(UnsafeMutableRawPointer($1)) }
        var indexBySequence: [UInt: Int] = [:]
        for (index, node) in nodes.enumerated() {
            parsed.nodeIDs.append(unescape(String(cString: agnameof(UnsafeMutableRawPointer(node))), newlines: false))
            indexBySequence[tongxin_agseq(UnsafeMutableRawPointer(node))] = index
        }
        parsed.nodeColumns = columns(graph, kind: AGNODE, objects: nodes.map { UnsafeMutableRawPointer($0) })
        var edges: [UnsafeMutablePointer<Agedge_t>] = []
        for node in nodes {
            var edge = agfstout(graph, node)
            while let current = edge {
                edges.append(current)
                edge = agnxtout(graph, current)
            }
        }
        edges.sort { tongxin_agseq(UnsafeMutableRawPointer($0)) < tongxin_agseq(UnsafeMutableRawPointer($1)) }
        parsed.edgeEnds = edges.map { edge in
            (
                indexBySequence[tongxin_agseq(UnsafeMutableRawPointer(tongxin_agtail(edge)))]!,
                indexBySequence[tongxin_agseq(UnsafeMutableRawPointer(tongxin_aghead(edge)))]!
            )
        }
        parsed.edgeColumns = columns(graph, kind: AGEDGE, objects: edges.map { UnsafeMutableRawPointer($0) })
        return parsed
    }

    /// Every declared attribute of `kind` with its value on each object; empty values are unset.
    private static func columns(
        _ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32, objects: [UnsafeMutableRawPointer]
    ) -> [(name: String, values: [String?])] {
        var result: [(name: String, values: [String?])] = []
        var symbol: UnsafeMutablePointer<Agsym_t>? = nil
        while let next = agnxtattr(graph, kind, symbol) {
            symbol = next
            let name = String(cString: next.pointee.name)
            if kind == AGEDGE && name == "key" { continue }  // cgraph's edge name, not an attribute
            let values: [String?] = objects.map { object in
                guard let raw = agxget(object, next), raw.pointee != 0 else { return nil }
                let value = String(cString: raw)
                // `\N` is Graphviz's default node label ("the node's name"): no label of its own.
                guard name == "label" else { return unescape(value, newlines: false) }
                return kind == AGNODE && value == "\\N" ? nil : unescape(value, newlines: true)
            }
            if values.contains(where: { $0 != nil }) { result.append((name, values)) }
        }
        return result
    }

    /// Undoes the writer's escapes: `\\` → `\`, and in labels `\n` → newline; other backslashes stay.
    /// (cgraph's lexer itself unescapes only `\"`; it reads `\\` as two characters, which is what
    /// lets a value end in a backslash.)
    static func unescape(_ value: String, newlines: Bool) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else { result.append(character); continue }
            switch iterator.next() {
            case "\\"?: result.append("\\")
            case "n"? where newlines: result.append("\n")
            case let other?: result.append("\\"); result.append(other)
            case nil: result.append("\\")
            }
        }
        return result
    }

    // MARK: Building

    private static func build(_ parsed: Parsed, places: TokenPlaces?) throws(DiagnosticList) -> Graph {
        var builder = GraphBuilder(name: parsed.name)
        for (key, value) in parsed.graphAttributes { builder.metadata[key] = AttributeValue.infer(Substring(value)) }
        let nodeColumns = parsed.nodeColumns
        let idColumn = nodeColumns.first { $0.name == "id" }?.values
        let kindColumn = nodeColumns.first { $0.name == "kind" }?.values
        let nameColumn = nodeColumns.first { $0.name == "name" }?.values
        let labelColumn = nameColumn == nil ? nodeColumns.first { $0.name == "label" }?.values : nil
        let used: Set<String> = labelColumn == nil ? ["id", "kind", "name"] : ["id", "kind", "name", "label"]
        let typed = nodeColumns.filter { !used.contains($0.name) }
            .map { (name: $0.name, values: typedValues($0.values, keepStrings: WellKnownAttribute.all.contains($0.name))) }
        // DOT node index → graph node index; nil when its id repeats another (an error already).
        var nodeIndex = [Int?](repeating: nil, count: parsed.nodeIDs.count)
        let ids = parsed.nodeIDs.indices.map { idColumn?[$0] ?? parsed.nodeIDs[$0] }
        for (index, dotName) in parsed.nodeIDs.enumerated() {
            let name = nameColumn?[index] ?? labelColumn?[index]
            guard
                let node = builder.addNode(
                    id: ids[index], kind: kindColumn?[index] ?? NodeKind.generic,
                    name: name, at: places?.location(of: dotName))
            else { continue }
            nodeIndex[index] = node
            for column in typed {
                if let value = column.values[index] { builder.setAttribute(column.name, value, ofNode: node) }
            }
        }
        let edgeColumns = parsed.edgeColumns
        let edgeKinds = edgeColumns.first { $0.name == "kind" }?.values
        let weights = edgeColumns.first { $0.name == "weight" }?.values
        let edgeTyped = edgeColumns.filter { $0.name != "kind" && $0.name != "weight" }
            .map { (name: $0.name, values: typedValues($0.values, keepStrings: false)) }
        for (index, ends) in parsed.edgeEnds.enumerated() {
            guard let source = nodeIndex[ends.source], let target = nodeIndex[ends.target] else { continue }
            let place = places?.location(of: parsed.nodeIDs[ends.source])
            var weight = 1.0
            if let text = weights?[index] {
                if let value = Double(text), value.isFinite {
                    weight = value
                } else {
                    builder.error("edge \(ids[ends.source]) -> \(ids[ends.target]): weight '\(text)' is not a number", at: place)
                }
            }
            let edge = builder.addEdge(from: source, to: target, kind: edgeKinds?[index] ?? EdgeKind.tie, weight: weight, at: place)
            for column in edgeTyped {
                if let value = column.values[index] { builder.setAttribute(column.name, value, ofEdge: edge) }
            }
        }
        return try builder.build()
    }

    /// A column's values typed as a whole: numbers when every value reads as one, bools when every
    /// value is `true` or `false`, strings otherwise.
    private static func typedValues(_ values: [String?], keepStrings: Bool) -> [AttributeValue?] {
        let present = values.compactMap { $0 }
        if !keepStrings {
            let numbers = present.map { AttributeValue.parse(Substring($0), as: .number) }
            if !numbers.contains(where: { $0 == nil }) {
                var iterator = numbers.makeIterator()
                return values.map { $0 == nil ? nil : iterator.next()! }
            }
            let bools = present.map { AttributeValue.parse(Substring($0), as: .bool) }
            if !bools.contains(where: { $0 == nil }) {
                var iterator = bools.makeIterator()
                return values.map { $0 == nil ? nil : iterator.next()! }
            }
        }
        return values.map { $0.map(AttributeValue.string) }
    }

    // MARK: Messages

    private static func single(_ message: String, at location: SourceLocation) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        diagnostics.error(message, at: location)
        return diagnostics
    }

    private static func syntaxMessage(_ problem: GraphvizLibrary.Problem) -> String {
        switch problem {
        case .syntax(let message): "DOT " + message
        case .noContext: "Graphviz could not start (gvContext() failed)"
        }
    }

    /// cgraph says "syntax error in line N near 'x'": point at `x` on that line when it is there.
    private static func syntaxLocation(_ error: GraphvizLibrary.Problem, text: String, file: String) -> SourceLocation {
        guard case .syntax(let message) = error, let range = message.range(of: "in line ") else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        let line = Int(digits) ?? 1
        var column = 1
        if let near = message.range(of: "near '"), let end = message[near.upperBound...].lastIndex(of: "'") {
            let token = String(message[near.upperBound..<end])
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if line - 1 < lines.count, !token.isEmpty, let found = lines[line - 1].range(of: token) {
                column = lines[line - 1][..<found.lowerBound].unicodeScalars.count + 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// Where each identifier (bare or quoted) is first written in DOT text, for messages about nodes.
private struct TokenPlaces {
    private var first: [String: SourceLocation] = [:]
    private let file: String

    /// One pass over the text, skipping comments. O(length).
    init(text: String, file: String) {
        self.file = file
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, column = 1
        func advance() {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        func isBare(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar == "." || scalar == "-" || scalar.properties.isAlphabetic
                || ("0"..."9").contains(scalar) || scalar.value >= 0x80
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/" && index + 1 < scalars.count && scalars[index + 1] == "/" {
                while index < scalars.count && scalars[index] != "\n" { advance() }
            } else if scalar == "/" && index + 1 < scalars.count && scalars[index + 1] == "*" {
                advance(); advance()
                while index < scalars.count && !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                    advance()
                }
                if index < scalars.count { advance(); advance() }
            } else if scalar == "\"" {
                let place = SourceLocation(file: file, line: line, column: column)
                advance()
                var token = String.UnicodeScalarView()
                while index < scalars.count && scalars[index] != "\"" {
                    if scalars[index] == "\\" && index + 1 < scalars.count && scalars[index + 1] == "\"" { advance() }
                    token.append(scalars[index])
                    advance()
                }
                if index < scalars.count { advance() }
                if first[String(token)] == nil { first[String(token)] = place }
            } else if isBare(scalar)
                && !(scalar == "-" && index + 1 < scalars.count && (scalars[index + 1] == ">" || scalars[index + 1] == "-"))
            {
                let place = SourceLocation(file: file, line: line, column: column)
                var token = String.UnicodeScalarView()
                while index < scalars.count && isBare(scalars[index])
                    && !(scalars[index] == "-" && index + 1 < scalars.count && (scalars[index + 1] == ">" || scalars[index + 1] == "-"))
                {
                    token.append(scalars[index])
                    advance()
                }
                if first[String(token)] == nil { first[String(token)] = place }
            } else {
                advance()
            }
        }
    }

    /// Where `id` is first written, or the file's start.
    func location(of id: String) -> SourceLocation {
        first[id] ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
