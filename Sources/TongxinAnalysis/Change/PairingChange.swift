/// Pairing before and after: every region's pairing figures in two versions of a graph, and the
/// right nodes that became paired or unpaired.
///
/// Built from two ``Pairing`` results of the same question (left, right, edge kind, level), one
/// per version; nothing is recomputed. The first entries (the whole graph, or the scope) match each
/// other; the per-region entries are matched by id (``NodeMatching``), and a region present in one
/// version only has `nil` on the other side, never zeros. A right node is *newly paired* when it is a
/// right node inside the first entry in both versions, unpaired in the old and paired in the new
/// (the unpaired list lost it); *newly unpaired* the other way round (the unpaired list gained it).
///
/// - Complexity: O(V₁ + V₂ + R) for V nodes in the two versions and R regions reported.
///
/// Example: villages v1, v2 and an enterprise e paired with v1 in the old version, with v2 in the
/// new: pairs 1 before and after, v2 newly paired, v1 newly unpaired.
public struct PairingChange: Sendable, Equatable {
    /// One entry in either version.
    public struct Region: Sendable, Equatable {
        /// The region's index in the old graph, or `nil` when only the new graph has it or for the
        /// whole graph.
        public var old: Int?
        /// The region's index in the new graph, or `nil` when only the old graph has it or for the
        /// whole graph.
        public var new: Int?
        /// The figures in the old version, or `nil` when the region is not there.
        public var before: Pairing.Region?
        /// The figures in the new version, or `nil` when the region is not there.
        public var after: Pairing.Region?

        /// after − before of a figure, or `nil` when either side is missing.
        public func delta(_ figure: (Pairing.Region) -> Double?) -> Double? {
            guard let before, let after, let old = figure(before), let new = figure(after) else { return nil }
            return new - old
        }
    }

    public let before: Pairing
    public let after: Pairing
    /// The first entries, then the new version's regions in order, then those only the old has.
    public let regions: [Region]
    /// Right nodes paired in the new version that were unpaired in the old (new indices, preorder).
    public let newlyPaired: [Int]
    /// Right nodes unpaired in the new version that were paired in the old (new indices, preorder).
    public let newlyUnpaired: [Int]
    /// Pairing edges only the new version has, joining a left node and a right node inside the first
    /// entry (new indices, in edge order), from the node and edge comparison.
    public let newPairings: [Couple]
    /// Pairing edges only the old version had, joining a left node and a right node inside its first
    /// entry (old indices, in edge order).
    public let endedPairings: [Couple]

    /// A left node and a right node joined by a pairing edge.
    public struct Couple: Sendable, Equatable {
        public var left: Int
        public var right: Int
    }

    /// Compares pairing `before` of graph `old` with `after` of graph `new`; `diff` compares the two
    /// graphs and gives the added and removed pairing edges.
    public init(before: Pairing, of old: Graph, after: Pairing, of new: Graph, diff: GraphDiff) {
        let matching = diff.matching
        self.before = before
        self.after = after
        let first = Region(old: before.scope, new: after.scope, before: before.regions[0], after: after.regions[0])
        let rest = matching.pair(
            old: before.regions.dropFirst().map { $0.node! },
            new: after.regions.dropFirst().map { $0.node! }, oldNodeCount: old.nodeCount)
        regions =
            [first]
            + rest.map { pair in
                let oldRegion = pair.old.map { before.regions[$0 + 1] }, newRegion = pair.new.map { after.regions[$0 + 1] }
                return Region(old: oldRegion?.node, new: newRegion?.node, before: oldRegion, after: newRegion)
            }
        let oldRight = old.matchMask([before.right]), newRight = new.matchMask([after.right])
        var unpairedBefore = [Bool](repeating: false, count: old.nodeCount)
        for node in before.regions[0].unpaired { unpairedBefore[node] = true }
        var unpairedAfter = [Bool](repeating: false, count: new.nodeCount)
        for node in after.regions[0].unpaired { unpairedAfter[node] = true }
        var paired: [Int] = [], unpaired: [Int] = []
        let nodes = after.scope.map { new.hierarchy.subtree(of: $0) } ?? new.hierarchy.preorder[...]
        for node32 in nodes where newRight[Int(node32)] {
            let node = Int(node32)
            guard let match = matching.old(node), oldRight[match],
                before.scope.map({ old.hierarchy.contains($0, match) }) ?? true
            else { continue }
            if unpairedBefore[match] && !unpairedAfter[node] { paired.append(node) }
            if !unpairedBefore[match] && unpairedAfter[node] { unpaired.append(node) }
        }
        newlyPaired = paired
        newlyUnpaired = unpaired
        newPairings = Self.couples(diff.addedEdges, of: new, pairing: after, isRight: newRight)
        endedPairings = Self.couples(diff.removedEdges, of: old, pairing: before, isRight: oldRight)
    }

    /// The edges among `edges` of the pairing's kind that join a left node to a right node inside the
    /// pairing's first entry, as left–right couples; self-loops never pair. O(V + |edges|).
    private static func couples(_ edges: [Int], of graph: Graph, pairing: Pairing, isRight: [Bool]) -> [Couple] {
        guard let kind = graph.edgeKindIndex(pairing.edge) else { return [] }
        let isLeft = graph.matchMask([pairing.left])
        func inside(_ node: Int) -> Bool { pairing.scope.map { graph.hierarchy.contains($0, node) } ?? true }
        var couples: [Couple] = []
        for edge in edges where graph.edgeKindIndices[edge] == kind {
            let source = graph.source(of: edge), target = graph.target(of: edge)
            guard source != target else { continue }
            if isLeft[source] && isRight[target] && inside(target) { couples.append(Couple(left: source, right: target)) }
            if isLeft[target] && isRight[source] && inside(source) { couples.append(Couple(left: target, right: source)) }
        }
        return couples
    }
}
