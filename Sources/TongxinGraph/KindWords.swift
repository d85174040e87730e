/// The everyday names of region levels and edge kinds in Chinese and English (the glossary of
/// DOMAIN.md): the one table the map, the report, the diagrams and the questions in words all use.
///
/// - Complexity: O(1) per name.
extension RegionLevel {
    /// The level's name: 省、市（州）、县（市、区）、乡镇（街道）、村（社区） / province, city, county, town, village.
    public func name(chinese: Bool) -> String {
        guard chinese else { return rawValue }
        return switch self {
        case .province: "省"
        case .city: "市（州）"
        case .county: "县（市、区）"
        case .town: "乡镇（街道）"
        case .village: "村（社区）"
        }
    }
}

extension EdgeKind {
    /// An edge kind in words: 隶属/位于、成员、负责、服务、联络、结对、其他联系 / within, member of, leads,
    /// serves, liaison for, paired with, other tie; kinds without a name are shown as they are.
    public static func words(_ kind: String, chinese: Bool) -> String {
        switch (chinese, kind) {
        case (true, within): "隶属/位于"
        case (true, memberOf): "成员"
        case (true, leads): "负责"
        case (true, serves): "服务"
        case (true, liaisonFor): "联络"
        case (true, pairedWith): "结对"
        case (true, tie): "其他联系"
        case (false, memberOf): "member of"
        case (false, liaisonFor): "liaison for"
        case (false, pairedWith): "paired with"
        case (false, tie): "other tie"
        default: kind
        }
    }
}
