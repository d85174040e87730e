/// How people write the names and codes of Chinese administrative divisions: the short forms a full
/// name is known by, and the canonical form of a division code.
///
/// A full name is matched as written. Its short forms drop the level word (省, 市, 州, 地区, 县, 区,
/// 林区, 镇, 乡, 街道, 村, 社区…) when at least two characters remain, and an autonomous prefecture or
/// county (自治州, 自治县, 自治旗) is also known by its place name alone or with 州/县/旗:
///
/// ```swift
/// PlaceNames.shortForms(of: "恩施土家族苗族自治州")  // ["恩施州", "恩施"]
/// PlaceNames.shortForms(of: "小溪塔街道")          // ["小溪塔", "小溪塔办事处", "小溪塔街道办事处"]
/// PlaceNames.shortForms(of: "神农架林区")          // ["神农架"]
/// PlaceNames.canonicalCode("420100000000")        // "4201"
/// ```
///
/// The forms are those of GB/T 2260 names as they appear in ledgers; a name is never shortened to a
/// single character (东区 stays 东区).
public enum PlaceNames {
    /// Level words a name may end with, longest first so that 林区 wins over 区 and 街道办事处 over 办事处.
    static let levelSuffixes: [String] = [
        "街道办事处", "村民委员会", "居民委员会", "办事处", "村委会", "居委会", "林区", "地区", "街道", "社区",
        "省", "市", "州", "县", "区", "旗", "镇", "乡", "村"
    ]

    /// Longer spellings of a level word that ledgers use for the same place (a 街道 written as its
    /// 办事处, a 村 as its 村委会).
    static let longerSpellings: [String: [String]] = [
        "街道": ["办事处", "街道办事处"],
        "村": ["村委会", "村民委员会"],
        "社区": ["居委会", "社区居委会", "社区居民委员会"]
    ]

    /// The autonomous-area words and the one-character level each short form keeps.
    static let autonomousSuffixes: [(suffix: String, level: String)] = [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")]

    /// The 56 nationalities' names without 族, longest first, to peel them off an autonomous area's name
    /// (恩施土家族苗族自治州 → 恩施).
    static let nationalities: [String] = [
        "柯尔克孜", "乌孜别克", "维吾尔", "哈萨克", "塔吉克", "塔塔尔", "鄂伦春", "鄂温克", "达斡尔", "俄罗斯",
        "蒙古", "布依", "朝鲜", "哈尼", "傈僳", "高山", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗", "撒拉",
        "毛南", "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺",
        "土家", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌",
        "怒", "京", "汉", "各"
    ]

    /// The other names `fullName` is commonly written as, without `fullName` itself, in a fixed order.
    /// O(length of the name).
    public static func shortForms(of fullName: String) -> [String] {
        var forms: [String] = []
        func add(_ form: String) {
            if form != fullName, form.count >= 2, !forms.contains(form) { forms.append(form) }
        }
        if let (base, level) = autonomousBase(fullName) {
            add(base + level)
            add(base)
            return forms
        }
        for suffix in levelSuffixes where hasSuffix(fullName, suffix) {
            let base = String(fullName.dropLast(suffix.count))
            guard base.count >= 2 else { break }
            add(base)
            for longer in longerSpellings[suffix] ?? [] { add(base + longer) }
            break
        }
        return forms
    }

    /// Whether `name` ends with `suffix`, compared by UTF-8 bytes: a level word is whole characters
    /// with no combining marks, and comparing bytes spares `String.hasSuffix`'s grapheme breaking.
    public static func hasSuffix(_ name: String, _ suffix: String) -> Bool {
        name.utf8.count >= suffix.utf8.count && name.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// The name without its level word or autonomous-area part (恩施土家族苗族自治州 → 恩施,
    /// 小溪塔街道 → 小溪塔), or the name itself when it has neither. Used to rank suggestions.
    public static func base(of name: String) -> String {
        if let (base, _) = autonomousBase(name) { return base }
        for suffix in levelSuffixes where name.hasSuffix(suffix) && name.count - suffix.count >= 2 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// The place name and one-character level of an autonomous area (恩施土家族苗族自治州 → (恩施, 州)),
    /// or `nil` for any other name.
    static func autonomousBase(_ name: String) -> (String, String)? {
        for (suffix, level) in autonomousSuffixes where hasSuffix(name, suffix) {
            var rest = Substring(name.dropLast(suffix.count))
            var peeled = false
            peeling: while rest.hasSuffix("族") {
                let withoutZu = rest.dropLast()
                for nationality in nationalities where withoutZu.hasSuffix(nationality) {
                    rest = withoutZu.dropLast(nationality.count)
                    peeled = true
                    continue peeling
                }
                break
            }
            guard peeled, rest.count >= 2 else { return nil }
            return (String(rest), level)
        }
        return nil
    }

    /// `text` as typed, cleaned for lookup: surrounding blanks (ASCII, full-width space, line breaks)
    /// removed and inner ones dropped, as ledgers sometimes write 小 溪 塔.
    public static func cleaned(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isBlank) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars where !isBlank(scalar) { result.unicodeScalars.append(scalar) }
        return result
    }

    /// Whether `scalar` is a blank a ledger cell may carry around or inside a name.
    public static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{3000}"
            || scalar == "\u{A0}" || scalar == "\u{FEFF}"
    }

    // MARK: Codes

    /// The lengths a division code is written in: province 2, prefecture 4, county 6, town 9, village 12.
    public static let codeLengths: Set<Int> = [2, 4, 6, 9, 12]

    /// A division code in its shortest form, with the trailing zero groups of the levels it does not
    /// reach removed (420100 → 4201, 420000000000 → 42, 420506001000 → 420506001), or `nil` when
    /// `text` is not 2, 4, 6, 9 or 12 ASCII digits. O(length).
    public static func canonicalCode(_ text: some StringProtocol) -> String? {
        let digits = Array(text.utf8)
        guard codeLengths.contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // The level boundaries of a 12-digit code: 2 | 4 | 6 | 9 | 12.
        var end = digits.count
        for (boundary, width) in [(9, 3), (6, 3), (4, 2), (2, 2)] where end == boundary + width {
            guard digits[boundary..<end].allSatisfy({ $0 == 0x30 }) else { break }
            end = boundary
        }
        return String(decoding: digits[..<end], as: UTF8.self)
    }

    /// The canonical code of the division that contains the one with code `code` (4201 → 42,
    /// 420506001 → 420506), or `nil` for a province.
    public static func parentCode(_ code: String) -> String? {
        switch code.utf8.count {
        case 4: String(code.prefix(2))
        case 6: String(code.prefix(4))
        case 9: String(code.prefix(6))
        case 12: String(code.prefix(9))
        default: nil
        }
    }

    // MARK: Edit distance

    /// The Levenshtein distance between `a` and `b`, counted in Unicode scalars (one Chinese character
    /// is one edit). O(|a|·|b|) time, O(|b|) space.
    ///
    /// Reference: V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions and
    /// reversals", Soviet Physics Doklady 10(8), 1966.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
