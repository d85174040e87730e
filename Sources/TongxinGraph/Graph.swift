/// A typed, attributed, directed multigraph frozen into compact read-only storage.
///
/// Nodes and edges are addressed by dense integer indices (`0 ..< nodeCount`, `0 ..< edgeCount`);
/// string ids map to indices once, through ``index(of:)``. Per-node and per-edge data live in
/// columns indexed by those integers, and adjacency is kept twice in CSR form (``outgoing`` and
/// ``incoming``) with 32-bit indices, so algorithms walk flat arrays. The region hierarchy formed by
/// `within` edges is precomputed in ``hierarchy``.
///
/// A `Graph` is a value: built once by ``GraphBuilder`` (or mapped from a `.txg` file) and never
/// mutated, so it is freely shared across threads. Every column is a ``FlatArray`` or
/// ``StringTable`` over a ``StorageRegion``, so a mapped graph allocates nothing per node. Storage is
/// O(V + E).
public struct Graph: Sendable {
    /// The graph's name (the JSON `name`, a GraphML graph id…).
    public let name: String
    /// Free metadata about the whole graph (provenance, what is synthetic, reconciliation notes).
    public let metadata: [String: AttributeValue]

    /// Node ids, by node index.
    public let ids: StringTable
    /// Node names as given; `nil` when the input had none (``name(of:)`` then answers the id).
    public let names: OptionalStringTable
    /// The distinct node kinds, in first-seen order; ``nodeKindIndices`` points into it.
    public let nodeKinds: [String]
    /// Each node's kind, as an index into ``nodeKinds``.
    public let nodeKindIndices: FlatArray<Int32>
    /// Node attributes (including the well-known `level`, `type` and `category`).
    public let nodeAttributes: AttributeColumns

    /// Each edge's source node, by edge index.
    public let sources: FlatArray<Int32>
    /// Each edge's target node, by edge index.
    public let targets: FlatArray<Int32>
    /// The distinct edge kinds, in first-seen order; ``edgeKindIndices`` points into it.
    public let edgeKinds: [String]
    /// Each edge's kind, as an index into ``edgeKinds``.
    public let edgeKindIndices: FlatArray<Int32>
    /// Edge weights, or `nil` when every edge weighs 1.
    public let weights: FlatArray<Double>?
    /// Edge attributes other than kind and weight.
    public let edgeAttributes: AttributeColumns

    /// Out-edges: for each node, its targets and the edges leading there.
    public let outgoing: Adjacency
    /// In-edges: for each node, its sources and the edges coming from there.
    public let incoming: Adjacency
    /// The forest of `within` edges among regions and villages, and where other nodes are located.
    public let hierarchy: Hierarchy
    /// Problems that do not stop the graph from loading (a region without a level, a village outside
    /// any town…), for `tongxin info` and `validate` to show.
    public let warnings: [Diagnostic]

    /// The id → index map, laid out flat so a `.txg` file can hold it.
    public let idIndex: IDIndex
    /// The lookup index by code and name, built on first use (``lookup``).
    let lookupStorage: NodeLookup

    init(
        name: String, metadata: [String: AttributeValue], ids: [String], names: [String?],
        nodeKinds: [String], nodeKindIndices: [Int32], nodeAttributes: AttributeColumns,
        sources: [Int32], targets: [Int32], edgeKinds: [String], edgeKindIndices: [Int32],
        weights: [Double]?, edgeAttributes: AttributeColumns,
        hierarchy: Hierarchy, warnings: [Diagnostic]
    ) {
        let ids = StringTable(ids)
        let sources = FlatArray(sources), targets = FlatArray(targets)
        let (outgoing, incoming) = Adjacency.bothDirections(nodeCount: ids.count, sources: sources, targets: targets)
        self.init(
            name: name, metadata: metadata, ids: ids, names: OptionalStringTable(names), nodeKinds: nodeKinds,
            nodeKindIndices: FlatArray(nodeKindIndices), nodeAttributes: nodeAttributes, sources: sources,
            targets: targets, edgeKinds: edgeKinds, edgeKindIndices: FlatArray(edgeKindIndices),
            weights: weights.map { FlatArray($0) }, edgeAttributes: edgeAttributes, outgoing: outgoing,
            incoming: incoming, hierarchy: hierarchy, idIndex: IDIndex(ids: ids), warnings: warnings)
    }

    /// A graph over existing columns: what the `.txg` reader assembles from a mapped file, in O(1).
    ///
    /// - Precondition: the columns satisfy ``checkInvariants()`` and every kind index is in range
    ///   (the reader validates them before calling).
    public init(
        name: String, metadata: [String: AttributeValue], ids: StringTable, names: OptionalStringTable,
        nodeKinds: [String], nodeKindIndices: FlatArray<Int32>, nodeAttributes: AttributeColumns,
        sources: FlatArray<Int32>, targets: FlatArray<Int32>, edgeKinds: [String], edgeKindIndices: FlatArray<Int32>,
        weights: FlatArray<Double>?, edgeAttributes: AttributeColumns, outgoing: Adjacency, incoming: Adjacency,
        hierarchy: Hierarchy, idIndex: IDIndex, warnings: [Diagnostic]
    ) {
        self.name = name
        self.metadata = metadata
        self.ids = ids
        self.names = names
        self.nodeKinds = nodeKinds
        self.nodeKindIndices = nodeKindIndices
        self.nodeAttributes = nodeAttributes
        self.sources = sources
        self.targets = targets
        self.edgeKinds = edgeKinds
        self.edgeKindIndices = edgeKindIndices
        self.weights = weights
        self.edgeAttributes = edgeAttributes
        self.outgoing = outgoing
        self.incoming = incoming
        self.hierarchy = hierarchy
        self.idIndex = idIndex
        self.warnings = warnings
        lookupStorage = NodeLookup()
    }

    /// The empty graph.
    public init() {
        self = GraphBuilder().buildUnchecked()
    }

    public var nodeCount: Int { ids.count }
    public var edgeCount: Int { sources.count }

    // MARK: Nodes

    /// The index of the node with id `id`, or `nil`. O(1) expected.
    public func index(of id: String) -> Int? { idIndex.find(id, in: ids) }

    /// The node's id.
    public func id(of node: Int) -> String { ids[node] }

    /// The node's name, or its id when it has none.
    public func name(of node: Int) -> String { names[node] ?? ids[node] }

    /// The node's kind.
    public func kind(of node: Int) -> String { nodeKinds[Int(nodeKindIndices[node])] }

    /// The index of `kind` in ``nodeKinds``, or `nil` when no node has that kind.
    public func nodeKindIndex(_ kind: String) -> Int32? { nodeKinds.firstIndex(of: kind).map(Int32.init) }

    /// The value of attribute `name` on `node`, or `nil` when absent. `id`, `kind` and `name` are
    /// answered too, as strings.
    public func attribute(_ attribute: String, of node: Int) -> AttributeValue? {
        switch attribute {
        case "id": .string(ids[node])
        case "kind": .string(kind(of: node))
        case "name": .string(name(of: node))
        default: nodeAttributes.value(attribute, at: node)
        }
    }

    /// The nodes of kind `kind`, in index order. O(V).
    public func nodes(ofKind kind: String) -> [Int] {
        guard let wanted = nodeKindIndex(kind) else { return [] }
        return nodeKindIndices.indices.filter { nodeKindIndices[$0] == wanted }
    }

    /// The nodes `selector` matches, in index order. O(V).
    public func nodes(matching selector: NodeSelector) -> [Int] {
        let matcher = selector.matcher(in: self)
        return (0..<nodeCount).filter(matcher)
    }

    /// The region level of `node`: its `level` attribute for regions, ``RegionLevel/village`` for
    /// villages, `nil` otherwise.
    public func level(of node: Int) -> RegionLevel? {
        let kind = kind(of: node)
        if kind == NodeKind.village { return .village }
        guard kind == NodeKind.region, let level = nodeAttributes.value(WellKnownAttribute.level, at: node)?.string
        else { return nil }
        return RegionLevel(rawValue: level)
    }

    // MARK: Edges

    /// The edge's source node.
    public func source(of edge: Int) -> Int { Int(sources[edge]) }
    /// The edge's target node.
    public func target(of edge: Int) -> Int { Int(targets[edge]) }
    /// The edge's kind.
    public func kind(ofEdge edge: Int) -> String { edgeKinds[Int(edgeKindIndices[edge])] }
    /// The edge's weight (1 unless the input gave another).
    public func weight(of edge: Int) -> Double { weights?[edge] ?? 1 }
    /// The index of `kind` in ``edgeKinds``, or `nil` when no edge has that kind.
    public func edgeKindIndex(_ kind: String) -> Int32? { edgeKinds.firstIndex(of: kind).map(Int32.init) }

    /// How many nodes have each kind, in ``nodeKinds`` order.
    public func nodeKindCounts() -> [(kind: String, count: Int)] {
        var counts = [Int](repeating: 0, count: nodeKinds.count)
        for kind in nodeKindIndices { counts[Int(kind)] += 1 }
        return zip(nodeKinds, counts).map { ($0, $1) }
    }

    /// How many edges have each kind, in ``edgeKinds`` order.
    public func edgeKindCounts() -> [(kind: String, count: Int)] {
        var counts = [Int](repeating: 0, count: edgeKinds.count)
        for kind in edgeKindIndices { counts[Int(kind)] += 1 }
        return zip(edgeKinds, counts).map { ($0, $1) }
    }

    /// Checks every internal invariant: column lengths, CSR arrays, the hierarchy's preorder.
    /// O(V + E). For tests.
    public func checkInvariants() -> Bool {
        let n = nodeCount, m = edgeCount
        return names.count == n && nodeKindIndices.count == n && nodeAttributes.count == n
            && targets.count == m && edgeKindIndices.count == m && edgeAttributes.count == m
            && (weights?.count ?? m) == m
            && outgoing.checkInvariants(nodeCount: n, edgeCount: m)
            && incoming.checkInvariants(nodeCount: n, edgeCount: m)
            && hierarchy.checkInvariants()
    }
}
