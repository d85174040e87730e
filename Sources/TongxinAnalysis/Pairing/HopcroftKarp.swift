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
        precondition(offsets.count == uCount + 1 && offsets.first == 0 && offsets.last == neighbors.count,
                     "offsets must run from 0 to neighbors.count, one entry per u plus one")
        precondition(neighbors.allSatisfy { $0 >= 0 && Int($0) < vCount }, "neighbor out of range")
        var mateOfU = [Int32](repeating: -1, count: uCount)
        var size = 0
        offsets.withUnsafeBufferPointer { offsets in
            neighbors.withUnsafeBufferPointer { neighbors in
                mateOfU.withUnsafeMutableBufferPointer { mateOfU in
                    size = Self.run(uCount: uCount, vCount: vCount, offsets: offsets, neighbors: neighbors,
                                    mateOfU: mateOfU)
                }
            }
        }
        self.size = size
        mates = mateOfU
    }

    private static func run(
        uCount: Int, vCount: Int, offsets: UnsafeBufferPointer<Int>, neighbors: UnsafeBufferPointer<Int32>,
        mateOfU: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var mateOfV = [Int32](repeating: -1, count: vCount)
        var layer = [Int32](repeating: 0, count: uCount)
        var cursor = [Int](repeating: 0, count: uCount)
        var queue = [Int32](repeating: 0, count: uCount)
        var stack = [Int32](repeating: 0, count: uCount)
        let unreached = Int32.max
        var size = 0
        return mateOfV.withUnsafeMutableBufferPointer { mateOfV in
            layer.withUnsafeMutableBufferPointer { layer in
                cursor.withUnsafeMutableBufferPointer { cursor in
                    queue.withUnsafeMutableBufferPointer { queue in
                        stack.withUnsafeMutableBufferPointer { stack in
                            // Greedy seed: each u takes its first free neighbor.
                            for u in 0..<uCount {
                                for slot in offsets[u]..<offsets[u + 1] where mateOfV[Int(neighbors[slot])] < 0 {
                                    mateOfV[Int(neighbors[slot])] = Int32(u)
                                    mateOfU[u] = neighbors[slot]
                                    size += 1
                                    break
                                }
                            }
                            while true {
                                // Breadth-first layering from the free u's; `limit` is the layer of the
                                // u's with an edge to a free v, i.e. where shortest augmenting paths end.
                                var head = 0, tail = 0
                                for u in 0..<uCount {
                                    if mateOfU[u] < 0 {
                                        layer[u] = 0
                                        queue[tail] = Int32(u)
                                        tail += 1
                                    } else {
                                        layer[u] = unreached
                                    }
                                }
                                var limit = unreached
                                while head < tail {
                                    let u = Int(queue[head])
                                    head += 1
                                    if layer[u] >= limit { break }
                                    for slot in offsets[u]..<offsets[u + 1] {
                                        let owner = mateOfV[Int(neighbors[slot])]
                                        if owner < 0 {
                                            if limit == unreached { limit = layer[u] }
                                        } else if layer[Int(owner)] == unreached {
                                            layer[Int(owner)] = layer[u] + 1
                                            queue[tail] = owner
                                            tail += 1
                                        }
                                    }
                                }
                                if limit == unreached { break }
                                // Depth-first augmentation along the layering, iteratively.
                                for u in 0..<uCount { cursor[u] = offsets[u] }
                                for root in 0..<uCount where mateOfU[root] < 0 && layer[root] == 0 {
                                    var depth = 0
                                    stack[0] = Int32(root)
                                    while depth >= 0 {
                                        let u = Int(stack[depth])
                                        if cursor[u] == offsets[u + 1] {
                                            layer[u] = unreached  // dead end for the rest of the phase
                                            depth -= 1
                                            if depth >= 0 { cursor[Int(stack[depth])] += 1 }
                                            continue
                                        }
                                        let v = Int(neighbors[cursor[u]])
                                        let owner = mateOfV[v]
                                        if owner < 0 {
                                            if layer[u] == limit {
                                                // Flip the path: each u on the stack takes the v its cursor is at.
                                                for level in stride(from: depth, through: 0, by: -1) {
                                                    let pathU = Int(stack[level])
                                                    let pathV = neighbors[cursor[pathU]]
                                                    mateOfU[pathU] = pathV
                                                    mateOfV[Int(pathV)] = Int32(pathU)
                                                }
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
                            }
                            return size
                        }
                    }
                }
            }
        }
    }
}
