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
    public init(coverageOf graph: Graph, level: RegionLevel, unit: RegionLevel, by selectors: [NodeSelector],
                via: [String] = Coverage.defaultVia, within scope: Int?) throws(CoverageError) {
        let coverage = try Coverage(of: graph, unit: unit, by: selectors, via: via, within: scope)
        var byNode: [Int: Entry] = [:]
        for region in coverage.regions { byNode[region.node] = Entry(node: region.node, units: region.units, covered: region.covered) }
        let uncovered = Set(coverage.uncovered.map(\.node))
        measure = .coverage(unit: unit, selectors: selectors, via: via)
        self.level = level
        self.scope = scope
        entries = Self.regions(of: graph, level: level, within: scope).map { node in
            if let entry = byNode[node] { return entry }
            // A region at the unit level is a unit: covered or not.
            if graph.level(of: node) == unit { return Entry(node: node, units: 1, covered: uncovered.contains(node) ? 0 : 1) }
            return Entry(node: node, units: 0, covered: 0)
        }
    }

    /// The share of `right` nodes paired, for the regions `level` draws.
    ///
    /// - Throws: ``PairingError`` as ``Pairing`` does.
    public init(pairingOf graph: Graph, level: RegionLevel, left: NodeSelector, right: NodeSelector,
                edge: String = EdgeKind.pairedWith, within scope: Int?) throws(PairingError) {
        var byNode: [Int: Entry] = [:]
        // Cities stand in a county map where they have no counties, so both levels are counted.
        for by in level == .county ? [RegionLevel.city, .county] : [level] {
            let pairing = try Pairing(of: graph, left: left, right: right, edge: edge, by: by, within: scope)
            for region in pairing.regions.dropFirst() {
                guard let node = region.node else { continue }
                byNode[node] = Entry(node: node, units: region.right, covered: region.rightPaired)
            }
        }
        measure = .pairing(left: left, right: right, edge: edge)
        self.level = level
        self.scope = scope
        entries = Self.regions(of: graph, level: level, within: scope).map { byNode[$0] ?? Entry(node: $0, units: 0, covered: 0) }
    }
}
