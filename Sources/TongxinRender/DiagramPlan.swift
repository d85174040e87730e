/// The choices behind a diagram — collapse level, cut, layout engine — and why, to tell the user.
///
/// The engine choice follows layout times measured on this project's machines (GRAPHVIZ.md and
/// `Scripts/bench-render.sh`): dot for small or tree-like diagrams (layered drawing reads best but
/// grows steeply: 1.5 s at 300 random nodes, minutes at 1,000), neato up to about 800 nodes (4 s at
/// 1,000), sfdp beyond (0.3 s at 1,000, 2.4 s at 5,000).
public struct DiagramPlan: Sendable, Equatable {
    /// Nodes in the view before collapsing or cutting.
    public var viewNodes: Int
    /// The level the view was collapsed at, if any.
    public var collapse: RegionLevel?
    /// Whether the collapse level was chosen automatically.
    public var collapseChosen: Bool
    /// The neighbourhood was cut to its nearest this many nodes.
    public var cutTo: Int?
    /// The layout engine.
    public var engine: LayoutEngine
    /// Why the engine, when it was chosen automatically; `nil` when the caller named it.
    public var engineReason: String?
    /// The diagram's size.
    public var nodes: Int
    public var edges: Int

    /// Largest diagram drawn with dot whatever its shape.
    static let dotLimit = 120
    /// Largest tree-like diagram (edges ≤ 1.25 × nodes) drawn with dot.
    static let dotTreeLimit = 600
    /// Largest diagram drawn with neato.
    static let neatoLimit = 800

    /// The engine for a diagram of this size, and the reason.
    public static func engine(nodes: Int, edges: Int) -> (engine: LayoutEngine, reason: String) {
        if nodes <= dotLimit { return (.dot, "at most \(dotLimit) nodes") }
        if nodes <= dotTreeLimit && edges * 4 <= nodes * 5 {
            return (.dot, "tree-like (\(edges) edges), at most \(dotTreeLimit) nodes")
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
        text += " → \(nodes) nodes, \(edges) edges; layout \(engine.rawValue)"
        if let engineReason { text += " (chosen: \(engineReason))" }
        return text
    }
}
