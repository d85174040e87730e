/// Collects nodes and edges, then freezes them into a ``Graph`` with ``build()``.
///
/// Readers and library users add nodes and edges in any order; an edge may name a node that is added
/// later. Problems are collected as ``Diagnostic``s with the location the caller gave, so one
/// ``build()`` reports every error in the input (up to ``DiagnosticList/limit``), not just the first.
///
/// ```swift
/// var builder = GraphBuilder(name: "example")
/// builder.addNode(id: "hb", kind: "region", name: "湖北省", attributes: ["level": .string("province")])
/// builder.addNode(id: "yc", kind: "region", name: "宜昌市", attributes: ["level": .string("city")])
/// builder.addEdge(source: "yc", target: "hb", kind: "within")
/// let graph = try builder.build()
/// graph.hierarchy.parent(of: graph.index(of: "yc")!)  // the index of "hb"
/// ```
///
/// - Complexity: adding is amortized O(1) per node, edge and attribute; ``build()`` is O(V + E).
public struct GraphBuilder: Sendable {
    public var name: String
    public var metadata: [String: AttributeValue] = [:]
    /// The problems found so far.
    public private(set) var diagnostics = DiagnosticList()

    private var ids: [String] = []
    private var names: [String?] = []
    private var idTable = IDTable(capacity: 0)
    private var nodeKinds: [String] = []
    private var nodeKindIndexByName: [String: Int32] = [:]
    private var nodeKindIndices: [Int32] = []
    private var nodeAttributes = AttributeColumns()

    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var edgeKinds: [String] = []
    private var edgeKindIndexByName: [String: Int32] = [:]
    private var edgeKindIndices: [Int32] = []
    private var weights: [Double]? = nil
    private var edgeAttributes = AttributeColumns()
    /// Endpoints named before their node was added: resolved in `build()`.
    private var pending: [(edge: Int, isSource: Bool, id: String, location: SourceLocation?)] = []
    /// Where each `within` edge came from, in the order they were added, for hierarchy errors.
    private var withinPlaces = CompactLocations()

    public init(name: String = "") {
        self.name = name
    }

    public var nodeCount: Int { ids.count }
    public var edgeCount: Int { sources.count }

    /// The index of the node with id `id`, if it has been added.
    public func index(of id: String) -> Int? { idTable.find(id).map(Int.init) }

    /// The index of the node whose id is the UTF-8 text `id`, if it has been added: for readers
    /// that look endpoints up straight from their input's bytes, making no `String`.
    package func index(ofUTF8 id: UnsafeRawBufferPointer) -> Int? { idTable.find(id).map(Int.init) }

    /// Records an error found by a reader (a malformed line, a bad value…).
    public mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.error(message, at: location)
    }

    /// Records a warning: it is kept with the graph and does not stop ``build()``.
    public mutating func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    // MARK: Nodes

    /// Adds a node. A duplicate id is recorded as an error and the node is not added.
    ///
    /// - Parameter location: where the node was read; evaluated only when it is needed (an error).
    /// - Returns: the new node's index, or `nil` for a duplicate.
    @discardableResult
    public mutating func addNode(
        id: String, kind: String, name: String? = nil,
        attributes: KeyValuePairs<String, AttributeValue> = [:], at location: @autoclosure () -> SourceLocation? = nil
    ) -> Int? {
        guard idTable.insert(id) == nil else {
            error("duplicate node id '\(id)'", at: location())
            return nil
        }
        let node = appendNode(id: id, kind: kind, name: name)
        for (attribute, value) in attributes { setAttribute(attribute, value, ofNode: node, at: location()) }
        return node
    }

    /// Adds a node without indexing its id: for a bulk reader that has checked the id is new and
    /// indexed it in an ``IDTable`` of its own, which it hands over with ``adoptIDs(_:)`` once its
    /// nodes are added, so each id is hashed once.
    ///
    /// - Returns: the new node's index.
    package mutating func appendNode(id: String, kind: String, name: String?) -> Int {
        ids.append(id)
        names.append(name)
        nodeKindIndices.append(Self.intern(kind, &nodeKinds, &nodeKindIndexByName))
        nodeAttributes.appendRow()
        return ids.count - 1
    }

    /// Takes `table` as the index of the ids added.
    ///
    /// - Precondition: `table` maps exactly the ids added, each to its node's index.
    package mutating func adoptIDs(_ table: IDTable) {
        precondition(table.count == ids.count, "the table indexes every node added")
        idTable = table
    }

    /// Sets a node attribute. A value whose type differs from the attribute's type elsewhere in the
    /// graph is recorded as an error.
    ///
    /// - Parameter location: evaluated only for that error.
    public mutating func setAttribute(
        _ attribute: String, _ value: AttributeValue, ofNode node: Int, at location: @autoclosure () -> SourceLocation? = nil
    ) {
        if let existing = nodeAttributes.set(attribute, value, at: node) {
            error(
                "attribute '\(attribute)' is a \(value.type.rawValue) here but a \(existing.rawValue) on other nodes",
                at: location())
        }
    }

    /// The value a node attribute has so far.
    public func attribute(_ attribute: String, ofNode node: Int) -> AttributeValue? {
        nodeAttributes.value(attribute, at: node)
    }

    // MARK: Edges

    /// Adds an edge between nodes named by id; either may be added later. An id still unknown at
    /// ``build()`` is an error there.
    ///
    /// - Parameter location: where the edge was read; evaluated only when it is needed (for `within`
    ///   edges and for endpoints not yet known), so readers pay nothing for it on the common path.
    /// - Returns: the new edge's index.
    @discardableResult
    public mutating func addEdge(
        source: String, target: String, kind: String, weight: Double = 1,
        attributes: KeyValuePairs<String, AttributeValue> = [:],
        at location: @autoclosure () -> SourceLocation? = nil
    ) -> Int {
        let edge = sources.count
        let from = idTable.find(source), to = idTable.find(target)
        let kindIndex = Self.intern(kind, &edgeKinds, &edgeKindIndexByName)
        let needsLocation = from == nil || to == nil || kind == EdgeKind.within || !attributes.isEmpty
        let place = needsLocation ? location() : nil
        if from == nil { pending.append((edge, true, source, place)) }
        if to == nil { pending.append((edge, false, target, place)) }
        if kind == EdgeKind.within { withinPlaces.append(place) }
        appendEdge(from: from ?? -1, to: to ?? -1, kind: kindIndex, weight: weight)
        for (attribute, value) in attributes { setAttribute(attribute, value, ofEdge: edge, at: place) }
        return edge
    }

    /// Adds an edge between nodes already added, by index: the fast path for bulk readers.
    ///
    /// - Precondition: both indices are below ``nodeCount``.
    @discardableResult
    ///
    /// - Parameter location: where the edge was read; evaluated only for a `within` edge.
    public mutating func addEdge(
        from source: Int, to target: Int, kind: String, weight: Double = 1, at location: @autoclosure () -> SourceLocation? = nil
    ) -> Int {
        precondition(source >= 0 && source < ids.count && target >= 0 && target < ids.count, "node index out of range")
        let edge = sources.count
        let kindIndex = Self.intern(kind, &edgeKinds, &edgeKindIndexByName)
        if kind == EdgeKind.within { withinPlaces.append(location()) }
        appendEdge(from: Int32(source), to: Int32(target), kind: kindIndex, weight: weight)
        return edge
    }

    /// Sets an edge attribute; a type that differs from the attribute's type on other edges is an error.
    ///
    /// - Parameter location: evaluated only for that error.
    public mutating func setAttribute(
        _ attribute: String, _ value: AttributeValue, ofEdge edge: Int, at location: @autoclosure () -> SourceLocation? = nil
    ) {
        if let existing = edgeAttributes.set(attribute, value, at: edge) {
            error(
                "edge attribute '\(attribute)' is a \(value.type.rawValue) here but a \(existing.rawValue) on other edges",
                at: location())
        }
    }

    /// Reserves room for `nodes` more nodes and `edges` more edges (a count of 0 leaves those
    /// arrays as they are).
    ///
    /// - Parameter indexingIDs: `false` when the caller will hand over its own id index
    ///   (``adoptIDs(_:)``), so no room is made in the builder's.
    public mutating func reserveCapacity(nodes: Int, edges: Int, indexingIDs: Bool = true) {
        if nodes > 0 {
            ids.reserveCapacity(ids.count + nodes)
            names.reserveCapacity(names.count + nodes)
            nodeKindIndices.reserveCapacity(nodeKindIndices.count + nodes)
            if indexingIDs && idTable.count == 0 { idTable = IDTable(capacity: nodes) }
        }
        if edges > 0 {
            sources.reserveCapacity(sources.count + edges)
            targets.reserveCapacity(targets.count + edges)
            edgeKindIndices.reserveCapacity(edgeKindIndices.count + edges)
        }
    }

    private mutating func appendEdge(from: Int32, to: Int32, kind: Int32, weight: Double) {
        sources.append(from)
        targets.append(to)
        edgeKindIndices.append(kind)
        if weight != 1 || weights != nil {
            if weights == nil { weights = [Double](repeating: 1, count: sources.count - 1) }
            weights!.append(weight)
        }
        edgeAttributes.appendRow()
    }

    private static func intern(_ name: String, _ table: inout [String], _ index: inout [String: Int32]) -> Int32 {
        // Readers add runs of one kind: checking the latest first skips hashing on the common path.
        if let last = table.last, last == name { return Int32(table.count - 1) }
        if let existing = index[name] { return existing }
        let new = Int32(table.count)
        table.append(name)
        index[name] = new
        return new
    }

    // MARK: Build

    /// Resolves pending edge endpoints, validates the hierarchy and freezes the graph.
    ///
    /// - Throws: ``DiagnosticList`` with every error found: those recorded while adding, edges to
    ///   unknown nodes, a region or village with two parents, and hierarchy cycles.
    /// - Complexity: O(V + E).
    public consuming func build() throws(DiagnosticList) -> Graph {
        for item in pending {
            guard let node = idTable.find(item.id) else {
                let role = item.isSource ? "source" : "target"
                diagnostics.error("edge \(role) '\(item.id)' is not a node of the graph", at: item.location)
                continue
            }
            if item.isSource { sources[item.edge] = node } else { targets[item.edge] = node }
        }
        pending = []
        // The hierarchy is checked even when other errors were found, so one run reports them all.
        let parents = hierarchyParents()
        if diagnostics.hasErrors { throw diagnostics }
        return freeze(parents: parents)
    }

    /// Freezes without validation; for the empty graph.
    func buildUnchecked() -> Graph { freeze(parents: [Int32](repeating: -1, count: ids.count)) }

    private func freeze(parents: [Int32]) -> Graph {
        let hierarchy = Hierarchy(parents: parents)
        var warnings = diagnostics.diagnostics.filter { $0.severity == .warning }
        warnings += levelWarnings(parents: parents)
        return Graph(
            name: name, metadata: metadata, ids: ids, names: names, nodeKinds: nodeKinds,
            nodeKindIndices: nodeKindIndices, nodeAttributes: nodeAttributes, sources: sources,
            targets: targets, edgeKinds: edgeKinds, edgeKindIndices: edgeKindIndices, weights: weights,
            edgeAttributes: edgeAttributes, hierarchy: hierarchy, warnings: warnings)
    }

    /// Whether a node of this kind can contain others (is a hierarchy unit).
    /// The parent of every node from its `within` edges to regions and villages; records two-parent
    /// and cycle errors.
    private mutating func hierarchyParents() -> [Int32] {
        var parents = [Int32](repeating: -1, count: ids.count)
        guard let within = edgeKindIndexByName[EdgeKind.within] else { return parents }
        // Regions and villages are the units a node can be within.
        let region = nodeKindIndexByName[NodeKind.region] ?? -1, village = nodeKindIndexByName[NodeKind.village] ?? -1
        // For each child, the ordinal (among within edges) of the edge that gave its parent.
        var parentOrdinal = [Int32](repeating: -1, count: ids.count)
        var ordinal: Int32 = -1
        for edge in sources.indices where edgeKindIndices[edge] == within {
            ordinal += 1
            let parent = targets[edge], child = Int(sources[edge])
            // An endpoint left unresolved (-1) is already an error of its own.
            guard parent >= 0, child >= 0 else { continue }
            let parentKind = nodeKindIndices[Int(parent)]
            guard parentKind == region || parentKind == village else { continue }
            if parents[child] < 0 {
                parents[child] = parent
                parentOrdinal[child] = ordinal
            } else if parents[child] != parent {
                let first = ids[Int(parents[child])]
                let firstPlace = withinPlaces[Int(parentOrdinal[child])].map { " (at \($0))" } ?? ""
                diagnostics.error(
                    "node '\(ids[child])' is within two places: '\(first)'\(firstPlace) and '\(ids[Int(parent)])'",
                    at: withinPlaces[Int(ordinal)])
            }
        }
        // Cycle detection: colour 0 = unvisited, 1 = on the current walk, 2 = known acyclic.
        var colour = [UInt8](repeating: 0, count: ids.count)
        var walk: [Int] = []
        for start in 0..<ids.count where colour[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var node = start
            while node >= 0 && colour[node] == 0 {
                colour[node] = 1
                walk.append(node)
                node = Int(parents[node])
            }
            if node >= 0 && colour[node] == 1 {
                let cycleStart = walk.firstIndex(of: node)!
                let cycle = walk[cycleStart...].map { "'\(ids[$0])'" } + ["'\(ids[node])'"]
                diagnostics.error(
                    "the hierarchy has a cycle: \(cycle.joined(separator: " within "))",
                    at: withinPlaces[Int(parentOrdinal[node])])
                for member in walk[cycleStart...] { parents[member] = -1 }
            }
            for member in walk { colour[member] = 2 }
        }
        return parents
    }

    /// Warnings about levels: a region without a known level, or a unit whose parent is not above it.
    private func levelWarnings(parents: [Int32]) -> [Diagnostic] {
        var warnings = DiagnosticList()
        func level(_ node: Int) -> RegionLevel? {
            let kind = nodeKinds[Int(nodeKindIndices[node])]
            if kind == NodeKind.village { return .village }
            guard kind == NodeKind.region else { return nil }
            return nodeAttributes.value(WellKnownAttribute.level, at: node)?.string.flatMap(RegionLevel.init)
        }
        guard let region = nodeKindIndexByName[NodeKind.region] else { return [] }
        for node in ids.indices where nodeKindIndices[node] == region {
            guard let mine = level(node) else {
                warnings.append(Diagnostic(.warning, "region '\(ids[node])' has no level (province, city, county or town)"))
                continue
            }
            if parents[node] >= 0, let above = level(Int(parents[node])), above >= mine {
                warnings.append(
                    Diagnostic(
                        .warning,
                        "region '\(ids[node])' (\(mine.rawValue)) is within '\(ids[Int(parents[node])])', which is a \(above.rawValue)"))
            }
        }
        return warnings.diagnostics
    }
}

/// Source locations stored flat (a file-name table and three 32-bit numbers each), so keeping one
/// for each of millions of `within` edges costs 12 bytes apiece rather than a `String` and a
/// dictionary entry.
struct CompactLocations: Sendable {
    private var files: [String] = []
    private var places: [(file: Int32, line: Int32, column: Int32)] = []

    /// Appends `location` (or its absence) as the next entry.
    mutating func append(_ location: SourceLocation?) {
        guard let location else {
            places.append((-1, 0, 0))
            return
        }
        // Entries come in runs from one file: compare with the latest before searching.
        let file: Int
        if let last = files.last, last == location.file {
            file = files.count - 1
        } else if let known = files.firstIndex(of: location.file) {
            file = known
        } else {
            file = files.count
            files.append(location.file)
        }
        places.append((Int32(file), Int32(clamping: location.line), Int32(clamping: location.column)))
    }

    /// The entry at `ordinal`, or `nil` when it had no location or `ordinal` is -1.
    subscript(ordinal: Int) -> SourceLocation? {
        guard ordinal >= 0, ordinal < places.count, places[ordinal].file >= 0 else { return nil }
        let place = places[ordinal]
        return SourceLocation(file: files[Int(place.file)], line: Int(place.line), column: Int(place.column))
    }
}
