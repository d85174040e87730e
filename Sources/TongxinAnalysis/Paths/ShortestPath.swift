/// Shortest paths between two nodes, as node index lists from the source to the target.
public struct ShortestPaths: Sendable, Equatable {
    /// The paths found, each from source to target; one unless all were asked for.
    public let paths: [[Int]]
    /// Their common length: hops, or the sum of distances in a weighted view.
    public let length: Double
    /// Whether more shortest paths exist than the limit allowed.
    public let truncated: Bool
}

extension MeasureGraph {
    /// The shortest path from `source` to `target` (breadth-first by hops, or Dijkstra's algorithm on
    /// merged weights as distances in a ``WeightUse/distance`` view), or all of them.
    ///
    /// A path's predecessors are taken in CSR order, so the path returned, and the order of all paths,
    /// is deterministic. `maxHops` keeps only paths of at most that many edges: by hops it bounds the
    /// search; by weight it filters the shortest paths found (it does not look for a longer path with
    /// fewer hops).
    ///
    /// - Parameters:
    ///   - all: every shortest path, up to `limit` of them, instead of one.
    ///   - maxHops: the longest path to report, in edges.
    /// - Returns: the paths, or `nil` when `target` cannot be reached (within `maxHops`).
    /// - Throws: ``MeasureError/invalidWeight(_:)`` for a negative or non-finite distance.
    /// - Complexity: O(V + E) by hops, O((V + E) log V) by weight, plus O(P · L) to list P paths of
    ///   L hops (the enumeration stops at `limit` paths).
    ///
    /// Example: in the square a–b–d, a–c–d, the path from a to d has 2 hops; all shortest paths are
    /// [a, b, d] and [a, c, d].
    public func shortestPaths(
        from source: Int, to target: Int, all: Bool = false, maxHops: Int? = nil,
        limit: Int = 1000
    ) throws(MeasureError) -> ShortestPaths? {
        precondition(source >= 0 && source < nodeCount && target >= 0 && target < nodeCount)
        try checkDistances()
        let search = SingleSource(nodeCount: nodeCount)
        let hopLimit = outgoing.weights == nil ? maxHops.map(Double.init) ?? .infinity : .infinity
        search.run(from: source, along: outgoing, countPaths: false, limit: hopLimit)
        guard search.rank[target] >= 0 else { return nil }
        let wanted = all ? limit : 1
        var paths: [[Int]] = []
        var truncated = false
        var reversed = [target]
        // Depth-first over predecessors, from the target back to the source.
        func extend() {
            guard !truncated else { return }
            let w = reversed[reversed.count - 1]
            if w == source {
                if let maxHops, reversed.count - 1 > maxHops { return }
                if paths.count == wanted { truncated = all; return }
                paths.append(reversed.reversed())
                return
            }
            for i in incoming.offsets[w]..<incoming.offsets[w + 1] {
                let v = Int(incoming.targets[i])
                guard search.rank[v] >= 0 && search.rank[v] < search.rank[w] else { continue }
                let through = search.distance[v] + (incoming.weights?[i] ?? 1)
                guard through == search.distance[w] else { continue }
                reversed.append(v)
                extend()
                reversed.removeLast()
                if !all && !paths.isEmpty { return }
            }
        }
        extend()
        guard !paths.isEmpty else { return nil }
        return ShortestPaths(paths: paths, length: search.distance[target], truncated: truncated)
    }
}
