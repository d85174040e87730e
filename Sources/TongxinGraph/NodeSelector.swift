/// A set of nodes named by kind and attribute filters: `KIND` or `KIND[attr=value,attr!=value]`.
///
/// `*` (or an empty kind before `[`) matches every kind. Values may be quoted with `"` or `'` to hold
/// commas, brackets or spaces. A value matches an attribute when their texts are equal, or when both
/// read as numbers and are numerically equal (`projects=2` matches `2` and `2.0`). `id`, `kind` and
/// `name` can be filtered like attributes. An absent attribute never equals a value, and always
/// differs from one.
///
/// ```swift
/// let selector = try NodeSelector(parsing: "organization[type=商会]")
/// graph.nodes(matching: selector)  // every chamber of commerce
/// ```
public struct NodeSelector: Hashable, Sendable, CustomStringConvertible {
    public struct Filter: Hashable, Sendable {
        public var attribute: String
        public var value: String
        public var negated: Bool

        public init(attribute: String, value: String, negated: Bool = false) {
            self.attribute = attribute
            self.value = value
            self.negated = negated
        }
    }

    /// The kind, or `nil` for any kind.
    public var kind: String?
    /// Filters that must all hold.
    public var filters: [Filter]

    public init(kind: String?, filters: [Filter] = []) {
        self.kind = kind
        self.filters = filters
    }

    /// Parses the selector syntax.
    ///
    /// - Throws: ``SelectorSyntaxError`` with the 1-based column of the problem.
    public init(parsing text: String) throws(SelectorSyntaxError) {
        var scanner = Array(text.unicodeScalars)[...]
        var column = 1
        func fail(_ message: String) -> SelectorSyntaxError { SelectorSyntaxError(text: text, column: column, message: message) }
        func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
            var result = String.UnicodeScalarView()
            while let next = scanner.first, predicate(next) {
                result.append(next)
                scanner.removeFirst()
                column += 1
            }
            return String(result).trimmingSpaces()
        }
        let kindText = take { $0 != "[" }
        if kindText.isEmpty && scanner.isEmpty { throw fail("empty selector: give a node kind, e.g. organization[type=商会]") }
        kind = (kindText.isEmpty || kindText == "*") ? nil : kindText
        filters = []
        guard !scanner.isEmpty else { return }
        scanner.removeFirst()  // "["
        column += 1
        while true {
            let attribute = take { $0 != "=" && $0 != "!" && $0 != "]" && $0 != "," }
            if attribute.isEmpty { throw fail("expected an attribute name") }
            var negated = false
            if scanner.first == "!" {
                negated = true
                scanner.removeFirst()
                column += 1
            }
            guard scanner.first == "=" else { throw fail("expected '=' or '!=' after '\(attribute)'") }
            scanner.removeFirst()
            column += 1
            _ = take { $0 == " " }
            var value: String
            if let quote = scanner.first, quote == "\"" || quote == "'" {
                let start = column
                scanner.removeFirst()
                column += 1
                var raw = String.UnicodeScalarView()
                while let next = scanner.first, next != quote {
                    raw.append(next)
                    scanner.removeFirst()
                    column += 1
                }
                guard !scanner.isEmpty else {
                    throw SelectorSyntaxError(text: text, column: start, message: "unterminated quoted value")
                }
                scanner.removeFirst()
                column += 1
                value = String(raw)
                _ = take { $0 == " " }
            } else {
                value = take { $0 != "," && $0 != "]" }
            }
            filters.append(Filter(attribute: attribute, value: value, negated: negated))
            guard let separator = scanner.first else { throw fail("missing ']'") }
            scanner.removeFirst()
            column += 1
            if separator == "]" { break }
        }
        if !scanner.isEmpty { throw fail("unexpected text after ']'") }
    }

    /// The selector in its canonical syntax, which parses back to it — unless a value holds both
    /// quote characters (the syntax has no escapes). A value that holds `"` is quoted with `'`.
    public var description: String {
        let head = kind ?? "*"
        guard !filters.isEmpty else { return head }
        let parts = filters.map { filter in
            // By scalars, as the parser reads: a `,` followed by a combining mark is one Character.
            let scalars = filter.value.unicodeScalars
            let needsQuotes = scalars.isEmpty || scalars.contains { ",[]'\" ".unicodeScalars.contains($0) }
            let quote = scalars.contains("\"") ? "'" : "\""
            let value = needsQuotes ? quote + filter.value + quote : filter.value
            return "\(filter.attribute)\(filter.negated ? "!=" : "=")\(value)"
        }
        return "\(head)[\(parts.joined(separator: ","))]"
    }

    /// A predicate over node indices of `graph`, with kind and attribute names resolved once.
    public func matcher(in graph: Graph) -> (Int) -> Bool {
        let kindIndex: Int32?
        if let kind {
            guard let found = graph.nodeKindIndex(kind) else { return { _ in false } }
            kindIndex = found
        } else {
            kindIndex = nil
        }
        let filters = self.filters
        return { node in
            if let kindIndex, graph.nodeKindIndices[node] != kindIndex { return false }
            for filter in filters {
                let equal = graph.attribute(filter.attribute, of: node).map { Self.matches($0, filter.value) } ?? false
                if equal == filter.negated { return false }
            }
            return true
        }
    }

    /// Whether `value` matches the selector text `text`.
    static func matches(_ value: AttributeValue, _ text: String) -> Bool {
        if value.description == text { return true }
        if let number = value.number, let wanted = Double(text) { return number == wanted }
        return false
    }
}

/// A selector that could not be parsed.
public struct SelectorSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    /// 1-based column in ``text`` (in Unicode scalars).
    public var column: Int
    public var message: String

    public var description: String { "selector '\(text)', column \(column): \(message)" }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars.drop { $0 == " " }
        var trimmed = String.UnicodeScalarView(scalars)
        while trimmed.last == " " { trimmed.removeLast() }
        return String(trimmed)
    }
}
