/// Splits CSV text (RFC 4180) into records of fields, byte by byte over one buffer: no strings, no
/// per-line splitting, no Foundation.
///
/// Fields are separated by `,`, records by `\n` or `\r\n`. A field in double quotes may hold commas,
/// line breaks and quotes written twice (`""`). An unquoted field may hold a `"` (read literally, as
/// spreadsheet programs do). Blank lines are skipped. The tokenizer counts lines, so a record knows the
/// line it starts on even when a quoted field spans lines.
///
/// - Complexity: O(n) in the bytes, one pass.
struct CSVTokenizer {
    /// One field: a byte range of the buffer, without its quotes.
    struct Field {
        var start: Int
        var end: Int
        /// Whether the field was quoted (`""` is an empty string, an empty unquoted field is absent).
        var quoted: Bool
        /// Whether the range holds doubled quotes that ``CSVTokenizer/string(_:)`` must undo.
        var hasEscapes: Bool
    }

    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    /// The line the next record starts on (1-based).
    private(set) var line = 1
    /// The line and offset where the record last read started.
    private(set) var recordLine = 1
    private(set) var recordStart = 0

    /// A tokenizer over `bytes` from `start`, which is the beginning of line `line`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, line: Int = 1) {
        self.bytes = bytes
        position = start
        self.line = line
    }

    /// Reads the next non-blank record into `fields` (replacing its contents).
    ///
    /// - Returns: `false` at the end of the text.
    /// - Throws: ``Failure`` for a quoted field that never closes or is followed by text.
    @inline(__always)
    mutating func nextRecord(into fields: inout [Field]) throws(Failure) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        // Skip blank lines.
        while position < count {
            let byte = bytes[position]
            if byte == 0x0A { line += 1; position += 1 } else if byte == 0x0D { position += 1 } else { break }
        }
        guard position < count else { return false }
        recordLine = line
        recordStart = position
        let base = bytes.baseAddress!
        while true {
            if position < count && base[position] == UInt8(ascii: "\"") {
                let open = position
                position += 1
                let start = position
                var hasEscapes = false
                while true {
                    guard position < count else { throw Failure(offset: open, message: "unterminated quoted field") }
                    let byte = base[position]
                    if byte == UInt8(ascii: "\"") {
                        if position + 1 < count && base[position + 1] == UInt8(ascii: "\"") {
                            hasEscapes = true
                            position += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    position += 1
                }
                fields.append(Field(start: start, end: position, quoted: true, hasEscapes: hasEscapes))
                position += 1
                if position < count {
                    let byte = base[position]
                    if byte != UInt8(ascii: ",") && byte != 0x0A && byte != 0x0D {
                        throw Failure(offset: position, message: "expected ',' or the end of the line after a closing quote")
                    }
                }
            } else {
                let start = position
                while position < count {
                    let byte = base[position]
                    if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { break }
                    position += 1
                }
                fields.append(Field(start: start, end: position, quoted: false, hasEscapes: false))
            }
            // Now at a separator, a line end or the end of the text.
            if position >= count { return true }
            let byte = base[position]
            position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == 0x0D {
                if position < count && base[position] == 0x0A { position += 1; line += 1 }
                return true
            }
            line += 1
            return true
        }
    }

    /// The field's text, with doubled quotes undone.
    func string(_ field: Field) -> String {
        let range = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapes else { return String(decoding: range, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(range.count)
        var index = 0
        while index < range.count {
            unescaped.append(range[index])
            index += range[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Whether the field's bytes equal `text`'s (fields with escapes never match).
    func equals(_ field: Field, _ text: [UInt8]) -> Bool {
        guard !field.hasEscapes, field.end - field.start == text.count else { return false }
        for index in 0..<text.count where bytes[field.start + index] != text[index] { return false }
        return true
    }

    /// The line and column of `offset` (columns count Unicode scalars), given that the record holding
    /// it started at `recordStart` on `recordLine`.
    func location(of offset: Int, recordLine: Int, recordStart: Int, file: String) -> SourceLocation {
        var line = recordLine, lineStart = recordStart
        var index = recordStart
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        // A record starts at the beginning of a line, so lineStart is one too.
        var column = 1
        for index in lineStart..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(file: file, line: line, column: column)
    }
}
