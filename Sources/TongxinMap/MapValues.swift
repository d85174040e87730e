import TongxinAnalysis
import TongxinGraph

/// The regions a map draws and the number each is coloured by: a coverage rate (covered units over
/// units, exactly ``Coverage/Region/rate``) or a pairing share (paired right nodes over right nodes,
/// exactly ``Pairing/Region/rightShare``).
public struct MapValues: Sendable {
    /// What the numbers are.
    public enum Measure: Sendable, Equatable {
        /// Coverage of `unit`s by the selectors through the `via` kinds.
        case coverage(unit: RegionLevel, selectors: [NodeSelector], via: [String])
        /// The share of `right` nodes paired with `left` ones by `edge`.
        case pairing(left: NodeSelector, right: NodeSelector, edge: String)
    }

    /// One region's figures.
    public struct Entry: Sendable, Equatable {
        public var node: Int
        /// Units (coverage) or right nodes (pairing) inside the region.
        public var units: Int
        /// Covered units or paired right nodes.
        public var covered: Int
        /// `covered / units`, `nil` when there are no units.
        public var rate: Double? { units == 0 ? nil : Double(covered) / Double(units) }
    }

    public let measure: Measure
    /// The level drawn.
    public let level: RegionLevel
    /// The region the map shows the inside of, or `nil` for the whole graph.
    public let scope: Int?
    /// The regions drawn, in hierarchy preorder: those at `level` inside the scope, and at county
    /// level also the cities without counties (仙桃, 潜江, 天门, 神农架 are administered by the
    /// province directly and stand where counties stand).
    public let entries: [Entry]
    /// For a map of change, the earlier version's figures; `nil` for a map of one version.
    public let comparison: Comparison?

    /// The regions `level` draws inside `scope` (the whole graph when `nil`). O(V).
    public static func regions(of graph: Graph, level: RegionLevel, within scope: Int?) -> [Int] {
        let hierarchy = graph.hierarchy
        let nodes: [Int] = scope.map { hierarchy.subtree(of: $0).map(Int.init) } ?? hierarchy.preorder.map(Int.init)
        return nodes.filter { node in
            guard node != scope, let nodeLevel = graph.level(of: node) else { return false }
            if nodeLevel == level { return true }
            guard level == .county, nodeLevel == .city else { return false }
            return !hierarchy.children(of: node).contains { graph.level(of: Int($0)) == .county }
        }
    }

    /// Coverage of `unit`s below or at `level`, for the regions `level` draws.
    ///
    /// - Throws: ``CoverageError`` as ``Coverage`` does.
    public init(
        coverageOf graph: Graph, level: RegionLevel, unit: RegionLevel, by selectors: [NodeSelector],
        via: [String] = Coverage.defaultVia, within scope: Int?
    ) throws(CoverageError) {
        let coverage = try Coverage(of: graph, unit: unit, by: selectors, via: via, within: scope)
        measure = .coverage(unit: unit, selectors: selectors, via: via)
        self.level = level
        self.scope = scope
        entries = Self.entries(coverage, of: graph, level: level, within: scope)
        comparison = nil
    }

    /// The change in coverage between an earlier and a later version, for the regions `level`
    /// draws in the later one: every entry is the later figures, ``comparison`` the earlier ones and
    /// the change in rate, which is ``CoverageChange/Region/deltaRate`` (the `delta_rate` of
    /// `diff --coverage`).
    ///
    /// - Parameter scope: the region in each version, or `nil` for the whole graph.
    /// - Throws: ``CoverageError`` as ``Coverage`` does.
    /// - Complexity: O(V₁ + E₁ + V₂ + E₂), as two coverage answers and their comparison.
    public init(
        coverageChangeFrom old: Graph, to new: Graph, level: RegionLevel, unit: RegionLevel, by selectors: [NodeSelector],
        via: [String] = Coverage.defaultVia, within scope: (old: Int?, new: Int?)
    ) throws(CoverageError) {
        let before = try Coverage(of: old, unit: unit, by: selectors, via: via, within: scope.old)
        let after = try Coverage(of: new, unit: unit, by: selectors, via: via, within: scope.new)
        let matching = NodeMatching(old: old, new: new)
        let change = CoverageChange(before: before, of: old, after: after, of: new, matching: matching)
        var deltas: [Int: Double?] = [:]
        for region in change.regions { if let node = region.new { deltas[node] = region.deltaRate } }
        measure = .coverage(unit: unit, selectors: selectors, via: via)
        self.level = level
        self.scope = scope.new
        entries = Self.entries(after, of: new, level: level, within: scope.new)
        comparison = Comparison(
            entries: entries, earlier: Self.entries(before, of: old, level: level, within: scope.old),
            of: old, scope: scope.old, matching: matching, deltas: deltas)
    }

    /// One entry per region `level` draws, from a coverage answer.
    private static func entries(_ coverage: Coverage, of graph: Graph, level: RegionLevel, within scope: Int?) -> [Entry] {
        var byNode: [Int: Entry] = [:]
        for region in coverage.regions { byNode[region.node] = Entry(node: region.node, units: region.units, covered: region.covered) }
        let uncovered = Set(coverage.uncovered.map(\.node))
        return regions(of: graph, level: level, within: scope).map { node in
            if let entry = byNode[node] { return entry }
            // A region at the unit level is a unit: covered or not.
            if graph.level(of: node) == coverage.unit { return Entry(node: node, units: 1, covered: uncovered.contains(node) ? 0 : 1) }
            return Entry(node: node, units: 0, covered: 0)
        }
    }

    /// The share of `right` nodes paired, for the regions `level` draws.
    ///
    /// - Throws: ``PairingError`` as ``Pairing`` does.
    public init(
        pairingOf graph: Graph, level: RegionLevel, left: NodeSelector, right: NodeSelector,
        edge: String = EdgeKind.pairedWith, within scope: Int?
    ) throws(PairingError) {
        var byNode: [Int: Entry] = [:]
        for pairing in try Self.pairings(of: graph, level: level, left: left, right: right, edge: edge, within: scope) {
            Self.collect(pairing, into: &byNode)
        }
        measure = .pairing(left: left, right: right, edge: edge)
        self.level = level
        self.scope = scope
        entries = Self.regions(of: graph, level: level, within: scope).map { byNode[$0] ?? Entry(node: $0, units: 0, covered: 0) }
        comparison = nil
    }

    /// The change in the share of `right` nodes paired between an earlier and a later version: the
    /// later figures, and in ``comparison`` the earlier ones and the change, which is
    /// ``PairingChange/Region/delta(_:)`` of the right share (the `delta_right_share` of
    /// `diff --pairing`).
    ///
    /// - Throws: ``PairingError`` as ``Pairing`` does.
    /// - Complexity: O(V₁ + E₁ + V₂ + E₂) per level counted.
    public init(
        pairingChangeFrom old: Graph, to new: Graph, level: RegionLevel, left: NodeSelector, right: NodeSelector,
        edge: String = EdgeKind.pairedWith, within scope: (old: Int?, new: Int?)
    ) throws(PairingError) {
        let diff = GraphDiff(old: old, new: new, level: level, within: scope)
        let before = try Self.pairings(of: old, level: level, left: left, right: right, edge: edge, within: scope.old)
        let after = try Self.pairings(of: new, level: level, left: left, right: right, edge: edge, within: scope.new)
        var oldByNode: [Int: Entry] = [:], newByNode: [Int: Entry] = [:], deltas: [Int: Double?] = [:]
        for (earlier, later) in zip(before, after) {
            Self.collect(earlier, into: &oldByNode)
            Self.collect(later, into: &newByNode)
            let change = PairingChange(before: earlier, of: old, after: later, of: new, diff: diff)
            for region in change.regions.dropFirst() { if let node = region.new { deltas[node] = region.delta(\.rightShare) } }
        }
        measure = .pairing(left: left, right: right, edge: edge)
        self.level = level
        self.scope = scope.new
        entries = Self.regions(of: new, level: level, within: scope.new).map { newByNode[$0] ?? Entry(node: $0, units: 0, covered: 0) }
        let earlier = Self.regions(of: old, level: level, within: scope.old).map { oldByNode[$0] ?? Entry(node: $0, units: 0, covered: 0) }
        comparison = Comparison(entries: entries, earlier: earlier, of: old, scope: scope.old, matching: diff.matching, deltas: deltas)
    }

    /// The pairing answers a level needs: cities stand in a county map where they have no
    /// counties, so both levels are counted.
    private static func pairings(
        of graph: Graph, level: RegionLevel, left: NodeSelector, right: NodeSelector, edge: String,
        within scope: Int?
    ) throws(PairingError) -> [Pairing] {
        var result: [Pairing] = []
        for by in level == .county ? [RegionLevel.city, .county] : [level] {
            result.append(try Pairing(of: graph, left: left, right: right, edge: edge, by: by, within: scope))
        }
        return result
    }

    private static func collect(_ pairing: Pairing, into byNode: inout [Int: Entry]) {
        for region in pairing.regions.dropFirst() {
            guard let node = region.node else { continue }
            byNode[node] = Entry(node: node, units: region.right, covered: region.rightPaired)
        }
    }
}

extension MapValues {
    /// The earlier version of a map of change: each entry's earlier figures and change, and the
    /// regions only the earlier version has.
    public struct Comparison: Sendable {
        /// For each entry, its figures in the earlier version (`node` an index there), or `nil` when
        /// the region is new.
        public let before: [Entry?]
        /// For each entry, the change in rate (later − earlier), or `nil` when either side has no rate.
        public let delta: [Double?]
        /// The regions at the level drawn that only the earlier version has (indices there).
        public let removed: [Entry]
        /// The earlier version.
        public let graph: Graph
        /// The region drawn in the earlier version, or `nil` for the whole graph.
        public let scope: Int?

        /// Pairs `entries` with `earlier` by id; the change is the analysis's own (`deltas`, by new
        /// node), else after's rate − before's rate for regions it does not list (units drawn as
        /// regions). O(R) for R entries, plus `matching`'s lookups.
        init(entries: [Entry], earlier: [Entry], of old: Graph, scope: Int?, matching: NodeMatching, deltas: [Int: Double?]) {
            var byOld: [Int: Entry] = [:]
            for entry in earlier { byOld[entry.node] = entry }
            before = entries.map { entry in matching.old(entry.node).flatMap { byOld[$0] } }
            delta = zip(entries, before).map { entry, before in
                if let known = deltas[entry.node] { return known }
                guard let after = entry.rate, let before = before?.rate else { return nil }
                return after - before
            }
            let drawn = Set(entries.map(\.node))
            removed = earlier.filter { entry in matching.new(entry.node).map { !drawn.contains($0) } ?? true }
            graph = old
            self.scope = scope
        }
    }
}
