import Foundation

/// Writing user text into DOT safely, and the shared number format of generated DOT.
///
/// GRAPHVIZ.md: in a quoted ID the lexer unescapes only `\"` and drops backslash-newline; label
/// processing then reads `\n \l \r` as line breaks and `\N \G \E \T \H \L` as substitutions, `\\` as a
/// backslash. So user text becomes `\` → `\\` first, then `"` → `\"`, newline → `\n`, CR dropped.
/// Braces, `<` and `>` need nothing in a quoted string (records and HTML labels are never used for
/// user text); `&` becomes `&amp;` because label processing decodes entities (measured here: a name
/// `&lt;b&gt;` otherwise shows as `<b>`).
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
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": break
            case "&": result += "&amp;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
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

    /// Breaks `text` into lines at most `width` columns wide, where a CJK or other wide character
    /// takes two columns and any other one. Breaks go at spaces where possible, between any two wide
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
            } else if isWide(character) {
                flushWord()
                tokens.append((String(character), 2))
            } else {
                word.append(character)
                wordWidth += 1
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
                    if lineWidth + 1 > width { breakLine() }
                    line.append(character)
                    lineWidth += 1
                }
            }
        }
        if lineWidth > 0 || lines.isEmpty { breakLine() }
        return lines
    }

    /// East Asian wide and fullwidth characters (CJK ideographs, kana, hangul, fullwidth forms).
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
