/// A small pull tokenizer for the XML that graph files use (GraphML), over raw bytes, with the byte
/// offset of every event so readers can report errors at a line and column.
///
/// It reads elements, attributes (single or double quoted), text, CDATA sections, the five predefined
/// entities and character references, and skips the XML declaration, processing instructions and
/// comments. It refuses a DOCTYPE (so no entity can be defined, expanded or fetched) and elements
/// nested deeper than ``maxDepth``. Attribute values are normalized as XML 1.0 says (literal tabs and line
/// breaks become spaces); `\r\n` in text becomes `\n`. Names keep their namespace prefix; use
/// ``localName(_:)`` to drop it. It checks that tags nest and match; it does not validate against a
/// schema or expand other entities. Elements may nest ``maxDepth`` deep, so a hostile document cannot
/// grow the stack of open names without bound.
///
/// - Complexity: O(n) in the input's bytes.
struct XMLTokenizer {
    struct Attribute {
        var name: String
        var value: String
        var offset: Int
    }

    enum Event {
        case start(name: String, attributes: [Attribute], selfClosing: Bool, offset: Int)
        case end(name: String, offset: Int)
        case text(String, offset: Int)
    }

    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    /// The names of the open elements.
    private(set) var open: [String] = []
    private var sawRoot = false
    /// How deep elements may nest: graph files need a handful of levels (yEd's group graphics about
    /// ten per group level), spreadsheet parts fewer.
    let maxDepth: Int

    /// A tokenizer over `bytes` from `start`; elements nested deeper than `maxDepth` are errors.
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, maxDepth: Int = 1024) {
        self.bytes = bytes
        position = start
        self.maxDepth = maxDepth
    }

    /// Reads up to the document's root element, which must be `expected` (its local name): the one
    /// opening every reader of an XML graph format shares.
    ///
    /// - Returns: whether the root is self-closing, and its offset.
    /// - Throws: ``Failure`` for an empty file (only white space), no root element, or a root of
    ///   another name.
    mutating func openRoot(_ expected: String) throws(Failure) -> (selfClosing: Bool, offset: Int) {
        guard bytes[position...].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw Failure(offset: 0, message: "the file is empty")
        }
        guard case .start(let root, _, let selfClosing, let offset)? = try next() else {
            throw Failure(offset: position, message: "no root element")
        }
        guard Self.localName(root) == expected else {
            throw Failure(offset: offset, message: "the root element is <\(root)>, expected <\(expected)>")
        }
        return (selfClosing, offset)
    }

    /// A name without its namespace prefix: `y:ShapeNode` → `ShapeNode`.
    static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// The next event, or `nil` at the end of the document.
    ///
    /// - Throws: ``Failure`` for malformed markup, mismatched tags, or text left unclosed.
    mutating func next() throws(Failure) -> Event? {
        while position < bytes.count {
            let start = position
            guard bytes[position] == UInt8(ascii: "<") else {
                let text = try readText()
                if open.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
                        throw Failure(offset: start, message: "text outside the root element")
                    }
                    continue
                }
                return .text(text, offset: start)
            }
            // Most tags are elements: one look at the byte after '<' sends them straight to their branch.
            let second = position + 1 < bytes.count ? bytes[position + 1] : 0
            let isMarkup = second == UInt8(ascii: "?") || second == UInt8(ascii: "!")
            if isMarkup && starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if isMarkup && starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if isMarkup && starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw Failure(offset: start, message: "CDATA outside the root element") }
                position += 9
                let from = position
                try skip(past: "]]>", what: "CDATA section")
                return .text(try decode(from, position - 3), offset: start)
            } else if isMarkup {
                throw Failure(
                    offset: start, message: "a DOCTYPE or other declaration: graph files need none, and entity definitions are refused")
            } else if second == UInt8(ascii: "/") {
                position += 2
                let name = try readName()
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw unexpected("'>'") }
                position += 1
                guard let expected = open.last else {
                    throw Failure(offset: start, message: "closing tag </\(name)> without an opening tag")
                }
                guard expected == name else {
                    throw Failure(offset: start, message: "closing tag </\(name)> does not match <\(expected)>")
                }
                open.removeLast()
                return .end(name: name, offset: start)
            } else {
                position += 1
                let name = try readName()
                if open.isEmpty && sawRoot { throw Failure(offset: start, message: "a second root element <\(name)>") }
                if open.count >= maxDepth {
                    throw Failure(offset: start, message: "elements nested too deeply (more than \(maxDepth) levels)")
                }
                var attributes: [Attribute] = []
                while true {
                    let hadSpace = skipSpaces()
                    guard position < bytes.count else {
                        throw Failure(offset: start, message: "unexpected end of file inside the tag <\(name)>")
                    }
                    if bytes[position] == UInt8(ascii: ">") {
                        position += 1
                        open.append(name)
                        sawRoot = true
                        return .start(name: name, attributes: attributes, selfClosing: false, offset: start)
                    }
                    if bytes[position] == UInt8(ascii: "/") {
                        position += 1
                        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw unexpected("'>' after '/'") }
                        position += 1
                        sawRoot = true
                        return .start(name: name, attributes: attributes, selfClosing: true, offset: start)
                    }
                    guard hadSpace else { throw unexpected("a space, '>' or '/>'") }
                    let attributeStart = position
                    let attribute = try readName()
                    skipSpaces()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                        throw unexpected("'=' after the attribute name")
                    }
                    position += 1
                    skipSpaces()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                        throw unexpected("a quoted attribute value")
                    }
                    let quote = bytes[position]
                    position += 1
                    let from = position
                    while position < bytes.count && bytes[position] != quote {
                        if bytes[position] == UInt8(ascii: "<") { throw Failure(offset: position, message: "'<' in an attribute value") }
                        position += 1
                    }
                    guard position < bytes.count else { throw Failure(offset: from - 1, message: "unterminated attribute value") }
                    let value = try decode(from, position, attribute: true)
                    position += 1
                    if attributes.contains(where: { $0.name == attribute }) {
                        throw Failure(offset: attributeStart, message: "duplicate attribute '\(attribute)'")
                    }
                    attributes.append(Attribute(name: attribute, value: value, offset: attributeStart))
                }
            }
        }
        if let unclosed = open.last { throw Failure(offset: position, message: "unexpected end of file: <\(unclosed)> is not closed") }
        if !sawRoot { throw Failure(offset: position, message: "no root element") }
        return nil
    }

    /// The attribute whose local name is `name`, if the element has it.
    static func attribute(_ name: String, in attributes: [Attribute]) -> Attribute? {
        attributes.first { localName($0.name) == name[...] }
    }

    /// The text content of the element just opened (by a non-self-closing start event), up to its end
    /// tag; markup inside is skipped.
    mutating func elementText() throws(Failure) -> String {
        var text = ""
        while let event = try next() {
            switch event {
            case .text(let piece, _): text += piece
            case .end: return text
            case .start(_, _, let selfClosing, _): if !selfClosing { try skipElement() }
            }
        }
        return text
    }

    /// Skips the rest of the element just opened (by a non-self-closing start event), nested ones included.
    mutating func skipElement() throws(Failure) {
        let depth = open.count
        while open.count >= depth {
            guard try next() != nil else { return }
        }
    }

    // MARK: Pieces

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for index in 0..<count where bytes[position + index] != text.utf8Start[index] { return false }
        return true
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(Failure) {
        let start = position
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw Failure(offset: start, message: "unterminated \(what)")
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return position > start
            }
        }
        return position > start
    }

    private mutating func readName() throws(Failure) -> String {
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            ascii = ascii && byte < 0x80
            let isNameByte =
                byte >= 0x80 || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isNameByte else { break }
            position += 1
        }
        guard position > start else { throw unexpected("a name") }
        // A name holds no entity; an ASCII one needs no UTF-8 check.
        return ascii ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self) : try decode(start, position)
    }

    private mutating func readText() throws(Failure) -> String {
        let start = position
        while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
        return try decode(start, position)
    }

    private func unexpected(_ what: String) -> Failure {
        guard position < bytes.count else { return Failure(offset: position, message: "unexpected end of file: expected \(what)") }
        let byte = bytes[position]
        let found =
            (0x20...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        return Failure(offset: position, message: "expected \(what), found \(found)")
    }

    /// The text of `start..<end` with entities and character references replaced and line ends
    /// normalized.
    private func decode(_ start: Int, _ end: Int, attribute: Bool = false) throws(Failure) -> String {
        if let invalid = UTF8Check.firstInvalid(in: bytes, start..<end) {
            throw Failure(offset: invalid, message: "invalid UTF-8 byte 0x\(String(bytes[invalid], radix: 16, uppercase: true))")
        }
        var plain = true
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") || byte == 0x0D || (attribute && (byte == 0x09 || byte == 0x0A)) { plain = false; break }
        }
        if plain { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(attribute ? 0x20 : 0x0A)
                index += index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
                continue
            }
            if attribute && (byte == 0x09 || byte == 0x0A) {
                output.append(0x20)
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            var semicolon = index + 1
            while semicolon < end && semicolon - index < 12 && bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else {
                throw Failure(offset: index, message: "'&' must start an entity such as &amp; or &#38;")
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self)
            switch entity {
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "amp": output.append(UInt8(ascii: "&"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default:
                let number: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    number = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    number = UInt32(entity.dropFirst(), radix: 10)
                } else {
                    throw Failure(offset: index, message: "unknown entity &\(entity);")
                }
                guard let number, number > 0, let scalar = Unicode.Scalar(number) else {
                    throw Failure(offset: index, message: "invalid character reference &\(entity);")
                }
                output.append(contentsOf: String(Character(scalar)).utf8)
            }
            index = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
