import Foundation
import TongxinIO

/// Writing user text into diagram DOT, and the shared number format of generated DOT. Strings go
/// through TongxinIO's one escaper, ``TongxinIO/DOTString``, with `&` as `&amp;` because Graphviz
/// decodes entities in the labels it draws (a name `&lt;b&gt;` would otherwise show as `<b>`).
public enum DOTText {
    /// `text` as a double-quoted DOT string whose label rendering shows exactly `text`, newlines as
    /// line breaks. Graphviz also decodes HTML entities in ordinary labels (`&lt;` shows as `<`),
    /// so `&` is written `&amp;`; carriage returns are dropped.
    ///
    /// ```swift
    /// DOTText.quoted(#"a "b" \N &lt;"#)  // "a \"b\" \\N &amp;lt;" with the outer quotes
    /// ```
    /// - Complexity: O(length).
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        DOTString.append(text, to: &bytes, label: true, entities: true)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lines joined by DOT line breaks, each escaped, as one quoted string.
    public static func quotedLines(_ lines: [String]) -> String {
        quoted(lines.joined(separator: "\n"))
    }

    /// `text` escaped for an HTML-like label: entities for `& < > "`, newlines as `<br/>`.
    public static func html(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "<br/>"
            case "\r": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A number with at most `digits` decimals and no trailing zeros (`1.5`, `2`, `0.333`), the same
    /// on every machine, so golden DOT files are stable.
    public static func number(_ value: Double, digits: Int = 3) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Breaks `text` into lines at most `width` columns wide, each character as wide as
    /// ``TongxinGraph/DisplayWidth`` says (a CJK character or an emoji two columns, a combining mark none). Breaks go at spaces where possible, between any two wide
    /// characters otherwise, and inside a word only when the word alone is wider than a line.
    /// Existing newlines are kept.
    ///
    /// ```swift
    /// DOTText.wrap("长阳土家族自治县资丘镇商会", width: 12)  // ["长阳土家族自", "治县资丘镇商", "会"]
    /// ```
    /// - Complexity: O(length).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(paragraph, width: max(width, 2))
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        // Tokens: a wide character alone, a run of narrow non-space characters, or a space.
        var tokens: [(text: String, width: Int)] = []
        var word = "", wordWidth = 0
        func flushWord() {
            if !word.isEmpty { tokens.append((word, wordWidth)) }
            word = ""
            wordWidth = 0
        }
        for character in paragraph {
            if character == " " {
                flushWord()
                tokens.append((" ", 1))
            } else if DisplayWidth.of(character) >= 2 {
                flushWord()
                tokens.append((String(character), DisplayWidth.of(character)))
            } else {
                word.append(character)
                wordWidth += DisplayWidth.of(character)
            }
        }
        flushWord()
        var lines: [String] = []
        var line = "", lineWidth = 0
        func breakLine() {
            while line.last == " " { line.removeLast() }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        for token in tokens {
            if token.text == " " {
                if lineWidth > 0 && lineWidth + 1 <= width { line += " "; lineWidth += 1 }
                continue
            }
            if lineWidth + token.width > width && lineWidth > 0 { breakLine() }
            if token.width <= width {
                line += token.text
                lineWidth += token.width
            } else {
                // A narrow word longer than a whole line: cut it.
                for character in token.text {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + characterWidth > width && lineWidth > 0 { breakLine() }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
        }
        if lineWidth > 0 || lines.isEmpty { breakLine() }
        return lines
    }
}
