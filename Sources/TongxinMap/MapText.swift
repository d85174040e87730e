import TongxinGraph
import TongxinResults

/// The map's words in Chinese (the default) or English.
public enum MapLanguage: String, Sendable, CaseIterable {
    case zh, en
}

/// Every sentence a map shows, in one place per language.
struct MapText {
    let language: MapLanguage

    var isChinese: Bool { language == .zh }

    func levelName(_ level: RegionLevel) -> String { level.name(chinese: isChinese) }

    func unitName(_ level: RegionLevel) -> String { wording.unitName(level, plural: true) }

    /// The questions in words (``QuestionWording``, shared with the report).
    var wording: QuestionWording { QuestionWording(chinese: isChinese) }

    func title(_ measure: MapValues.Measure, level: RegionLevel, scope: String, change: Bool = false) -> String {
        let base =
            switch (language, measure) {
            case (.zh, .coverage(let unit, _, _)): "\(scope)各\(levelName(level))\(unitName(unit))覆盖率"
            case (.zh, .pairing): "\(scope)各\(levelName(level))结对率"
            case (.en, .coverage(let unit, _, _)): "Coverage of \(unitName(unit)) by \(levelName(level)), \(scope)"
            case (.en, .pairing): "Pairing by \(levelName(level)), \(scope)"
            }
        guard change else { return base }
        return isChinese ? base + "变化" : "Change in " + base.prefix(1).lowercased() + base.dropFirst()
    }

    /// The question in words and what the colour shows.
    func question(_ measure: MapValues.Measure, since earlier: String? = nil) -> String {
        let words =
            switch measure {
            case .coverage(let unit, let selectors, let via): wording.coverage(unit: unit, by: selectors, via: via)
            case .pairing(let left, let right, let edge): wording.pairing(left: left, right: right, edge: edge)
            }
        switch (language, measure, earlier) {
        case (.zh, .coverage(let unit, _, _), nil): return "\(words)：颜色为已覆盖\(unitName(unit))占\(unitName(unit))总数之比。"
        case (.zh, .pairing, nil): return "\(words)：颜色为已结对者所占比例。"
        case (.zh, _, let earlier?): return "\(words)：颜色为比例相比 \(earlier) 的变化（百分点）。"
        case (.en, _, nil): return words.prefix(1).uppercased() + words.dropFirst() + ": colour is the share (covered ÷ all)."
        case (.en, _, let earlier?):
            return words.prefix(1).uppercased() + words.dropFirst() + ": colour is the change in the share since \(earlier) (points)."
        }
    }

    var legendTitle: String { isChinese ? "比例" : "Share" }
    var changeLegendTitle: String { isChinese ? "变化（百分点）" : "Change (points)" }
    var noData: String { isChinese ? "无单位" : "no units" }
    var notInData: String { isChinese ? "数据中无此地" : "not in the data" }
    var newOnly: String { isChinese ? "仅新版有" : "new only" }
    var oldOnly: String { isChinese ? "仅旧版有" : "earlier only" }

    /// The footnote naming labels that found no place on the map.
    func unlabelled(_ names: [String]) -> String {
        isChinese ? "未标注（地方太小）：" + names.joined(separator: "、") : "Not labelled (too small): " + names.joined(separator: ", ")
    }

    /// The footnote naming regions only one version has.
    func onlyIn(new: Bool, _ names: [String]) -> String {
        (new ? newOnly : oldOnly) + (isChinese ? "：" + names.joined(separator: "、") : ": " + names.joined(separator: ", "))
    }

    func footer(source: String, data: String, earlier: String?) -> String {
        let compared = earlier.map { isChinese ? "（对比：\($0)）" : " (compared with \($0))" } ?? ""
        return isChinese
            ? "示意图 · 边界：\(source) · 数据：\(data)\(compared)"
            : "Schematic map (示意图) · Boundaries: \(source) · Data: \(data)\(compared)"
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

    /// A rate as a percentage with one decimal (``NumberFormat/percent(_:decimals:)``); `—` for none.
    static func percent(_ rate: Double?) -> String { NumberFormat.percent(rate, decimals: 1) }

    /// A change in a rate as signed points with one decimal: `+3.2`; `—` for none.
    static func points(_ change: Double?) -> String { NumberFormat.points(change, decimals: 1, unit: false) }

    /// A region's tooltip in a map of change: name and code, the figures in each version, the change.
    func changeTooltip(
        name: String, code: String, before: MapValues.Entry?, after: MapValues.Entry?, delta: Double?,
        measure: MapValues.Measure
    ) -> String {
        let covered =
            switch (language, measure) {
            case (.zh, .coverage): "已覆盖"
            case (.zh, .pairing): "已结对"
            case (.en, .coverage): "covered"
            case (.en, .pairing): "paired"
            }
        func figures(_ entry: MapValues.Entry?) -> String {
            guard let entry else { return isChinese ? "无此地" : "absent" }
            return isChinese
                ? "单位 \(entry.units)，\(covered) \(entry.covered)，\(Self.percent(entry.rate))"
                : "units \(entry.units), \(covered) \(entry.covered), \(Self.percent(entry.rate))"
        }
        return isChinese
            ? "\(name)（\(code)）\n之前：\(figures(before))\n之后：\(figures(after))\n变化：\(Self.points(delta)) 个百分点"
            : "\(name) (\(code))\nbefore: \(figures(before))\nafter: \(figures(after))\nchange: \(Self.points(delta)) points"
    }

    /// The short form of a name for a label: 恩施土家族苗族自治州 → 恩施州, 长阳土家族自治县 → 长阳县.
    static func shortName(_ name: String) -> String {
        guard name.contains("自治"), name.count > 4 else { return name }
        return String(name.prefix(2)) + String(name.suffix(1))
    }
}
