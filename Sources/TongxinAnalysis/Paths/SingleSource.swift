/// The single-source shortest-path search shared by betweenness, closeness, harmonic centrality and
/// paths: breadth-first search when the arcs carry no weights, Dijkstra's algorithm with a binary heap
/// (Dijkstra 1959, doi:10.1007/BF01386390) when they do. It records each reached node's distance, its
/// number of shortest paths σ (when asked) and the order in which nodes were settled, and resets only
/// what it touched, so one instance serves many sources in O(reached) extra time each. Its arrays
/// are raw buffers allocated once: one instance belongs to one lane.
///
/// A node v is a predecessor of w on shortest paths when `distance[v] + weight(v, w) == distance[w]`
/// exactly — the test NetworkX applies, so ties between floating-point distances are decided the same
/// way. Like NetworkX, Dijkstra settles equal distances in push order, and a zero weight between two
/// nodes at the same distance makes each count the other's paths (NetworkX's
/// `_single_source_dijkstra_path_basic`); paths themselves only step to nodes settled earlier. Edit together with the accumulations in
/// `Betweenness.swift` and `Closeness.swift` and the path enumeration in `ShortestPath.swift`.
///
/// - Complexity: O(V + E) per breadth-first search, O((V + E) log V) per Dijkstra search, V nodes and
///   E arcs reached.
final class SingleSource {
    let nodeCount: Int
    /// Distance from the source, `.infinity` when not reached.
    let distance: UnsafeMutablePointer<Double>
    /// Number of shortest paths from the source (when counted).
    let sigma: UnsafeMutablePointer<Double>
    /// Each node's position in ``settled``, −1 when not reached.
    let rank: UnsafeMutablePointer<Int32>
    /// Breadth-first search only: each node's hop distance, −1 when not reached. The per-arc tests
    /// read these 4 bytes instead of an 8-byte distance and the rank.
    let hops: UnsafeMutablePointer<Int32>
    /// Settled nodes in order of non-decreasing distance; the first ``count`` entries are valid.
    private let order: UnsafeMutablePointer<Int32>
    /// How many nodes are settled.
    private(set) var count = 0
    /// Dijkstra's queue: entries ordered by distance, then by push order (as NetworkX's heap).
    private var heap: [(distance: Double, count: Int, node: Int32, pred: Int32)] = []
    private var pushes = 0

    init(nodeCount n: Int) {
        nodeCount = n
        distance = .allocate(capacity: max(n, 1))
        distance.initialize(repeating: .infinity, count: n)
        sigma = .allocate(capacity: max(n, 1))
        sigma.initialize(repeating: 0, count: n)
        rank = .allocate(capacity: max(n, 1))
        rank.initialize(repeating: -1, count: n)
        hops = .allocate(capacity: max(n, 1))
        hops.initialize(repeating: -1, count: n)
        order = .allocate(capacity: max(n, 1))
    }

    deinit {
        distance.deallocate()
        sigma.deallocate()
        rank.deallocate()
        hops.deallocate()
        order.deallocate()
    }

    /// The settled nodes, in order of non-decreasing distance (the source first).
    var settled: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: order, count: count) }

    /// Searches from `source` along `arcs` (weighted when the arcs carry weights), counting shortest
    /// paths when `countPaths`, and stopping beyond `limit` (a hop count for breadth-first search, a
    /// distance for Dijkstra).
    func run(from source: Int, along arcs: MeasureGraph.Arcs, countPaths: Bool, limit: Double = .infinity) {
        for position in 0..<count {
            let v = Int(order[position])
            distance[v] = .infinity
            sigma[v] = 0
            rank[v] = -1
            hops[v] = -1
        }
        count = 0
        distance[source] = 0
        sigma[source] = 1
        if let weights = arcs.weights {
            dijkstra(from: source, arcs, weights, countPaths: countPaths, limit: limit)
        } else {
            breadthFirst(from: source, arcs, limit: limit)
        }
    }

    /// Breadth-first search; σ is always counted (it costs one addition per arc).
    private func breadthFirst(from source: Int, _ arcs: MeasureGraph.Arcs, limit: Double) {
        order[0] = Int32(source)
        rank[source] = 0
        hops[source] = 0
        var settledCount = 1
        arcs.offsets.withUnsafeBufferPointer { offsets in
            arcs.targets.withUnsafeBufferPointer { targets in
                var head = 0
                while head < settledCount {
                    let v = Int(order[head])
                    head += 1
                    let next = hops[v] + 1
                    if Double(next) > limit { break }
                    let paths = sigma[v]
                    for i in offsets[v]..<offsets[v + 1] {
                        let w = Int(targets[i])
                        let h = hops[w]
                        if h < 0 {
                            hops[w] = next
                            rank[w] = Int32(settledCount)
                            order[settledCount] = Int32(w)
                            settledCount += 1
                            distance[w] = Double(next)
                            sigma[w] = paths
                        } else if h == next {
                            sigma[w] += paths
                        }
                    }
                }
            }
        }
        count = settledCount
    }

    private func dijkstra(
        from source: Int, _ arcs: MeasureGraph.Arcs, _ weights: [Double],
        countPaths: Bool, limit: Double
    ) {
        heap.removeAll(keepingCapacity: true)
        pushes = 0
        push(0, Int32(source), from: Int32(source))
        while let (d, node, pred) = pop() {
            let v = Int(node)
            if rank[v] >= 0 || d > distance[v] { continue }
            // σ(v) counts the paths through the node whose push won, read now (NetworkX's order).
            if countPaths && v != source { sigma[v] += sigma[Int(pred)] }
            if d > limit {
                // Forget the nodes reached beyond the limit, so the next reset finds a clean state.
                distance[v] = .infinity
                sigma[v] = 0
                for (_, _, w, _) in heap where rank[Int(w)] < 0 {
                    distance[Int(w)] = .infinity
                    sigma[Int(w)] = 0
                }
                break
            }
            rank[v] = Int32(count)
            order[count] = node
            count += 1
            for i in arcs.offsets[v]..<arcs.offsets[v + 1] {
                let w = Int(arcs.targets[i])
                let candidate = d + weights[i]
                if rank[w] >= 0 {
                    // A settled node reached again at its own distance (over a zero weight): NetworkX
                    // counts these paths too.
                    if countPaths && candidate == distance[w] { sigma[w] += sigma[v] }
                } else if candidate < distance[w] {
                    distance[w] = candidate
                    sigma[w] = 0
                    push(candidate, Int32(w), from: Int32(v))
                } else if countPaths && candidate == distance[w] {
                    sigma[w] += sigma[v]
                }
            }
        }
    }

    private static func precedes(
        _ a: (distance: Double, count: Int, node: Int32, pred: Int32),
        _ b: (distance: Double, count: Int, node: Int32, pred: Int32)
    ) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.count < b.count)
    }

    private func push(_ d: Double, _ node: Int32, from pred: Int32) {
        heap.append((d, pushes, node, pred))
        pushes += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> (Double, Int32, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && Self.precedes(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && Self.precedes(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top.distance, top.node, top.pred)
    }
}
