import TongxinGraph

/// One region's part of a graph, to send to the people who work there: the region's subtree with
/// everything located in it and the edges among those nodes; optionally also the nodes outside it
/// that are linked in (a county's enterprises paired with the region's villages), marked as outside.
///
/// The result is a valid graph whose hierarchy has the region as its root (outside nodes, which lose
/// their place, become roots of their own and carry it as text in `outside_place`). Node and edge
/// order, ids, kinds, names, attributes and weights are kept; the metadata is the source's plus
/// `extract.source`, `extract.region`, `extract.region_path`, `extract.date` and
/// `extract.with_links`, so the recipient can see what it was cut from and when.
///
/// - Complexity: O(V + E) time and memory.
/// - Example: in 湖北省 → 宜昌市 → 夷陵区 → 小溪塔街道 with a village and an enterprise of 武汉市
///   paired with it, the extract of 夷陵区 holds 夷陵区, the town and the village (and, with links, the
///   enterprise marked `outside: true`, `outside_place: 湖北省 / 武汉市`); 湖北省 and 宜昌市 are gone.
public enum RegionExtract {
    /// The attribute marking a node that is linked in from outside the region.
    public static let outsideAttribute = "outside"
    /// The attribute giving, as text, where an outside node is located in the source graph.
    public static let outsidePlaceAttribute = "outside_place"

    /// Cuts `region`'s part out of `graph`.
    ///
    /// - Parameters:
    ///   - region: the node whose subtree is kept (any node of the hierarchy).
    ///   - withLinks: also keep the nodes outside the subtree joined to a node inside by an edge of
    ///     any kind other than `within`, with those edges.
    ///   - date: when the extract is made, recorded in the metadata (ISO 8601 text).
    /// - Throws: ``DiagnosticList`` only if the cut graph fails to build, which would be a bug.
    public static func extract(_ graph: Graph, region: Int, withLinks: Bool, date: String) throws(DiagnosticList) -> Graph {
        let membership = members(graph, region: region, withLinks: withLinks)
        var builder = GraphBuilder(name: graph.name.isEmpty ? graph.name(of: region) : "\(graph.name) · \(graph.name(of: region))")
        builder.metadata = graph.metadata
        let path = (graph.hierarchy.ancestors(of: region).reversed() + [region]).map { graph.name(of: $0) }
        builder.metadata["extract.source"] = .string(graph.name)
        builder.metadata["extract.region"] = .string("\(graph.id(of: region)) \(graph.name(of: region))")
        builder.metadata["extract.region_path"] = .string(path.joined(separator: " / "))
        builder.metadata["extract.date"] = .string(date)
        builder.metadata["extract.with_links"] = .bool(withLinks)
        builder.reserveCapacity(nodes: membership.kept.count, edges: membership.edges.count)

        var newIndex = [Int32](repeating: -1, count: graph.nodeCount)
        for node in membership.kept {
            let added = builder.addNode(id: graph.id(of: node), kind: graph.kind(of: node), name: graph.names[node])!
            newIndex[node] = Int32(added)
            for (name, value) in graph.nodeAttributes.values(at: node) { builder.setAttribute(name, value, ofNode: added) }
            if membership.outside[node] {
                builder.setAttribute(outsideAttribute, .bool(true), ofNode: added)
                let place = graph.hierarchy.ancestors(of: node).reversed().map { graph.name(of: $0) }
                builder.setAttribute(outsidePlaceAttribute, .string(place.joined(separator: " / ")), ofNode: added)
            }
        }
        for edge in membership.edges {
            let added = builder.addEdge(
                from: Int(newIndex[graph.source(of: edge)]), to: Int(newIndex[graph.target(of: edge)]),
                kind: graph.kind(ofEdge: edge), weight: graph.weight(of: edge))
            for (name, value) in graph.edgeAttributes.values(at: edge) { builder.setAttribute(name, value, ofEdge: added) }
        }
        return try builder.build()
    }

    /// The nodes kept (in graph order), which of them are outside, and the edges kept (in order).
    private static func members(_ graph: Graph, region: Int, withLinks: Bool) -> (kept: [Int], outside: [Bool], edges: [Int]) {
        var inside = [Bool](repeating: false, count: graph.nodeCount)
        for node in graph.hierarchy.subtree(of: region) { inside[Int(node)] = true }
        var outside = [Bool](repeating: false, count: graph.nodeCount)
        var edges: [Int] = []
        for edge in 0..<graph.edgeCount {
            let source = graph.source(of: edge), target = graph.target(of: edge)
            if inside[source] && inside[target] {
                edges.append(edge)
            } else if withLinks && (inside[source] || inside[target]) && graph.kind(ofEdge: edge) != EdgeKind.within {
                outside[inside[source] ? target : source] = true
                edges.append(edge)
            }
        }
        let kept = (0..<graph.nodeCount).filter { inside[$0] || outside[$0] }
        return (kept, outside, edges)
    }
}
