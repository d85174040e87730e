/// The visual language of Tongxin diagrams in Graphviz's terms: ``KindPalette``'s shapes, fills and
/// line styles (shared with the yEd and Gephi writers) under Graphviz's names, the font, and the
/// focus border. Coverage fills replace kind fills when a diagram is coloured by coverage.
public enum DiagramStyle {
    /// The font named on graph, nodes and edges: with it, PDF embeds the Simplified Chinese variant
    /// of Noto CJK (GRAPHVIZ.md); Debian's `fonts-noto-cjk` provides it.
    public static let font = "Noto Sans CJK SC"

    /// A node kind's look.
    public struct NodeLook: Sendable, Equatable {
        public var shape: String
        public var fill: String
        public var rounded: Bool
    }

    /// An edge kind's look.
    public struct EdgeLook: Sendable, Equatable {
        public var color: String
        public var style: String
        public var width: Double
        public var arrow: Bool
    }

    /// The look of a node of `kind`: ``KindPalette``'s, in Graphviz's shape names.
    public static func node(_ kind: String) -> NodeLook {
        let (shape, fill) = KindPalette.node(kind)
        switch shape {
        case .roundedBox: return NodeLook(shape: "box", fill: fill, rounded: true)
        case .box: return NodeLook(shape: "box", fill: fill, rounded: false)
        case .house: return NodeLook(shape: "house", fill: fill, rounded: false)
        case .hexagon: return NodeLook(shape: "hexagon", fill: fill, rounded: false)
        case .ellipse: return NodeLook(shape: "ellipse", fill: fill, rounded: false)
        case .note: return NodeLook(shape: "note", fill: fill, rounded: false)
        }
    }

    /// The look of an edge of `kind`: ``KindPalette``'s, in Graphviz's style names.
    public static func edge(_ kind: String) -> EdgeLook {
        let look = KindPalette.edge(kind)
        let style: String
        switch look.line {
        case .solid: style = "solid"
        case .bold: style = "bold"
        case .dashed: style = "dashed"
        case .dotted: style = "dotted"
        }
        return EdgeLook(color: look.color, style: style, width: look.width, arrow: look.arrow)
    }

    /// Border of the focus of a neighbourhood.
    public static let focus = "#d62728"

    /// Fill of a covered unit.
    public static let covered = KindPalette.covered
    /// Fill of an uncovered unit.
    public static let uncovered = KindPalette.uncovered

    /// The colour of a coverage rate in [0, 1]: ``KindPalette/rateColor(_:)``.
    public static func rateColor(_ rate: Double) -> String { KindPalette.rateColor(rate) }

    /// The scale positions shown in the legend.
    static let rateStops: [Double] = [0, 0.25, 0.5, 0.75, 1]
}
