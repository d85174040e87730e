/// A maximum matching of a bipartite graph, by the Hopcroft–Karp algorithm.
///
/// The graph has `uCount` vertices on one side and `vCount` on the other, given as compressed
/// adjacency lists from each `u` to its `v` neighbors (``Adjacency``'s layout: `u`'s neighbors are
/// `neighbors[offsets[u] ..< offsets[u + 1]]`). Repeated neighbors are allowed and change nothing.
///
/// Each phase finds, by one breadth-first search from every free `u`, the length of the shortest
/// augmenting paths, then augments along a maximal set of vertex-disjoint shortest paths by depth-first
/// search restricted to that layering; the search is iterative, so long paths cannot overflow the
/// stack. A greedy pass seeds the matching first. After at most 2√V + 1 phases no augmenting path
/// remains, and by Berge's theorem the matching is maximum.
///
/// - Complexity: O(E √V) time, V = uCount + vCount vertices and E adjacency entries; O(V) extra
///   space.
///
/// Reference: J. E. Hopcroft and R. M. Karp, "An n^5/2 algorithm for maximum matchings in bipartite
/// graphs", SIAM J. Comput. 2(4), 1973, doi:10.1137/0202019.
///
/// Example: u0–v0, u1–v0, u1–v1, u2–v1 (a path of 4 edges through 5 vertices):
///
/// ```swift
/// let m = BipartiteMatching(uCount: 3, vCount: 2, offsets: [0, 1, 3, 4], neighbors: [0, 0, 1, 1])
/// m.size      // 2: only two v's exist
/// m.mates     // for example [0, 1, -1]: u2 stays free
/// ```
public struct BipartiteMatching: Sendable, Equatable {
    /// The matching's size: how many `u` have a partner.
    public let size: Int
    /// Each `u`'s partner `v`, or -1.
    public let mates: [Int32]

    /// Computes a maximum matching.
    ///
    /// - Precondition: `offsets` has `uCount + 1` non-decreasing entries from 0 to `neighbors.count`,
    ///   and every neighbor is in `0 ..< vCount`.
    public init(uCount: Int, vCount: Int, offsets: [Int], neighbors: [Int32]) {
        precondition(
            offsets.count == uCount + 1 && offsets.first == 0 && offsets.last == neighbors.count,
            "offsets must run from 0 to neighbors.count, one entry per u plus one")
        precondition(neighbors.allSatisfy { $0 >= 0 && Int($0) < vCount }, "neighbor out of range")
        var mateOfU = [Int32](repeating: -1, count: uCount)
        size = offsets.withUnsafeBufferPointer { offsets in
            neighbors.withUnsafeBufferPointer { neighbors in
                mateOfU.withUnsafeMutableBufferPointer { mateOfU in
                    Workspace.with(vCount: vCount, offsets: offsets, neighbors: neighbors, mateOfU: mateOfU) { workspace in
                        var size = workspace.seedGreedily()
                        while let limit = workspace.buildLayers() { size += workspace.augment(limit: limit) }
                        return size
                    }
                }
            }
        }
        mates = mateOfU
    }
}

/// The working arrays of one Hopcroft–Karp run behind one small unsafe handle, as swift-collections'
/// `Heap+UnsafeHandle.swift` does: allocated once by ``with(vCount:offsets:neighbors:mateOfU:_:)``,
/// freed when it returns, and read and written by the named steps of a phase without bounds checks
/// or copy-on-write checks on the hot loops.
private struct Workspace {
    let uCount: Int
    let offsets: UnsafeBufferPointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    /// Each u's partner v, or -1 (the caller's array).
    let mateOfU: UnsafeMutableBufferPointer<Int32>
    /// Each v's partner u, or -1.
    let mateOfV: UnsafeMutableBufferPointer<Int32>
    /// Each u's breadth-first layer in the current phase, or ``unreached``.
    let layer: UnsafeMutableBufferPointer<Int32>
    /// Each u's next adjacency slot to try in the depth-first augmentation.
    let cursor: UnsafeMutableBufferPointer<Int>
    let queue: UnsafeMutableBufferPointer<Int32>
    let stack: UnsafeMutableBufferPointer<Int32>

    static let unreached = Int32.max

    /// Runs `body` with a workspace for `mateOfU.count` u's and `vCount` v's; O(V) to allocate.
    static func with<Result>(
        vCount: Int, offsets: UnsafeBufferPointer<Int>, neighbors: UnsafeBufferPointer<Int32>,
        mateOfU: UnsafeMutableBufferPointer<Int32>, _ body: (Workspace) -> Result
    ) -> Result {
        let uCount = mateOfU.count
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
            buffer.initialize(repeating: value)
            return buffer
        }
        let workspace = Workspace(
            uCount: uCount, offsets: offsets, neighbors: neighbors, mateOfU: mateOfU, mateOfV: buffer(vCount, -1),
            layer: buffer(uCount, 0), cursor: buffer(uCount, 0), queue: buffer(uCount, 0), stack: buffer(uCount, 0))
        defer {
            workspace.mateOfV.deallocate()
            workspace.layer.deallocate()
            workspace.cursor.deallocate()
            workspace.queue.deallocate()
            workspace.stack.deallocate()
        }
        return body(workspace)
    }

    /// The greedy seed: each u takes its first free neighbor. Returns how many it matched. O(E).
    func seedGreedily() -> Int {
        var size = 0
        for u in 0..<uCount {
            for slot in offsets[u]..<offsets[u + 1] where mateOfV[Int(neighbors[slot])] < 0 {
                mateOfV[Int(neighbors[slot])] = Int32(u)
                mateOfU[u] = neighbors[slot]
                size += 1
                break
            }
        }
        return size
    }

    /// Breadth-first layering from the free u's. Returns the layer of the u's with an edge to a free
    /// v — where the shortest augmenting paths end — or `nil` when no augmenting path remains. O(E).
    func buildLayers() -> Int32? {
        var head = 0, tail = 0
        for u in 0..<uCount {
            if mateOfU[u] < 0 {
                layer[u] = 0
                queue[tail] = Int32(u)
                tail += 1
            } else {
                layer[u] = Self.unreached
            }
        }
        var limit = Self.unreached
        while head < tail {
            let u = Int(queue[head])
            head += 1
            if layer[u] >= limit { break }
            for slot in offsets[u]..<offsets[u + 1] {
                let owner = mateOfV[Int(neighbors[slot])]
                if owner < 0 {
                    if limit == Self.unreached { limit = layer[u] }
                } else if layer[Int(owner)] == Self.unreached {
                    layer[Int(owner)] = layer[u] + 1
                    queue[tail] = owner
                    tail += 1
                }
            }
        }
        return limit == Self.unreached ? nil : limit
    }

    /// Depth-first augmentation along the layering, iteratively, from every free u of layer 0:
    /// a maximal set of vertex-disjoint shortest augmenting paths. Returns how many. O(E).
    func augment(limit: Int32) -> Int {
        var size = 0
        for u in 0..<uCount { cursor[u] = offsets[u] }
        for root in 0..<uCount where mateOfU[root] < 0 && layer[root] == 0 {
            var depth = 0
            stack[0] = Int32(root)
            while depth >= 0 {
                let u = Int(stack[depth])
                if cursor[u] == offsets[u + 1] {
                    layer[u] = Self.unreached  // dead end for the rest of the phase
                    depth -= 1
                    if depth >= 0 { cursor[Int(stack[depth])] += 1 }
                    continue
                }
                let v = Int(neighbors[cursor[u]])
                let owner = mateOfV[v]
                if owner < 0 {
                    if layer[u] == limit {
                        flip(depth: depth)
                        size += 1
                        break
                    }
                    cursor[u] += 1
                } else if layer[Int(owner)] == layer[u] + 1 && layer[u] < limit {
                    depth += 1
                    stack[depth] = owner
                } else {
                    cursor[u] += 1
                }
            }
        }
        return size
    }

    /// Flips the path on the stack: each u on it takes the v its cursor is at. O(depth).
    private func flip(depth: Int) {
        for level in stride(from: depth, through: 0, by: -1) {
            let pathU = Int(stack[level])
            let pathV = neighbors[cursor[pathU]]
            mateOfU[pathU] = pathV
            mateOfV[Int(pathV)] = Int32(pathU)
        }
    }
}
