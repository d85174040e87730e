/// The visual language of Tongxin diagrams: a shape and fill per node kind, a line style per edge
/// kind, and the colours of coverage.
///
/// Fills are pale so that black labels stay legible; coverage fills replace them when a diagram is
/// coloured by coverage. Unknown kinds get a neutral style.
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

    /// The look of a node of `kind`.
    public static func node(_ kind: String) -> NodeLook {
        switch kind {
        case NodeKind.region: NodeLook(shape: "box", fill: "#c6dbef", rounded: true)
        case NodeKind.village: NodeLook(shape: "house", fill: "#c7e9c0", rounded: false)
        case NodeKind.organization: NodeLook(shape: "hexagon", fill: "#fdd0a2", rounded: false)
        case NodeKind.enterprise: NodeLook(shape: "box", fill: "#fcbba1", rounded: false)
        case NodeKind.figure: NodeLook(shape: "ellipse", fill: "#dadaeb", rounded: false)
        default: NodeLook(shape: "note", fill: "#f0f0f0", rounded: false)
        }
    }

    /// The look of an edge of `kind`.
    public static func edge(_ kind: String) -> EdgeLook {
        switch kind {
        case EdgeKind.within: EdgeLook(color: "#969696", style: "solid", width: 1, arrow: false)
        case EdgeKind.memberOf: EdgeLook(color: "#3182bd", style: "solid", width: 1, arrow: true)
        case EdgeKind.leads: EdgeLook(color: "#08519c", style: "bold", width: 2, arrow: true)
        case EdgeKind.serves: EdgeLook(color: "#31a354", style: "dashed", width: 1.2, arrow: true)
        case EdgeKind.liaisonFor: EdgeLook(color: "#756bb1", style: "dotted", width: 1.5, arrow: true)
        case EdgeKind.pairedWith: EdgeLook(color: "#e6550d", style: "solid", width: 1.5, arrow: true)
        case EdgeKind.tie: EdgeLook(color: "#636363", style: "dashed", width: 1, arrow: true)
        default: EdgeLook(color: "#252525", style: "solid", width: 1, arrow: true)
        }
    }

    /// Border of the focus of a neighbourhood.
    public static let focus = "#d62728"

    /// Fill of a covered unit.
    public static let covered = "#74c476"
    /// Fill of an uncovered unit.
    public static let uncovered = "#fb6a4a"

    /// The colour of a coverage rate in [0, 1] on a red–yellow–green scale (ColorBrewer RdYlGn end
    /// and middle colours, interpolated in RGB).
    public static func rateColor(_ rate: Double) -> String {
        let stops: [(Double, Double, Double)] = [(0xd7, 0x30, 0x27), (0xfe, 0xe0, 0x8b), (0x1a, 0x98, 0x50)]
        let clamped = min(max(rate, 0), 1)
        let position = clamped * 2
        let lower = min(Int(position), 1)
        let t = position - Double(lower)
        let (a, b) = (stops[lower], stops[lower + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// The scale positions shown in the legend.
    static let rateStops: [Double] = [0, 0.25, 0.5, 0.75, 1]
}
