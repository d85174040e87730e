/// Proposed partners for the unpaired right nodes: an assignment of left nodes to them that is
/// optimal in total hierarchy distance, with at most `capacity` new partners per left node.
///
/// **Cost.** Proposing left node `l` for right node `r` costs 1 when some town contains both, else 2
/// when some county does, else 3 when some city does, else 4 (elsewhere: another city, or a node
/// located nowhere). "Contains" is ``Hierarchy`` containment, so an enterprise located in a village
/// of 甲镇 is in 甲镇, and a node located directly in a county shares that county but no town.
///
/// **Objective.** First as many proposals as possible — min(unpaired right nodes, capacity × left
/// nodes), since every couple has a finite cost — then the least total cost among assignments of that
/// size. This is a transportation problem (Hitchcock, "The distribution of a product from several
/// sources to numerous localities", J. Math. Phys. 20, 1941, doi:10.1002/sapm1941201224), which
/// min-cost flow solves in general; the hierarchy makes it solvable exactly in linear time.
///
/// **Algorithm.** Let the *family* be the regions of level city, county and town. Visit its members
/// deepest first (reverse hierarchy preorder), then a virtual top. At each member X, pool the
/// still-free right nodes and the left nodes with capacity left that are located in X directly
/// (not in a deeper member) or were passed up by the members just below X; propose as many couples as
/// the pool allows, at X's cost; pass what remains (only one side can remain) to the next member above.
///
/// **Proof of optimality.** Write c(X) for the cost of sharing X (town 1, county 2, city 3, capped
/// by the cost of any member above X so costs never grow downward; the top costs 4) and
/// w(X) = c(parent member of X) − c(X) ≥ 0. A couple's cost is 4 − Σ w(X) over the members X that
/// contain both its nodes (the sum telescopes to the cost of the deepest shared member). So an
/// assignment of M couples costs 4M − Σ_X w(X)·m(X), where m(X) counts couples inside X. Any
/// assignment has m(X) ≤ min(S(X), D(X)), S(X) the total capacity of the left nodes in X and D(X) the
/// right nodes in X. The pooling above reaches every bound at once: by induction from the deepest
/// members, after X is pooled the couples inside X number min(S(X), D(X)), because the members below
/// each leave only one side over and X pools all of it. At the top this gives the largest possible M,
/// and for it the least cost, since every m(X) is as large as it can be.
///
/// - Complexity: O(V + R + L) time and O(V) space, V nodes, R right and L left nodes.
///
/// Example: town 甲镇 and town 乙镇 in one county, right (unpaired) villages a, b in 甲镇 and c in 乙镇,
/// left enterprises x in 甲镇 and y in 乙镇, capacity 1:
///
/// ```
/// 甲镇: pool {x} with {a, b}: propose x→a (cost 1), pass b up
/// 乙镇: pool {y} with {c}: propose y→c (cost 1)
/// county: pool {} with {b}: nothing left to propose; b stays unassigned
/// total cost 2 for 2 proposals; with capacity 2, x takes b as well (cost 1, total 3)
/// ```
public struct PairingSuggestion: Sendable, Equatable {
    /// One proposed couple.
    public struct Proposal: Sendable, Equatable {
        public var right: Int
        public var left: Int
        /// 1 same town, 2 same county, 3 same city, 4 elsewhere.
        public var cost: Int
        /// The level of the closest region both are in, or `nil` for elsewhere.
        public var shared: RegionLevel?
    }

    /// The cost of a couple whose closest shared region is at `level` (`nil`: none).
    public static func cost(sharing level: RegionLevel?) -> Int {
        switch level {
        case .town: 1
        case .county: 2
        case .city: 3
        default: 4
        }
    }

    public let capacity: Int
    /// The proposals, ordered by right node as given.
    public let proposals: [Proposal]
    /// Right nodes that get no proposal because the left side's capacity ran out, as given.
    public let unassigned: [Int]

    /// The proposals' total cost.
    public var totalCost: Int { proposals.reduce(0) { $0 + $1.cost } }

    /// Proposes partners for the first entry's unpaired right nodes among its left nodes.
    ///
    /// - Throws: ``PairingError/capacity(_:)`` when `capacity` < 1, and
    ///   ``PairingError/overlappingSides(id:)`` when an unpaired right node is also a left node.
    public init(for pairing: Pairing, in graph: Graph, capacity: Int = 1) throws(PairingError) {
        try self.init(rights: pairing.regions[0].unpaired, lefts: pairing.scopeLeftNodes, in: graph, capacity: capacity)
    }

    /// Proposes partners for `rights` among `lefts`.
    ///
    /// - Throws: ``PairingError/capacity(_:)`` when `capacity` < 1, and
    ///   ``PairingError/overlappingSides(id:)`` when a node is in both lists.
    public init(rights: [Int], lefts: [Int], in graph: Graph, capacity: Int) throws(PairingError) {
        guard capacity >= 1 else { throw .capacity(capacity) }
        let nodeCount = graph.nodeCount, hierarchy = graph.hierarchy
        var isCandidate = [Bool](repeating: false, count: nodeCount)
        for left in lefts { isCandidate[left] = true }
        if let both = rights.first(where: { isCandidate[$0] }) { throw .overlappingSides(id: graph.id(of: both)) }
        self.capacity = capacity

        // Each node's nearest family member (itself included), the member's effective cost, and the
        // next member above; slot `top` stands for "elsewhere".
        let top = nodeCount
        let levels = LevelRanks(graph)
        var member = [Int32](repeating: Int32(top), count: nodeCount)
        var memberCost = [Int8](repeating: 4, count: nodeCount + 1)
        var memberAbove = [Int32](repeating: Int32(top), count: nodeCount + 1)
        for position in 0..<nodeCount {
            let node = Int(hierarchy.preorder[position])
            let parent = hierarchy.parents[node]
            let inherited = parent >= 0 ? member[Int(parent)] : Int32(top)
            let rank = levels[node]
            if rank >= Int8(RegionLevel.city.rank) && rank <= Int8(RegionLevel.town.rank) {
                member[node] = Int32(node)
                memberAbove[node] = inherited
                memberCost[node] = min(
                    Int8(Self.cost(sharing: RegionLevel.allCases[Int(rank)])),
                    memberCost[Int(inherited)])
            } else {
                member[node] = inherited
            }
        }

        // Pools as singly linked lists with tails, so passing a pool up is O(1).
        var leftPool = Pools(slots: nodeCount + 1, items: lefts.count)
        var rightPool = Pools(slots: nodeCount + 1, items: rights.count)
        for (item, left) in lefts.enumerated() { leftPool.append(item, to: Int(member[left])) }
        for (item, right) in rights.enumerated() { rightPool.append(item, to: Int(member[right])) }
        var remaining = [Int](repeating: capacity, count: lefts.count)
        var partnerOf = [Int32](repeating: -1, count: rights.count)
        var costOf = [Int8](repeating: 0, count: rights.count)

        func settle(_ slot: Int) {
            while let leftItem = leftPool.first(of: slot), let rightItem = rightPool.first(of: slot) {
                partnerOf[rightItem] = Int32(leftItem)
                costOf[rightItem] = memberCost[slot]
                rightPool.removeFirst(of: slot)
                remaining[leftItem] -= 1
                if remaining[leftItem] == 0 { leftPool.removeFirst(of: slot) }
            }
            if slot != top {
                let above = Int(memberAbove[slot])
                leftPool.moveAll(from: slot, to: above)
                rightPool.moveAll(from: slot, to: above)
            }
        }
        for position in stride(from: nodeCount - 1, through: 0, by: -1) {
            let node = Int(hierarchy.preorder[position])
            if member[node] == Int32(node) { settle(node) }
        }
        settle(top)

        var proposals: [Proposal] = [], unassigned: [Int] = []
        for (item, right) in rights.enumerated() {
            guard partnerOf[item] >= 0 else {
                unassigned.append(right)
                continue
            }
            let cost = Int(costOf[item])
            let shared: RegionLevel? =
                switch cost {
                case 1: .town
                case 2: .county
                case 3: .city
                default: nil
                }
            proposals.append(Proposal(right: right, left: lefts[Int(partnerOf[item])], cost: cost, shared: shared))
        }
        self.proposals = proposals
        self.unassigned = unassigned
    }
}

/// Queues of items (0 ..< items) held in slots, as linked lists with head and tail per slot.
private struct Pools {
    private var head: [Int32], tail: [Int32], next: [Int32]

    init(slots: Int, items: Int) {
        head = [Int32](repeating: -1, count: slots)
        tail = [Int32](repeating: -1, count: slots)
        next = [Int32](repeating: -1, count: items)
    }

    mutating func append(_ item: Int, to slot: Int) {
        next[item] = -1
        if tail[slot] < 0 { head[slot] = Int32(item) } else { next[Int(tail[slot])] = Int32(item) }
        tail[slot] = Int32(item)
    }

    func first(of slot: Int) -> Int? { head[slot] < 0 ? nil : Int(head[slot]) }

    mutating func removeFirst(of slot: Int) {
        let item = Int(head[slot])
        head[slot] = next[item]
        if head[slot] < 0 { tail[slot] = -1 }
    }

    /// Appends slot `from`'s whole queue to slot `to`'s, leaving `from` empty.
    mutating func moveAll(from: Int, to: Int) {
        guard head[from] >= 0 else { return }
        if tail[to] < 0 { head[to] = head[from] } else { next[Int(tail[to])] = head[from] }
        tail[to] = tail[from]
        head[from] = -1
        tail[from] = -1
    }
}
