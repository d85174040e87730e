/// The classed, sequential, colour-blind-safe scale of rates: six classes from ColorBrewer's
/// YlGnBu (light yellow for none, dark blue for all), read in order by viewers with any common
/// colour-vision deficiency, and a neutral grey for regions without units.
///
/// The class breaks are the report's: none (0), below 50%, below 80%, below 95%, below 100%, and
/// 100%, so "complete" stands out and a programme not started reads as pale, not as an alarm.
/// C. A. Brewer, ColorBrewer 2.0 (https://colorbrewer2.org), YlGnBu, 6 classes; M. Harrower and
/// C. A. Brewer, "ColorBrewer.org: an online tool for selecting colour schemes for maps", The
/// Cartographic Journal 40(1), 2003, doi:10.1179/000870403235002042.
public enum ColorScale {
    /// The classes' colours, lowest first.
    public static let colours: [MapColour] = [0xffffcc, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x2c7fb8, 0x253494].map(MapColour.init)
    /// The colour of a region with no units (no rate).
    public static let noData = MapColour(0xd9d9d9)
    /// The colour of a boundary feature that no region of the graph matched.
    public static let unmatched = MapColour(0xf2f2f2)

    /// The class of a rate: 0 for none, then below 50%, below 80%, below 95%, below 100%, 100%;
    /// `nil` for no rate.
    public static func classIndex(_ rate: Double?) -> Int? {
        guard let rate else { return nil }
        switch rate {
        case ...0: return 0
        case ..<0.5: return 1
        case ..<0.8: return 2
        case ..<0.95: return 3
        case ..<1: return 4
        default: return 5
        }
    }

    /// The fill for a rate.
    public static func colour(_ rate: Double?) -> MapColour {
        classIndex(rate).map { colours[$0] } ?? noData
    }

    /// The legend's class labels.
    public static let labels = ["0", "<50%", "50–80%", "80–95%", "95–<100%", "100%"]
}
