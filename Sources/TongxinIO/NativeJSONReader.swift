/// Reads the native Tongxin JSON graph format (DESIGN.md, "Native JSON").
///
/// ```json
/// {"format": "tongxin-graph", "version": 1, "name": "tiny", "metadata": {"synthetic": "villages"},
///  "nodes": [{"id": "hb", "kind": "region", "name": "湖北省", "level": "province"},
///            {"id": "v1", "kind": "village", "name": "一村", "parent": "hb", "attrs": {"households": 120}}],
///  "edges": [{"source": "v1", "target": "hb", "kind": "tie", "weight": 2.5}]}
/// ```
///
/// Top-level keys: `format` (`"tongxin-graph"`, required), `version` (1), `name`, `metadata` (an
/// object of strings, numbers and bools), `nodes`, `edges`. Node keys: `id` (required), `kind`
/// (default `node`), `name`, `parent` (a `within` edge to that node, added when the node is read),
/// the well-known attributes `level`, `type`, `category`, and `attrs`; the well-known attributes
/// may be given in `attrs` too, but two different values for one is an error. Edge keys: `source`
/// and `target` (required), `kind` (default `tie`), `weight` (a number, default 1), `attrs`. Any
/// other key is an error. A number written without fraction or exponent is an integer attribute.
///
/// A syntax error stops reading; every other problem is collected, up to ``DiagnosticList/limit``.
///
/// - Complexity: O(n) in the file's bytes, plus ``GraphBuilder/build()``'s O(V + E).
public enum NativeJSONReader: GraphReader {
    /// Reads the graph in `file`.
    ///
    /// - Throws: ``DiagnosticList`` with every error found, each at `FILE:LINE:COL`.
    public static func read(_ file: InputFile) throws(DiagnosticList) -> Graph {
        let result: Result<Graph, DiagnosticList> = file.bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(buffer: buffer, file: file.path)
            return reader.read()
        }
        return try result.get()
    }
}

extension JSONValue {
    /// Parses JSON text into a value, keeping object keys in order.
    ///
    /// - Throws: ``DiagnosticList`` with the syntax error at `FILE:LINE:COL`, where `file` names the text.
    public init(parsing text: String, file: String = "<input>") throws(DiagnosticList) {
        let bytes = Array(text.utf8)
        let result: Result<JSONValue, DiagnosticList> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(JSONScanner.Failure) {
                guard !scanner.atEnd() else { throw JSONScanner.Failure(offset: 0, message: "the text is empty") }
                let value = try scanner.readValue()
                guard scanner.atEnd() else { throw scanner.unexpected("the end of the text") }
                return .success(value)
            } catch {
                let locator = Locator(file: file)
                return .failure(DiagnosticList([Diagnostic(.error, error.message, at: locator.location(at: error.offset, in: buffer))]))
            }
        }
        self = try result.get()
    }
}

private struct Reader: DocumentReader {
    var scanner: JSONScanner
    var locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>
    var builder = GraphBuilder()
    /// Buffers reused from one node or edge to the next, so reading one allocates none of its own.
    var spareAttributes: [(name: String, value: AttributeValue, offset: Int)] = []
    var spareKeys = KeySet()
    /// The latest node and edge kinds read, reused while the next ones are spelt the same.
    var nodeKind = JSONScanner.RecentString(), edgeKind = JSONScanner.RecentString()

    init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        scanner = JSONScanner(buffer)
        locator = Locator(file: file)
    }

    mutating func readDocument() throws(JSONScanner.Failure) {
        guard !scanner.atEnd() else { throw JSONScanner.Failure(offset: 0, message: "the file is empty") }
        if let invalid = UTF8Check.firstInvalid(in: buffer, 0..<min(buffer.count, 3)), buffer[0] == 0xEF {
            throw JSONScanner.Failure(
                offset: invalid, message: "invalid UTF-8 byte 0x\(String(buffer[invalid], radix: 16, uppercase: true))")
        }
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            throw JSONScanner.Failure(offset: 0, message: "the file starts with a byte-order mark, which JSON does not allow")
        }
        let documentStart = scanner.position
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw scanner.unexpected("'{' (a Tongxin graph is a JSON object)")
        }
        var cursor = try scanner.beginObject()
        var seen = KeySet()
        var format: String?
        while let (key, offset) = try nextNativeKey(&cursor, &seen) {
            switch key {
            case .format?:
                let valueOffset = scanner.position
                format = try readString("format")
                if let found = format, found != "tongxin-graph" {
                    error("'format' is '\(found)', expected 'tongxin-graph'", at: valueOffset)
                }
            case .version?:
                let valueOffset = scanner.position
                let value = try scanner.readValue()
                if value != .int(1) { error("unsupported 'version' \(value): this reader reads version 1", at: valueOffset) }
            case .name?:
                builder.name = try readString("name") ?? ""
            case .metadata?:
                try readMetadata()
            case .nodes?:
                try readArray("nodes") { (reader: inout Reader) throws(JSONScanner.Failure) in try reader.readNode() }
            case .edges?:
                try readArray("edges") { (reader: inout Reader) throws(JSONScanner.Failure) in try reader.readEdge() }
            default:
                let key = scanner.string(at: offset)
                error(
                    "unknown key '\(key)'" + Suggestion.hint(for: key, among: ["format", "version", "name", "metadata", "nodes", "edges"]),
                    at: offset)
                try scanner.skipValue()
            }
        }
        if !scanner.atEnd() { throw scanner.unexpected("the end of the file after the graph object") }
        if format == nil { error("missing key 'format' (\"format\": \"tongxin-graph\")", at: documentStart) }
    }

    /// Consumes `{` and returns the cursor; for any other value, skips it, records "WHAT must be an
    /// object" and returns `nil`.
    mutating func beginObject(_ what: String, at offset: Int) throws(JSONScanner.Failure) -> JSONScanner.Cursor? {
        guard scanner.peek() == UInt8(ascii: "{") else {
            let value = try scanner.readValue()
            error("\(what) must be an object, not \(Self.describe(value))", at: offset)
            return nil
        }
        return try scanner.beginObject()
    }

    /// Whether `key` is new in `seen` (recording it); a repeated key is an error.
    mutating func unique(_ key: String, _ offset: Int, _ seen: inout KeySet) -> Bool {
        if seen.insert(key) { return true }
        error("duplicate key '\(key)'", at: offset)
        return false
    }

    /// The next key of an object with the format's own keys, recognised without making a `String`
    /// (`nil` for any other key: ``JSONScanner/string(at:)`` gives its text); a repeated key is
    /// an error and its value is skipped.
    mutating func nextNativeKey(_ cursor: inout JSONScanner.Cursor, _ seen: inout KeySet) throws(JSONScanner.Failure) -> (
        key: NativeKey?, offset: Int
    )? {
        while let (word, offset) = try scanner.nextKeyWord(&cursor) {
            let key: NativeKey? = if let word { NativeKey(word: word) } else { NativeKey(name: scanner.string(at: offset)) }
            if let key {
                if seen.insert(key) { return (key, offset) }
            } else if seen.insert(scanner.string(at: offset)) {
                return (nil, offset)
            }
            error("duplicate key '\(scanner.string(at: offset))'", at: offset)
            try scanner.skipValue()
        }
        return nil
    }

    /// Reads a string value; records an error and returns `nil` when it is another type.
    mutating func readString(_ key: String) throws(JSONScanner.Failure) -> String? {
        let offset = scanner.position
        if scanner.peek() == UInt8(ascii: "\"") { return try scanner.readString() }
        let value = try scanner.readValue()
        error("'\(key)' must be a string, not \(Self.describe(value))", at: offset)
        return nil
    }

    /// Reads a string like ``readString(_:)``, reusing `recent` (``JSONScanner/readString(reusing:)``).
    mutating func readString(_ key: String, reusing recent: inout JSONScanner.RecentString) throws(JSONScanner.Failure) -> String? {
        if scanner.peek() == UInt8(ascii: "\"") { return try scanner.readString(reusing: &recent) }
        return try readString(key)
    }

    /// Reads a string naming a node and looks it up straight from its bytes: `.some(nil)` for an id
    /// not (yet) added, whose text ``JSONScanner/string(at:)`` gives at the value's offset; `nil`,
    /// with an error recorded, when the value is not a string.
    mutating func readNodeReference(_ key: String) throws(JSONScanner.Failure) -> Int?? {
        guard scanner.peek() == UInt8(ascii: "\"") else {
            _ = try readString(key)
            return nil
        }
        let offset = scanner.position
        if let id = try scanner.readUnescapedString() { return .some(builder.index(ofUTF8: id)) }
        return .some(builder.index(of: scanner.string(at: offset)))
    }

    mutating func readArray(_ key: String, _ element: (inout Reader) throws(JSONScanner.Failure) -> Void) throws(JSONScanner.Failure) {
        guard scanner.peek() == UInt8(ascii: "[") else {
            let offset = scanner.position
            let value = try scanner.readValue()
            error("'\(key)' must be an array, not \(Self.describe(value))", at: offset)
            return
        }
        var cursor = try scanner.beginArray()
        while try scanner.nextElement(&cursor) { try element(&self) }
    }

    mutating func readMetadata() throws(JSONScanner.Failure) {
        let offset = scanner.position
        guard var cursor = try beginObject("'metadata'", at: offset) else { return }
        while let (key, keyOffset) = try scanner.nextKey(&cursor) {
            if builder.metadata[key] != nil { error("duplicate key '\(key)'", at: keyOffset) }
            if let value = try readAttributeValue("metadata '\(key)'") { builder.metadata[key] = value }
        }
    }

    /// Reads a string, number or bool as an attribute value; records an error for other values.
    mutating func readAttributeValue(_ what: String) throws(JSONScanner.Failure) -> AttributeValue? {
        let offset = scanner.position
        switch try scanner.readValue() {
        case .string(let value): return .string(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .bool(let value): return .bool(value)
        case let other:
            error("\(what) must be a string, number or bool, not \(Self.describe(other))", at: offset)
            return nil
        }
    }

    /// Reads an `attrs` object: calls `each` with its string, number and bool values and their offsets.
    mutating func readAttrs(at offset: Int, _ each: (inout Reader, String, AttributeValue, Int) -> Void) throws(JSONScanner.Failure) {
        guard var cursor = try beginObject("'attrs'", at: offset) else { return }
        var seen = spareKeys
        spareKeys = KeySet()
        while let (attribute, attributeOffset) = try scanner.nextKey(&cursor) {
            let valueOffset = scanner.position
            guard unique(attribute, attributeOffset, &seen) else { try scanner.skipValue(); continue }
            if let value = try readAttributeValue("attribute '\(attribute)'") { each(&self, attribute, value, valueOffset) }
        }
        seen.removeAll()
        spareKeys = seen
    }

    mutating func readNode() throws(JSONScanner.Failure) {
        let start = scanner.position
        guard var cursor = try beginObject("a node", at: start) else { return }
        var id: String?, kind: String?, name: String?
        var parent: (node: Int?, offset: Int)?
        var attributes = spareAttributes
        spareAttributes = []
        defer {
            attributes.removeAll(keepingCapacity: true)
            spareAttributes = attributes
        }
        var seen = KeySet()
        var valid = true
        func add(_ attribute: String, _ value: AttributeValue, _ offset: Int, _ reader: inout Reader) {
            if let previous = attributes.first(where: { $0.name == attribute }) {
                if previous.value != value {
                    reader.error(
                        "attribute '\(attribute)' is given twice with different values (\(previous.value) and \(value))", at: offset)
                }
                return
            }
            attributes.append((attribute, value, offset))
        }
        while let (key, keyOffset) = try nextNativeKey(&cursor, &seen) {
            let valueOffset = scanner.position
            switch key {
            case .id?:
                id = try readString("id")
                if id == nil { valid = false }
            case .kind?:
                var recent = nodeKind
                kind = try readString("kind", reusing: &recent)
                nodeKind = recent
                if kind == nil { valid = false }
            case .name?:
                name = try readString("name")
            case .parent?:
                if let node = try readNodeReference("parent") { parent = (node, valueOffset) }
            case let key? where key == .level || key == .type || key == .category:
                if let value = try readAttributeValue("'\(key.name)'") { add(key.name, value, valueOffset, &self) }
            case .attrs?:
                try readAttrs(at: valueOffset) { reader, name, value, offset in add(name, value, offset, &reader) }
            default:
                let key = scanner.string(at: keyOffset)
                error(
                    "unknown node key '\(key)'"
                        + Suggestion.hint(for: key, among: ["id", "kind", "name", "parent", "level", "type", "category", "attrs"]),
                    at: keyOffset)
                try scanner.skipValue()
            }
        }
        guard valid else { return }
        guard let id else {
            error("node without an 'id'", at: start)
            return
        }
        // Places are worked out only when the builder needs one (an error, a `within` edge).
        let places = self.places
        guard
            let node = builder.addNode(
                id: id, kind: kind ?? NodeKind.generic, name: name,
                at: places.at(start))
        else { return }
        for attribute in attributes {
            builder.setAttribute(attribute.name, attribute.value, ofNode: node, at: places.at(attribute.offset))
        }
        if let parent {
            // Looked up before this node was added: a node that is its own parent is added by id.
            if let container = parent.node {
                builder.addEdge(from: node, to: container, kind: EdgeKind.within, at: places.at(parent.offset))
            } else {
                builder.addEdge(
                    source: id, target: scanner.string(at: parent.offset), kind: EdgeKind.within, at: places.at(parent.offset))
            }
        }
    }

    mutating func readEdge() throws(JSONScanner.Failure) {
        let start = scanner.position
        guard var cursor = try beginObject("an edge", at: start) else { return }
        var source: (node: Int?, offset: Int)?, target: (node: Int?, offset: Int)?
        var kind: String?, weight = 1.0
        var attributes = spareAttributes
        spareAttributes = []
        defer {
            attributes.removeAll(keepingCapacity: true)
            spareAttributes = attributes
        }
        var seen = KeySet()
        var valid = true
        while let (key, keyOffset) = try nextNativeKey(&cursor, &seen) {
            let valueOffset = scanner.position
            switch key {
            case let key? where key == .source || key == .target:
                guard let node = try readNodeReference(key.name) else { valid = false; continue }
                if key == .source { source = (node, valueOffset) } else { target = (node, valueOffset) }
            case .kind?:
                var recent = edgeKind
                kind = try readString("kind", reusing: &recent)
                edgeKind = recent
                if kind == nil { valid = false }
            case .weight?:
                let value = try scanner.readValue()
                switch value {
                case .int(let number): weight = Double(number)
                case .double(let number): weight = number
                default:
                    error("'weight' must be a number, not \(Self.describe(value))", at: valueOffset)
                    valid = false
                }
            case .attrs?:
                try readAttrs(at: valueOffset) { _, name, value, offset in attributes.append((name, value, offset)) }
            default:
                let key = scanner.string(at: keyOffset)
                error(
                    "unknown edge key '\(key)'" + Suggestion.hint(for: key, among: ["source", "target", "kind", "weight", "attrs"]),
                    at: keyOffset)
                try scanner.skipValue()
            }
        }
        guard valid else { return }
        guard let source, let target else {
            error("edge without '\(source == nil ? "source" : "target")'", at: start)
            return
        }
        let places = self.places
        let edge: Int
        if let from = source.node, let to = target.node {
            edge = builder.addEdge(
                from: from, to: to, kind: kind ?? EdgeKind.tie, weight: weight,
                at: places.at(target.offset))
        } else {
            // An unknown endpoint is reported where its id is written.
            let unknown = source.node == nil ? source.offset : target.offset
            edge = builder.addEdge(
                source: scanner.string(at: source.offset), target: scanner.string(at: target.offset), kind: kind ?? EdgeKind.tie,
                weight: weight, at: places.at(unknown))
        }
        for attribute in attributes {
            builder.setAttribute(attribute.name, attribute.value, ofEdge: edge, at: places.at(attribute.offset))
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a bool"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// The keys of the native format, recognised from their bytes packed into a word (each is at most
/// 8 bytes: ``JSONScanner/nextKeyWord(_:)``), so reading a node or edge makes no `String` for a key.
enum NativeKey: UInt8, CaseIterable {
    case format, version, name, metadata, nodes, edges, id, kind, parent, level, type, category, attrs, source, target, weight

    /// The key as written.
    var name: String { Self.names[Int(rawValue)] }

    private static let names = allCases.map { String(describing: $0) }
    private static let words: [UInt64] = names.map { name in
        var name = name
        return name.withUTF8 { ByteHash.word(UnsafeRawBufferPointer($0), from: 0) }
    }

    /// The key whose bytes pack into `word`.
    init?(word: UInt64) {
        guard let index = Self.words.firstIndex(of: word) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    /// The key spelt `name` (a key written with escapes).
    init?(name: String) {
        guard let index = Self.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: UInt8(index))
    }
}

/// The keys seen in one JSON object, to find repeats: the format's own keys as bits, others in a
/// short array (objects usually have a handful of keys), then a set once it grows, so a hostile
/// object with a million keys stays linear.
struct KeySet {
    private var known: UInt32 = 0
    private var few: [String] = []
    private var many: Set<String>?

    /// Adds `key`; whether it was new.
    mutating func insert(_ key: NativeKey) -> Bool {
        let bit: UInt32 = 1 << UInt32(key.rawValue)
        defer { known |= bit }
        return known & bit == 0
    }

    /// Forgets every key, keeping the storage for the next object.
    mutating func removeAll() {
        known = 0
        few.removeAll(keepingCapacity: true)
        many = nil
    }

    /// Adds `key`; whether it was new.
    mutating func insert(_ key: String) -> Bool {
        if many != nil { return many!.insert(key).inserted }
        if few.contains(key) { return false }
        few.append(key)
        if few.count > 16 { many = Set(few) }
        return true
    }
}
