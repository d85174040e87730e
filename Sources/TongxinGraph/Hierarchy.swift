/// The containment forest: regions within regions, villages within towns, and every other node
/// located in the place its `within` edge points to.
///
/// A node's parent is the target of its `within` edge when that target is a region or a village; a
/// node has at most one (``GraphBuilder/build()`` rejects two, and cycles). The forest is stored as a
/// parent array plus a preorder numbering, so "is `a` inside `b`" is two comparisons and a subtree is
/// one contiguous slice of ``preorder``.
///
/// - Complexity: built in O(V); ``parent(of:)``, ``contains(_:_:)`` and ``depth(of:)`` are O(1);
///   ``children(of:)`` is O(1) to obtain; ``subtree(of:)`` is O(1) to obtain, O(size) to walk.
public struct Hierarchy: Sendable {
    /// Each node's parent index, or -1 for a root.
    public let parents: FlatArray<Int32>
    /// Each node's depth: 0 for a root.
    public let depths: FlatArray<Int32>
    /// All nodes in preorder (roots by index, children by index).
    public let preorder: FlatArray<Int32>
    /// Each node's position in ``preorder``.
    public let positions: FlatArray<Int32>
    /// For each node, the preorder position just past its subtree.
    public let subtreeEnds: FlatArray<Int32>
    /// Each node's children (in index order) as a CSR whose edge column numbers them.
    public let childLists: Adjacency

    /// A forest over existing columns (a mapped `.txg` file's).
    ///
    /// - Precondition: the columns satisfy ``checkInvariants()`` (the reader validates them first).
    public init(
        parents: FlatArray<Int32>, depths: FlatArray<Int32>, preorder: FlatArray<Int32>,
        positions: FlatArray<Int32>, subtreeEnds: FlatArray<Int32>, childLists: Adjacency
    ) {
        self.parents = parents
        self.depths = depths
        self.preorder = preorder
        self.positions = positions
        self.subtreeEnds = subtreeEnds
        self.childLists = childLists
    }

    /// Builds the forest from a valid parent array (no cycles). O(V).
    init(parents: [Int32]) {
        let count = parents.count
        var from: [Int32] = [], to: [Int32] = []
        for (node, parent) in parents.enumerated() where parent >= 0 {
            from.append(parent)
            to.append(Int32(node))
        }
        let children = Adjacency(nodeCount: count, from: FlatArray(from), to: FlatArray(to))
        childLists = children
        var preorder = [Int32](), positions = [Int32](repeating: 0, count: count)
        var ends = [Int32](repeating: 0, count: count), depths = [Int32](repeating: 0, count: count)
        preorder.reserveCapacity(count)
        // Iterative DFS; a frame is (node, next child slot).
        var stack: [(node: Int, next: Int)] = []
        for root in 0..<count where parents[root] < 0 {
            positions[root] = Int32(preorder.count)
            preorder.append(Int32(root))
            stack.append((root, children.offsets[root]))
            while let top = stack.last {
                if top.next < children.offsets[top.node + 1] {
                    stack[stack.count - 1].next += 1
                    let child = Int(children.neighbors[top.next])
                    positions[child] = Int32(preorder.count)
                    depths[child] = depths[top.node] + 1
                    preorder.append(Int32(child))
                    stack.append((child, children.offsets[child]))
                } else {
                    ends[top.node] = Int32(preorder.count)
                    stack.removeLast()
                }
            }
        }
        self.parents = FlatArray(parents)
        self.preorder = FlatArray(preorder)
        self.positions = FlatArray(positions)
        self.subtreeEnds = FlatArray(ends)
        self.depths = FlatArray(depths)
    }

    /// The node's parent, or `nil` for a root.
    @inlinable public func parent(of node: Int) -> Int? {
        let parent = parents[node]
        return parent < 0 ? nil : Int(parent)
    }

    /// The node's children, in index order.
    public func children(of node: Int) -> Slice<FlatArray<Int32>> { childLists.neighbors(of: node) }

    /// The node's depth in the forest: 0 for a root.
    @inlinable public func depth(of node: Int) -> Int { Int(depths[node]) }

    /// The node's ancestors from its parent up to the root.
    public func ancestors(of node: Int) -> [Int] {
        var result: [Int] = []
        var current = parents[node]
        while current >= 0 {
            result.append(Int(current))
            current = parents[Int(current)]
        }
        return result
    }

    /// The node and everything below it, in preorder (the node first).
    public func subtree(of node: Int) -> Slice<FlatArray<Int32>> {
        preorder[Int(positions[node])..<Int(subtreeEnds[node])]
    }

    /// The node and everything below it by index, ascending: the nodes of a region's subgraph as
    /// measures see them. O(k log k) for k nodes.
    public func sortedSubtree(of node: Int) -> [Int] {
        subtree(of: node).map(Int.init).sorted()
    }

    /// Whether `node` is `ancestor` itself or lies below it.
    @inlinable public func contains(_ ancestor: Int, _ node: Int) -> Bool {
        positions[ancestor] <= positions[node] && positions[node] < subtreeEnds[ancestor]
    }

    /// The nodes with no parent, in index order.
    public var roots: [Int] { parents.indices.filter { parents[$0] < 0 } }

    /// Checks that the preorder is a permutation consistent with parents and subtree ends. O(V).
    public func checkInvariants() -> Bool { firstInconsistentNode() == nil }

    /// The first node at which the columns disagree (a length, a preorder position, a subtree end, a
    /// parent out of range, a depth that is not its parent's plus one, which also rules out cycles),
    /// or `nil` when the forest is consistent; -1 when the column lengths differ. O(V), every index
    /// checked before it is used, so it is safe on columns read from a hostile file.
    public func firstInconsistentNode() -> Int? {
        let count = parents.count
        guard depths.count == count, preorder.count == count, positions.count == count, subtreeEnds.count == count,
            childLists.offsets.count == count + 1, childLists.offsets.first == 0,
            childLists.offsets.last == childLists.neighbors.count, childLists.edges.count == childLists.neighbors.count
        else { return -1 }
        // Raw buffers: every index is checked against `count` before it is used.
        let found: (node: Int?, childCount: Int) = parents.withUnsafeBufferPointer { parents in
            depths.withUnsafeBufferPointer { depths in
                preorder.withUnsafeBufferPointer { preorder in
                    positions.withUnsafeBufferPointer { positions in
                        subtreeEnds.withUnsafeBufferPointer { subtreeEnds in
                            for position in 0..<count {
                                let node = Int(preorder[position])
                                guard node >= 0, node < count, Int(positions[node]) == position else { return (node, 0) }
                            }
                            var childCount = 0
                            for node in 0..<count {
                                let place = positions[node], end = subtreeEnds[node]
                                guard place >= 0, place < end, Int(end) <= count else { return (node, 0) }
                                let parent = Int(parents[node])
                                if parent >= 0 {
                                    guard parent < count, positions[parent] <= place, place < subtreeEnds[parent],
                                        depths[node] == depths[parent] &+ 1
                                    else { return (node, 0) }
                                    childCount += 1
                                } else if parent != -1 || depths[node] != 0 {
                                    return (node, 0)
                                }
                            }
                            return (nil, childCount)
                        }
                    }
                }
            }
        }
        if let node = found.node { return node }
        let childCount = found.childCount
        guard childCount == childLists.neighbors.count,
            Adjacency.firstProblem(offsets: childLists.offsets, indices: childLists.neighbors, below: count) == nil,
            Adjacency.firstProblem(offsets: childLists.offsets, indices: childLists.edges, below: max(childCount, 1)) == nil
        else { return -1 }
        for node in 0..<count {
            for child in childLists.neighbors(of: node) where parents[Int(child)] != node { return Int(child) }
        }
        return nil
    }
}
