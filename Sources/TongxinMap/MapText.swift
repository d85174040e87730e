import TongxinGraph

/// The map's words in Chinese (the default) or English.
public enum MapLanguage: String, Sendable, CaseIterable {
    case zh, en
}

/// Every sentence a map shows, in one place per language.
struct MapText {
    let language: MapLanguage

    var isChinese: Bool { language == .zh }

    func levelName(_ level: RegionLevel) -> String {
        switch (language, level) {
        case (.zh, .province): "省"
        case (.zh, .city): "市（州）"
        case (.zh, .county): "县（市、区）"
        case (.zh, .town): "乡镇（街道）"
        case (.zh, .village): "村（社区）"
        case (.en, .province): "province"
        case (.en, .city): "city"
        case (.en, .county): "county"
        case (.en, .town): "town"
        case (.en, .village): "village"
        }
    }

    func unitName(_ level: RegionLevel) -> String {
        switch (language, level) {
        case (.zh, .city): "市"
        case (.zh, .county): "县"
        case (.zh, .town): "乡镇"
        case (.zh, .village): "村"
        case (.zh, .province): "省"
        case (.en, _): level.rawValue + (level == .city ? "ies" : "s")
        }
    }

    func title(_ measure: MapValues.Measure, level: RegionLevel, scope: String) -> String {
        switch (language, measure) {
        case (.zh, .coverage(let unit, _, _)): "\(scope)各\(levelName(level))\(unitName(unit))覆盖率"
        case (.zh, .pairing): "\(scope)各\(levelName(level))结对率"
        case (.en, .coverage(let unit, _, _)): "Coverage of \(unitName(unit)) by \(levelName(level)), \(scope)"
        case (.en, .pairing): "Pairing by \(levelName(level)), \(scope)"
        }
    }

    func question(_ measure: MapValues.Measure) -> String {
        switch (language, measure) {
        case (.zh, .coverage(let unit, let selectors, let via)):
            "有多少\(unitName(unit))由 \(Self.list(selectors)) 经 \(via.joined(separator: "、")) 覆盖？颜色为已覆盖\(unitName(unit))占\(unitName(unit))总数之比。"
        case (.zh, .pairing(let left, let right, let edge)):
            "\(right) 中有多少已与 \(left) 结对（\(edge)）？颜色为已结对者所占比例。"
        case (.en, .coverage(let unit, let selectors, let via)):
            "What share of \(unitName(unit)) is covered by \(Self.list(selectors)) via \(via.joined(separator: ", "))? Colour: covered ÷ all."
        case (.en, .pairing(let left, let right, let edge)):
            "What share of \(right) is paired with \(left) (\(edge))? Colour: paired ÷ all."
        }
    }

    static func list(_ selectors: [NodeSelector]) -> String { selectors.map(\.description).joined(separator: " | ") }

    var legendTitle: String { isChinese ? "比例" : "Share" }
    var noData: String { isChinese ? "无单位" : "no units" }
    var notInData: String { isChinese ? "数据中无此地" : "not in the data" }

    func footer(source: String, data: String) -> String {
        isChinese ? "示意图 · 边界：\(source) · 数据：\(data)" : "Schematic map (示意图) · Boundaries: \(source) · Data: \(data)"
    }

    /// A shape's tooltip: name, code, units, covered, rate.
    func tooltip(name: String, code: String, entry: MapValues.Entry, measure: MapValues.Measure) -> String {
        let rate = Self.percent(entry.rate)
        switch (language, measure) {
        case (.zh, .coverage):
            return "\(name)（\(code)）\n单位 \(entry.units)，已覆盖 \(entry.covered)，覆盖率 \(rate)"
        case (.zh, .pairing):
            return "\(name)（\(code)）\n单位 \(entry.units)，已结对 \(entry.covered)，结对率 \(rate)"
        case (.en, .coverage):
            return "\(name) (\(code))\nunits \(entry.units), covered \(entry.covered), rate \(rate)"
        case (.en, .pairing):
            return "\(name) (\(code))\nunits \(entry.units), paired \(entry.covered), share \(rate)"
        }
    }

    /// A rate as a percentage with one decimal; below 100% never shows as 100.0%, above 0 never as
    /// 0.0%; `—` for none.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        var tenths = (rate * 1000).rounded()
        if rate < 1 { tenths = min(tenths, 999) }
        if rate > 0 { tenths = max(tenths, 1) }
        let whole = Int(tenths) / 10, fraction = Int(tenths) % 10
        return "\(whole).\(fraction)%"
    }

    /// The short form of a name for a label: 恩施土家族苗族自治州 → 恩施州, 长阳土家族自治县 → 长阳县.
    static func shortName(_ name: String) -> String {
        guard name.contains("自治"), name.count > 4 else { return name }
        return String(name.prefix(2)) + String(name.suffix(1))
    }
}
