/// How the writers for drawing tools (yEd GraphML, Gephi GEXF) colour and size each node: by default
/// the fill of its kind from ``KindPalette`` and the smallest size; a caller may colour by coverage
/// and size by a measure.
///
/// ```swift
/// var styling = NodeStyling(graph)         // kind colours, every size 0
/// styling.sizes = scores.map { KindPalette.sizeFraction($0, low: 0, high: scores.max()!) }
/// try GraphFile.write(graph, to: "out.gexf", styling: styling)
/// ```
public struct NodeStyling: Sendable {
    /// Each node's fill, `#rrggbb`, by node index.
    public var fills: [String]
    /// Each node's size in [0, 1] (0 the smallest, 1 the largest), by node index: see
    /// ``KindPalette/sizeFraction(_:low:high:)``.
    public var sizes: [Double]

    /// Kind fills and the smallest size for every node of `graph`. O(V).
    public init(_ graph: Graph) {
        fills = (0..<graph.nodeCount).map { KindPalette.node(graph.kind(of: $0)).fill }
        sizes = [Double](repeating: 0, count: graph.nodeCount)
    }
}
