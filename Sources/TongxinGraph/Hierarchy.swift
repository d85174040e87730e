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
    public let parents: [Int32]
    /// Each node's depth: 0 for a root.
    public let depths: [Int32]
    /// All nodes in preorder (roots by index, children by index).
    public let preorder: [Int32]
    /// Each node's position in ``preorder``.
    public let positions: [Int32]
    /// For each node, the preorder position just past its subtree.
    public let subtreeEnds: [Int32]
    private let children: Adjacency

    /// Builds the forest from a valid parent array (no cycles). O(V).
    init(parents: [Int32]) {
        let count = parents.count
        var from: [Int32] = [], to: [Int32] = []
        for (node, parent) in parents.enumerated() where parent >= 0 {
            from.append(parent)
            to.append(Int32(node))
        }
        children = Adjacency(nodeCount: count, from: from, to: to)
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
        self.parents = parents
        self.preorder = preorder
        self.positions = positions
        self.subtreeEnds = ends
        self.depths = depths
    }

    /// The node's parent, or `nil` for a root.
    @inlinable public func parent(of node: Int) -> Int? {
        let parent = parents[node]
        return parent < 0 ? nil : Int(parent)
    }

    /// The node's children, in index order.
    public func children(of node: Int) -> ArraySlice<Int32> { children.neighbors(of: node) }

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
    public func subtree(of node: Int) -> ArraySlice<Int32> {
        preorder[Int(positions[node]) ..< Int(subtreeEnds[node])]
    }

    /// Whether `node` is `ancestor` itself or lies below it.
    @inlinable public func contains(_ ancestor: Int, _ node: Int) -> Bool {
        positions[ancestor] <= positions[node] && positions[node] < subtreeEnds[ancestor]
    }

    /// The nodes with no parent, in index order.
    public var roots: [Int] { parents.indices.filter { parents[$0] < 0 } }

    /// Checks that the preorder is a permutation consistent with parents and subtree ends. O(V).
    public func checkInvariants() -> Bool {
        let count = parents.count
        guard preorder.count == count, positions.count == count, subtreeEnds.count == count else { return false }
        for (position, node) in preorder.enumerated() where positions[Int(node)] != position { return false }
        for node in 0..<count {
            guard positions[node] < subtreeEnds[node], Int(subtreeEnds[node]) <= count else { return false }
            if let parent = parent(of: node) {
                guard contains(parent, node), depths[node] == depths[parent] + 1 else { return false }
            } else if depths[node] != 0 { return false }
        }
        return true
    }
}
