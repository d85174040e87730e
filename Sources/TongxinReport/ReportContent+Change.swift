import TongxinGraph
import TongxinResults

/// The 变化 (change) section: what moved since an earlier version of the graph.
public struct ChangeSection: Sendable, Equatable {
    /// How the page names the earlier version (its file).
    public var since: String
    public var nodesAdded: Int
    public var nodesRemoved: Int
    public var nodesChanged: Int
    /// Edges added and removed, by kind (kinds with a change only).
    public var edges: [EdgeShift]
    /// One entry per coverage question, in the coverage section's order.
    public var coverage: [CoverageShift]
    /// One entry per pairing programme, in the pairing section's order.
    public var pairing: [PairingShift]

    public init(
        since: String, nodesAdded: Int = 0, nodesRemoved: Int = 0, nodesChanged: Int = 0, edges: [EdgeShift] = [],
        coverage: [CoverageShift] = [], pairing: [PairingShift] = []
    ) {
        self.since = since
        self.nodesAdded = nodesAdded
        self.nodesRemoved = nodesRemoved
        self.nodesChanged = nodesChanged
        self.edges = edges
        self.coverage = coverage
        self.pairing = pairing
    }
}

/// Edges of one kind added and removed.
public struct EdgeShift: Sendable, Equatable {
    public var kind: String
    public var added: Int
    public var removed: Int

    public init(kind: String, added: Int, removed: Int) {
        self.kind = kind
        self.added = added
        self.removed = removed
    }
}

/// A part of a whole (covered of units, paired of right nodes), with its rate.
public struct Fraction: Sendable, Equatable {
    public var part: Int
    public var whole: Int
    /// part / whole, or `nil` when the whole is 0.
    public var rate: Double? { whole == 0 ? nil : Double(part) / Double(whole) }

    public init(part: Int, whole: Int) {
        self.part = part
        self.whole = whole
    }
}

/// A region whose rate changed.
public struct RateMove: Sendable, Equatable {
    public var region: NodeReference
    public var level: RegionLevel
    public var before: Double?
    public var after: Double?
    /// after − before.
    public var delta: Double

    public init(region: NodeReference, level: RegionLevel, before: Double?, after: Double?, delta: Double) {
        self.region = region
        self.level = level
        self.before = before
        self.after = after
        self.delta = delta
    }
}

/// One coverage question, before and after.
public struct CoverageShift: Sendable, Equatable {
    public var label: String
    public var selector: String
    public var unit: RegionLevel
    public var before: Fraction
    public var after: Fraction
    /// The regions whose rate moved most, largest change first.
    public var movers: [RateMove]
    /// Units covered before and uncovered now, possibly cut short.
    public var newlyUncovered: [UncoveredUnit]
    public var newlyUncoveredCount: Int
    public var newlyCoveredCount: Int
    /// The map of the change in rate by region, when the report draws maps.
    public var map: DiagramFigure?

    /// Whether nothing moved: the same covered and units, no region's rate changed, no unit newly
    /// covered or uncovered.
    public var isUnchanged: Bool {
        before == after && movers.isEmpty && newlyUncoveredCount == 0 && newlyCoveredCount == 0
    }

    public init(
        label: String, selector: String, unit: RegionLevel, before: Fraction, after: Fraction, movers: [RateMove],
        newlyUncovered: [UncoveredUnit], newlyUncoveredCount: Int, newlyCoveredCount: Int
    ) {
        self.label = label
        self.selector = selector
        self.unit = unit
        self.before = before
        self.after = after
        self.movers = movers
        self.newlyUncovered = newlyUncovered
        self.newlyUncoveredCount = newlyUncoveredCount
        self.newlyCoveredCount = newlyCoveredCount
    }
}

/// A left and a right node joined by a pairing edge.
public struct PairLink: Sendable, Equatable {
    public var left: NodeReference
    public var right: NodeReference

    public init(left: NodeReference, right: NodeReference) {
        self.left = left
        self.right = right
    }
}

/// One pairing programme, before and after.
public struct PairingShift: Sendable, Equatable {
    public var leftLabel: String
    public var rightLabel: String
    /// Right nodes paired, of right nodes.
    public var before: Fraction
    public var after: Fraction
    public var pairsBefore: Int
    public var pairsAfter: Int
    /// Pairing edges begun since, possibly cut short.
    public var begun: [PairLink]
    public var begunCount: Int
    /// Pairing edges ended since, possibly cut short.
    public var ended: [PairLink]
    public var endedCount: Int

    public init(
        leftLabel: String, rightLabel: String, before: Fraction, after: Fraction, pairsBefore: Int, pairsAfter: Int,
        begun: [PairLink], begunCount: Int, ended: [PairLink], endedCount: Int
    ) {
        self.leftLabel = leftLabel
        self.rightLabel = rightLabel
        self.before = before
        self.after = after
        self.pairsBefore = pairsBefore
        self.pairsAfter = pairsAfter
        self.begun = begun
        self.begunCount = begunCount
        self.ended = ended
        self.endedCount = endedCount
    }
}
