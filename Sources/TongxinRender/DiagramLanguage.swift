import TongxinGraph

/// The language of a diagram's own words — member counts, coverage lines, the title's view part and
/// the legend. Names from the graph are drawn as they are. English is the default; the Chinese
/// report draws its diagrams in Chinese.
public enum DiagramLanguage: String, Sendable, CaseIterable {
    case en
    case zh

    /// A member count: `12 towns`, `12个乡镇（街道）`.
    func count(_ tally: Int, of word: String) -> String {
        switch self {
        case .en: "\(tally)\u{00A0}\(Self.englishPlural(word, tally))"  // no break inside "2 villages"
        case .zh: "\(tally)个\(Self.chineseShortName(word))"
        }
    }

    /// The title part of a neighbourhood view.
    func focus(depth: Int, around name: String) -> String {
        switch self {
        case .en: "within \(depth) of \(name)"
        case .zh: "\(name)周围\(depth)步"
        }
    }

    /// The title part of a collapsed view.
    func collapsed(by level: RegionLevel) -> String {
        switch self {
        case .en: "by \(level.rawValue)"
        case .zh: "按\(Self.chineseName(level.rawValue))汇总"
        }
    }

    /// A super-node's coverage line: `37% of 80 covered`.
    func coveredShare(percent: String, of units: Int) -> String {
        switch self {
        case .en: "\(percent)% of \(units) covered"
        case .zh: "\(units)个中覆盖\(percent)%"
        }
    }

    /// The name of a group of nodes of one kind that no region holds.
    func unplaced(_ kind: String) -> String {
        switch self {
        case .en: "unplaced \(kind)"
        case .zh: "未归属的\(Self.chineseName(kind))"
        }
    }

    /// A node kind in the legend, with its shape in English: `region (box)`, `区域`.
    func legendKind(_ kind: String, shape: String) -> String {
        switch self {
        case .en: "\(kind) (\(shape))"
        case .zh: Self.chineseName(kind)
        }
    }

    /// An edge kind in the legend.
    func legendEdge(_ kind: String) -> String {
        switch self {
        case .en: kind
        case .zh: EdgeKind.words(kind, chinese: true)
        }
    }

    var collapsedRegionNote: String {
        self == .en ? "double border: a collapsed region, with what it holds" : "双边框：汇总的区域及其所含"
    }
    var focusNote: String { self == .en ? "thick red border" : "粗红框" }
    var focusNoteSuffix: String { self == .en ? ": the focus" : "：中心节点" }
    var edgeCountNote: String { self == .en ? "numbers: how many edges" : "数字：联系条数" }
    var covered: String { self == .en ? "covered" : "已覆盖" }
    var uncovered: String { self == .en ? "uncovered" : "未覆盖" }
    var shareCovered: String { self == .en ? "share covered:" : "覆盖比例：" }

    func size(by measure: String, from low: String, to high: String) -> String {
        switch self {
        case .en: "size: \(measure) from \(low) to \(high)"
        case .zh: "大小：\(measure)，\(low) 至 \(high)"
        }
    }

    func coverage(by selector: String) -> String {
        switch self {
        case .en: "coverage by \(selector):"
        case .zh: "覆盖（\(selector)）："
        }
    }

    /// The plural of a level or kind name for member counts (`2 cities`, `1 village`).
    static func englishPlural(_ word: String, _ count: Int) -> String {
        guard count != 1 else { return word }
        switch word {
        case "city": return "cities"
        case "county": return "counties"
        case "province", "town", "village", "region", "organization", "enterprise", "figure", "node": return word + "s"
        default: return word
        }
    }

    /// The Chinese name of a region level or a well-known node kind (DOMAIN.md's glossary); other
    /// kinds as they are.
    static func chineseName(_ word: String) -> String {
        if let level = RegionLevel(rawValue: word) { return level.name(chinese: true) }
        return switch word {
        case "region": "区域"
        case "organization": "组织"
        case "enterprise": "企业"
        case "figure": "人物"
        case "node": "节点"
        default: word
        }
    }

    /// The short Chinese name of a level for member counts (`129个乡镇`), which must stay short.
    static func chineseShortName(_ word: String) -> String {
        switch word {
        case "city": "市"
        case "county": "县"
        case "town": "乡镇"
        case "village": "村"
        default: chineseName(word)
        }
    }
}
