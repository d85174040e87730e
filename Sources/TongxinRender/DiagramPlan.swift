/// The choices behind a diagram — collapse level, cut, layout engine — and why, to tell the user.
///
/// The engine choice follows layout times measured on this project's machines (GRAPHVIZ.md and
/// `Scripts/bench/render.sh`, random graphs of average degree 3 on a loaded machine): dot for small
/// diagrams (layered drawing reads best but grows steeply: 0.17 s at 100 nodes, 18 s at 300, over
/// 30 s at 1,000), twopi for region trees (0.4 s for a 300-node tree, 2.8 s for 3,000), neato up to
/// 500 nodes (4.8 s at 300, 18 s at 1,000), sfdp beyond (1.4 s at 300 and 1,000, 5.8 s at 3,000).
public struct DiagramPlan: Sendable, Equatable {
    /// Nodes in the view before collapsing or cutting.
    public var viewNodes: Int
    /// The level the view was collapsed at, if any.
    public var collapse: RegionLevel?
    /// Whether the collapse level was chosen automatically.
    public var collapseChosen: Bool
    /// The neighbourhood was cut to its nearest this many nodes.
    public var cutTo: Int?
    /// How many aggregated links (other than `within`) were left out to keep the strongest.
    public var droppedEdges: Int
    /// The layout engine.
    public var engine: LayoutEngine
    /// Why the engine, when it was chosen automatically; `nil` when the caller named it.
    public var engineReason: String?
    /// The diagram's size.
    public var nodes: Int
    public var edges: Int

    /// Largest diagram drawn with dot (unless it is a wide region tree).
    static let dotLimit = 40
    /// Largest hierarchy (at least half its nodes hang from a `within` edge) drawn radially by twopi.
    static let twopiLimit = 2_000
    /// Largest diagram drawn with neato.
    static let neatoLimit = 500

    /// The engine for a diagram of this size, and the reason. `hierarchyEdges` counts the diagram's
    /// `within` edges and `fanout` the most of them from one region. A diagram that is mostly a
    /// region tree (at least half its nodes hang from it) reads best as a radial tree (twopi, as fast
    /// as the tree is large) once some region has more than 8 children, which dot would line up in
    /// one tall rank.
    public static func engine(
        nodes: Int, edges: Int, hierarchyEdges: Int, fanout: Int
    ) -> (engine: LayoutEngine, reason: String) {
        let tree = hierarchyEdges * 2 >= nodes
        if nodes <= dotLimit && !(tree && fanout > 8) { return (.dot, "at most \(dotLimit) nodes") }
        if tree && nodes <= twopiLimit {
            return (
                .twopi,
                "a region tree (\(hierarchyEdges) of \(nodes) nodes hang from it, up to \(fanout) from one), "
                    + "at most \(twopiLimit) nodes"
            )
        }
        if nodes <= neatoLimit { return (.neato, "at most \(neatoLimit) nodes") }
        return (.sfdp, "more than \(neatoLimit) nodes")
    }

    /// One line for standard error, e.g. `render: 97,312 nodes in view, collapsed to county
    /// (chosen: over --max-nodes 300) → 119 nodes, 164 edges; layout dot (tree-like …)`.
    public var summary: String {
        var text = "render: \(viewNodes) nodes in view"
        if let collapse {
            text += ", collapsed to \(collapse.rawValue)" + (collapseChosen ? " (chosen: the view is over --max-nodes)" : "")
        }
        if let cutTo { text += ", cut to the \(cutTo) nearest (--max-nodes)" }
        text += " → \(nodes) nodes, \(edges) edges"
        if droppedEdges > 0 { text += " (the \(droppedEdges) weakest links left out: --max-edges)" }
        text += "; layout \(engine.rawValue)"
        if let engineReason { text += " (chosen: \(engineReason))" }
        return text
    }
}
