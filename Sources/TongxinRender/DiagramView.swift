/// The part of a graph a diagram shows, and which diagram node each graph node is drawn as.
///
/// A view is the whole graph, one region's subtree (with the unplaced nodes — those outside the
/// hierarchy, such as figures linked only by membership — adjacent to it), or the neighbourhood of a
/// node. Collapsing at a level keeps the regions at or above it and draws every other node as the
/// nearest kept region above it; unplaced nodes follow the nearest placed node (breadth-first over
/// the view's edges, either direction), and those linked to none are grouped by kind.
///
/// - Complexity: selection O(V + E); ``representatives(collapse:)`` O(V·h + E), h ≤ 5 the hierarchy's
///   depth.
struct DiagramView {
    let graph: Graph
    /// The nodes in the view, in a deterministic order (index order, or breadth-first for a focus).
    private(set) var nodes: [Int32]
    /// Whether each graph node is in the view.
    private(set) var inView: [Bool]
    /// For every node in the view, the placed node it is drawn with when collapsing (itself when
    /// placed), or -1 when no placed node is linked to it.
    private var anchors: [Int32] = []

    /// The whole graph, or `region`'s subtree, or `focus`'s neighbourhood (within the region, when
    /// both are given).
    init(graph: Graph, region: Int?, focus: DiagramOptions.Focus?) {
        self.graph = graph
        let count = graph.nodeCount
        if let region {
            precondition(region >= 0 && region < count, "region index out of range")
            var mask = [Bool](repeating: false, count: count)
            for node in graph.hierarchy.subtree(of: region) { mask[Int(node)] = true }
            // Unplaced nodes linked to the subtree come along (figures linked only by membership).
            var extra = [Bool](repeating: false, count: count)
            for node in 0..<count where mask[node] {
                for adjacency in [graph.outgoing, graph.incoming] {
                    for neighbor in adjacency.neighbors(of: node) where !mask[Int(neighbor)] {
                        if Self.isUnplaced(Int(neighbor), in: graph) { extra[Int(neighbor)] = true }
                    }
                }
            }
            for node in 0..<count where extra[node] { mask[node] = true }
            inView = mask
        } else {
            inView = [Bool](repeating: true, count: count)
        }
        if let focus {
            precondition(focus.node >= 0 && focus.node < count, "focus index out of range")
            let order = Self.breadthFirst(graph, from: [Int32(focus.node)], depth: focus.depth, allowed: inView)
            inView = [Bool](repeating: false, count: count)
            for node in order { inView[Int(node)] = true }
            nodes = order
        } else {
            let mask = inView
            nodes = (0..<count).filter { mask[$0] }.map(Int32.init)
        }
    }

    /// Keeps only the first `limit` nodes of the view's order (for a focus: the nearest).
    mutating func truncate(to limit: Int) {
        guard nodes.count > limit else { return }
        for node in nodes[limit...] { inView[Int(node)] = false }
        nodes.removeLast(nodes.count - limit)
        anchors = []
    }

    /// Whether the view holds any region (so collapsing means something).
    var hasRegions: Bool {
        nodes.contains { graph.kind(of: Int($0)) == NodeKind.region }
    }

    /// A node outside the hierarchy: no parent, and not itself a region or village.
    static func isUnplaced(_ node: Int, in graph: Graph) -> Bool {
        graph.hierarchy.parents[node] < 0 && graph.level(of: node) == nil
            && graph.kind(of: node) != NodeKind.region
    }

    /// The nodes within `depth` hops of `sources` through `allowed` nodes, in breadth-first order
    /// (neighbours by out-edges, then in-edges, each in edge order).
    static func breadthFirst(_ graph: Graph, from sources: [Int32], depth: Int, allowed: [Bool]) -> [Int32] {
        var distance = [Int32](repeating: -1, count: graph.nodeCount)
        var order: [Int32] = []
        for source in sources where allowed[Int(source)] && distance[Int(source)] < 0 {
            distance[Int(source)] = 0
            order.append(source)
        }
        var head = 0
        while head < order.count {
            let node = Int(order[head])
            head += 1
            let next = distance[node] + 1
            guard next <= depth else { continue }
            for adjacency in [graph.outgoing, graph.incoming] {
                for neighbor in adjacency.neighbors(of: node) where distance[Int(neighbor)] < 0 && allowed[Int(neighbor)] {
                    distance[Int(neighbor)] = next
                    order.append(neighbor)
                }
            }
        }
        return order
    }

    /// For each graph node, the representative it is drawn as: a graph node index, or
    /// `nodeCount + k` for the group of unplaced nodes of kind `k`; -1 outside the view.
    /// Without a level every node represents itself.
    mutating func representatives(collapse level: RegionLevel?) -> [Int32] {
        let count = graph.nodeCount
        var result = [Int32](repeating: -1, count: count)
        guard let level else {
            for node in nodes { result[Int(node)] = node }
            return result
        }
        if anchors.isEmpty { anchors = computeAnchors() }
        let parents = graph.hierarchy.parents
        func kept(_ node: Int) -> Bool {
            guard graph.kind(of: node) == NodeKind.region else { return false }
            guard let own = graph.level(of: node) else { return true }
            return own <= level
        }
        // Placed nodes: the nearest kept ancestor-or-self in the view, else the view's topmost one.
        for node in nodes {
            let start = Int(node)
            guard anchors[start] == node else { continue }
            var current = start, topmost = start, found = -1
            while current >= 0 && inView[current] {
                if kept(current) { found = current; break }
                topmost = current
                current = Int(parents[current])
            }
            result[start] = Int32(found >= 0 ? found : topmost)
        }
        for node in nodes where anchors[Int(node)] != node {
            let anchor = anchors[Int(node)]
            result[Int(node)] = anchor >= 0 ? result[Int(anchor)] : Int32(count) + graph.nodeKindIndices[Int(node)]
        }
        return result
    }

    /// Each view node's placed anchor (itself when placed) by a multi-source breadth-first search
    /// from the placed nodes over the view's edges; -1 when unreachable.
    private func computeAnchors() -> [Int32] {
        var anchor = [Int32](repeating: -1, count: graph.nodeCount)
        var queue: [Int32] = []
        for node in nodes where !Self.isUnplaced(Int(node), in: graph) {
            anchor[Int(node)] = node
            queue.append(node)
        }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for adjacency in [graph.outgoing, graph.incoming] {
                for neighbor in adjacency.neighbors(of: node) where inView[Int(neighbor)] && anchor[Int(neighbor)] < 0 {
                    anchor[Int(neighbor)] = anchor[node]
                    queue.append(neighbor)
                }
            }
        }
        return anchor
    }
}
