/// What changed between two versions of a graph: nodes added, removed and changed, edges added and
/// removed, counted by kind and by region.
///
/// - **Nodes** are the same node when their ids are equal (``NodeMatching``). A node in both versions
///   is *changed* when its kind, its name, its parent in ``Graph/hierarchy`` (compared by id: a move)
///   or any attribute differs; each difference is one ``FieldChange``, in the order kind, name,
///   parent, then the old graph's attribute columns, then the columns only the new graph has. An
///   attribute present in one version only changes from or to `nil`. Values compare exactly, so
///   `2` and `2.0` differ.
/// - **Edges** are the same edge when their sources' ids, their targets' ids and their kinds are
///   equal and, among parallel edges with the same three, they come at the same place in edge order:
///   the first old `a → b` `tie` is the first new `a → b` `tie`, and a third one in the new version
///   only is added. Weights and edge attributes are not compared.
/// - **Regions**: each added, removed or changed node counts in the region of level `level` that
///   contains it (in the version that has it; the new one for a changed node); each edge counts where
///   its target is, or where its source is when the target lies in no region of that level. Regions
///   are the same region by id; a region present in one version only keeps its own entry.
/// - **Scope**: with a scope region, only nodes inside it (in the version that has them; in either
///   for a changed node) and edges with an end inside it count, and only regions inside it are listed.
///
/// - Complexity: O(V + E + K·R) time and space, V and E the two versions' node and edge counts
///   together, R the regions of the level and K the kinds: one hashed lookup per old node id, then
///   array work only. Edges are matched by ordering both versions' edges by (source, target, kind)
///   with three stable counting sorts (least significant key first, so equal edges keep their edge
///   order) and merging the two orders; comparing nodes costs O(A) per matched node for A attribute
///   columns. The sort is the least-significant-digit radix sort of Cormen, Leiserson, Rivest and
///   Stein, *Introduction to Algorithms*, 3rd ed., §8.3 (MIT Press, 2009, ISBN 978-0-262-03384-8).
///
/// Example: old `v1 一村 ←within─ f1` and new `v1 一村 ←within─ f1`, `v1 ←liaison_for─ f1`, with
/// `v1` renamed 一村 → 新一村 and a node `f2` added: added `[f2]`, removed `[]`, changed
/// `[v1: name 一村 → 新一村]`, edges added `{liaison_for: 1}`, removed `{}`.
public struct GraphDiff: Sendable, Equatable {
    /// One field of a node that differs: `kind`, `name`, `parent` (the parent's id) or an attribute.
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var old: AttributeValue?
        public var new: AttributeValue?

        public init(field: String, old: AttributeValue?, new: AttributeValue?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// A node in both versions whose fields differ.
    public struct NodeChange: Sendable, Equatable {
        /// Its index in the old graph.
        public var old: Int
        /// Its index in the new graph.
        public var new: Int
        public var changes: [FieldChange]
    }

    /// Node counts of one kind: added, removed and changed.
    public struct NodeTally: Sendable, Equatable {
        public var added = 0, removed = 0, changed = 0
        public var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 }

        public init(added: Int = 0, removed: Int = 0, changed: Int = 0) {
            (self.added, self.removed, self.changed) = (added, removed, changed)
        }
    }

    /// Edge counts of one kind: added and removed.
    public struct EdgeTally: Sendable, Equatable {
        public var added = 0, removed = 0
        public var isEmpty: Bool { added == 0 && removed == 0 }

        public init(added: Int = 0, removed: Int = 0) { (self.added, self.removed) = (added, removed) }
    }

    /// The counts inside one region of level ``GraphDiff/level``.
    public struct RegionTally: Sendable, Equatable {
        /// The region's index in the old graph, or `nil` when only the new graph has it.
        public var old: Int?
        /// The region's index in the new graph, or `nil` when only the old graph has it.
        public var new: Int?
        /// Per node kind, parallel to ``GraphDiff/nodeKinds``.
        public var nodes: [NodeTally]
        /// Per edge kind, parallel to ``GraphDiff/edgeKinds``.
        public var edges: [EdgeTally]
    }

    public let matching: NodeMatching
    /// Every node kind of either version, the new graph's first.
    public let nodeKinds: [String]
    /// Every edge kind of either version, the new graph's first.
    public let edgeKinds: [String]
    /// The level of ``regions``.
    public let level: RegionLevel
    /// Nodes only the new graph has (new indices, ascending).
    public let addedNodes: [Int]
    /// Nodes only the old graph has (old indices, ascending).
    public let removedNodes: [Int]
    /// Nodes in both whose fields differ, by new index.
    public let changedNodes: [NodeChange]
    /// Edges only the new graph has (new edge indices, ascending).
    public let addedEdges: [Int]
    /// Edges only the old graph has (old edge indices, ascending).
    public let removedEdges: [Int]
    /// Per node kind, parallel to ``nodeKinds``.
    public let nodeTallies: [NodeTally]
    /// Per edge kind, parallel to ``edgeKinds``.
    public let edgeTallies: [EdgeTally]
    /// The regions of ``level`` where something changed: the new graph's in its hierarchy preorder,
    /// then those only the old graph has, in its preorder.
    public let regions: [RegionTally]

    /// Whether the two versions are the same graph, as far as this comparison sees.
    public var isEmpty: Bool {
        addedNodes.isEmpty && removedNodes.isEmpty && changedNodes.isEmpty && addedEdges.isEmpty && removedEdges.isEmpty
    }

    /// Compares `old` with `new`.
    ///
    /// - Parameters:
    ///   - level: the level of the regions the changes are counted in.
    ///   - scope: a region to restrict the comparison to, as its index in each version (`nil` on a
    ///     side: that version is compared whole).
    public init(old: Graph, new: Graph, level: RegionLevel = .city, within scope: (old: Int?, new: Int?) = (nil, nil)) {
        let matching = NodeMatching(old: old, new: new)
        let nodeKinds = NodeMatching.unifiedKinds(old: old.nodeKinds, new: new.nodeKinds)
        let edgeKinds = NodeMatching.unifiedKinds(old: old.edgeKinds, new: new.edgeKinds)
        self.matching = matching
        self.nodeKinds = nodeKinds.all
        self.edgeKinds = edgeKinds.all
        self.level = level

        let oldInside = Self.insideMask(old, scope.old), newInside = Self.insideMask(new, scope.new)
        var tallies = RegionTallies(
            old: old, new: new, matching: matching, level: level, inside: (oldInside, newInside),
            nodeKinds: nodeKinds.all.count, edgeKinds: edgeKinds.all.count)

        // Nodes.
        var added: [Int] = [], removed: [Int] = [], changed: [NodeChange] = []
        for node in 0..<new.nodeCount where matching.newToOld[node] < 0 && newInside[node] {
            added.append(node)
            tallies.countNode(new: node, kind: Int(nodeKinds.new[Int(new.nodeKindIndices[node])]), \.added)
        }
        for node in 0..<old.nodeCount where matching.oldToNew[node] < 0 && oldInside[node] {
            removed.append(node)
            tallies.countNode(old: node, kind: Int(nodeKinds.old[Int(old.nodeKindIndices[node])]), \.removed)
        }
        let comparer = NodeComparer(
            old: old, new: new, matching: matching, oldKinds: nodeKinds.old,
            newKinds: nodeKinds.new)
        for node in 0..<new.nodeCount {
            let match = Int(matching.newToOld[node])
            guard match >= 0, newInside[node] || oldInside[match] else { continue }
            let changes = comparer.changes(old: match, new: node)
            guard !changes.isEmpty else { continue }
            changed.append(NodeChange(old: match, new: node, changes: changes))
            tallies.countNode(new: node, kind: Int(nodeKinds.new[Int(new.nodeKindIndices[node])]), \.changed)
        }
        addedNodes = added
        removedNodes = removed
        changedNodes = changed

        // Edges.
        let (oldMatched, newMatched) = Self.matchEdges(
            old: old, new: new, matching: matching, kindCount: edgeKinds.all.count,
            oldKinds: edgeKinds.old, newKinds: edgeKinds.new)
        var addedEdges: [Int] = [], removedEdges: [Int] = []
        for edge in 0..<new.edgeCount
        where !newMatched[edge]
            && (newInside[Int(new.sources[edge])] || newInside[Int(new.targets[edge])])
        {
            addedEdges.append(edge)
            tallies.countEdge(new: edge, kind: Int(edgeKinds.new[Int(new.edgeKindIndices[edge])]), \.added)
        }
        for edge in 0..<old.edgeCount
        where !oldMatched[edge]
            && (oldInside[Int(old.sources[edge])] || oldInside[Int(old.targets[edge])])
        {
            removedEdges.append(edge)
            tallies.countEdge(old: edge, kind: Int(edgeKinds.old[Int(old.edgeKindIndices[edge])]), \.removed)
        }
        self.addedEdges = addedEdges
        self.removedEdges = removedEdges

        nodeTallies = tallies.totalNodes
        edgeTallies = tallies.totalEdges
        regions = tallies.nonEmptyRegions()
    }

    /// Which nodes lie inside `scope` (all of them without one). O(V).
    private static func insideMask(_ graph: Graph, _ scope: Int?) -> [Bool] {
        guard let scope else { return [Bool](repeating: true, count: graph.nodeCount) }
        var inside = [Bool](repeating: false, count: graph.nodeCount)
        for node in graph.hierarchy.subtree(of: scope) { inside[Int(node)] = true }
        return inside
    }

    /// Matches the edges of the two versions: which old and which new edges have a counterpart.
    /// O(V + E): both versions' edges are put in (source, target, kind) order in the new graph's node
    /// numbering by stable counting sorts, then merged; equal keys pair up in edge order.
    private static func matchEdges(
        old: Graph, new: Graph, matching: NodeMatching, kindCount: Int, oldKinds: [Int32], newKinds: [Int32]
    ) -> (old: [Bool], new: [Bool]) {
        // Old edges whose two ends are both in the new graph, with their ends renumbered.
        var oldEdges: [Int32] = [], oldSources: [Int32] = [], oldTargets: [Int32] = [], oldKindKeys: [Int32] = []
        for edge in 0..<old.edgeCount {
            let source = matching.oldToNew[Int(old.sources[edge])], target = matching.oldToNew[Int(old.targets[edge])]
            guard source >= 0, target >= 0 else { continue }
            oldEdges.append(Int32(edge))
            oldSources.append(source)
            oldTargets.append(target)
            oldKindKeys.append(oldKinds[Int(old.edgeKindIndices[edge])])
        }
        let newKindKeys = new.edgeKindIndices.map { newKinds[Int($0)] }
        let nodeCount = new.nodeCount
        let oldOrder = KeyOrder.sorted(
            count: oldEdges.count,
            keys: [
                (oldKindKeys, kindCount), (oldTargets, nodeCount), (oldSources, nodeCount)
            ])
        let newOrder = KeyOrder.sorted(
            count: new.edgeCount,
            keys: [
                (newKindKeys, kindCount), (Array(new.targets), nodeCount), (Array(new.sources), nodeCount)
            ])
        var oldMatched = [Bool](repeating: false, count: old.edgeCount)
        var newMatched = [Bool](repeating: false, count: new.edgeCount)
        var i = 0, j = 0
        while i < oldOrder.count && j < newOrder.count {
            let a = Int(oldOrder[i]), b = Int(newOrder[j])
            let left = (oldSources[a], oldTargets[a], oldKindKeys[a])
            let right = (new.sources[b], new.targets[b], newKindKeys[b])
            if left == right {
                oldMatched[Int(oldEdges[a])] = true
                newMatched[b] = true
                i += 1
                j += 1
            } else if left < right {
                i += 1
            } else {
                j += 1
            }
        }
        return (oldMatched, newMatched)
    }
}

/// Stable counting sorts of positions by small integer keys.
enum KeyOrder {
    /// The positions `0 ..< count` ordered by the keys, the last key most significant, ties in
    /// position order. Each key is an array of `count` values in `0 ..< range`. O(count + range) per key.
    static func sorted(count: Int, keys: [(values: [Int32], range: Int)]) -> [Int32] {
        var order = (0..<count).map(Int32.init)
        var next = order
        for (values, range) in keys {
            var starts = [Int](repeating: 0, count: range + 1)
            for position in order { starts[Int(values[Int(position)]) + 1] += 1 }
            for key in 0..<range { starts[key + 1] += starts[key] }
            for position in order {
                let key = Int(values[Int(position)])
                next[starts[key]] = position
                starts[key] += 1
            }
            swap(&order, &next)
        }
        return order
    }
}

/// The field-by-field comparison of a node present in both versions.
private struct NodeComparer {
    let old: Graph, new: Graph, matching: NodeMatching
    let oldKinds: [Int32], newKinds: [Int32]
    /// For each old attribute column, the new graph's column of the same name, or -1.
    let columnInNew: [Int]
    /// The new graph's columns no old column has.
    let newOnlyColumns: [Int]

    init(old: Graph, new: Graph, matching: NodeMatching, oldKinds: [Int32], newKinds: [Int32]) {
        self.old = old
        self.new = new
        self.matching = matching
        self.oldKinds = oldKinds
        self.newKinds = newKinds
        columnInNew = old.nodeAttributes.names.map { new.nodeAttributes.column(named: $0) ?? -1 }
        let shared = Set(columnInNew)
        newOnlyColumns = new.nodeAttributes.names.indices.filter { !shared.contains($0) }
    }

    func changes(old o: Int, new n: Int) -> [GraphDiff.FieldChange] {
        var changes: [GraphDiff.FieldChange] = []
        let oldKind = oldKinds[Int(old.nodeKindIndices[o])], newKind = newKinds[Int(new.nodeKindIndices[n])]
        if oldKind != newKind {
            changes.append(.init(field: "kind", old: .string(old.kind(of: o)), new: .string(new.kind(of: n))))
        }
        if old.names[o] != new.names[n] {
            changes.append(
                .init(
                    field: "name", old: old.names[o].map(AttributeValue.string),
                    new: new.names[n].map(AttributeValue.string)))
        }
        let oldParent = old.hierarchy.parents[o], newParent = new.hierarchy.parents[n]
        if (oldParent < 0 ? -1 : matching.oldToNew[Int(oldParent)]) != newParent || (oldParent < 0) != (newParent < 0) {
            changes.append(
                .init(
                    field: "parent", old: oldParent < 0 ? nil : .string(old.ids[Int(oldParent)]),
                    new: newParent < 0 ? nil : .string(new.ids[Int(newParent)])))
        }
        let oldColumns = old.nodeAttributes, newColumns = new.nodeAttributes
        for (column, name) in oldColumns.names.enumerated() {
            let before = oldColumns.value(column: column, at: o)
            let inNew = columnInNew[column]
            let after = inNew < 0 ? nil : newColumns.value(column: inNew, at: n)
            if before != after { changes.append(.init(field: name, old: before, new: after)) }
        }
        for column in newOnlyColumns {
            if let after = newColumns.value(column: column, at: n) {
                changes.append(.init(field: newColumns.names[column], old: nil, new: after))
            }
        }
        return changes
    }
}

/// Running counts per kind, overall and per region of one level, for ``GraphDiff``.
private struct RegionTallies {
    let old: Graph, new: Graph
    let nodeKinds: Int, edgeKinds: Int
    /// Each node's region of the level (itself when it is one), as a slot, or -1.
    let oldSlot: [Int32], newSlot: [Int32]
    /// Each slot's region: (old index or -1, new index or -1).
    let slots: [(old: Int32, new: Int32)]
    var nodes: [GraphDiff.NodeTally], edges: [GraphDiff.EdgeTally]
    var totalNodes: [GraphDiff.NodeTally], totalEdges: [GraphDiff.EdgeTally]

    /// Regions outside the scope (`inside`) get no slot: what happens there counts in the totals only.
    init(
        old: Graph, new: Graph, matching: NodeMatching, level: RegionLevel, inside: (old: [Bool], new: [Bool]),
        nodeKinds: Int, edgeKinds: Int
    ) {
        self.old = old
        self.new = new
        self.nodeKinds = nodeKinds
        self.edgeKinds = edgeKinds
        let rank = Int8(level.rank)
        let oldRanks = LevelRanks(old), newRanks = LevelRanks(new)
        var slots: [(old: Int32, new: Int32)] = []
        // The new graph's regions first; an old region of the level with a new counterpart of the same
        // level shares its slot.
        var newRegionSlot = [Int32](repeating: -1, count: new.nodeCount)
        for node in new.hierarchy.preorder where newRanks[Int(node)] == rank && inside.new[Int(node)] {
            let match = matching.newToOld[Int(node)]
            newRegionSlot[Int(node)] = Int32(slots.count)
            slots.append((match >= 0 && oldRanks[Int(match)] == rank ? match : -1, node))
        }
        var oldRegionSlot = [Int32](repeating: -1, count: old.nodeCount)
        for node in old.hierarchy.preorder where oldRanks[Int(node)] == rank && inside.old[Int(node)] {
            let match = matching.oldToNew[Int(node)]
            if match >= 0 && newRanks[Int(match)] == rank && inside.new[Int(match)] {
                oldRegionSlot[Int(node)] = newRegionSlot[Int(match)]
            } else {
                oldRegionSlot[Int(node)] = Int32(slots.count)
                slots.append((node, -1))
            }
        }
        self.slots = slots
        oldSlot = Self.slotOfEveryNode(old, regionSlot: oldRegionSlot)
        newSlot = Self.slotOfEveryNode(new, regionSlot: newRegionSlot)
        nodes = Array(repeating: .init(), count: slots.count * nodeKinds)
        edges = Array(repeating: .init(), count: slots.count * edgeKinds)
        totalNodes = Array(repeating: .init(), count: nodeKinds)
        totalEdges = Array(repeating: .init(), count: edgeKinds)
    }

    /// Each node's nearest region slot among itself and its ancestors. O(V): parents come first in preorder.
    private static func slotOfEveryNode(_ graph: Graph, regionSlot: [Int32]) -> [Int32] {
        var slot = regionSlot
        for node in graph.hierarchy.preorder where slot[Int(node)] < 0 {
            let parent = graph.hierarchy.parents[Int(node)]
            if parent >= 0 { slot[Int(node)] = slot[Int(parent)] }
        }
        return slot
    }

    mutating func countNode(old node: Int, kind: Int, _ field: WritableKeyPath<GraphDiff.NodeTally, Int>) {
        count(slot: oldSlot[node], kind: kind, field)
    }

    mutating func countNode(new node: Int, kind: Int, _ field: WritableKeyPath<GraphDiff.NodeTally, Int>) {
        count(slot: newSlot[node], kind: kind, field)
    }

    private mutating func count(slot: Int32, kind: Int, _ field: WritableKeyPath<GraphDiff.NodeTally, Int>) {
        totalNodes[kind][keyPath: field] += 1
        if slot >= 0 { nodes[Int(slot) * nodeKinds + kind][keyPath: field] += 1 }
    }

    mutating func countEdge(old edge: Int, kind: Int, _ field: WritableKeyPath<GraphDiff.EdgeTally, Int>) {
        let target = oldSlot[Int(old.targets[edge])]
        count(slot: target >= 0 ? target : oldSlot[Int(old.sources[edge])], edgeKind: kind, field)
    }

    mutating func countEdge(new edge: Int, kind: Int, _ field: WritableKeyPath<GraphDiff.EdgeTally, Int>) {
        let target = newSlot[Int(new.targets[edge])]
        count(slot: target >= 0 ? target : newSlot[Int(new.sources[edge])], edgeKind: kind, field)
    }

    private mutating func count(slot: Int32, edgeKind kind: Int, _ field: WritableKeyPath<GraphDiff.EdgeTally, Int>) {
        totalEdges[kind][keyPath: field] += 1
        if slot >= 0 { edges[Int(slot) * edgeKinds + kind][keyPath: field] += 1 }
    }

    func nonEmptyRegions() -> [GraphDiff.RegionTally] {
        slots.indices.compactMap { slot in
            let nodeRun = Array(nodes[slot * nodeKinds..<(slot + 1) * nodeKinds])
            let edgeRun = Array(edges[slot * edgeKinds..<(slot + 1) * edgeKinds])
            guard nodeRun.contains(where: { !$0.isEmpty }) || edgeRun.contains(where: { !$0.isEmpty }) else { return nil }
            let (old, new) = slots[slot]
            return GraphDiff.RegionTally(
                old: old < 0 ? nil : Int(old), new: new < 0 ? nil : Int(new),
                nodes: nodeRun, edges: edgeRun)
        }
    }
}
