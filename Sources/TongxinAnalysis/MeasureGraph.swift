import TongxinGraph

/// How a measure uses edge weights (DESIGN.md, "Graph view for measures").
public enum WeightUse: Sendable, Equatable {
    /// Every edge counts 1.
    case none
    /// Weight is a strength (degree as strength, eigenvector, PageRank, Katz, Louvain): merged edges
    /// add their weights.
    case strength
    /// Weight is a length (betweenness, closeness, harmonic, paths): merged edges keep the shortest.
    case distance
}

/// The simple graph that measures see: a compact CSR over the `Graph`'s node indices.
///
/// Undirected (the default): directions dropped, parallel and reciprocal edges merged into one,
/// self-loops dropped; ``outgoing`` and ``incoming`` are then the same arrays. Directed: parallel
/// edges merged, self-loops dropped, reciprocal edges kept as two arcs; ``incoming`` is the transpose
/// of ``outgoing``. With weights, a merged edge weighs the sum (``WeightUse/strength``) or the minimum
/// (``WeightUse/distance``) of its parts.
///
/// Within a node's run, neighbors appear in order of the first edge that joined them, so every
/// algorithm that walks the view is deterministic.
///
/// ```swift
/// // edges a→b, b→a, a→b (weight 2), b→b, b→c
/// let view = MeasureGraph(graph)                       // a–b, b–c
/// view.outgoing.neighbors(of: 1)                        // [0, 2]
/// MeasureGraph(graph, directed: true).incoming.neighbors(of: 1)   // [0]
/// ```
///
/// - Complexity: O(V + E) time and space, V nodes and E edges of the `Graph`.
public struct MeasureGraph: Sendable {
    /// One direction of a simple CSR: node `v`'s neighbors are `targets[offsets[v] ..< offsets[v + 1]]`
    /// with weights (when used) at the same positions.
    public struct Arcs: Sendable {
        public let offsets: [Int]
        public let targets: [Int32]
        /// Merged weights, or `nil` when the view ignores weights.
        public let weights: [Double]?

        /// The number of arcs of node `node`.
        @inlinable public func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }

        /// Node `node`'s neighbors.
        @inlinable public func neighbors(of node: Int) -> ArraySlice<Int32> {
            targets[offsets[node]..<offsets[node + 1]]
        }

        /// The total arc count.
        public var count: Int { targets.count }
    }

    public let nodeCount: Int
    public let isDirected: Bool
    public let weightUse: WeightUse
    /// Out-arcs (every neighbor, when undirected).
    public let outgoing: Arcs
    /// In-arcs (the same arrays as ``outgoing`` when undirected).
    public let incoming: Arcs

    /// Builds the view of `graph`.
    ///
    /// - Complexity: O(V + E).
    public init(_ graph: Graph, directed: Bool = false, weights weightUse: WeightUse = .none) {
        let weights = weightUse == .none ? nil : graph.weights.map(Array.init) ?? [Double](repeating: 1, count: graph.edgeCount)
        guard !directed else {
            self.init(
                nodeCount: graph.nodeCount, sources: Array(graph.sources), targets: Array(graph.targets),
                weights: weights, directed: true, weightUse: weightUse)
            return
        }
        let arcs = Self.undirectedArcs(of: graph, weights: weights, merge: weights == nil ? .none : weightUse)
        self.init(
            nodeCount: graph.nodeCount, isDirected: false, weightUse: weights == nil ? .none : weightUse, outgoing: arcs, incoming: arcs)
    }

    /// Builds the view of the subgraph of `graph` induced by `nodes` (distinct node indices): view
    /// node `i` is `nodes[i]`, and only edges with both ends among `nodes` are kept.
    ///
    /// - Complexity: O(V + E).
    public init(_ graph: Graph, inducedBy nodes: [Int], directed: Bool = false, weights weightUse: WeightUse = .none) {
        var local = [Int32](repeating: -1, count: graph.nodeCount)
        for (i, v) in nodes.enumerated() { local[v] = Int32(i) }
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        for e in 0..<graph.edgeCount {
            let s = local[Int(graph.sources[e])], t = local[Int(graph.targets[e])]
            guard s >= 0 && t >= 0 else { continue }
            sources.append(s)
            targets.append(t)
            if weightUse != .none { weights.append(graph.weight(of: e)) }
        }
        self.init(
            nodeCount: nodes.count, sources: sources, targets: targets,
            weights: weightUse == .none ? nil : weights, directed: directed, weightUse: weightUse)
    }

    /// Builds the view of an edge list `sources[e] → targets[e]` over `nodeCount` nodes.
    ///
    /// - Complexity: O(V + E).
    public init(
        nodeCount: Int, sources: [Int32], targets: [Int32], weights: [Double]?,
        directed: Bool, weightUse: WeightUse
    ) {
        precondition(sources.count == targets.count && (weights?.count ?? sources.count) == sources.count)
        self.nodeCount = nodeCount
        self.isDirected = directed
        self.weightUse = weights == nil ? .none : weightUse
        let merge = self.weightUse
        let out = Self.simpleArcs(
            nodeCount: nodeCount, sources: sources, targets: targets,
            weights: weights, bothWays: !directed, merge: merge)
        outgoing = out
        incoming = directed ? Self.transpose(out, nodeCount: nodeCount) : out
    }

    /// The same view with weights ignored. O(1): the arrays are shared.
    public func unweighted() -> MeasureGraph {
        MeasureGraph(
            nodeCount: nodeCount, isDirected: isDirected,
            outgoing: Arcs(offsets: outgoing.offsets, targets: outgoing.targets, weights: nil),
            incoming: Arcs(offsets: incoming.offsets, targets: incoming.targets, weights: nil))
    }

    private init(nodeCount: Int, isDirected: Bool, weightUse: WeightUse = .none, outgoing: Arcs, incoming: Arcs) {
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        self.weightUse = weightUse
        self.outgoing = outgoing
        self.incoming = incoming
    }

    /// Views with at least this many arcs before merging are built on two lanes
    /// (``undirectedArcs(of:weights:merge:)``).
    static let parallelViewThreshold = 1 << 20

    /// The undirected arcs of `graph` read from its own CSR (``Graph/outgoing`` and
    /// ``Graph/incoming``, both in edge order): node u's run is its out-run and in-run merged by edge
    /// index, self-loops dropped, a repeated neighbor merged into its first arc. These are the arcs,
    /// in the same order, of ``simpleArcs(nodeCount:sources:targets:weights:bothWays:merge:)`` on the
    /// edge list, but read in sequence rather than scattered by a counting sort (at 30 million edges
    /// the scatter's cache misses cost 3 s), and on two lanes over halves of the arcs, each writing
    /// its runs into its own part of the array; the second part then moves down behind the first.
    ///
    /// - Complexity: O(V + E) time; the arrays, plus one position per node and lane.
    private static func undirectedArcs(of graph: Graph, weights: [Double]?, merge: WeightUse) -> Arcs {
        let n = graph.nodeCount
        let out = graph.outgoing, into = graph.incoming
        let total = out.offsets[n] + into.offsets[n]
        let lanes = total >= parallelViewThreshold ? 2 : 1
        // Lane 1 starts at the first node whose arcs begin in the second half.
        var split = n
        if lanes == 2 {
            var low = 0, high = n
            while low < high {
                let middle = (low + high) / 2
                if out.offsets[middle] + into.offsets[middle] < total / 2 { low = middle + 1 } else { high = middle }
            }
            split = low
        }
        var heads = [Int32](repeating: 0, count: total)
        var arcWeights = [Double](repeating: 0, count: weights == nil ? 0 : total)
        var offsets = [Int](repeating: 0, count: n + 1)
        let weighted = weights != nil
        let weights = weights ?? []
        out.offsets.withUnsafeBufferPointer { outOffsets in
            out.neighbors.withUnsafeBufferPointer { outNeighbors in
                out.edges.withUnsafeBufferPointer { outEdges in
                    into.offsets.withUnsafeBufferPointer { inOffsets in
                        into.neighbors.withUnsafeBufferPointer { inNeighbors in
                            into.edges.withUnsafeBufferPointer { inEdges in
                                heads.withUnsafeMutableBufferPointer { heads in
                                    arcWeights.withUnsafeMutableBufferPointer { arcWeights in
                                        offsets.withUnsafeMutableBufferPointer { offsets in
                                            let shared = UncheckedSendable((heads, arcWeights, offsets))
                                            Lanes.run(lanes) { lane in
                                                let (heads, arcWeights, offsets) = shared.value
                                                let first = lane == 0 ? 0 : split, last = lane == 0 ? split : n
                                                var runs = RunCompactor(
                                                    heads: heads, weights: arcWeights, merge: merge, nodeCount: n,
                                                    start: outOffsets[first] + inOffsets[first])
                                                for u in first..<last {
                                                    runs.beginRun()
                                                    var o = outOffsets[u], i = inOffsets[u]
                                                    let outEnd = outOffsets[u + 1], inEnd = inOffsets[u + 1]
                                                    while o < outEnd || i < inEnd {
                                                        let v: Int, e: Int
                                                        if i == inEnd || (o < outEnd && outEdges[o] < inEdges[i]) {
                                                            v = Int(outNeighbors[o]); e = Int(outEdges[o]); o += 1
                                                        } else {
                                                            v = Int(inNeighbors[i]); e = Int(inEdges[i]); i += 1
                                                        }
                                                        if v != u { runs.add(v, weight: weighted ? weights[e] : 0) }
                                                    }
                                                    offsets[u + 1] = runs.write
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Each lane's runs end at its last node's offset; lane 1's move down behind lane 0's.
        var count = offsets[split]
        if lanes == 2 {
            // (No node is lane 1's when the last node holds more than half of the arcs.)
            let start = out.offsets[split] + into.offsets[split], length = split < n ? offsets[n] - start : 0
            let shift = start - count
            heads.withUnsafeMutableBytes { bytes in
                (bytes.baseAddress! + count * 4).copyMemory(from: bytes.baseAddress! + start * 4, byteCount: length * 4)
            }
            if weighted {
                arcWeights.withUnsafeMutableBytes { bytes in
                    (bytes.baseAddress! + count * 8).copyMemory(from: bytes.baseAddress! + start * 8, byteCount: length * 8)
                }
            }
            for u in split..<n { offsets[u + 1] -= shift }
            count += length
        }
        heads.removeLast(total - count)
        if weighted { arcWeights.removeLast(total - count) }
        return Arcs(offsets: offsets, targets: heads, weights: weighted ? arcWeights : nil)
    }

    /// Counting-sorts the arcs by tail (both ways when `bothWays`), skipping self-loops, then merges
    /// repeated heads within each run, compacting in place.
    private static func simpleArcs(
        nodeCount n: Int, sources: [Int32], targets: [Int32], weights: [Double]?,
        bothWays: Bool, merge: WeightUse
    ) -> Arcs {
        var offsets = [Int](repeating: 0, count: n + 1)
        for e in sources.indices where sources[e] != targets[e] {
            offsets[Int(sources[e]) + 1] += 1
            if bothWays { offsets[Int(targets[e]) + 1] += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let total = offsets[n]
        var heads = [Int32](repeating: 0, count: total)
        var arcWeights: [Double] = weights == nil ? [] : [Double](repeating: 0, count: total)
        var next = offsets
        heads.withUnsafeMutableBufferPointer { heads in
            arcWeights.withUnsafeMutableBufferPointer { arcWeights in
                for e in sources.indices where sources[e] != targets[e] {
                    let u = Int(sources[e]), v = Int(targets[e])
                    heads[next[u]] = Int32(v)
                    if let weights { arcWeights[next[u]] = weights[e] }
                    next[u] += 1
                    if bothWays {
                        heads[next[v]] = Int32(u)
                        if let weights { arcWeights[next[v]] = weights[e] }
                        next[v] += 1
                    }
                }
            }
        }
        var newOffsets = [Int](repeating: 0, count: n + 1)
        var write = 0
        heads.withUnsafeMutableBufferPointer { heads in
            arcWeights.withUnsafeMutableBufferPointer { arcWeights in
                var runs = RunCompactor(heads: heads, weights: arcWeights, merge: merge, nodeCount: n, start: 0)
                for u in 0..<n {
                    runs.beginRun()
                    for read in offsets[u]..<offsets[u + 1] {
                        runs.add(Int(heads[read]), weight: arcWeights.isEmpty ? 0 : arcWeights[read])
                    }
                    newOffsets[u + 1] = runs.write
                }
                write = runs.write
            }
        }
        heads.removeLast(total - write)
        if weights != nil { arcWeights.removeLast(total - write) }
        return Arcs(offsets: newOffsets, targets: heads, weights: weights == nil ? nil : arcWeights)
    }

    /// Writes runs of arcs into `heads` (and `weights`, empty when unweighted) from `start` on, a
    /// head repeated within a run merged into the run's first arc with it (weights summed for
    /// ``WeightUse/strength``, the least kept for ``WeightUse/distance``). Compacting in place is
    /// safe: writing never overtakes reading. `slot[v]` is where head v was last written; it belongs
    /// to the current run only when it is at or after the run's start.
    private struct RunCompactor {
        let heads: UnsafeMutableBufferPointer<Int32>
        let weights: UnsafeMutableBufferPointer<Double>
        let merge: WeightUse
        private var slot: [Int]
        private(set) var write: Int
        private var runStart: Int

        init(
            heads: UnsafeMutableBufferPointer<Int32>, weights: UnsafeMutableBufferPointer<Double>, merge: WeightUse, nodeCount: Int,
            start: Int
        ) {
            (self.heads, self.weights, self.merge) = (heads, weights, merge)
            slot = [Int](repeating: -1, count: nodeCount)
            (write, runStart) = (start, start)
        }

        mutating func beginRun() { runStart = write }

        /// Adds the arc to `head` (weighing `weight`, ignored when unweighted) to the current run.
        @inline(__always) mutating func add(_ head: Int, weight: Double) {
            let previous = slot[head]
            if previous >= runStart {
                if merge == .strength {
                    weights[previous] += weight
                } else if merge == .distance {
                    weights[previous] = min(weights[previous], weight)
                }
            } else {
                heads[write] = Int32(head)
                if !weights.isEmpty { weights[write] = weight }
                slot[head] = write
                write += 1
            }
        }
    }

    /// The reversed arcs, by a counting sort (stable in tail order).
    private static func transpose(_ arcs: Arcs, nodeCount n: Int) -> Arcs {
        var offsets = [Int](repeating: 0, count: n + 1)
        for v in arcs.targets { offsets[Int(v) + 1] += 1 }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var next = offsets
        var tails = [Int32](repeating: 0, count: arcs.count)
        var weights: [Double] = arcs.weights == nil ? [] : [Double](repeating: 0, count: arcs.count)
        for u in 0..<n {
            for i in arcs.offsets[u]..<arcs.offsets[u + 1] {
                let v = Int(arcs.targets[i])
                tails[next[v]] = Int32(u)
                if let source = arcs.weights { weights[next[v]] = source[i] }
                next[v] += 1
            }
        }
        return Arcs(offsets: offsets, targets: tails, weights: arcs.weights == nil ? nil : weights)
    }

    /// Each node's weighted out-degree (strength), or its out-degree when weights are not used.
    ///
    /// - Complexity: O(V + E).
    public func outStrengths() -> [Double] { Self.strengths(outgoing, nodeCount) }

    /// Each node's weighted in-degree (strength), or its in-degree when weights are not used.
    public func inStrengths() -> [Double] { Self.strengths(incoming, nodeCount) }

    private static func strengths(_ arcs: Arcs, _ n: Int) -> [Double] {
        (0..<n).map { v in
            guard let weights = arcs.weights else { return Double(arcs.degree(v)) }
            var sum = 0.0
            for i in arcs.offsets[v]..<arcs.offsets[v + 1] { sum += weights[i] }
            return sum
        }
    }

    /// Checks that weights used as distances are finite and not negative, as Dijkstra's algorithm needs.
    ///
    /// - Throws: ``MeasureError/invalidWeight(_:)`` naming the first bad weight.
    public func checkDistances() throws(MeasureError) {
        guard let weights = outgoing.weights else { return }
        if let bad = weights.first(where: { !($0 >= 0 && $0.isFinite) }) {
            throw .invalidWeight(bad)
        }
    }
}

/// Why a measure could not be computed.
public enum MeasureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An iterative measure did not reach its tolerance within the iteration limit.
    case notConverged(measure: String, iterations: Int, tolerance: Double)
    /// An iterative measure's values grew without bound (Katz with α ≥ 1 / λ_max).
    case diverged(measure: String, iterations: Int)
    /// A weight used as a distance is negative, infinite or NaN.
    case invalidWeight(Double)
    /// A parameter is out of its range.
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .notConverged(let measure, let iterations, let tolerance):
            "\(measure) did not converge to tolerance \(tolerance) in \(iterations) iterations "
                + "(allow more iterations or a larger tolerance)"
        case .diverged(let measure, let iterations):
            "\(measure) diverged after \(iterations) iterations: the attenuation factor α must be below "
                + "1 / λ_max, λ_max the adjacency matrix's largest eigenvalue"
        case .invalidWeight(let weight):
            "edge weight \(weight) cannot be a distance: weights must be finite and not negative"
        case .invalidParameter(let message):
            message
        }
    }
}
