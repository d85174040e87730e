/// Coverage before and after: every region's units, covered units and rate in two versions of a
/// graph, and the units that became covered or uncovered.
///
/// Built from two ``Coverage`` results of the same question (unit, selectors, via kinds), one per
/// version; nothing is recomputed. Regions are matched by id (``NodeMatching``): a region present
/// in one version only has `nil` on the other side, never zeros. A unit is *newly covered* when it
/// is a unit in scope in both versions, uncovered in the old and covered in the new; *newly
/// uncovered* the other way round. Units present in one version only are neither (the node
/// comparison, ``GraphDiff``, lists them as added or removed).
///
/// - Complexity: O(V₁ + V₂ + R) for V nodes in the two versions and R regions reported.
///
/// Example: a town 甲镇 with villages 一村 and 二村, a 商会 in 一村 in the old version, moved to 二村
/// in the new: 甲镇 has 1 of 2 covered before and after (delta 0), 二村 is newly covered and 一村
/// newly uncovered.
public struct CoverageChange: Sendable, Equatable {
    /// One region in either version.
    public struct Region: Sendable, Equatable {
        /// The region's index in the old graph, or `nil` when only the new graph has it.
        public var old: Int?
        /// The region's index in the new graph, or `nil` when only the old graph has it.
        public var new: Int?
        /// The figures in the old version, or `nil` when the region is not there.
        public var before: Coverage.Region?
        /// The figures in the new version, or `nil` when the region is not there.
        public var after: Coverage.Region?

        /// The region's level (in the new version when it has one).
        public var level: RegionLevel { (after ?? before)!.level }

        /// after's rate − before's rate, or `nil` when either version lacks the region or a rate.
        public var deltaRate: Double? {
            guard let before = before?.rate, let after = after?.rate else { return nil }
            return after - before
        }
    }

    public let before: Coverage
    public let after: Coverage
    /// The new version's regions in its hierarchy preorder, then those only the old version has.
    public let regions: [Region]
    /// Units covered in the new version that were uncovered in the old (new indices, new preorder).
    public let newlyCovered: [Int]
    /// Units uncovered in the new version that were covered in the old (new indices, new preorder).
    public let newlyUncovered: [Int]

    /// Compares coverage `before` of graph `old` with `after` of graph `new`.
    ///
    /// - Precondition: both answer the same question (unit level).
    public init(before: Coverage, of old: Graph, after: Coverage, of new: Graph, matching: NodeMatching) {
        precondition(before.unit == after.unit, "coverage of different unit levels cannot be compared")
        self.before = before
        self.after = after
        regions = matching.pair(
            old: before.regions.map(\.node), new: after.regions.map(\.node),
            oldNodeCount: old.nodeCount
        ).map { pair in
            let oldRegion = pair.old.map { before.regions[$0] }, newRegion = pair.new.map { after.regions[$0] }
            return Region(old: oldRegion?.node, new: newRegion?.node, before: oldRegion, after: newRegion)
        }
        let rank = Int8(after.unit.rank)
        let oldRanks = LevelRanks(old), newRanks = LevelRanks(new)
        var uncoveredBefore = [Bool](repeating: false, count: old.nodeCount)
        for unit in before.uncovered { uncoveredBefore[unit.node] = true }
        var uncoveredAfter = [Bool](repeating: false, count: new.nodeCount)
        for unit in after.uncovered { uncoveredAfter[unit.node] = true }
        var covered: [Int] = [], uncovered: [Int] = []
        let nodes = after.scope.map { new.hierarchy.subtree(of: $0) } ?? new.hierarchy.preorder[...]
        for node32 in nodes where newRanks[Int(node32)] == rank {
            let node = Int(node32)
            guard let match = matching.old(node), oldRanks[match] == rank,
                before.scope.map({ old.hierarchy.contains($0, match) }) ?? true
            else { continue }
            if uncoveredBefore[match] && !uncoveredAfter[node] { covered.append(node) }
            if !uncoveredBefore[match] && uncoveredAfter[node] { uncovered.append(node) }
        }
        newlyCovered = covered
        newlyUncovered = uncovered
    }
}
