/// Text that a spreadsheet program would run as a formula when it opens a CSV file (or when someone
/// re-types the cell): it begins with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a
/// number (OWASP, "CSV Injection"). Such a field is neutralised by a leading `'`, which spreadsheets
/// read as "this is text"; numbers such as `-3` or `+86` are left alone.
///
/// ```swift
/// CSVInjection.neutralized("=HYPERLINK(\"http://x\")")  // "'=HYPERLINK(\"http://x\")"
/// CSVInjection.neutralized("-3.5")                     // "-3.5"
/// ```
public enum CSVInjection {
    /// Whether `text` begins with a formula trigger and is not a number.
    ///
    /// - Complexity: O(1) unless it begins with a trigger, then O(length).
    public static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return Double(text) == nil
        default: return false
        }
    }

    /// `text`, with `'` in front when it ``looksLikeFormula(_:)``.
    public static func neutralized(_ text: String) -> String {
        looksLikeFormula(text) ? "'" + text : text
    }
}
