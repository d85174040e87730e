/// The indexes the planner uses to start a match without scanning every node: nodes by kind, edges
/// by kind, and nodes by the value of one property (`name`, `type`, `level`, any attribute), each
/// built on first use and kept for the life of the ``QueryEngine`` (so once per graph).
///
/// - Complexity: the kind indexes are built in O(V) and O(E) (counting sorts); each property index
///   in O(V log V) time and O(V) space; a lookup is O(log V) plus the size of the answer.
final class GraphIndexes {
    let graph: Graph
    /// Nodes grouped by kind: `kindIndex.items[offsets[k] ..< offsets[k + 1]]` are kind `k`'s.
    private(set) lazy var kindIndex: (offsets: [Int], items: [Int32]) =
        GraphIndexes.group(graph.nodeKindIndices, kinds: graph.nodeKinds.count)
    /// Edges grouped by kind, the same way.
    private(set) lazy var edgeKindIndex: (offsets: [Int], items: [Int32]) =
        GraphIndexes.group(graph.edgeKindIndices, kinds: graph.edgeKinds.count)
    /// How many edges of each kind leave and enter nodes of each kind:
    /// `endCounts[(edgeKind * nodeKinds + nodeKind) * 2 + (0 leaving, 1 entering)]`, for fan-out
    /// estimates.
    private lazy var endCounts: [Int] = {
        let nodeKinds = graph.nodeKinds.count
        var counts = [Int](repeating: 0, count: graph.edgeKinds.count * nodeKinds * 2)
        for edge in 0..<graph.edgeCount {
            let base = Int(graph.edgeKindIndices[edge]) * nodeKinds
            counts[(base + Int(graph.nodeKindIndices[Int(graph.sources[edge])])) * 2] += 1
            counts[(base + Int(graph.nodeKindIndices[Int(graph.targets[edge])])) * 2 + 1] += 1
        }
        return counts
    }()
    private var propertyIndexes: [String: PropertyIndex] = [:]

    init(graph: Graph) {
        self.graph = graph
    }

    /// Items `0 ..< kindOf.count` grouped by kind with a counting sort, each group in item order.
    private static func group(_ kindOf: FlatArray<Int32>, kinds: Int) -> (offsets: [Int], items: [Int32]) {
        var offsets = [Int](repeating: 0, count: kinds + 1)
        for kind in kindOf { offsets[Int(kind) + 1] += 1 }
        for kind in 0..<kinds { offsets[kind + 1] += offsets[kind] }
        var next = offsets
        var items = [Int32](repeating: 0, count: kindOf.count)
        for item in kindOf.indices {
            let kind = Int(kindOf[item])
            items[next[kind]] = Int32(item)
            next[kind] += 1
        }
        return (offsets, items)
    }

    /// The nodes of kind index `kind`, in node order.
    func nodes(ofKind kind: Int32) -> ArraySlice<Int32> {
        let index = kindIndex
        return index.items[index.offsets[Int(kind)]..<index.offsets[Int(kind) + 1]]
    }

    /// How many nodes have kind index `kind`.
    func count(ofKind kind: Int32) -> Int {
        let index = kindIndex
        return index.offsets[Int(kind) + 1] - index.offsets[Int(kind)]
    }

    /// The edges of kind index `kind`, in edge order.
    func edges(ofKind kind: Int) -> ArraySlice<Int32> {
        let index = edgeKindIndex
        return index.items[index.offsets[kind]..<index.offsets[kind + 1]]
    }

    /// The average number of edges of the kinds `mask` allows (all when `nil`) that leave
    /// (`leaving`) and/or enter (`entering`) a node of kind `nodeKind` (any node when `nil`).
    func fanOut(_ mask: [Bool]?, from nodeKind: Int32?, leaving: Bool, entering: Bool) -> Double {
        let nodeKinds = graph.nodeKinds.count
        var total = 0
        for edgeKind in 0..<graph.edgeKinds.count where mask?[edgeKind] ?? true {
            for kind in 0..<nodeKinds where nodeKind.map({ Int($0) == kind }) ?? true {
                let base = (edgeKind * nodeKinds + kind) * 2
                total += (leaving ? endCounts[base] : 0) + (entering ? endCounts[base + 1] : 0)
            }
        }
        let nodes = nodeKind.map { count(ofKind: $0) } ?? graph.nodeCount
        return Double(total) / Double(max(nodes, 1))
    }

    /// How many edges the kinds allowed by `mask` (all when `nil`) have.
    func count(ofEdgeKinds mask: [Bool]?) -> Int {
        guard let mask else { return graph.edgeCount }
        let index = edgeKindIndex
        return mask.indices.reduce(0) { $0 + (mask[$1] ? index.offsets[$1 + 1] - index.offsets[$1] : 0) }
    }

    /// The nodes whose property `key` is equivalent to `value` (numbers compare numerically), in
    /// node order. `id` is answered from the graph's own id map.
    func nodes(withProperty key: String, equalTo value: QueryValue) -> [Int32] {
        if key == "id" {
            guard case .string(let id) = value, let node = graph.index(of: id) else { return [] }
            return [Int32(node)]
        }
        if propertyIndexes[key] == nil { propertyIndexes[key] = PropertyIndex(graph: graph, key: key) }
        return propertyIndexes[key]!.nodes(equalTo: value, graph: graph)
    }
}

/// Nodes sorted by the hash of one property's value: a lookup is a binary search for the hash,
/// then a check of the few nodes that share it. Building sorts (hash, node) pairs once: O(V log V)
/// time and 12 bytes a node, several times faster than a dictionary of node lists when most values
/// are distinct (names).
private struct PropertyIndex {
    let property: NodeProperty
    private var hashes: [Int] = []
    private var nodes: [Int32] = []

    init(graph: Graph, key: String) {
        property = NodeProperty(key, graph)
        var pairs: [(hash: Int, node: Int32)] = []
        pairs.reserveCapacity(graph.nodeCount)
        for node in 0..<graph.nodeCount {
            let value = property.value(node, graph)
            if !value.isNull { pairs.append((value.hashValue, Int32(node))) }
        }
        pairs.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.node < $1.node }
        hashes = pairs.map(\.hash)
        nodes = pairs.map(\.node)
    }

    func nodes(equalTo value: QueryValue, graph: Graph) -> [Int32] {
        let hash = value.hashValue
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        var result: [Int32] = []
        while low < hashes.count && hashes[low] == hash {
            if property.value(Int(nodes[low]), graph) == value { result.append(nodes[low]) }
            low += 1
        }
        return result
    }
}
