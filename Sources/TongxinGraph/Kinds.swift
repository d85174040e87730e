/// The node kinds DESIGN.md names. Other kind names are allowed and handled generically.
public enum NodeKind {
    public static let region = "region"
    public static let village = "village"
    public static let organization = "organization"
    public static let enterprise = "enterprise"
    public static let figure = "figure"
    /// The kind given to a node read from a format that has no kind for it.
    public static let generic = "node"
}

/// The edge kinds DESIGN.md names. Other kind names are allowed and handled generically.
public enum EdgeKind {
    /// Hierarchy and location: a village within its town, an organization located in a village.
    public static let within = "within"
    public static let memberOf = "member_of"
    public static let leads = "leads"
    public static let serves = "serves"
    public static let liaisonFor = "liaison_for"
    public static let pairedWith = "paired_with"
    /// The kind given to an edge read from a format that has no kind for it.
    public static let tie = "tie"
    /// The kinds above: an edge label in another tool's file names a kind only when it is one of these.
    public static let all = [within, memberOf, leads, serves, liaisonFor, pairedWith, tie]
}

/// The well-known attribute names.
public enum WellKnownAttribute {
    /// A region's level: see ``RegionLevel``.
    public static let level = "level"
    /// An organization's type (商会, 知联会 …) or a village's (`village`, `community`).
    public static let type = "type"
    /// A figure's category.
    public static let category = "category"
    public static let all = [level, type, category]
}

/// The levels of the administrative hierarchy, from the root down; villages sit below towns.
public enum RegionLevel: String, CaseIterable, Comparable, Sendable {
    case province
    case city
    case county
    case town
    case village

    /// Depth below the province: 0 for the province, 4 for a village.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.rank < rhs.rank }
}
