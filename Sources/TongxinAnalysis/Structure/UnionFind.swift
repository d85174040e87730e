import Synchronization

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

/// A union–find forest that lanes join concurrently, over caller-owned atomics (the lock-free
/// linking of Anderson and Woll 1991, "Wait-free parallel algorithms for the union-find problem",
/// STOC, doi:10.1145/103418.103458, as Afforest uses it): a root is linked under a smaller root by
/// compare-and-swap, retried higher up when another lane linked it first; finding halves
/// the path with plain stores, which is safe because only non-roots are rewritten, always to an
/// ancestor. Every parent is smaller than its child, so a set's root is its smallest node, whatever
/// the order of the lanes' links.
///
/// - Complexity: O(log V) per operation in the worst case, V nodes; near O(1) on sparse graphs.
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
struct SharedUnionFind {
    let parent: UnsafeMutablePointer<Atomic<Int32>>

    /// The root of `node`'s set at the time of the call.
    @inline(__always) func find(_ node: Int32) -> Int32 {
        var x = node
        while true {
            let p = parent[Int(x)].load(ordering: .relaxed)
            if p == x { return x }
            let grandparent = parent[Int(p)].load(ordering: .relaxed)
            if grandparent != p { parent[Int(x)].store(grandparent, ordering: .relaxed) }
            x = grandparent
        }
    }

    /// Joins the sets of `a` and `b`, climbing from their parents two steps at a time (Afforest's
    /// `Link`) rather than finding each root first.
    @inline(__always) func union(_ a: Int32, _ b: Int32) {
        var x = parent[Int(a)].load(ordering: .relaxed), y = parent[Int(b)].load(ordering: .relaxed)
        while x != y {
            let (high, low) = x > y ? (x, y) : (y, x)
            let above = parent[Int(high)].load(ordering: .relaxed)
            if above == low { return }
            if above == high && parent[Int(high)].compareExchange(expected: high, desired: low, ordering: .relaxed).exchanged {
                return
            }
            x = parent[Int(above)].load(ordering: .relaxed)
            y = parent[Int(low)].load(ordering: .relaxed)
        }
    }

    /// Points `node` straight at its root. Only while no lane links.
    @inline(__always) func flatten(_ node: Int) {
        parent[node].store(find(Int32(node)), ordering: .relaxed)
    }
}
