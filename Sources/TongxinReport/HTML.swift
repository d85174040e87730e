/// A small HTML tree that renders to correctly escaped text.
///
/// Pages are built as values — elements with attributes and children, text, and (rarely) trusted
/// markup — and serialized once by ``render()``, so no user-supplied string ever reaches the output
/// unescaped. Text is escaped for element content (`&`, `<`, `>`), attribute values for a
/// double-quoted attribute (`&`, `<`, `>`, `"`, `'`); NUL and other C0 controls except tab, line feed
/// and carriage return, which HTML forbids, become U+FFFD. Void elements (`br`, `meta`…) get no end tag, and the
/// raw-text elements `script` and `style` take their content verbatim, checked not to close early.
///
/// ```swift
/// let cell = HTML.element("td", ["data-sort": "0.5"], [.text("<50%> & more")])
/// cell.render()  // <td data-sort="0.5">&lt;50%&gt; &amp; more</td>
/// ```
///
/// - Complexity: ``render()`` is O(size of the output).
public indirect enum HTML: Sendable, Equatable {
    /// An element: a lowercase tag name, attributes in the order given, and children.
    case element(String, [Attribute], [HTML])
    /// Text, escaped when rendered.
    case text(String)
    /// Markup produced by trusted code (an SVG diagram from Graphviz), inserted verbatim.
    case trusted(String)
    /// Several nodes in a row, with no element around them.
    case fragment([HTML])

    /// One attribute; a `nil` value renders as a bare boolean attribute (`open`, `hidden`).
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String?

        public init(_ name: String, _ value: String?) {
            precondition(HTML.isName(name), "invalid attribute name '\(name)'")
            self.name = name
            self.value = value
        }
    }

    /// An element with attributes given as name–value pairs, in order.
    public static func element(
        _ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [HTML] = []
    ) -> HTML {
        precondition(isName(tag), "invalid tag name '\(tag)'")
        return .element(tag, attributes.map { Attribute($0.key, $0.value) }, children)
    }

    /// An element holding only text.
    public static func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> HTML {
        element(tag, attributes, [.text(text)])
    }

    /// The serialized markup.
    public func render() -> String {
        var output = ""
        render(into: &output)
        return output
    }

    /// Appends the serialized markup to `output`.
    public func render(into output: inout String) {
        switch self {
        case .text(let text):
            HTML.escape(text, into: &output, quotes: false)
        case .trusted(let markup):
            output += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let tag, let attributes, let children):
            output += "<"
            output += tag
            for attribute in attributes {
                output += " "
                output += attribute.name
                if let value = attribute.value {
                    output += "=\""
                    HTML.escape(value, into: &output, quotes: true)
                    output += "\""
                }
            }
            output += ">"
            if HTML.voidElements.contains(tag) {
                precondition(children.isEmpty, "<\(tag)> is a void element and takes no children")
                return
            }
            if HTML.rawTextElements.contains(tag) {
                for child in children {
                    guard case .trusted(let content) = child else {
                        preconditionFailure("<\(tag)> takes only trusted content")
                    }
                    precondition(!content.lowercased().contains("</\(tag)"), "<\(tag)> content closes its element")
                    output += content
                }
            } else {
                for child in children { child.render(into: &output) }
            }
            output += "</"
            output += tag
            output += ">"
        }
    }

    /// The elements that have no end tag (HTML Living Standard, §13.1.2).
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"
    ]
    /// The elements whose content is not parsed as markup.
    static let rawTextElements: Set<String> = ["script", "style"]

    /// Whether `name` is a plain ASCII tag or attribute name: a letter, then letters, digits, `-`.
    static func isName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            let lower = byte | 0x20
            return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    /// Escapes `text` for element content, or (with `quotes`) for a double- or single-quoted
    /// attribute value.
    static func escape(_ text: String, into output: inout String, quotes: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
