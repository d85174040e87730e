import TongxinGraph

/// Coverage and pairing questions said in words, in Chinese or English: the one place where a
/// selector such as `organization[type=商会]` becomes "商会" or "organizations of type 商会", used by
/// the map's question line and the report's headings.
///
/// A selector's subject is the value of its `type` (organizations) or `category` (figures) filter
/// when that is its only filter, else its kind in words with the filters after it; several
/// selectors are joined by 或 / "or". Edge kinds have their everyday names (``EdgeKind/words(_:chinese:)``).
///
/// - Complexity: O(length of the selectors' text).
///
/// Example: `organization[type=商会]` over towns via `within,serves` is
/// "商会覆盖的乡镇（经 隶属/位于、服务）" and "towns covered by organizations of type 商会 (via within,
/// serves)".
public struct QuestionWording: Sendable {
    public let chinese: Bool

    public init(chinese: Bool) {
        self.chinese = chinese
    }

    /// "商会覆盖的乡镇（经 隶属/位于、服务）" / "towns covered by organizations of type 商会 (via within, serves)".
    public func coverage(unit: RegionLevel, by selectors: [NodeSelector], via: [String]) -> String {
        let kinds = via.map { EdgeKind.words($0, chinese: chinese) }.joined(separator: chinese ? "、" : ", ")
        return chinese
            ? "\(subject(selectors))覆盖的\(unitName(unit))（经 \(kinds)）"
            : "\(unitName(unit, plural: true)) covered by \(subject(selectors)) (via \(kinds))"
    }

    /// "与企业结对的村" / "villages paired with enterprises"; an edge kind other than `paired_with`
    /// is named after it.
    public func pairing(left: NodeSelector, right: NodeSelector, edge: String) -> String {
        let by =
            edge == EdgeKind.pairedWith
            ? "" : chinese ? "（经 \(EdgeKind.words(edge, chinese: true))）" : " (by \(EdgeKind.words(edge, chinese: false)))"
        return chinese
            ? "与\(subject([left]))结对的\(subject([right]))\(by)"
            : "\(subject([right])) paired with \(subject([left]))\(by)"
    }

    /// The units counted: 市、县、乡镇、村 / cities, counties, towns, villages.
    public func unitName(_ level: RegionLevel, plural: Bool = false) -> String {
        switch (chinese, level) {
        case (true, .province): "省"
        case (true, .city): "市"
        case (true, .county): "县"
        case (true, .town): "乡镇"
        case (true, .village): "村"
        case (false, .city): plural ? "cities" : "city"
        case (false, _): level.rawValue + (plural ? "s" : "")
        }
    }

    /// What the selectors pick, joined by 或 / "or".
    public func subject(_ selectors: [NodeSelector]) -> String {
        selectors.map(subject).joined(separator: chinese ? "或" : " or ")
    }

    private func subject(_ selector: NodeSelector) -> String {
        let named: String? =
            switch selector.kind {
            case NodeKind.organization: WellKnownAttribute.type
            case NodeKind.figure: WellKnownAttribute.category
            default: nil
            }
        if selector.filters.count == 1, let filter = selector.filters.first, !filter.negated, filter.attribute == named {
            return chinese ? filter.value : "\(kindName(selector.kind, plural: true)) of \(filter.attribute) \(filter.value)"
        }
        let kind = kindName(selector.kind, plural: true)
        guard !selector.filters.isEmpty else { return kind }
        let conditions = selector.filters.map { "\($0.attribute)\($0.negated ? "≠" : "=")\($0.value)" }
        return chinese ? "\(kind)（\(conditions.joined(separator: "，"))）" : "\(kind) with \(conditions.joined(separator: ", "))"
    }

    private func kindName(_ kind: String?, plural: Bool) -> String {
        switch (chinese, kind) {
        case (true, nil): "任何节点"
        case (true, NodeKind.region): "地区"
        case (true, NodeKind.village): "村"
        case (true, NodeKind.organization): "组织"
        case (true, NodeKind.enterprise): "企业"
        case (true, NodeKind.figure): "人物"
        case (true, let other?): other
        case (false, nil): plural ? "nodes" : "node"
        case (false, let other?): other + (plural ? "s" : "")
        }
    }
}
