#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull parser for JSON text (RFC 8259) over raw bytes, for readers that walk a known structure and
/// need the byte offset of every key and value to report errors at a line and column.
///
/// The caller drives it: ``beginObject()`` then ``nextKey(_:)`` until `nil`, ``beginArray()`` then
/// ``nextElement(_:)`` until `false`, and ``readString()``, ``readValue()`` or ``skipValue()`` for
/// values. A syntax error throws ``Failure`` with the offset where the text went wrong; the reader
/// turns it into a positioned diagnostic. Nesting is limited to ``maximumDepth`` so hostile input
/// cannot exhaust the stack.
///
/// - Complexity: O(n) in the input's bytes; strings without escapes are decoded straight from the
///   buffer after one UTF-8 validation.
struct JSONScanner {
    /// The last string ``readString(reusing:)`` made, and where its bytes are (`nil` when it had escapes).
    struct RecentString {
        var content: Range<Int>? = nil
        var text = ""
    }

    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// The state of one object or array being walked.
    struct Cursor {
        fileprivate var first = true
    }

    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Structure

    /// Skips spaces, tabs, line feeds and carriage returns.
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next non-whitespace byte, not consumed; `nil` at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Whether only whitespace is left.
    mutating func atEnd() -> Bool { peek() == nil }

    /// Consumes `{`.
    mutating func beginObject(_ what: String = "an object") throws(Failure) -> Cursor {
        try expect(UInt8(ascii: "{"), what)
        return Cursor()
    }

    /// Consumes `[`.
    mutating func beginArray(_ what: String = "an array") throws(Failure) -> Cursor {
        try expect(UInt8(ascii: "["), what)
        return Cursor()
    }

    /// Reads the next member's key and the `:` after it; `nil` after the closing `}`.
    ///
    /// - Returns: the key and the offset of its opening quote.
    mutating func nextKey(_ cursor: inout Cursor) throws(Failure) -> (key: String, offset: Int)? {
        guard try beginKey(&cursor) else { return nil }
        let offset = position
        let key = try readString()
        try expect(UInt8(ascii: ":"), "':' after the key")
        skipWhitespace()
        return (key, offset)
    }

    /// Like ``nextKey(_:)``, without making a `String`: a key of at most 8 bytes of printable ASCII
    /// without escapes comes back packed into a word (``ByteHash/word(_:from:)``: little-endian,
    /// zero-padded; such a key has no zero byte, so the word identifies it); any other key is read
    /// and validated as usual and comes back as `nil`, for ``string(at:)`` to decode.
    mutating func nextKeyWord(_ cursor: inout Cursor) throws(Failure) -> (word: UInt64?, offset: Int)? {
        guard try beginKey(&cursor) else { return nil }
        let offset = position
        var end = position + 1, word: UInt64 = 0
        while end < bytes.count && end <= offset + 9, case let byte = bytes[end], byte != UInt8(ascii: "\""),
            byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\")
        {
            word |= UInt64(byte) << (8 * UInt64(end - offset - 1))
            end += 1
        }
        let plain = end < bytes.count && bytes[end] == UInt8(ascii: "\"") && end - offset - 1 <= 8
        if plain { position = end + 1 } else { _ = try readString() }
        try expect(UInt8(ascii: ":"), "':' after the key")
        skipWhitespace()
        return (plain ? word : nil, offset)
    }

    /// The string whose opening quote is at `offset`, already read once without error.
    func string(at offset: Int) -> String {
        var copy = self
        copy.position = offset
        return (try? copy.readString()) ?? ""
    }

    /// Moves past the `,` before the next member; `false` (after consuming it) at the closing `}`.
    private mutating func beginKey(_ cursor: inout Cursor) throws(Failure) -> Bool {
        guard let byte = peek() else { throw Failure(offset: position, message: "unexpected end of file inside an object") }
        if byte == UInt8(ascii: "}") {
            position += 1
            return false
        }
        if !cursor.first {
            guard byte == UInt8(ascii: ",") else { throw unexpected("',' or '}' after an object member") }
            position += 1
            guard peek() != nil else { throw Failure(offset: position, message: "unexpected end of file inside an object") }
        }
        cursor.first = false
        guard bytes[position] == UInt8(ascii: "\"") else { throw unexpected("a quoted key") }
        return true
    }

    /// Whether the array has another element (then positioned at it); `false` after the closing `]`.
    mutating func nextElement(_ cursor: inout Cursor) throws(Failure) -> Bool {
        guard let byte = peek() else { throw Failure(offset: position, message: "unexpected end of file inside an array") }
        if byte == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if !cursor.first {
            guard byte == UInt8(ascii: ",") else { throw unexpected("',' or ']' after an array element") }
            position += 1
            guard peek() != nil else { throw Failure(offset: position, message: "unexpected end of file inside an array") }
        }
        cursor.first = false
        return true
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard peek() == byte else { throw unexpected(what) }
        position += 1
    }

    /// A failure at the current position: "expected WHAT, found …".
    mutating func unexpected(_ what: String) -> Failure {
        guard let byte = peek() else { return Failure(offset: position, message: "unexpected end of file: expected \(what)") }
        return Failure(offset: position, message: "expected \(what), found \(Self.describe(byte))")
    }

    private static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    // MARK: Values

    /// Reads a string (positioned at its opening quote).
    mutating func readString() throws(Failure) -> String {
        try text(of: scanString())
    }

    /// A scanned string's text. ASCII, seen to be ASCII while scanning, needs no check of its own;
    /// other text is checked to place an error. (`String(validating:)` would check it once, but it
    /// is not specialized and looks up generic metadata on every call, which costs more than a
    /// second check.)
    private func text(of string: ScannedString) throws(Failure) -> String {
        try validate(string)
        if let escaped = string.escaped { return String(decoding: escaped, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[string.content]), as: UTF8.self)
    }

    /// Reads a string like ``readString()``, returning `recent`'s text without making a `String`
    /// when the string's bytes (unescaped) are those `recent` was read from; otherwise `recent`
    /// becomes this string. For values that repeat in runs (kinds).
    mutating func readString(reusing recent: inout RecentString) throws(Failure) -> String {
        let string = try scanString()
        if string.escaped == nil, let last = recent.content, last.count == string.content.count,
            memcmp(bytes.baseAddress! + last.lowerBound, bytes.baseAddress! + string.content.lowerBound, last.count) == 0
        {
            return recent.text
        }
        let text = try text(of: string)
        recent = RecentString(content: string.escaped == nil ? string.content : nil, text: text)
        return text
    }

    /// Reads a string like ``readString()`` (with the same errors) and returns its UTF-8 bytes
    /// straight from the text, making no `String`; `nil` for a string with escapes, which
    /// ``string(at:)`` decodes.
    mutating func readUnescapedString() throws(Failure) -> UnsafeRawBufferPointer? {
        let string = try scanString()
        try validate(string)
        guard string.escaped == nil else { return nil }
        return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[string.content])
    }

    /// A string's content as scanned: its bytes between the quotes, the decoded bytes when it has
    /// escapes, and whether every byte is ASCII (then it needs no UTF-8 validation).
    private struct ScannedString {
        var content: Range<Int>
        var escaped: [UInt8]?
        var ascii: Bool
    }

    /// Moves past a string (positioned at its opening quote), decoding escapes, without validating
    /// UTF-8. Eight bytes at a time while none is a quote, a backslash or a control character.
    private mutating func scanString() throws(Failure) -> ScannedString {
        guard peek() == UInt8(ascii: "\"") else { throw unexpected("a string") }
        let open = position
        position += 1
        let start = position
        var escaped: [UInt8]? = nil
        var runStart = start
        var high: UInt64 = 0
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while true {
            if position + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                if !Self.hasSpecialByte(word) {
                    high |= word
                    position += 8
                    continue
                }
            }
            guard position < bytes.count else { throw Failure(offset: open, message: "unterminated string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 {
                if byte == 0x0A || byte == 0x0D { throw Failure(offset: open, message: "unterminated string (a line ends inside it)") }
                throw Failure(
                    offset: position, message: "control character 0x\(String(byte, radix: 16, uppercase: true)) in a string must be escaped"
                )
            }
            if byte == UInt8(ascii: "\\") {
                if escaped == nil { escaped = [] }
                escaped!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try readEscape(into: &escaped!)
                runStart = position
                continue
            }
            high |= UInt64(byte)
            position += 1
        }
        let end = position
        position += 1
        if var decoded = escaped {
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
            escaped = decoded
        }
        return ScannedString(content: start..<end, escaped: escaped, ascii: high & 0x8080_8080_8080_8080 == 0)
    }

    /// Whether one of the 8 bytes in `word` is `"`, `\` or below 0x20 (SWAR: a byte `b` is flagged
    /// when `b - k` borrows and `b` has no high bit, so the lowest flagged byte is exact).
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let flagged = (quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word
        return flagged & highs != 0
    }

    /// Throws the "invalid UTF-8" failure at the first bad byte of a scanned string's text.
    private func validate(_ string: ScannedString) throws(Failure) {
        guard !string.ascii, let invalid = UTF8Check.firstInvalid(in: bytes, string.content) else { return }
        throw Failure(offset: invalid, message: "invalid UTF-8 byte 0x\(String(bytes[invalid], radix: 16, uppercase: true))")
    }

    /// Decodes one escape sequence (positioned at the backslash) and appends its UTF-8 bytes.
    private mutating func readEscape(into output: inout [UInt8]) throws(Failure) {
        let backslash = position
        guard position + 1 < bytes.count else { throw Failure(offset: backslash, message: "unterminated string") }
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(letter)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(at: backslash)
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                else { throw Failure(offset: backslash, message: "unpaired surrogate \\u\(String(scalar, radix: 16, uppercase: true))") }
                let lowStart = position
                position += 2
                let low = try readHex4(at: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(offset: backslash, message: "unpaired surrogate \\u\(String(scalar, radix: 16, uppercase: true))")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Failure(offset: backslash, message: "unpaired surrogate \\u\(String(scalar, radix: 16, uppercase: true))")
            }
            output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            throw Failure(offset: backslash, message: "invalid escape sequence in a string")
        }
    }

    private mutating func readHex4(at escape: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw Failure(offset: escape, message: "unterminated \\u escape") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(offset: escape, message: "\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Reads a number: an `.int` when written without fraction or exponent and in range, else a `.double`.
    mutating func readNumber() throws(Failure) -> JSONValue {
        skipWhitespace()
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - from
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { position = start; throw unexpected("a number") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw Failure(offset: start, message: "a number must not have leading zeros")
        }
        var isInteger = true
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw Failure(offset: position, message: "expected a digit after the decimal point") }
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            isInteger = false
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
            guard digits() > 0 else { throw Failure(offset: position, message: "expected a digit in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else {
            throw Failure(offset: start, message: "number \(text) is out of range")
        }
        return .double(value)
    }

    /// Reads a number as a `Double`, for readers of long number arrays (GeoJSON coordinates): up to
    /// 15 significant digits and a decimal exponent within ±22 are converted exactly without a
    /// string (Clinger's fast path: both the digits and the power of ten are exact doubles, so one
    /// rounding gives the correctly rounded result); other numbers go through ``readNumber()``.
    ///
    /// Clinger, "How to read floating point numbers accurately", PLDI 1990, doi:10.1145/93542.93557.
    mutating func readDouble() throws(Failure) -> Double {
        skipWhitespace()
        let start = position
        var index = position
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0, digitCount = 0, fractionDigits = 0
        let integerStart = index
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            digitCount += 1
            index += 1
        }
        let integerDigits = index - integerStart
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digitCount += 1
                fractionDigits += 1
                index += 1
            }
        }
        let plain =
            integerDigits > 0 && (integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0"))
            && digitCount <= 15 && fractionDigits <= 22 && (index == integerStart + integerDigits || fractionDigits > 0)
            && !(index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e"))
        if plain {
            position = index
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        position = start
        switch try readNumber() {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: preconditionFailure("readNumber returns numbers")
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Moves to `offset`, an offset this scanner returned earlier (to read a value again).
    mutating func move(to offset: Int) {
        precondition(offset >= 0 && offset <= bytes.count, "offset out of the buffer")
        position = offset
    }

    /// Reads any value into a ``JSONValue``.
    mutating func readValue(depth: Int = 0) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else {
            throw Failure(offset: position, message: "nested too deeply (more than \(Self.maximumDepth) levels)")
        }
        guard let byte = peek() else { throw unexpected("a value") }
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "{"):
            var cursor = try beginObject()
            var pairs: [(String, JSONValue)] = []
            while let (key, _) = try nextKey(&cursor) { pairs.append((key, try readValue(depth: depth + 1))) }
            return .object(pairs)
        case UInt8(ascii: "["):
            var cursor = try beginArray()
            var values: [JSONValue] = []
            while try nextElement(&cursor) { values.append(try readValue(depth: depth + 1)) }
            return .array(values)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw unexpected("a value")
        }
    }

    /// Skips one value of any kind.
    mutating func skipValue() throws(Failure) {
        _ = try readValue()
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        let matches =
            position + count <= bytes.count
            && (0..<count).allSatisfy { bytes[position + $0] == word.utf8Start[$0] }
        guard matches else { throw unexpected("a value") }
        position += count
    }
}
