/// Checks of the identifiers ledgers carry, so mistyped ones are caught before a report goes out.
public enum IdentifierChecks {
    /// The 31 characters of a unified social credit code, in value order (no I, O, S, V, Z).
    static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".unicodeScalars)
    static let creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why `code` is not a valid unified social credit code, or `nil` when it is. The 18th character
    /// is a check character over the first 17, weighted by 3^i mod 31 (GB 32100-2015, §4.3 and
    /// Annex B): C18 = 31 − (Σ value(Ci)·Wi mod 31), 31 written as 0. O(18).
    ///
    /// `91350100M000100Y43` is valid; `91350100M000100Y44` fails its check character (expected 3).
    public static func creditCodeProblem(_ code: String) -> String? {
        let characters = Array(code.uppercased().unicodeScalars)
        guard characters.count == 18 else { return "a unified social credit code has 18 characters, this one \(characters.count)" }
        var sum = 0
        for (position, character) in characters.prefix(17).enumerated() {
            guard let value = creditAlphabet.firstIndex(of: character) else {
                return "'\(character)' (character \(position + 1)) is not allowed in a unified social credit code"
            }
            sum += value * creditWeights[position]
        }
        let expected = creditAlphabet[(31 - sum % 31) % 31]
        guard characters[17] == expected else {
            return "the check character is '\(characters[17])' but the first 17 characters give '\(expected)'"
        }
        return nil
    }

    /// The check a mapped column's values get, chosen once per column by its header.
    enum Check {
        case none
        /// Every value is a unified social credit code (the header names 信用代码 or credit).
        case creditCode
        /// A value of 12 ASCII digits is a statistical division code (the header names 代码 or code).
        case divisionCode

        init(header: String) {
            if header.contains("信用代码") || header.contains("credit") {
                self = .creditCode
            } else if header.contains("代码") || header.contains("code") {
                self = .divisionCode
            } else {
                self = .none
            }
        }

        /// Why `text` fails this check, or `nil` when it passes (or is not checked).
        func problem(_ text: String) -> String? {
            switch self {
            case .none: return nil
            case .creditCode: return creditCodeProblem(text).map { "credit code \(text): \($0)" }
            case .divisionCode:
                guard text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
                return divisionCodeProblem(text).map { "division code \(text): \($0)" }
            }
        }
    }

    /// The provinces' two-digit codes (GB/T 2260).
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
        "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"
    ]

    /// Why a 12-digit statistical division code (GB/T 10114: province 2, prefecture 2, county 2, town 3,
    /// village 3 digits) is malformed, or `nil` when its structure is sound: a known province, and no
    /// level given below one that is zero (420000001001 skips the prefecture). O(12).
    public static func divisionCodeProblem(_ code: String) -> String? {
        let digits = Array(code.utf8)
        guard digits.count == 12, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return "a division code has 12 digits" }
        guard provinces.contains(String(code.prefix(2))) else { return "\(code.prefix(2)) is not a province's code" }
        let groups = [(2, 4, "prefecture"), (4, 6, "county"), (6, 9, "town"), (9, 12, "village")]
        var zeroLevel: String? = nil
        for (start, end, level) in groups {
            let isZero = digits[start..<end].allSatisfy { $0 == 0x30 }
            if let zeroLevel, !isZero { return "the \(level) part is set but the \(zeroLevel) part is zero" }
            if isZero && zeroLevel == nil { zeroLevel = level }
        }
        return nil
    }
}
