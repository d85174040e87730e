import TongxinGraph
import TongxinResults

/// The languages the report is written in (`--lang`); Chinese by default, since its readers are.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case zh
    case en

    /// The value of the page's `lang` attribute.
    var htmlTag: String { self == .zh ? "zh-CN" : "en" }
}

/// Every string a reader sees that is not data. Each language has one table (``Labels/zh``,
/// ``Labels/en``) holding every key; `{0}`, `{1}`… are filled by ``Labels/callAsFunction(_:_:)``.
public enum Label: String, CaseIterable, Sendable {
    case reportTitle, scopeNote, contents, generatedBy, sortHint, none, colon, withCount, listSeparator
    // Section titles.
    case summary, coverage, pairing, maps, central, diagrams, change
    // Summary.
    case nodesByKind, edgesByKind, regionsByLevel, organizationsByType, figuresByCategory, dataWarnings,
        warningsHeading, warningsOmitted, aboutData, moreNotes, kind, count, level, key, value, totalNodes, totalEdges
    // Coverage.
    case coverageOverview, coverageOverviewNote, measureTitle, selector, via, region, units, covered, rate,
        noUnits, chartTitle, regionTable, uncoveredTitle, allCovered, moreNotListed, inactiveNotListed, coverageNone, measure
    // Pairing.
    case programmeTitle, pairs, density, pairedOf, shareOf, maxMatching, unpairedOf, densityNote,
        moreNotListedPairing, inactivePairingNotListed, counted, suggestionsTitle, suggestedPartner, hierarchyDistance, sameRegion,
        noSharedRegion, pairingNone, allPaired, wholeScope
    // Central nodes.
    case centralTitle, rank, name, category, location, score, connections, bridges, centralNote, sampledNote, centralNone
    // Diagrams.
    case diagramsNone, overviewTitle, overviewCaption, overviewColours, programmeDiagramTitle, programmeDiagramCaption,
        neighbourhoodTitle, neighbourhoodCaption
    // Maps.
    case mapsNone, mapsUnavailable, mapCoverageCaption, mapPairingCaption, mapChangeCaption

    // Node kinds (data that has a translation; levels and edge kinds: TongxinGraph's KindWords.swift).
    case kindRegion, kindVillage, kindOrganization, kindEnterprise, kindFigure
    case measureBetweenness, measureDegree, measurePagerank
    // Change since an earlier version.
    case changeSince, edgesChanged, added, removed, before, after, deltaPoints, movedMost, noRateMoves,
        newlyUncoveredTitle, moreNotListedChange, unchangedMeasures, coverageShift, pairingShift, begunTitle, endedTitle
}

/// The strings of one language.
public struct Labels: Sendable {
    public let language: ReportLanguage
    let table: [Label: String]

    public init(_ language: ReportLanguage) {
        self.language = language
        table = language == .zh ? Labels.zh : Labels.en
    }

    /// The string for `label` with `{0}`, `{1}`… replaced by `arguments`, in one pass (so an
    /// argument that itself contains `{1}` is left alone).
    public func callAsFunction(_ label: Label, _ arguments: String...) -> String {
        guard let template = table[label] else { preconditionFailure("no \(language) string for \(label)") }
        var result = ""
        var characters = template[...]
        while let open = characters.firstIndex(of: "{") {
            result += characters[..<open]
            let afterOpen = characters.index(after: open)
            if afterOpen < characters.endIndex, let digit = characters[afterOpen].wholeNumberValue,
                characters.index(after: afterOpen) < characters.endIndex,
                characters[characters.index(after: afterOpen)] == "}"
            {
                precondition(digit < arguments.count, "\(label) needs argument {\(digit)}")
                result += arguments[digit]
                characters = characters[characters.index(afterOpen, offsetBy: 2)...]
            } else {
                result += "{"
                characters = characters[afterOpen...]
            }
        }
        result += characters
        return result
    }

    /// How many `{N}` arguments `label` takes in this language.
    func argumentCount(_ label: Label) -> Int {
        guard let template = table[label] else { return 0 }
        return (0..<10).filter { template.contains("{\($0)}") }.count
    }

    /// A node kind in this language; kinds without a translation are shown as they are.
    public func kind(_ kind: String) -> String {
        switch kind {
        case NodeKind.region: self(.kindRegion)
        case NodeKind.village: self(.kindVillage)
        case NodeKind.organization: self(.kindOrganization)
        case NodeKind.enterprise: self(.kindEnterprise)
        case NodeKind.figure: self(.kindFigure)
        default: kind
        }
    }

    /// An edge kind in this language, or as it is (``EdgeKind/words(_:chinese:)``).
    public func edgeKind(_ kind: String) -> String { EdgeKind.words(kind, chinese: language == .zh) }

    /// A region level in this language (``RegionLevel/name(chinese:)``).
    public func level(_ level: RegionLevel) -> String { level.name(chinese: language == .zh) }

    /// A level given by name (a `level` attribute), translated when it is a known one.
    public func level(named name: String) -> String {
        RegionLevel(rawValue: name).map(level) ?? name
    }

    /// A centrality measure's name in this language, or as it is.
    public func measure(_ measure: String) -> String {
        switch measure {
        case "betweenness": self(.measureBetweenness)
        case "degree": self(.measureDegree)
        case "pagerank": self(.measurePagerank)
        default: measure
        }
    }

    /// The section's title.
    public func title(of section: ReportSection) -> String {
        switch section {
        case .summary: self(.summary)
        case .coverage: self(.coverage)
        case .pairing: self(.pairing)
        case .maps: self(.maps)
        case .change: self(.change)
        case .central: self(.central)
        case .diagrams: self(.diagrams)
        }
    }

    static let zh: [Label: String] = [
        .reportTitle: "{0}统战网络分析报告",
        .scopeNote: "范围：{0}",
        .contents: "目录",
        .generatedBy: "由 Tongxin 根据图数据“{0}”生成。",
        .sortHint: "点击表头可排序。",
        .none: "无",
        .colon: "：",
        .withCount: "{0}（{1}）",
        .listSeparator: "、",
        .summary: "概况",
        .coverage: "覆盖率",
        .pairing: "结对",
        .central: "关键人物与组织",
        .diagrams: "网络图",
        .nodesByKind: "节点（按类型）",
        .edgesByKind: "关系（按类型）",
        .regionsByLevel: "区域（按层级）",
        .organizationsByType: "组织（按类型）",
        .figuresByCategory: "人物（按类别）",
        .dataWarnings: "数据提示（{0} 条）",
        .warningsHeading: "数据提示",
        .warningsOmitted: "另有 {0} 条未列出（完整列表：tongxin validate）。",
        .aboutData: "数据说明",
        .moreNotes: "更多说明（{0} 项）",
        .kind: "类型",
        .count: "数量",
        .level: "层级",
        .key: "项目",
        .value: "说明",
        .totalNodes: "节点总数",
        .totalEdges: "关系总数",
        .coverageOverview: "覆盖率总览（按{0}）",
        .coverageOverviewNote: "每格为该{0}内被覆盖单位所占比例；颜色越绿覆盖越全。",
        .measureTitle: "{0} · {1}覆盖",
        .selector: "统计对象",
        .via: "经由关系",
        .region: "区域",
        .units: "单位数",
        .covered: "已覆盖",
        .rate: "覆盖率",
        .noUnits: "—",
        .chartTitle: "各{0}{1}覆盖率",
        .regionTable: "各区域明细（{0} 个区域）",
        .uncoveredTitle: "未覆盖的{0}（{1} 个）",
        .allCovered: "全部覆盖。",
        .moreNotListed: "另有 {0} 个未列出（完整名单：tongxin coverage）。",
        .coverageNone: "图中没有可统计覆盖率的组织或联络人员。",
        .inactiveNotListed: "以下{0}尚无任何覆盖，其单位不逐一列出：{1}。",
        .measure: "覆盖指标",
        .programmeTitle: "{0}与{1}结对（{2}）",
        .pairs: "结对数",
        .density: "密度",
        .pairedOf: "已结对{0}",
        .shareOf: "{0}结对率",
        .maxMatching: "最大匹配数",
        .unpairedOf: "未结对{0}",
        .densityNote: "密度 = 结对数 ÷（{0}数 × {1}数）；最大匹配数为能各自分到不同伙伴的{1}的最多个数。",
        .moreNotListedPairing: "另有 {0} 个未列出（完整名单：tongxin pairing）。",
        .inactivePairingNotListed: "以下{0}尚无任何结对，其{1}不逐一列出：{2}。",
        .counted: "结对双方",
        .suggestionsTitle: "建议结对（{0} 项）",
        .suggestedPartner: "建议伙伴",
        .hierarchyDistance: "层级距离",
        .sameRegion: "同一{0}",
        .noSharedRegion: "跨市（州）",
        .pairingNone: "图中没有结对关系。",
        .allPaired: "全部已结对。",
        .wholeScope: "合计",
        .centralTitle: "{0}（按{1}）",
        .rank: "排名",
        .name: "名称",
        .category: "类别",
        .location: "所在地",
        .score: "得分",
        .connections: "直接联系",
        .bridges: "联系所及的地区",
        .centralNote: "中介中心性衡量一个节点处在其他节点之间最短联系路径上的程度：得分高者是连接不同地区、不同组织的桥梁。",
        .sampledNote: "得分由 {0} 个随机抽样起点估算（Brandes–Pich 抽样，固定随机种子，结果可复现）；排名靠前者稳定，细微差别不宜解读。",
        .centralNone: "图中没有人物或组织。",
        .diagramsNone: "没有可绘制的网络图。",
        .maps: "地图",
        .mapsNone: "没有可绘制的地图：各地区都未匹配到边界。",
        .mapsUnavailable: "未安装边界数据，本报告不含地图（{0}）。",
        .mapCoverageCaption: "{0}：各{2}的{1}覆盖率，分级着色；鼠标悬停可见各地单位数、已覆盖数和覆盖率。",
        .mapPairingCaption: "{0} 与 {1} 结对：各{2}已结对的 {1} 所占比例，分级着色；鼠标悬停可见数字。",
        .mapChangeCaption: "{0}：各{2}的{1}覆盖率相比 {3} 的变化（百分点），橙色为下降、紫色为上升，斜线为仅一版中有的地区；鼠标悬停可见前后数字。",
        .overviewTitle: "{0}按{1}汇总",
        .overviewCaption: "每个节点代表一个{0}及其下辖的一切，连线为其间各类联系的汇总。",
        .overviewColours: "颜色表示{1}中有{0}覆盖的比例。",
        .programmeDiagramTitle: "{0}：{1}与{2}结对",
        .programmeDiagramCaption: "该项目结对最多的地区（{0} 对），按县（或乡镇）汇总：每个县连同其中的{1}和{2}合为一个节点，连线为跨县的结对，数字为结对数。",
        .neighbourhoodTitle: "{0}的联系网络",
        .neighbourhoodCaption: "两步以内的联系（最多显示最近的 60 个节点）。",
        .kindRegion: "区域",
        .kindVillage: "村（社区）",
        .kindOrganization: "组织",
        .kindEnterprise: "企业",
        .kindFigure: "人物",
        .measureBetweenness: "中介中心性",
        .measureDegree: "度中心性",
        .measurePagerank: "PageRank",
        .change: "变化",
        .changeSince: "与 {0} 相比：新增节点 {1} 个，减少 {2} 个，变更 {3} 个。",
        .edgesChanged: "关系增减",
        .added: "新增",
        .removed: "减少",
        .before: "此前",
        .after: "现在",
        .deltaPoints: "变化（百分点）",
        .movedMost: "覆盖率变化最大的区域",
        .noRateMoves: "各区域覆盖率没有变化。",
        .newlyUncoveredTitle: "新失去覆盖的{0}（{1} 个）",
        .moreNotListedChange: "另有 {0} 个未列出（完整名单：tongxin diff）。",
        .unchangedMeasures: "没有变化的覆盖指标：{0}。",
        .coverageShift: "覆盖 {0} → {1}；新覆盖 {2} 个，新失去覆盖 {3} 个。",
        .pairingShift: "结对 {0} → {1}；已结对的{2} {3} → {4}。",
        .begunTitle: "新结对（{0} 条）",
        .endedTitle: "已结束的结对（{0} 条）"
    ]

    static let en: [Label: String] = [
        .reportTitle: "{0}: network report",
        .scopeNote: "Scope: {0}",
        .contents: "Contents",
        .generatedBy: "Generated by Tongxin from the graph “{0}”.",
        .sortHint: "Click a column header to sort.",
        .none: "None",
        .colon: ": ",
        .withCount: "{0} ({1})",
        .listSeparator: ", ",
        .summary: "Summary",
        .coverage: "Coverage",
        .pairing: "Pairing",
        .central: "Central figures and organizations",
        .diagrams: "Diagrams",
        .nodesByKind: "Nodes by kind",
        .edgesByKind: "Relationships by kind",
        .regionsByLevel: "Regions by level",
        .organizationsByType: "Organizations by type",
        .figuresByCategory: "Figures by category",
        .dataWarnings: "Data warnings ({0})",
        .warningsHeading: "Data warnings",
        .warningsOmitted: "{0} more not listed (full list: tongxin validate).",
        .aboutData: "About the data",
        .moreNotes: "More notes ({0})",
        .kind: "Kind",
        .count: "Count",
        .level: "Level",
        .key: "Item",
        .value: "Note",
        .totalNodes: "Nodes in all",
        .totalEdges: "Relationships in all",
        .coverageOverview: "Coverage at a glance, by {0}",
        .coverageOverviewNote: "Each cell is the share of units covered in that {0}; greener is more complete.",
        .measureTitle: "{0} · {1} coverage",
        .selector: "Counted",
        .via: "Via",
        .region: "Region",
        .units: "Units",
        .covered: "Covered",
        .rate: "Rate",
        .noUnits: "—",
        .chartTitle: "{1} coverage by {0}",
        .regionTable: "Every region ({0})",
        .uncoveredTitle: "Uncovered: {0} ({1})",
        .allCovered: "Everything is covered.",
        .moreNotListed: "{0} more not listed (full list: tongxin coverage).",
        .coverageNone: "The graph has no organizations or liaisons to measure coverage by.",
        .inactiveNotListed: "Not listed unit by unit: the {0}s with no coverage at all ({1}).",
        .measure: "Measure",
        .programmeTitle: "{0} paired with {1} ({2})",
        .pairs: "Pairs",
        .density: "Density",
        .pairedOf: "Paired: {0}",
        .shareOf: "Share paired: {0}",
        .maxMatching: "Max matching",
        .unpairedOf: "Unpaired: {0}",
        .densityNote: "Density = pairs ÷ ({0} × {1}); the maximum matching is how many of the {1} can each get a partner of their own.",
        .moreNotListedPairing: "{0} more not listed (full list: tongxin pairing).",
        .inactivePairingNotListed: "Not listed one by one: {1} in the {0}s with no pairing at all ({2}).",
        .counted: "Sides",
        .suggestionsTitle: "Suggested partners ({0})",
        .suggestedPartner: "Suggested partner",
        .hierarchyDistance: "Hierarchy distance",
        .sameRegion: "same {0}",
        .noSharedRegion: "different cities",
        .pairingNone: "The graph has no pairing relationships.",
        .allPaired: "Everything is paired.",
        .wholeScope: "All",
        .centralTitle: "{0} (by {1})",
        .rank: "#",
        .name: "Name",
        .category: "Category",
        .location: "Location",
        .score: "Score",
        .connections: "Direct ties",
        .bridges: "Where its ties reach",
        .centralNote:
            "Betweenness measures how often a node lies on the shortest chains of ties between others: high scorers are the bridges between places and organizations.",
        .sampledNote:
            "Scores are estimated from {0} randomly sampled sources (Brandes–Pich sampling with a fixed seed, so reproducible): the leaders are stable, small differences are not meaningful.",
        .centralNone: "The graph has no figures or organizations.",
        .diagramsNone: "No diagram could be drawn.",
        .maps: "Maps",
        .mapsNone: "No map could be drawn: no region matched a boundary.",
        .mapsUnavailable: "No boundaries are installed, so this report has no maps ({0}).",
        .mapCoverageCaption:
            "{0}: the share of {1} units covered, by {2}, in classes; hover a region for its units, covered units and rate.",
        .mapPairingCaption: "{0} paired with {1}: the share of {1} paired, by {2}, in classes; hover a region for its numbers.",
        .mapChangeCaption:
            "{0}: the change in the share of {1} units covered since {3}, by {2}, in points: orange fell, purple rose, hatched regions are in one version only; hover a region for both versions' numbers.",
        .overviewTitle: "{0} by {1}",
        .overviewCaption: "Each node is a {0} with everything in it; lines sum the ties between them.",
        .overviewColours: " Colour: the share of {1}s covered by {0}.",
        .programmeDiagramTitle: "{0}: {1} paired with {2}",
        .programmeDiagramCaption:
            "Where the programme has the most pairs ({0}), by county (or town): each county, with its {1} and {2}, is one node; lines are pairings across counties, numbered by how many.",
        .neighbourhoodTitle: "Ties of {0}",
        .neighbourhoodCaption: "Ties within two steps (the nearest 60 nodes at most).",
        .kindRegion: "region",
        .kindVillage: "village",
        .kindOrganization: "organization",
        .kindEnterprise: "enterprise",
        .kindFigure: "figure",
        .measureBetweenness: "betweenness",
        .measureDegree: "degree",
        .measurePagerank: "PageRank",
        .change: "Change",
        .changeSince: "Since {0}: {1} nodes added, {2} removed, {3} changed.",
        .edgesChanged: "Relationships added and removed",
        .added: "Added",
        .removed: "Removed",
        .before: "Before",
        .after: "Now",
        .deltaPoints: "Change (points)",
        .movedMost: "Regions whose rate moved most",
        .noRateMoves: "No region's rate changed.",
        .newlyUncoveredTitle: "Newly uncovered: {0} ({1})",
        .moreNotListedChange: "{0} more not listed (full list: tongxin diff).",
        .unchangedMeasures: "Coverage unchanged: {0}.",
        .coverageShift: "Covered {0} → {1}; {2} newly covered, {3} newly uncovered.",
        .pairingShift: "Pairs {0} → {1}; {2} paired {3} → {4}.",
        .begunTitle: "New pairings ({0})",
        .endedTitle: "Ended pairings ({0})"
    ]
}
