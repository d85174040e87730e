/// The indexes the planner uses to start a match without scanning every node: nodes by kind, and
/// nodes by the value of one property (`name`, `type`, `level`, any attribute), each built on first
/// use and kept for the life of the ``QueryEngine`` (so once per graph).
///
/// - Complexity: the kind index is built in O(V) (a counting sort); each property index in O(V)
///   expected time and O(V) space; lookups are O(1) expected plus the size of the answer.
final class GraphIndexes {
    let graph: Graph
    /// `kindOffsets[k] ..< kindOffsets[k + 1]` is the run of kind `k`'s nodes in `kindNodes`.
    private(set) lazy var kindIndex: (offsets: [Int], nodes: [Int32]) = {
        let kinds = graph.nodeKindIndices
        var offsets = [Int](repeating: 0, count: graph.nodeKinds.count + 1)
        for kind in kinds { offsets[Int(kind) + 1] += 1 }
        for kind in 0..<graph.nodeKinds.count { offsets[kind + 1] += offsets[kind] }
        var next = offsets
        var nodes = [Int32](repeating: 0, count: kinds.count)
        for node in kinds.indices {
            let kind = Int(kinds[node])
            nodes[next[kind]] = Int32(node)
            next[kind] += 1
        }
        return (offsets, nodes)
    }()
    private var propertyIndexes: [String: [QueryValue: [Int32]]] = [:]

    init(graph: Graph) {
        self.graph = graph
    }

    /// The nodes of kind index `kind`, in node order.
    func nodes(ofKind kind: Int32) -> ArraySlice<Int32> {
        let index = kindIndex
        return index.nodes[index.offsets[Int(kind)] ..< index.offsets[Int(kind) + 1]]
    }

    /// How many nodes have kind index `kind`.
    func count(ofKind kind: Int32) -> Int {
        let index = kindIndex
        return index.offsets[Int(kind) + 1] - index.offsets[Int(kind)]
    }

    /// The nodes whose property `key` is equivalent to `value` (numbers compare numerically), in
    /// node order. `id` is answered from the graph's own id map.
    func nodes(withProperty key: String, equalTo value: QueryValue) -> [Int32] {
        if key == "id" {
            guard case .string(let id) = value, let node = graph.index(of: id) else { return [] }
            return [Int32(node)]
        }
        if propertyIndexes[key] == nil { propertyIndexes[key] = buildIndex(key) }
        return propertyIndexes[key]![value] ?? []
    }

    private func buildIndex(_ key: String) -> [QueryValue: [Int32]] {
        var index: [QueryValue: [Int32]] = [:]
        switch key {
        case "name":
            for node in 0..<graph.nodeCount { index[.string(graph.name(of: node)), default: []].append(Int32(node)) }
        case "kind":
            for node in 0..<graph.nodeCount { index[.string(graph.kind(of: node)), default: []].append(Int32(node)) }
        default:
            guard let column = graph.nodeAttributes.column(named: key) else { return [:] }
            for node in 0..<graph.nodeCount {
                if let value = graph.nodeAttributes.value(column: column, at: node) {
                    index[QueryValue(value), default: []].append(Int32(node))
                }
            }
        }
        return index
    }
}
