/// A union–find forest (Tarjan and van Leeuwen 1984, "Worst-case analysis of set union
/// algorithms", doi:10.1145/62.2160) over caller-owned memory: `parent[v]` is v's parent, a root its
/// own. Finding halves the path; joining links the larger root under the smaller, so a set's root
/// is its smallest node and every parent is smaller than its child. Used by components and by
/// Leiden's connected parts.
///
/// - Complexity: O(α(V)) amortized per operation, V nodes.
struct UnionFind {
    let parent: UnsafeMutableBufferPointer<Int32>

    /// Makes every node its own set.
    func reset() {
        for v in parent.indices { parent[v] = Int32(v) }
    }

    /// The root of `node`'s set.
    @inline(__always) func find(_ node: Int32) -> Int32 {
        var x = node
        while parent[Int(x)] != x {
            let grandparent = parent[Int(parent[Int(x)])]
            parent[Int(x)] = grandparent
            x = grandparent
        }
        return x
    }

    /// Joins the sets of roots `a` and `b` (roots, not any nodes); returns the new root.
    @inline(__always) func link(_ a: Int32, _ b: Int32) -> Int32 {
        if a < b { parent[Int(b)] = a; return a }
        if b < a { parent[Int(a)] = b; return b }
        return a
    }

    /// Joins the sets of `a` and `b`.
    @inline(__always) func union(_ a: Int32, _ b: Int32) { _ = link(find(a), find(b)) }
}
