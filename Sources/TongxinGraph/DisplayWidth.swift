/// The width of text in a terminal's columns: East Asian wide and fullwidth characters (CJK, Hangul,
/// fullwidth forms, most emoji) take two columns, combining marks and zero-width characters none,
/// everything else one (Unicode Standard Annex #11, "East Asian Width").
///
/// The one width table of the package: aligned result tables, the caret under a diagnostic or a
/// query error, and the wrapping of diagram labels all measure with it. It lives in the graph
/// module because that is the one module every one of them imports.
///
/// ```swift
/// DisplayWidth.of("村 a")    // 4
/// DisplayWidth.of("e\u{301}") // 1 (a combining acute accent takes no column)
/// ```
///
/// - Complexity: O(n) in the text's Unicode scalars.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
