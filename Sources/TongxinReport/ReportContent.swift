import TongxinGraph
import TongxinResults

/// Everything the report shows, as plain values: what ``ReportBuilder`` computes from a graph and
/// ``ReportPage`` lays out. Keeping the two apart lets the page be built and tested from hand-made
/// content, with no graph and no Graphviz.
public struct ReportContent: Sendable, Equatable {
    /// The graph's name, or the region's when the report covers one region.
    public var title: String
    /// The region the report is restricted to (`--region`), or `nil` for the whole graph.
    public var scope: NodeReference?
    /// The level of the regions that charts and breakdowns compare: cities for a province, counties
    /// for a city.
    public var breakdownLevel: RegionLevel
    public var summary: Summary
    public var coverage: [CoverageMeasure]
    public var pairing: [PairingProgramme]
    public var central: [CentralGroup]
    public var diagrams: [DiagramFigure]
    /// The maps (coverage questions, then pairing programmes), drawn as SVG.
    public var maps: [DiagramFigure] = []
    /// Why there are no maps, when the boundaries are missing or unreadable.
    public var mapsUnavailable: String?
    /// What moved since an earlier version (`report --since`), or `nil` without one.
    public var change: ChangeSection? = nil

    public init(
        title: String, scope: NodeReference? = nil, breakdownLevel: RegionLevel = .city, summary: Summary = Summary(),
        coverage: [CoverageMeasure] = [], pairing: [PairingProgramme] = [], central: [CentralGroup] = [],
        diagrams: [DiagramFigure] = []
    ) {
        self.title = title
        self.scope = scope
        self.breakdownLevel = breakdownLevel
        self.summary = summary
        self.coverage = coverage
        self.pairing = pairing
        self.central = central
        self.diagrams = diagrams
    }
}

/// A label and how many things carry it (a node kind, a level, an organization type).
public struct Tally: Sendable, Equatable {
    public var label: String
    public var count: Int

    public init(_ label: String, _ count: Int) {
        self.label = label
        self.count = count
    }
}

/// The summary section: counts, data warnings and what the graph says about its own provenance.
public struct Summary: Sendable, Equatable {
    /// Node counts by kind (raw kind names; the page translates the well-known ones).
    public var nodeKinds: [Tally]
    /// Edge counts by kind (raw kind names).
    public var edgeKinds: [Tally]
    /// Region and village counts by level (raw level names).
    public var levels: [Tally]
    /// Organization counts by `type`.
    public var organizationTypes: [Tally]
    /// Figure counts by `category`.
    public var figureCategories: [Tally]
    /// The graph's warnings as printed (`FILE:LINE:COL: warning: …`), possibly fewer than
    /// ``warningCount``.
    public var warnings: [String]
    /// How many warnings the graph has in all.
    public var warningCount: Int
    /// The graph's metadata (provenance, what is synthetic, reconciliations), sorted by key.
    public var metadata: [(key: String, value: String)]

    public init(
        nodeKinds: [Tally] = [], edgeKinds: [Tally] = [], levels: [Tally] = [], organizationTypes: [Tally] = [],
        figureCategories: [Tally] = [], warnings: [String] = [], warningCount: Int = 0,
        metadata: [(key: String, value: String)] = []
    ) {
        self.nodeKinds = nodeKinds
        self.edgeKinds = edgeKinds
        self.levels = levels
        self.organizationTypes = organizationTypes
        self.figureCategories = figureCategories
        self.warnings = warnings
        self.warningCount = warningCount
        self.metadata = metadata
    }

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        lhs.nodeKinds == rhs.nodeKinds && lhs.edgeKinds == rhs.edgeKinds && lhs.levels == rhs.levels
            && lhs.organizationTypes == rhs.organizationTypes && lhs.figureCategories == rhs.figureCategories
            && lhs.warnings == rhs.warnings && lhs.warningCount == rhs.warningCount
            && lhs.metadata.elementsEqual(rhs.metadata) { $0.key == $1.key && $0.value == $1.value }
    }
}

/// One coverage question — "which towns have a 商会?" — answered for every region above the unit.
public struct CoverageMeasure: Sendable, Equatable {
    /// What covers, in the reader's words (an organization type, a figure category).
    public var label: String
    /// The selector that was measured, e.g. `organization[type=商会]`.
    public var selector: NodeSelector
    /// The unit level counted.
    public var unit: RegionLevel
    /// The edge kinds that link a covering node to a unit.
    public var via: [String]
    /// Regions above the unit level, in hierarchy order (the scope's root first).
    public var regions: [CoverageRow]
    /// Uncovered units listed one by one: those in breakdown regions where something is covered,
    /// possibly cut short (``uncoveredCount`` says how many there are in all).
    public var uncovered: [UncoveredUnit]
    /// How many units are uncovered in all.
    public var uncoveredCount: Int
    /// Breakdown regions where nothing is covered: their units are not listed one by one (the
    /// programme does not run there, and a list of every unit would drown the others).
    public var inactiveRegions: [String]
    /// Uncovered units in the other regions left out of ``uncovered`` to keep the page readable.
    public var truncated: Int

    public init(
        label: String, selector: NodeSelector, unit: RegionLevel, via: [String], regions: [CoverageRow],
        uncovered: [UncoveredUnit], uncoveredCount: Int, inactiveRegions: [String] = [], truncated: Int = 0
    ) {
        self.label = label
        self.selector = selector
        self.unit = unit
        self.via = via
        self.regions = regions
        self.uncovered = uncovered
        self.uncoveredCount = uncoveredCount
        self.inactiveRegions = inactiveRegions
        self.truncated = truncated
    }
}

/// A unit nothing covers, with where it is.
public struct UncoveredUnit: Sendable, Equatable {
    public var unit: NodeReference
    /// The region of the breakdown level it lies in (its city in a province report), by name.
    public var group: String
    /// Its ancestors' names from the root down to its parent.
    public var path: [String]

    public init(unit: NodeReference, group: String, path: [String]) {
        self.unit = unit
        self.group = group
        self.path = path
    }
}

/// One pairing programme (enterprises with villages, figures with figures…), per region.
public struct PairingProgramme: Sendable, Equatable {
    /// The left side in the reader's words (a kind, category or type), e.g. 党外专家.
    public var leftLabel: String
    /// The left side's selector, e.g. `figure[category=党外专家]`.
    public var left: String
    /// The right side in the reader's words.
    public var rightLabel: String
    /// The right side's selector, e.g. `village`.
    public var right: String
    /// The edge kind that pairs them.
    public var edge: String
    /// The scope as a whole first, then each region of the breakdown level.
    public var rows: [PairingRow]
    /// Proposed partners for unpaired right nodes; empty when none were asked for or needed.
    public var suggestions: [SuggestedPartner]

    public init(
        leftLabel: String, left: String, rightLabel: String, right: String, edge: String, rows: [PairingRow],
        suggestions: [SuggestedPartner] = []
    ) {
        self.leftLabel = leftLabel
        self.left = left
        self.rightLabel = rightLabel
        self.right = right
        self.edge = edge
        self.rows = rows
        self.suggestions = suggestions
    }
}

/// Pairing in one region (DESIGN.md, "Pairing per region R").
public struct PairingRow: Sendable, Equatable {
    public var region: NodeReference
    public var level: RegionLevel?
    public var left: Int
    public var right: Int
    public var pairs: Int
    /// pairs / (left × right), `nil` when either side is empty.
    public var density: Double?
    public var leftPaired: Int
    public var rightPaired: Int
    public var leftShare: Double?
    public var rightShare: Double?
    public var maxMatching: Int
    /// Right nodes with no pair, listed one by one: none in a region where nothing is paired (the
    /// programme does not run there), and possibly cut short (see ``unpairedCount``).
    public var unpaired: [NodeReference]
    /// How many right nodes have no pair in all.
    public var unpairedCount: Int

    public init(
        region: NodeReference, level: RegionLevel?, left: Int, right: Int, pairs: Int, density: Double?,
        leftPaired: Int, rightPaired: Int, leftShare: Double?, rightShare: Double?, maxMatching: Int,
        unpaired: [NodeReference], unpairedCount: Int? = nil
    ) {
        self.region = region
        self.level = level
        self.left = left
        self.right = right
        self.pairs = pairs
        self.density = density
        self.leftPaired = leftPaired
        self.rightPaired = rightPaired
        self.leftShare = leftShare
        self.rightShare = rightShare
        self.maxMatching = maxMatching
        self.unpaired = unpaired
        self.unpairedCount = unpairedCount ?? unpaired.count
    }
}

/// A proposed partner for an unpaired right node, and how far apart they are in the hierarchy.
public struct SuggestedPartner: Sendable, Equatable {
    public var right: NodeReference
    public var left: NodeReference
    /// 1 same town, 2 same county, 3 same city, 4 elsewhere.
    public var cost: Int
    /// The level of the closest region both lie in, or `nil` when they share none.
    public var shared: RegionLevel?

    public init(right: NodeReference, left: NodeReference, cost: Int, shared: RegionLevel?) {
        self.right = right
        self.left = left
        self.cost = cost
        self.shared = shared
    }
}

/// The most central nodes of one kind under one measure.
public struct CentralGroup: Sendable, Equatable {
    /// The node kind (raw), e.g. `figure`.
    public var kind: String
    /// The centrality measure's name, e.g. `betweenness`.
    public var measure: String
    /// How many sampled sources estimated the measure, or `nil` when it is exact.
    public var sampledSources: Int?
    public var nodes: [CentralNode]

    public init(kind: String, measure: String, sampledSources: Int? = nil, nodes: [CentralNode]) {
        self.kind = kind
        self.measure = measure
        self.sampledSources = sampledSources
        self.nodes = nodes
    }
}

/// A central node: its score and the regions its neighbours lie in, which is what it bridges.
public struct CentralNode: Sendable, Equatable {
    public var node: NodeReference
    /// Its `category` or `type`, when it has one.
    public var category: String?
    /// Where it is located: region names from the breakdown level down.
    public var location: [String]
    public var score: Double
    /// Its number of distinct neighbours.
    public var degree: Int
    /// The breakdown-level regions of its neighbours, with how many neighbours lie in each, most
    /// first.
    public var bridges: [Tally]

    public init(
        node: NodeReference, category: String?, location: [String], score: Double, degree: Int, bridges: [Tally]
    ) {
        self.node = node
        self.category = category
        self.location = location
        self.score = score
        self.degree = degree
        self.bridges = bridges
    }
}

/// A diagram drawn by Graphviz, as SVG markup.
public struct DiagramFigure: Sendable, Equatable {
    public var title: String
    public var caption: String
    /// The SVG document; its XML prolog and doctype, if any, are dropped when it is inlined.
    public var svg: String

    public init(title: String, caption: String, svg: String) {
        self.title = title
        self.caption = caption
        self.svg = svg
    }
}

/// The sections of the report, in page order; `--sections` picks among them by raw value.
public enum ReportSection: String, CaseIterable, Sendable {
    case summary
    case coverage
    case pairing
    case maps
    /// Needs an earlier version of the graph to compare with.
    case change
    case central
    case diagrams
}
