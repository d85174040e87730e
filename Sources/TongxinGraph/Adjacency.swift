import Dispatch

/// Compressed sparse rows: for each node, a contiguous run of (neighbor, edge) pairs.
///
/// `offsets` has `nodeCount + 1` entries; node `v`'s neighbors are
/// `neighbors[offsets[v] ..< offsets[v + 1]]`, and `edges` at the same positions holds the index of
/// the edge that joins them, to reach its kind, weight and attributes. Within a node's run, entries
/// keep edge-index order. Storage is O(V + E) with 32-bit indices.
public struct Adjacency: Sendable {
    /// Run boundaries: `offsets[v] ..< offsets[v + 1]` for node `v`.
    public let offsets: FlatArray<Int>
    /// Neighbor node indices.
    public let neighbors: FlatArray<Int32>
    /// Edge indices, parallel to ``neighbors``.
    public let edges: FlatArray<Int32>

    /// An adjacency over existing columns (a mapped `.txg` file's).
    ///
    /// - Precondition: the columns satisfy ``checkInvariants(nodeCount:edgeCount:)`` (the reader
    ///   validates them first).
    public init(offsets: FlatArray<Int>, neighbors: FlatArray<Int32>, edges: FlatArray<Int32>) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.edges = edges
    }

    /// Builds the CSR of `count` nodes from edges `from[e] → to[e]` by a counting sort:
    /// O(V + E) time, stable in edge order.
    init(nodeCount count: Int, from: FlatArray<Int32>, to: FlatArray<Int32>) {
        var offsets = [Int](repeating: 0, count: count + 1)
        var neighbors = [Int32](repeating: 0, count: from.count)
        var edges = [Int32](repeating: 0, count: from.count)
        from.withUnsafeBufferPointer { (from: UnsafeBufferPointer<Int32>) in
            to.withUnsafeBufferPointer { (to: UnsafeBufferPointer<Int32>) in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    for node in from { offsets[Int(node) + 1] += 1 }
                    for node in 0..<count { offsets[node + 1] += offsets[node] }
                    var next = [Int](offsets)
                    next.withUnsafeMutableBufferPointer { next in
                        neighbors.withUnsafeMutableBufferPointer { neighbors in
                            edges.withUnsafeMutableBufferPointer { edges in
                                for edge in 0..<from.count {
                                    let node = Int(from[edge])
                                    let slot = next[node]
                                    next[node] = slot + 1
                                    neighbors[slot] = to[edge]
                                    edges[slot] = Int32(truncatingIfNeeded: edge)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.offsets = FlatArray(offsets)
        self.neighbors = FlatArray(neighbors)
        self.edges = FlatArray(edges)
    }

    /// The out- and in-adjacency of edges `sources[e] → targets[e]`, built on two threads when the
    /// graph is large enough for it to pay. O(V + E).
    static func bothDirections(nodeCount: Int, sources: FlatArray<Int32>, targets: FlatArray<Int32>) -> (Adjacency, Adjacency) {
        guard sources.count >= 100_000 else {
            return (
                Adjacency(nodeCount: nodeCount, from: sources, to: targets),
                Adjacency(nodeCount: nodeCount, from: targets, to: sources)
            )
        }
        var built: [Adjacency?] = [nil, nil]
        built.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: 2) { direction in
                slots[direction] =
                    direction == 0
                    ? Adjacency(nodeCount: nodeCount, from: sources, to: targets)
                    : Adjacency(nodeCount: nodeCount, from: targets, to: sources)
            }
        }
        return (built[0]!, built[1]!)
    }

    /// The number of entries in node `node`'s run.
    @inlinable public func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// Node `node`'s neighbors, in edge order.
    @inlinable public func neighbors(of node: Int) -> Slice<FlatArray<Int32>> {
        neighbors[offsets[node]..<offsets[node + 1]]
    }

    /// The edges of node `node`'s run, parallel to ``neighbors(of:)``.
    @inlinable public func edges(of node: Int) -> Slice<FlatArray<Int32>> {
        edges[offsets[node]..<offsets[node + 1]]
    }

    /// Checks the CSR invariants: offsets start at 0, never decrease and end at the entry count, and
    /// every index is in range. O(V + E). Meant for tests and debug builds.
    public func checkInvariants(nodeCount: Int, edgeCount: Int) -> Bool {
        guard offsets.count == nodeCount + 1, offsets.first == 0, offsets.last == neighbors.count,
            edges.count == neighbors.count
        else { return false }
        return Self.firstProblem(offsets: offsets, indices: neighbors, below: nodeCount) == nil
            && Self.firstProblem(offsets: offsets, indices: edges, below: edgeCount) == nil
    }

    /// Where a CSR column breaks its invariants: the first decreasing offset (`.offsets`, at its
    /// index) or the first index outside `0 ..< bound` (`.indices`, at its position), else `nil`.
    /// One pass over flat buffers: O(V + E).
    public static func firstProblem(offsets: FlatArray<Int>, indices: FlatArray<Int32>, below bound: Int)
        -> (column: CSRColumn, position: Int)?
    {
        if let decreasing = offsets.firstDecrease() { return (.offsets, decreasing) }
        return indices.firstIndex(outside: 0, bound).map { (.indices, $0) }
    }
}

/// The two columns of a CSR, named in ``Adjacency/firstProblem(offsets:indices:below:)``'s answer.
public enum CSRColumn: Sendable {
    case offsets
    case indices
}
