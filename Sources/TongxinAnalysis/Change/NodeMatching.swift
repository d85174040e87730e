/// Which node of one version of a graph is which node of another: nodes are the same when their ids
/// are equal.
///
/// This is the one place where the two versions' ids are hashed: every old id is looked up once in
/// the new graph's id table, and everything after works on the two index arrays.
///
/// - Complexity: O(V₁ + V₂) time (V₁ expected hash lookups) and space, V₁ and V₂ the two node counts.
///
/// Example: old nodes `[a, b, c]` and new nodes `[c, d, a]` give `oldToNew = [2, -1, 0]` and
/// `newToOld = [2, -1, 0]`: `b` was removed, `d` added.
public struct NodeMatching: Sendable, Equatable {
    /// For each old node, its index in the new graph, or -1 when the new graph has no node with its id.
    public let oldToNew: [Int32]
    /// For each new node, its index in the old graph, or -1.
    public let newToOld: [Int32]

    public init(old: Graph, new: Graph) {
        var oldToNew = [Int32](repeating: -1, count: old.nodeCount)
        var newToOld = [Int32](repeating: -1, count: new.nodeCount)
        for node in 0..<old.nodeCount {
            guard let match = new.index(of: old.ids[node]) else { continue }
            oldToNew[node] = Int32(match)
            newToOld[match] = Int32(node)
        }
        self.oldToNew = oldToNew
        self.newToOld = newToOld
    }

    /// The new index of old node `node`, or `nil`.
    @inlinable public func new(_ node: Int) -> Int? {
        let match = oldToNew[node]
        return match < 0 ? nil : Int(match)
    }

    /// The old index of new node `node`, or `nil`.
    @inlinable public func old(_ node: Int) -> Int? {
        let match = newToOld[node]
        return match < 0 ? nil : Int(match)
    }

    /// The old and the new graph's kind names merged into one list, the new graph's first, and for
    /// each version the position of each of its kinds in that list. O(K₁ + K₂) for K kinds.
    static func unifiedKinds(old: [String], new: [String]) -> (all: [String], old: [Int32], new: [Int32]) {
        var all = new
        var position = Dictionary(uniqueKeysWithValues: new.enumerated().map { ($1, Int32($0)) })
        let oldPositions = old.map { kind in
            if let known = position[kind] { return known }
            position[kind] = Int32(all.count)
            all.append(kind)
            return Int32(all.count - 1)
        }
        return (all, oldPositions, (0..<new.count).map(Int32.init))
    }

    /// Pairs up two lists of distinct nodes, an old graph's and a new graph's, by id: for each entry of
    /// `new` in order, its position in `new` and the position in `old` of the same node (or `nil`),
    /// then the entries of `old` left over, in order, with `nil` on the new side.
    /// O(V₁ + |old| + |new|).
    func pair(old: [Int], new: [Int], oldNodeCount: Int) -> [(old: Int?, new: Int?)] {
        var positionInOld = [Int32](repeating: -1, count: oldNodeCount)
        for (position, node) in old.enumerated() { positionInOld[node] = Int32(position) }
        var used = [Bool](repeating: false, count: old.count)
        var pairs: [(old: Int?, new: Int?)] = []
        for (position, node) in new.enumerated() {
            let match = newToOld[node]
            let oldPosition = match < 0 ? -1 : positionInOld[Int(match)]
            if oldPosition >= 0 { used[Int(oldPosition)] = true }
            pairs.append((oldPosition < 0 ? nil : Int(oldPosition), position))
        }
        for position in old.indices where !used[position] { pairs.append((position, nil)) }
        return pairs
    }
}
