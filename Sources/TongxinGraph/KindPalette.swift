/// The one home of Tongxin's visual identity of kinds: a shape and a fill colour per node kind, a
/// line colour and pattern per edge kind, and the colours of coverage. The renderer (Graphviz) and
/// the writers for yEd and Gephi translate these into their own vocabularies, so a village looks the
/// same in a rendered SVG, in yEd and in Gephi.
///
/// Fills are pale so that black labels stay legible. Unknown kinds get a neutral look.
public enum KindPalette {
    /// A node outline, named by what it looks like; each drawing tool has its own name for it.
    public enum Shape: Sendable, Equatable {
        case roundedBox, box, house, hexagon, ellipse, note
    }

    /// A line pattern.
    public enum Line: Sendable, Equatable {
        case solid, bold, dashed, dotted
    }

    /// The shape and `#rrggbb` fill of a node of `kind`.
    public static func node(_ kind: String) -> (shape: Shape, fill: String) {
        switch kind {
        case NodeKind.region: (.roundedBox, "#c6dbef")
        case NodeKind.village: (.house, "#c7e9c0")
        case NodeKind.organization: (.hexagon, "#fdd0a2")
        case NodeKind.enterprise: (.box, "#fcbba1")
        case NodeKind.figure: (.ellipse, "#dadaeb")
        default: (.note, "#f0f0f0")
        }
    }

    /// The `#rrggbb` colour, pattern and width (in points) of an edge of `kind`, and whether it is
    /// drawn with an arrow (`within` is not: it reads as "belongs to", drawn as a plain line).
    public static func edge(_ kind: String) -> (color: String, line: Line, width: Double, arrow: Bool) {
        switch kind {
        case EdgeKind.within: ("#969696", .solid, 1, false)
        case EdgeKind.memberOf: ("#3182bd", .solid, 1, true)
        case EdgeKind.leads: ("#08519c", .bold, 2, true)
        case EdgeKind.serves: ("#31a354", .dashed, 1.2, true)
        case EdgeKind.liaisonFor: ("#756bb1", .dotted, 1.5, true)
        case EdgeKind.pairedWith: ("#e6550d", .solid, 1.5, true)
        case EdgeKind.tie: ("#636363", .dashed, 1, true)
        default: ("#252525", .solid, 1, true)
        }
    }

    /// Fill of a covered unit.
    public static let covered = "#74c476"
    /// Fill of an uncovered unit.
    public static let uncovered = "#fb6a4a"

    /// The colour of a coverage rate in [0, 1] on a red–yellow–green scale (ColorBrewer RdYlGn end
    /// and middle colours, interpolated in RGB): `rateColor(0)` is `#d73027`, `rateColor(1)` `#1a9850`.
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

    /// Where `score` lies between `low` and `high`, on a square-root scale so that a node's area,
    /// not its width, grows with the score: 0 at `low` (and when `high == low`), 1 at `high`.
    public static func sizeFraction(_ score: Double, low: Double, high: Double) -> Double {
        high > low ? ((score - low) / (high - low)).squareRoot() : 0
    }
}
