/// Pairing programmes (结对, 万企兴万村): how densely a left side (enterprises…) is paired with a right
/// side (villages…), per region, and which right nodes are left unpaired.
///
/// A *pair* is a distinct (left node, right node) couple joined by at least one edge of the pairing
/// kind, in either direction: parallel and reciprocal edges count once, self-loops never (a node is
/// not its own partner). A node matching both selectors plays both roles, so an edge between two such
/// nodes gives two pairs, one each way, as in the bipartite double cover.
///
/// For a region R (DESIGN.md, "Precise definitions"):
/// - **right** = right nodes inside R's subtree; **pairs** = pairs whose right node is inside R;
/// - **left** = left nodes located inside R's subtree, together with those that have a pair into R;
/// - **left paired** / **right paired** = nodes with at least one pair into R, and the **shares** those
///   counts over left and right;
/// - **density** = pairs / (left × right), `nil` when either side is empty;
/// - **mean pairs** = pairs / left (or / right), counting unpaired nodes as 0, and **max pairs** the
///   most pairs one node has into R;
/// - **maximum matching** = the size of a maximum matching of R's pair graph (Hopcroft–Karp, see
///   ``BipartiteMatching``): how many right nodes can each get a distinct partner at once;
/// - **unpaired** = the right nodes inside R without a pair, in hierarchy preorder.
///
/// The whole graph is the first entry (``Region/node`` `nil`; every node counts as inside it), or the
/// scope region when one is given; with `by`, one entry follows for each region of that level inside
/// the scope, in hierarchy preorder.
///
/// - Complexity: O(V + E) to build the pair graph (a counting sort by right node, then a pass that
///   drops repeated partners) and to count every entry of one level, plus O(P √V) for the maximum
///   matchings, P distinct pairs: regions of one level hold disjoint right nodes, so each pair is
///   matched at most twice (scope entry and its `by` region). V nodes, E edges.
///
/// Example: enterprises e1, e2 and villages v1, v2, v3 in one town 甲镇, with e1–v1 (twice),
/// e1–v2 and e2–v2:
///
/// ```swift
/// let p = try Pairing(of: g, left: enterprise, right: village)
/// // whole graph: left 2, right 3, pairs 3, density 3/6 = 0.5, left paired 2, right paired 2,
/// // right share 2/3, left mean 1.5, left max 2, right max 2, max matching 2, unpaired [v3]
/// ```
public struct Pairing: Sendable, Equatable {
    /// Pairing figures for one region (or the whole graph).
    public struct Region: Sendable, Equatable {
        /// The region's node, or `nil` for the whole graph.
        public var node: Int?
        /// The region's level, or `nil` for the whole graph.
        public var level: RegionLevel?
        /// Left nodes: located inside, or paired into the region.
        public var left: Int
        /// Right nodes inside the region.
        public var right: Int
        /// Distinct left–right pairs with the right node inside.
        public var pairs: Int
        public var leftPaired: Int
        public var rightPaired: Int
        /// The most pairs into the region one left node has.
        public var leftMaxPairs: Int
        /// The most partners one right node inside has.
        public var rightMaxPairs: Int
        /// The size of a maximum matching of the region's pair graph.
        public var maxMatching: Int
        /// The right nodes inside without a pair, in hierarchy preorder.
        public var unpaired: [Int]

        /// pairs / (left × right), or `nil` when either side is empty.
        public var density: Double? {
            left == 0 || right == 0 ? nil : Double(pairs) / (Double(left) * Double(right))
        }
        public var leftShare: Double? { Self.ratio(leftPaired, left) }
        public var rightShare: Double? { Self.ratio(rightPaired, right) }
        /// Mean pairs per left node (unpaired ones count 0).
        public var leftMeanPairs: Double? { Self.ratio(pairs, left) }
        /// Mean pairs per right node (unpaired ones count 0).
        public var rightMeanPairs: Double? { Self.ratio(pairs, right) }

        private static func ratio(_ part: Int, _ whole: Int) -> Double? {
            whole == 0 ? nil : Double(part) / Double(whole)
        }
    }

    public let left: NodeSelector
    public let right: NodeSelector
    public let edge: String
    /// The level of the per-region entries, or `nil` for the first entry only.
    public let by: RegionLevel?
    /// The region the analysis is restricted to, or `nil` for the whole graph.
    public let scope: Int?
    /// The first entry's left nodes (located in the scope or paired into it), in index order: the
    /// candidates ``PairingSuggestion`` draws partners from.
    public let scopeLeftNodes: [Int]
    /// The scope (or whole graph) first, then one entry per region of level ``by``.
    public let regions: [Region]

    /// Computes the pairing figures.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - left: the side that pairs (enterprises, organizations, figures…).
    ///   - right: the side that is paired (villages…).
    ///   - edge: the pairing edge kind.
    ///   - by: `city`, `county` or `town` for one entry per region of that level, or `nil`.
    ///   - scope: a region (or village) to restrict the analysis to its subtree.
    /// - Throws: ``PairingError`` when `by` is not city, county or town, or `scope` is not a region.
    public init(
        of graph: Graph, left: NodeSelector, right: NodeSelector, edge: String = EdgeKind.pairedWith,
        by: RegionLevel? = nil, within scope: Int? = nil
    ) throws(PairingError) {
        if let by, ![.city, .county, .town].contains(by) { throw .byLevel(by) }
        let levels = LevelRanks(graph)
        if let scope, levels[scope] < 0 {
            throw .scopeNotARegion(id: graph.id(of: scope), kind: graph.kind(of: scope))
        }
        self.left = left
        self.right = right
        self.edge = edge
        self.by = by
        self.scope = scope

        let isLeft = graph.matchMask([left]), isRight = graph.matchMask([right])
        let pairGraph = PairGraph(graph, isLeft: isLeft, isRight: isRight, edge: edge)
        var counter = RegionCounter(graph: graph, pairGraph: pairGraph, isLeft: isLeft, isRight: isRight)
        let hierarchy = graph.hierarchy
        var regions = [counter.entry(for: scope, level: scope.map { RegionLevel.allCases[Int(levels[$0])] })]
        scopeLeftNodes = counter.leftNodes(of: scope)
        if let by {
            let start = scope.map { Int(hierarchy.positions[$0]) } ?? 0
            let end = scope.map { Int(hierarchy.subtreeEnds[$0]) } ?? graph.nodeCount
            let rank = Int8(by.rank)
            for position in start..<end {
                let node = Int(hierarchy.preorder[position])
                if levels[node] == rank { regions.append(counter.entry(for: node, level: by)) }
            }
        }
        self.regions = regions
    }
}

/// Why a pairing question cannot be answered.
public enum PairingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Per-region entries are by city, county or town.
    case byLevel(RegionLevel)
    /// The scope node is not a region or a village.
    case scopeNotARegion(id: String, kind: String)
    /// Suggesting needs a capacity of at least 1.
    case capacity(Int)
    /// A node is both an unpaired right node and a candidate partner, so it could be proposed to itself.
    case overlappingSides(id: String)

    public var description: String {
        switch self {
        case .byLevel(let level):
            "pairing is reported by city, county or town, not by \(level.rawValue)"
        case .scopeNotARegion(let id, let kind):
            "'\(id)' is a \(kind), not a region: restrict pairing to a region"
        case .capacity(let capacity):
            "the capacity must be at least 1 (new partners per left node), not \(capacity)"
        case .overlappingSides(let id):
            "node '\(id)' matches both the left and the right selector: suggestions need disjoint sides"
        }
    }
}

/// The distinct pairs as compressed adjacency from each right node to its left partners (node indices).
struct PairGraph {
    /// `partners[offsets[r] ..< offsets[r + 1]]` are right node `r`'s distinct left partners.
    let offsets: [Int]
    let partners: [Int32]

    /// Collects the pairs from the edges of kind `edge`. O(V + E): a counting sort by right node, then
    /// one pass that keeps each left partner once per right node.
    init(_ graph: Graph, isLeft: [Bool], isRight: [Bool], edge: String) {
        let nodeCount = graph.nodeCount
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        guard let kind = graph.edgeKindIndex(edge) else {
            self.offsets = offsets
            partners = []
            return
        }
        let kinds = graph.edgeKindIndices, sources = graph.sources, targets = graph.targets
        // Calls body(left, right) for every left–right orientation of every edge of the kind.
        func forEachPair(_ body: (Int, Int) -> Void) {
            for edge in 0..<sources.count where kinds[edge] == kind {
                let source = Int(sources[edge]), target = Int(targets[edge])
                if source == target { continue }
                if isLeft[source] && isRight[target] { body(source, target) }
                if isLeft[target] && isRight[source] { body(target, source) }
            }
        }
        forEachPair { _, right in offsets[right + 1] += 1 }
        for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        var partners = [Int32](repeating: 0, count: offsets[nodeCount])
        forEachPair { left, right in
            partners[next[right]] = Int32(left)
            next[right] += 1
        }
        // Keep each partner once per right node, compacting in place.
        var seenFor = [Int32](repeating: -1, count: nodeCount)
        var write = 0, runStart = 0
        for right in 0..<nodeCount {
            let runEnd = offsets[right + 1]
            offsets[right] = write
            for slot in runStart..<runEnd {
                let left = Int(partners[slot])
                if seenFor[left] != Int32(right) {
                    seenFor[left] = Int32(right)
                    partners[write] = Int32(left)
                    write += 1
                }
            }
            runStart = runEnd
        }
        offsets[nodeCount] = write
        partners.removeLast(partners.count - write)
        self.offsets = offsets
        self.partners = partners
    }
}

/// Counts one region's entry at a time, reusing node-sized scratch arrays across regions.
private struct RegionCounter {
    let graph: Graph
    let pairGraph: PairGraph
    /// The left nodes, and the right nodes, in hierarchy preorder: a region's are one contiguous run.
    let leftsInPreorder: [Int32], rightsInPreorder: [Int32]
    /// How many left (right) nodes sit at preorder positions below each position: a region's run in
    /// ``leftsInPreorder`` (``rightsInPreorder``) lies between the counts at its two ends.
    let leftsBefore: [Int32], rightsBefore: [Int32]
    /// Per left node: its local index in the current region's matching, valid when `stamp` matches.
    var localIndex: [Int32]
    var stamp: [Int32]
    var pairsInto: [Int32]
    var current: Int32 = 0

    init(graph: Graph, pairGraph: PairGraph, isLeft: [Bool], isRight: [Bool]) {
        self.graph = graph
        self.pairGraph = pairGraph
        let count = graph.nodeCount
        var leftsBefore = [Int32](repeating: 0, count: count + 1), rightsBefore = leftsBefore
        var lefts: [Int32] = [], rights: [Int32] = []
        graph.hierarchy.preorder.withUnsafeBufferPointer { preorder in
            for position in 0..<count {
                let node = preorder[position]
                if isLeft[Int(node)] { lefts.append(node) }
                if isRight[Int(node)] { rights.append(node) }
                leftsBefore[position + 1] = Int32(lefts.count)
                rightsBefore[position + 1] = Int32(rights.count)
            }
        }
        leftsInPreorder = lefts
        rightsInPreorder = rights
        self.leftsBefore = leftsBefore
        self.rightsBefore = rightsBefore
        localIndex = [Int32](repeating: 0, count: count)
        stamp = [Int32](repeating: -1, count: count)
        pairsInto = [Int32](repeating: 0, count: count)
    }

    /// The runs of `region`'s left and right nodes (`nil`: the whole graph) in the preorder lists.
    private func runs(of region: Int?) -> (lefts: Range<Int>, rights: Range<Int>) {
        let hierarchy = graph.hierarchy
        let start = region.map { Int(hierarchy.positions[$0]) } ?? 0
        let end = region.map { Int(hierarchy.subtreeEnds[$0]) } ?? graph.nodeCount
        return (Int(leftsBefore[start])..<Int(leftsBefore[end]), Int(rightsBefore[start])..<Int(rightsBefore[end]))
    }

    /// The entry for `region` (`nil`: the whole graph). O(its right nodes + their pairs), plus the
    /// matching.
    mutating func entry(for region: Int?, level: RegionLevel?) -> Pairing.Region {
        let hierarchy = graph.hierarchy
        let (leftRun, rightRun) = runs(of: region)
        current += 1
        var entry = Pairing.Region(
            node: region, level: level, left: leftRun.count, right: rightRun.count, pairs: 0,
            leftPaired: 0, rightPaired: 0, leftMaxPairs: 0, rightMaxPairs: 0, maxMatching: 0, unpaired: [])
        var pairedLefts: [Int32] = []
        var matchOffsets = [0]
        var matchNeighbors: [Int32] = []
        let offsets = pairGraph.offsets, partners = pairGraph.partners
        for index in rightRun {
            let node = Int(rightsInPreorder[index])
            let degree = offsets[node + 1] - offsets[node]
            guard degree > 0 else {
                entry.unpaired.append(node)
                continue
            }
            entry.rightPaired += 1
            entry.pairs += degree
            entry.rightMaxPairs = max(entry.rightMaxPairs, degree)
            for slot in offsets[node]..<offsets[node + 1] {
                let left = Int(partners[slot])
                if stamp[left] != current {
                    stamp[left] = current
                    localIndex[left] = Int32(pairedLefts.count)
                    pairsInto[left] = 0
                    pairedLefts.append(Int32(left))
                }
                pairsInto[left] += 1
                matchNeighbors.append(localIndex[left])
            }
            matchOffsets.append(matchNeighbors.count)
        }
        entry.leftPaired = pairedLefts.count
        for left in pairedLefts {
            entry.leftMaxPairs = max(entry.leftMaxPairs, Int(pairsInto[Int(left)]))
            if let region, !hierarchy.contains(region, Int(left)) { entry.left += 1 }
        }
        entry.maxMatching =
            BipartiteMatching(
                uCount: entry.rightPaired, vCount: pairedLefts.count, offsets: matchOffsets, neighbors: matchNeighbors
            ).size
        return entry
    }

    /// The left nodes of `region` (`nil`: the whole graph): located inside it, or paired into it from
    /// outside; in index order. O(its left and right nodes + their pairs + V).
    mutating func leftNodes(of region: Int?) -> [Int] {
        let (leftRun, rightRun) = runs(of: region)
        current += 1
        for index in leftRun { stamp[Int(leftsInPreorder[index])] = current }
        for index in rightRun {
            let node = Int(rightsInPreorder[index])
            for slot in pairGraph.offsets[node]..<pairGraph.offsets[node + 1] {
                stamp[Int(pairGraph.partners[slot])] = current
            }
        }
        let current = current
        return stamp.indices.filter { stamp[$0] == current }
    }
}
