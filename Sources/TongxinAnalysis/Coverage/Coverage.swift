/// Coverage of administrative units: which villages, towns, counties or cities have a matching
/// organization, liaison, station or partner, rolled up to every region above them.
///
/// A *unit* is a node at the chosen level (a `village` node, or a `region` whose `level` is `town`,
/// `county` or `city`). A unit is *covered* when a node matching any of the selectors is linked, by
/// an edge of one of the `via` kinds, to the unit itself or to any node inside the unit's subtree of
/// ``Graph/hierarchy`` (a village of a town, an organization located in one of its villages…).
///
/// Which end of a `via` edge must be the matching node depends on the kind's meaning:
/// - `within`, `serves`, `liaison_for`, `member_of`, `leads` (``Coverage/placingKinds``) read
///   "SOURCE is located in / serves / is the liaison for / belongs to TARGET": the matching node must be
///   the **source** and the target is the place it covers. `org —within→ village` means the
///   organization is located in the village, which covers the village; the reverse reading
///   (`village —within→ town` covering the village because the town matches) would let a region
///   cover everything below it, which is not what "has a 商会" means.
/// - `paired_with`, `tie` and every other kind are relationships without a direction of meaning
///   (DESIGN.md: pairing is counted "either direction"): either end may be the matching node, and the
///   other end is the place.
///
/// A self-loop links a node to itself, not to a place, and never covers anything.
///
/// Rates are `covered / units`, or `nil` when a region has no units, never NaN.
///
/// - Complexity: O(V + E) time and O(V) extra space, V nodes and E edges: one pass over the edges
///   marks the places a matching node reaches (by preorder position), a prefix sum over the preorder
///   answers "is anything marked inside this unit's subtree" in O(1) (``Hierarchy/positions`` and
///   ``Hierarchy/subtreeEnds``), and running counts of units and covered units over the preorder give
///   every region's totals as differences at the two ends of its preorder interval (no per-ancestor
///   roll-up, so a region's counts are exactly the sums over its children). Matching the selectors
///   costs O(V · F) for F attribute filters; listing the uncovered units' paths adds O(depth) per
///   uncovered unit.
///
/// The subtree test is the depth-first numbering test of Tarjan, "Depth-first search and linear graph
/// algorithms", SIAM J. Comput. 1(2), 1972, doi:10.1137/0201010: `w` is a descendant of `v` exactly
/// when `number(v) ≤ number(w) < number(v) + descendants(v)`.
///
/// Example, a town 甲镇 with villages 一村 and 二村, a 商会 located in 一村 and a liaison for 甲镇:
///
/// ```
/// t 甲镇 (town) ←within─ v1 一村 ←within─ o 商会 (organization, type 商会)
///              ←within─ v2 二村
///              ←liaison_for─ f (figure)
/// ```
///
/// `Coverage(of: g, unit: .village, by: [organization[type=商会]])` gives one region, 甲镇, with
/// units 2, covered 1, rate 0.5, and 二村 uncovered with path [甲镇]. With `by: [figure]` no village is
/// covered (the liaison is linked to the town, which is above the villages, not inside them), while
/// `unit: .town` with `by: [figure]` covers 甲镇.
public struct Coverage: Sendable, Equatable {
    /// The `via` kinds used when none are given.
    public static let defaultVia = [EdgeKind.within, EdgeKind.serves, EdgeKind.liaisonFor, EdgeKind.pairedWith]
    /// The edge kinds whose source is the node doing the covering and whose target is the place.
    public static let placingKinds: Set<String> = [
        EdgeKind.within, EdgeKind.serves, EdgeKind.liaisonFor, EdgeKind.memberOf, EdgeKind.leads
    ]

    /// Coverage totals for one region above the unit level.
    public struct Region: Sendable, Equatable {
        /// The region's node index.
        public var node: Int
        public var level: RegionLevel
        /// Units inside the region.
        public var units: Int
        /// Covered units inside the region.
        public var covered: Int

        /// `covered / units`, or `nil` when the region has no units.
        public var rate: Double? { units == 0 ? nil : Double(covered) / Double(units) }
    }

    /// A unit no matching node reaches.
    public struct UncoveredUnit: Sendable, Equatable {
        /// The unit's node index.
        public var node: Int
        /// Its ancestors, from the root down to its parent.
        public var path: [Int]
    }

    public let unit: RegionLevel
    public let selectors: [NodeSelector]
    public let via: [String]
    /// The region the analysis is restricted to, or `nil` for the whole graph.
    public let scope: Int?
    /// Units in scope.
    public let units: Int
    /// Covered units in scope.
    public let covered: Int
    /// Every region in scope above the unit level, in hierarchy preorder (each region before the
    /// regions inside it, siblings by node index).
    public let regions: [Region]
    /// Every uncovered unit in scope, in hierarchy preorder.
    public let uncovered: [UncoveredUnit]

    /// Computes coverage of the units at level `unit` by the nodes matching any of `selectors`.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - unit: the level of the units counted: `village`, `town`, `county` or `city`.
    ///   - selectors: the covering nodes, any of (a node matching several counts once).
    ///   - via: the edge kinds that link a covering node to a place; kinds absent from the graph
    ///     simply link nothing.
    ///   - scope: a region (or village) node to restrict the analysis to its subtree; it must lie
    ///     above the unit level.
    /// - Throws: ``CoverageError`` when `unit` is `province`, `selectors` is empty, or `scope` is
    ///   not a region above the unit level.
    public init(
        of graph: Graph, unit: RegionLevel, by selectors: [NodeSelector], via: [String] = Coverage.defaultVia,
        within scope: Int? = nil
    ) throws(CoverageError) {
        guard unit != .province else { throw .unitIsProvince }
        guard !selectors.isEmpty else { throw .noSelector }
        let levels = LevelRanks(graph)
        let unitRank = Int8(unit.rank)
        if let scope {
            let rank = levels[scope]
            guard rank >= 0 else { throw .scopeNotARegion(id: graph.id(of: scope), kind: graph.kind(of: scope)) }
            guard rank < unitRank else {
                throw .scopeNotAboveUnit(id: graph.id(of: scope), level: RegionLevel.allCases[Int(rank)], unit: unit)
            }
        }
        self.unit = unit
        self.selectors = selectors
        self.via = via
        self.scope = scope

        let hierarchy = graph.hierarchy
        let nodeCount = graph.nodeCount
        let reached = Self.reachedPositions(graph, matching: graph.matchMask(selectors), via: via)
        let start = scope.map { Int(hierarchy.positions[$0]) } ?? 0
        let end = scope.map { Int(hierarchy.subtreeEnds[$0]) } ?? nodeCount

        // One forward pass in preorder: running counts of units and covered units by position (so a
        // region's counts are differences at the two ends of its preorder interval), the regions'
        // positions, and the uncovered units.
        var unitsBefore = [Int32](repeating: 0, count: nodeCount + 1)
        var coveredBefore = [Int32](repeating: 0, count: nodeCount + 1)
        var regionPositions: [Int] = []
        var uncovered: [UncoveredUnit] = []
        unitsBefore.withUnsafeMutableBufferPointer { unitsBefore in
            coveredBefore.withUnsafeMutableBufferPointer { coveredBefore in
                hierarchy.preorder.withUnsafeBufferPointer { preorder in
                    hierarchy.subtreeEnds.withUnsafeBufferPointer { ends in
                        levels.ranks.withUnsafeBufferPointer { ranks in
                            for position in start..<end {
                                let node = Int(preorder[position])
                                let rank = ranks[node]
                                var isUnit: Int32 = 0, isCovered: Int32 = 0
                                if rank == unitRank {
                                    isUnit = 1
                                    if reached[Int(ends[node])] > reached[position] {
                                        isCovered = 1
                                    } else {
                                        uncovered.append(UncoveredUnit(node: node, path: hierarchy.ancestors(of: node).reversed()))
                                    }
                                } else if rank >= 0 && rank < unitRank {
                                    regionPositions.append(position)
                                }
                                unitsBefore[position + 1] = unitsBefore[position] + isUnit
                                coveredBefore[position + 1] = coveredBefore[position] + isCovered
                            }
                        }
                    }
                }
            }
        }
        units = Int(unitsBefore[end] - unitsBefore[start])
        covered = Int(coveredBefore[end] - coveredBefore[start])
        regions = regionPositions.map { position in
            let node = Int(hierarchy.preorder[position]), regionEnd = Int(hierarchy.subtreeEnds[node])
            return Region(
                node: node, level: RegionLevel.allCases[Int(levels[node])],
                units: Int(unitsBefore[regionEnd] - unitsBefore[position]),
                covered: Int(coveredBefore[regionEnd] - coveredBefore[position]))
        }
        self.uncovered = uncovered
    }

    /// The regions whose rate is below `minimum` (regions without units have no rate and are never
    /// below), in ``regions`` order.
    public func regions(below minimum: Double) -> [Region] {
        regions.filter { region in region.rate.map { $0 < minimum } ?? false }
    }

    /// A running count over preorder positions of the places a matching node reaches: entry `p` is how
    /// many reached places sit at positions below `p`, so a subtree `[positions[u], subtreeEnds[u])`
    /// holds a reached place exactly when the counts at its two ends differ. O(V + E).
    private static func reachedPositions(_ graph: Graph, matching: [Bool], via: [String]) -> [Int32] {
        // Per edge kind: 0 = not a via kind, 1 = the source covers the target, 2 = either end covers the other.
        var modes = [UInt8](repeating: 0, count: graph.edgeKinds.count)
        for kind in via {
            if let index = graph.edgeKindIndex(kind) { modes[Int(index)] = placingKinds.contains(kind) ? 1 : 2 }
        }
        let nodeCount = graph.nodeCount
        var marked = [Bool](repeating: false, count: nodeCount)
        marked.withUnsafeMutableBufferPointer { marked in
            matching.withUnsafeBufferPointer { matching in
                graph.hierarchy.positions.withUnsafeBufferPointer { positions in
                    graph.sources.withUnsafeBufferPointer { sources in
                        graph.targets.withUnsafeBufferPointer { targets in
                            graph.edgeKindIndices.withUnsafeBufferPointer { kinds in
                                for edge in 0..<sources.count {
                                    let mode = modes[Int(kinds[edge])]
                                    if mode == 0 { continue }
                                    let source = Int(sources[edge]), target = Int(targets[edge])
                                    if source == target { continue }
                                    if matching[source] { marked[Int(positions[target])] = true }
                                    if mode == 2 && matching[target] { marked[Int(positions[source])] = true }
                                }
                            }
                        }
                    }
                }
            }
        }
        var running = [Int32](repeating: 0, count: nodeCount + 1)
        for position in 0..<nodeCount { running[position + 1] = running[position] + (marked[position] ? 1 : 0) }
        return running
    }
}

/// Why a coverage question cannot be answered.
public enum CoverageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The province is the top level: no region lies above it to report on.
    case unitIsProvince
    /// No selector was given.
    case noSelector
    /// The scope node is not a region or a village.
    case scopeNotARegion(id: String, kind: String)
    /// The scope region is at or below the unit level, so it contains no region to report on.
    case scopeNotAboveUnit(id: String, level: RegionLevel, unit: RegionLevel)

    public var description: String {
        switch self {
        case .unitIsProvince:
            "the unit must be village, town, county or city: no region lies above a province"
        case .noSelector:
            "no selector: say which nodes cover a unit, e.g. organization[type=商会]"
        case .scopeNotARegion(let id, let kind):
            "'\(id)' is a \(kind), not a region: restrict coverage to a region"
        case .scopeNotAboveUnit(let id, let level, let unit):
            "region '\(id)' is a \(level.rawValue), not above the unit level \(unit.rawValue): "
                + "choose a lower unit level or a larger region"
        }
    }
}
