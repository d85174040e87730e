import Foundation

/// An sRGB colour.
public struct MapColour: Hashable, Sendable {
    public var red: UInt8, green: UInt8, blue: UInt8

    public init(_ hex: UInt32) {
        red = UInt8(hex >> 16 & 0xFF)
        green = UInt8(hex >> 8 & 0xFF)
        blue = UInt8(hex & 0xFF)
    }

    /// `#rrggbb`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + String([red >> 4, red & 15, green >> 4, green & 15, blue >> 4, blue & 15].map { digits[Int($0)] })
    }

    /// Whether dark text reads on this colour (relative luminance above 0.35, WCAG 2's formula).
    public var isLight: Bool {
        func linear(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055).power(2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue) > 0.35
    }
}

extension Double {
    fileprivate func power(_ exponent: Double) -> Double { exp(exponent * log(self)) }
}

/// A finished map as drawing marks in canvas units (pixels at 96 dpi, y downward), which the SVG
/// writer and the cairo renderer draw identically.
public struct MapScene: Sendable {
    public enum Anchor: Sendable { case start, middle, end }

    /// Thin dark lines over a fill, for regions only one version of a map of change has: rising to
    /// the right (`/`) for the later version only, falling (`\\`) for the earlier only.
    public enum Hatch: String, Sendable, CaseIterable { case rising, falling }

    public enum Mark: Sendable {
        /// A region: its rings filled with the even–odd rule, hatched when `hatch` is given; `title`
        /// becomes the SVG tooltip and `data` the shape's `data-` attributes.
        case area(rings: [[PlanePoint]], fill: MapColour, hatch: Hatch?, title: String?, data: [(String, String)])
        /// A polyline.
        case line(points: [PlanePoint], stroke: MapColour, width: Double)
        /// A rectangle (legend swatches).
        case rect(x: Double, y: Double, width: Double, height: Double, fill: MapColour, stroke: MapColour?)
        /// A filled dot (leader line ends).
        case dot(centre: PlanePoint, radius: Double, fill: MapColour)
        /// One line of text with its baseline at `at`; `halo` draws an outline of that colour under it.
        case text(String, at: PlanePoint, size: Double, bold: Bool, anchor: Anchor, fill: MapColour, halo: MapColour?)
        /// Marks drawn only inside a rectangle (an inset's enlarged copy of the map).
        case clipped(x: Double, y: Double, width: Double, height: Double, marks: [Mark])
    }

    public var width: Double
    public var height: Double
    /// The map's title, for the SVG document's `<title>`.
    public var title: String
    public var marks: [Mark]

    /// Every mark, with those inside clipped groups, in drawing order.
    var allMarks: [Mark] {
        marks.flatMap { mark -> [Mark] in
            if case .clipped(_, _, _, _, let inner) = mark { return inner }
            return [mark]
        }
    }

    /// The hatch lines' colour and spacing in canvas pixels.
    public static let hatchColour = MapColour(0x525252)
    public static let hatchSpacing = 5.0

    /// The font every text mark uses; `fonts-noto-cjk` provides it on Debian.
    public static let fontFamily = "Noto Sans CJK SC"
}
