import Synchronization
import TongxinGraph

/// A partition of the nodes into components.
public struct Components: Sendable, Equatable {
    /// Each node's component, numbered 0, 1, … in order of each component's smallest node index.
    public let labels: [Int32]
    /// Each component's node count.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    init(labels: [Int32], sizes: [Int]) {
        self.labels = labels
        self.sizes = sizes
    }

    /// Renumbers arbitrary labels in order of first appearance.
    init(rawLabels: [Int32]) {
        var renumber = [Int32](repeating: -1, count: rawLabels.count)
        var sizes: [Int] = []
        var labels = rawLabels
        for v in rawLabels.indices {
            let raw = Int(rawLabels[v])
            if renumber[raw] < 0 {
                renumber[raw] = Int32(sizes.count)
                sizes.append(0)
            }
            labels[v] = renumber[raw]
            sizes[Int(labels[v])] += 1
        }
        self.labels = labels
        self.sizes = sizes
    }
}

extension MeasureGraph {
    /// Weakly connected components (connected components of an undirected view). From
    /// ``parallelComponentThreshold`` nodes on, by Afforest on two lanes (``Afforest``); below it, by
    /// union–find over the arcs (``UnionFind``: path halving, the larger root linked under the
    /// smaller, so each component's root is its smallest node) in one pass over the arcs and one
    /// over the nodes. Either way components are numbered in order of their smallest node.
    ///
    /// Example: edges a→b, c→b, d: components {a, b, c} and {d}.
    ///
    /// - Complexity: O((V + E) α(V)), V nodes and E arcs of the view (α the inverse Ackermann
    ///   function); in parallel, see ``Afforest``.
    public func weakComponents() -> Components {
        if nodeCount >= Self.parallelComponentThreshold, #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            return afforestComponents()
        }
        return unionFindComponents()
    }

    /// The node count from which components are found on two lanes: below it, starting the lanes
    /// costs more than it saves.
    static let parallelComponentThreshold = 20_000

    /// Weak components by sequential union–find.
    ///
    /// - Complexity: O((V + E) α(V)).
    func unionFindComponents() -> Components {
        let n = nodeCount
        var parent = [Int32](repeating: 0, count: n)
        var labels = [Int32](repeating: 0, count: n)
        var sizes: [Int] = []
        parent.withUnsafeMutableBufferPointer { parent in
            let forest = UnionFind(parent: parent)
            forest.reset()
            outgoing.offsets.withUnsafeBufferPointer { offsets in
                outgoing.targets.withUnsafeBufferPointer { targets in
                    for u in 0..<n {
                        var root = forest.find(Int32(u))
                        for i in offsets[u]..<offsets[u + 1] {
                            let v = targets[i]
                            // An undirected view holds each edge twice: once is enough.
                            if !isDirected && Int(v) < u { continue }
                            root = forest.link(root, forest.find(v))
                        }
                    }
                }
            }
            labels.withUnsafeMutableBufferPointer { labels in
                for v in 0..<n {
                    let root = Int(forest.find(Int32(v)))
                    if root == v {
                        labels[v] = Int32(sizes.count)
                        sizes.append(1)
                    } else {
                        labels[v] = labels[root]  // the root is smaller, so already labeled
                        sizes[Int(labels[v])] += 1
                    }
                }
            }
        }
        return Components(labels: labels, sizes: sizes)
    }

    /// Weak components by ``Afforest``, then numbered on two lanes: each lane counts the roots in its
    /// block of nodes, numbers them from the count of the blocks before it, then labels the other
    /// nodes from their roots and counts sizes of its own, summed in lane order.
    ///
    /// - Complexity: as ``Afforest``, plus O(V + C) for C components.
    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    func afforestComponents() -> Components {
        let n = nodeCount, lanes = Lanes.count
        let parent = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: max(n, 1))
        defer { parent.deinitialize(count: n); parent.deallocate() }
        let roots = outgoing.offsets.withUnsafeBufferPointer { outOffsets in
            outgoing.targets.withUnsafeBufferPointer { outTargets in
                incoming.offsets.withUnsafeBufferPointer { inOffsets in
                    incoming.targets.withUnsafeBufferPointer { inTargets in
                        Afforest.join(
                            nodeCount: n, parent: parent, outgoing: (outOffsets, outTargets),
                            incoming: isDirected ? (inOffsets, inTargets) : nil, inside: nil)
                    }
                }
            }
        }
        let count = roots.reduce(0, +)
        var labels = [Int32](repeating: 0, count: n)
        var sizes = [Int](repeating: 0, count: count)
        var laneSizes = [Int](repeating: 0, count: (lanes - 1) * count)
        labels.withUnsafeMutableBufferPointer { labels in
            sizes.withUnsafeMutableBufferPointer { sizes in
                laneSizes.withUnsafeMutableBufferPointer { laneSizes in
                    let shared = UncheckedSendable((labels, sizes, laneSizes))
                    Lanes.run(lanes) { lane in
                        let labels = shared.value.0
                        var next = (0..<lane).reduce(0) { $0 + roots[$1] }
                        for v in Lanes.range(lane, of: lanes, total: n) where parent[v].load(ordering: .relaxed) == Int32(v) {
                            labels[v] = Int32(next)
                            next += 1
                        }
                    }
                    Lanes.run(lanes) { lane in
                        let (labels, sizes, laneSizes) = shared.value
                        let counts = lane == 0 ? sizes.baseAddress! : laneSizes.baseAddress! + (lane - 1) * count
                        for v in Lanes.range(lane, of: lanes, total: n) {
                            let root = Int(parent[v].load(ordering: .relaxed))
                            if root != v { labels[v] = labels[root] }
                            counts[Int(labels[v])] += 1
                        }
                    }
                    for lane in 1..<lanes {
                        for c in 0..<count { sizes[c] += laneSizes[(lane - 1) * count + c] }
                    }
                }
            }
        }
        return Components(labels: labels, sizes: sizes)
    }

    /// Strongly connected components by Tarjan's algorithm (Tarjan 1972, doi:10.1137/0201010), run
    /// with an explicit stack so deep graphs cannot overflow the call stack. In an undirected view they
    /// are the connected components.
    ///
    /// Example: arcs a→b, b→a, b→c: components {a, b} and {c}.
    ///
    /// - Complexity: O(V + E), V nodes and E arcs of the view.
    public func strongComponents() -> Components {
        guard isDirected else { return weakComponents() }
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var labels = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        // The depth-first path: node and the next arc position to explore.
        var path: [(node: Int32, arc: Int)] = []
        var counter: Int32 = 0, label: Int32 = 0
        let offsets = outgoing.offsets, targets = outgoing.targets
        for root in 0..<n where index[root] < 0 {
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            path.append((Int32(root), offsets[root]))
            while let (node, arc) = path.last {
                let v = Int(node)
                if arc < offsets[v + 1] {
                    path[path.count - 1].arc = arc + 1
                    let u = Int(targets[arc])
                    if index[u] < 0 {
                        index[u] = counter; low[u] = counter; counter += 1
                        stack.append(Int32(u)); onStack[u] = true
                        path.append((Int32(u), offsets[u]))
                    } else if onStack[u] {
                        low[v] = min(low[v], index[u])
                    }
                    continue
                }
                path.removeLast()
                if let parent = path.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[v]) }
                if low[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        labels[Int(w)] = label
                        if Int(w) == v { break }
                    }
                    label += 1
                }
            }
        }
        return Components(rawLabels: labels)
    }
}

extension Graph {
    /// The number of weakly connected components (edge directions ignored, self-loops and parallel
    /// edges harmless), of the whole graph or of the subgraph induced by the nodes marked in `inside`
    /// (one flag per node), counted straight from the graph's edges with no view built: by
    /// ``Afforest`` over the two CSR directions from ``MeasureGraph/parallelComponentThreshold``
    /// nodes on, else by union–find over the edge list.
    ///
    /// Example: edges a→b, c→b, d: 2; inside {a, c, d}: 3.
    ///
    /// - Complexity: as ``MeasureGraph/weakComponents()``, V nodes and E edges of the graph.
    public func weakComponentCount(inside: [Bool]? = nil) -> Int {
        precondition(inside.map { $0.count == nodeCount } ?? true)
        let n = nodeCount
        if n >= MeasureGraph.parallelComponentThreshold, #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            let parent = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: n)
            defer { parent.deinitialize(count: n); parent.deallocate() }
            let roots = outgoing.offsets.withUnsafeBufferPointer { outOffsets in
                outgoing.neighbors.withUnsafeBufferPointer { outTargets in
                    incoming.offsets.withUnsafeBufferPointer { inOffsets in
                        incoming.neighbors.withUnsafeBufferPointer { inTargets in
                            func join(_ inside: UnsafeBufferPointer<Bool>?) -> [Int] {
                                Afforest.join(
                                    nodeCount: n, parent: parent, outgoing: (outOffsets, outTargets),
                                    incoming: (inOffsets, inTargets), inside: inside)
                            }
                            return if let inside { inside.withUnsafeBufferPointer(join) } else { join(nil) }
                        }
                    }
                }
            }
            return roots.reduce(0, +)
        }
        var parent = [Int32](repeating: 0, count: n)
        return parent.withUnsafeMutableBufferPointer { parent in
            let forest = UnionFind(parent: parent)
            forest.reset()
            for e in 0..<edgeCount {
                let s = Int(sources[e]), t = Int(targets[e])
                if let inside, !inside[s] || !inside[t] { continue }
                forest.union(Int32(s), Int32(t))
            }
            return (0..<n).count(where: { forest.find(Int32($0)) == Int32($0) && (inside?[$0] ?? true) })
        }
    }
}

/// Afforest (Sutton, Ben-Nun and Barak 2018, "Optimizing parallel graph connectivity computation
/// via subgraph sampling", IPDPS, doi:10.1109/IPDPS.2018.00012) on two lanes, each taking a block of
/// nodes, over a ``SharedUnionFind``: link every node to its first ``samplingRounds`` neighbors,
/// flatten the forest, find the largest intermediate component from an evenly spaced sample of 1,024
/// nodes, then link the remaining arcs of the nodes outside it only (for a directed CSR, their
/// in-arcs too, so every edge leaving the largest component is seen from its other end), and flatten
/// again. Most of a graph with a giant component is never walked past its sampled arcs.
///
/// The partition is unique and every root is its set's smallest node, so the result does not
/// depend on how the lanes interleave.
///
/// - Complexity: O(V + E) work in expectation on sparse graphs (O((V + E) log V) at worst), V nodes
///   and E arcs, in five barriers.
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
enum Afforest {
    /// One CSR direction: offsets (V + 1 of them) and neighbor indices.
    typealias CSR = (offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>)

    /// Neighbors of each node linked before the largest component is chosen (the paper's 2).
    static let samplingRounds = 2

    /// Fills `parent` (`nodeCount` uninitialized atomics) so that `parent[v]` is the smallest node of
    /// v's component, over the arcs of `outgoing` and, when given, `incoming` (its transpose). With
    /// `inside`, only the subgraph induced by the nodes marked true is considered; the others are left
    /// as their own roots. Returns how many (included) roots each lane's block holds, in lane order.
    static func join(
        nodeCount n: Int, parent: UnsafeMutablePointer<Atomic<Int32>>, outgoing: CSR, incoming: CSR?,
        inside: UnsafeBufferPointer<Bool>?
    ) -> [Int] {
        let lanes = Lanes.count
        let forest = SharedUnionFind(parent: parent)
        @inline(__always) func included(_ v: Int) -> Bool { inside?[v] ?? true }
        Lanes.run(lanes) { lane in
            for v in Lanes.range(lane, of: lanes, total: n) { (parent + v).initialize(to: Atomic(Int32(v))) }
        }
        Lanes.run(lanes) { lane in
            for u in Lanes.range(lane, of: lanes, total: n) where included(u) {
                let start = outgoing.offsets[u], end = min(outgoing.offsets[u + 1], start + samplingRounds)
                for i in start..<end where included(Int(outgoing.targets[i])) { forest.union(Int32(u), outgoing.targets[i]) }
            }
        }
        Lanes.run(lanes) { lane in
            for v in Lanes.range(lane, of: lanes, total: n) { forest.flatten(v) }
        }
        let largest = largestComponent(nodeCount: n, parent: parent, inside: inside)
        Lanes.run(lanes) { lane in
            for u in Lanes.range(lane, of: lanes, total: n) where included(u) && parent[u].load(ordering: .relaxed) != largest {
                let start = min(outgoing.offsets[u] + samplingRounds, outgoing.offsets[u + 1])
                for i in start..<outgoing.offsets[u + 1] where included(Int(outgoing.targets[i])) {
                    forest.union(Int32(u), outgoing.targets[i])
                }
                guard let incoming else { continue }
                for i in incoming.offsets[u]..<incoming.offsets[u + 1] where included(Int(incoming.targets[i])) {
                    forest.union(Int32(u), incoming.targets[i])
                }
            }
        }
        var roots = [Int](repeating: 0, count: lanes)
        roots.withUnsafeMutableBufferPointer { roots in
            let roots = UncheckedSendable(roots)
            Lanes.run(lanes) { lane in
                var count = 0
                for v in Lanes.range(lane, of: lanes, total: n) {
                    forest.flatten(v)
                    if included(v) && parent[v].load(ordering: .relaxed) == Int32(v) { count += 1 }
                }
                roots.value[lane] = count
            }
        }
        return roots
    }

    /// The most frequent root among 1,024 evenly spaced (included) nodes of a flattened forest, the
    /// smallest on a tie; -1 when no node is included.
    static func largestComponent(
        nodeCount n: Int, parent: UnsafeMutablePointer<Atomic<Int32>>, inside: UnsafeBufferPointer<Bool>?
    ) -> Int32 {
        let step = max(n / 1024, 1)
        var sample: [Int32] = []
        for v in stride(from: 0, to: n, by: step) where inside?[v] ?? true { sample.append(parent[v].load(ordering: .relaxed)) }
        sample.sort()
        var best: Int32 = -1, bestCount = 0, i = 0
        while i < sample.count {
            var j = i
            while j < sample.count && sample[j] == sample[i] { j += 1 }
            if j - i > bestCount { (best, bestCount) = (sample[i], j - i) }
            i = j
        }
        return best
    }
}
