/// One token of a query, with where it starts.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// A name or keyword; keywords are recognised case-insensitively by the parser.
        case identifier(String)
        /// A name in backticks: never a keyword.
        case quotedIdentifier(String)
        case integer(Int)
        /// Digits beyond 64 bits: an error, except 9223372036854775808 after a minus sign.
        case integerOverflow(String)
        case float(Double)
        case string(String)
        case parameter(String)
        /// Punctuation and operators: `( ) [ ] { } , . .. : | - + * / % ^ = <> < <= > >= $`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: QueryPosition
    /// The scalar offset just past the token.
    var end: Int

    /// The token as a user would name it in a message.
    var display: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .quotedIdentifier(let name): "`\(name)`"
        case .integer(let value): "'\(value)'"
        case .integerOverflow(let text): "'\(text)'"
        case .float(let value): "'\(value)'"
        case .string: "string literal"
        case .parameter(let name): "'$\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of query"
        }
    }
}

/// Splits a query into tokens: names, backtick-quoted names, numbers, strings in single or double
/// quotes (with `\` escapes), `$parameters`, operators; skips whitespace and `//` and `/* */` comments.
///
/// - Complexity: O(n) in the query's length.
/// - Throws: ``QueryError`` (syntax) on an unterminated string or comment, a bad escape, an integer
///   or a character that starts no token.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokenize(_ text: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: QueryPosition { QueryPosition(offset: offset, line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        offset + ahead < scalars.count ? scalars[offset + ahead] : nil
    }

    private mutating func advance() {
        if scalars[offset] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        offset += 1
    }

    private mutating func skipTrivia() throws(QueryError) {
        while let scalar = peek() {
            if scalar.properties.isWhitespace {
                advance()
            } else if scalar == "/" && peek(1) == "/" {
                while let next = peek(), next != "\n" { advance() }
            } else if scalar == "/" && peek(1) == "*" {
                let start = position
                advance(); advance()
                while !(peek() == "*" && peek(1) == "/") {
                    guard peek() != nil else { throw QueryError(.syntax, "unterminated comment", at: start) }
                    advance()
                }
                advance(); advance()
            } else {
                return
            }
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }

    mutating func next() throws(QueryError) -> Token {
        try skipTrivia()
        let start = position
        func token(_ kind: Token.Kind) -> Token { Token(kind: kind, position: start, end: offset) }
        guard let scalar = peek() else { return token(.end) }

        if Self.isNameStart(scalar) {
            var name = String.UnicodeScalarView()
            while let next = peek(), Self.isNamePart(next) { name.append(next); advance() }
            return token(.identifier(String(name)))
        }
        if ("0"..."9").contains(scalar) { return try number(start) }
        switch scalar {
        case "'", "\"":
            return token(.string(try string(quote: scalar, start: start)))
        case "`":
            advance()
            var name = String.UnicodeScalarView()
            while true {
                guard let next = peek() else { throw QueryError(.syntax, "unterminated `quoted name`", at: start) }
                advance()
                if next == "`" {
                    if peek() == "`" { name.append("`"); advance(); continue }
                    break
                }
                name.append(next)
            }
            if name.isEmpty { throw QueryError(.syntax, "empty `quoted name`", at: start) }
            return token(.quotedIdentifier(String(name)))
        case "$":
            advance()
            var name = String.UnicodeScalarView()
            while let next = peek(), Self.isNamePart(next) { name.append(next); advance() }
            if name.isEmpty { throw QueryError(.syntax, "expected a parameter name after '$'", at: start) }
            return token(.parameter(String(name)))
        default:
            break
        }
        let two = peek(1).map { String(scalar) + String($0) }
        if let two, ["<>", "<=", ">=", "..", "!="].contains(two) {
            advance(); advance()
            return token(.symbol(two == "!=" ? "<>" : two))
        }
        if "()[]{},.:|-+*/%^=<>;".unicodeScalars.contains(scalar) {
            advance()
            return token(.symbol(String(scalar)))
        }
        throw QueryError(.syntax, "unexpected character '\(scalar)'", at: start)
    }

    private mutating func number(_ start: QueryPosition) throws(QueryError) -> Token {
        var text = ""
        var isFloat = false
        while let next = peek(), ("0"..."9").contains(next) { text.unicodeScalars.append(next); advance() }
        if peek() == ".", let after = peek(1), ("0"..."9").contains(after) {
            isFloat = true
            text += "."
            advance()
            while let next = peek(), ("0"..."9").contains(next) { text.unicodeScalars.append(next); advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            var ahead = 1
            if peek(1) == "-" || peek(1) == "+" { ahead = 2 }
            if let digit = peek(ahead), ("0"..."9").contains(digit) {
                isFloat = true
                for _ in 0..<ahead { text.unicodeScalars.append(peek()!); advance() }
                while let next = peek(), ("0"..."9").contains(next) { text.unicodeScalars.append(next); advance() }
            }
        }
        if let next = peek(), Self.isNameStart(next) {
            throw QueryError(.syntax, "invalid number: a name cannot start with a digit", at: start)
        }
        let end = offset
        if isFloat {
            guard let value = Double(text), value.isFinite else {
                throw QueryError(.syntax, "floating-point literal '\(text)' is out of range", at: start)
            }
            return Token(kind: .float(value), position: start, end: end)
        }
        guard let value = Int(text) else { return Token(kind: .integerOverflow(text), position: start, end: end) }
        return Token(kind: .integer(value), position: start, end: end)
    }

    private mutating func string(quote: Unicode.Scalar, start: QueryPosition) throws(QueryError) -> String {
        advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let next = peek() else { throw QueryError(.syntax, "unterminated string literal", at: start) }
            if next == quote { advance(); return String(result) }
            if next == "\\" {
                let escape = position
                advance()
                guard let code = peek() else { throw QueryError(.syntax, "unterminated string literal", at: start) }
                advance()
                switch code {
                case "\\", "'", "\"": result.append(code)
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b": result.append("\u{8}")
                case "f": result.append("\u{C}")
                case "u":
                    var hex = ""
                    for _ in 0..<4 {
                        guard let digit = peek(), digit.properties.isASCIIHexDigit else {
                            throw QueryError(.syntax, "'\\u' needs four hexadecimal digits", at: escape)
                        }
                        hex.unicodeScalars.append(digit)
                        advance()
                    }
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw QueryError(.syntax, "'\\u\(hex)' is not a Unicode scalar", at: escape)
                    }
                    result.append(scalar)
                default:
                    throw QueryError(.syntax, "unknown escape '\\\(code)'", at: escape)
                }
                continue
            }
            result.append(next)
            advance()
        }
    }
}
