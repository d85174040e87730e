import TongxinIO

/// Writes a ``MapScene`` as SVG 1.1: one `<path>` per region with a `<title>` (a browser's
/// tooltip) and `data-` attributes, borders as paths, text with a white halo (`paint-order`).
/// Coordinates have one decimal (a tenth of a pixel).
///
/// - Complexity: O(P + T) for P points and T characters of text.
public enum SVGMapWriter {
    public static func svg(_ scene: MapScene) -> [UInt8] {
        var document = Document()
        document.open(scene)
        document.write(scene.marks)
        document.put("</svg>\n")
        return document.out
    }

    /// The SVG text being written, and how many clip paths it has.
    private struct Document {
        var out: [UInt8] = []
        var clips = 0

        init() { out.reserveCapacity(1 << 18) }

        mutating func put(_ text: String) { out.append(contentsOf: text.utf8) }
        mutating func escaped(_ text: String, attribute: Bool = false) { XMLText.append(text, to: &out, attribute: attribute) }

        /// The `<svg>` element's start, the title, and the hatch patterns the scene uses.
        mutating func open(_ scene: MapScene) {
            put("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(scene.width))\" height=\"\(number(scene.height))\" ")
            put("viewBox=\"0 0 \(number(scene.width)) \(number(scene.height))\" ")
            put("font-family=\"'\(MapScene.fontFamily)','Noto Sans SC','Source Han Sans SC',sans-serif\">\n<title>")
            escaped(scene.title)
            put("</title>\n")
            let hatches = Set(
                scene.allMarks.compactMap { mark -> MapScene.Hatch? in
                    if case .area(_, _, let hatch?, _, _) = mark { return hatch }
                    return nil
                })
            guard !hatches.isEmpty else { return }
            // One pattern per direction, drawn over the region's own fill by a second path.
            let step = number(MapScene.hatchSpacing)
            put("<defs>")
            for hatch in MapScene.Hatch.allCases where hatches.contains(hatch) {
                let line = hatch == .rising ? "M0 \(step)L\(step) 0" : "M0 0L\(step) \(step)"
                put("<pattern id=\"hatch-\(hatch.rawValue)\" width=\"\(step)\" height=\"\(step)\" patternUnits=\"userSpaceOnUse\">")
                put("<path d=\"\(line)\" stroke=\"\(MapScene.hatchColour.hex)\" stroke-width=\"0.8\"/></pattern>")
            }
            put("</defs>\n")
        }

        mutating func write(_ marks: [MapScene.Mark]) {
            for mark in marks {
                switch mark {
                case .clipped(let x, let y, let width, let height, let inner):
                    clips += 1
                    put("<clipPath id=\"clip-\(clips)\"><rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" ")
                    put("height=\"\(number(height))\"/></clipPath>\n<g clip-path=\"url(#clip-\(clips))\">\n")
                    write(inner)
                    put("</g>\n")
                case .area(let rings, let fill, let hatch, let title, let data):
                    area(rings, fill: fill, hatch: hatch, title: title, data: data)
                case .line(let points, let stroke, let width):
                    put("<path d=\"")
                    path([points], closed: false, into: &out)
                    put("\" fill=\"none\" stroke=\"\(stroke.hex)\" stroke-width=\"\(number(width))\" stroke-linejoin=\"round\"/>\n")
                case .rect(let x, let y, let width, let height, let fill, let stroke):
                    put(
                        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(fill.hex)\""
                    )
                    if let stroke { put(" stroke=\"\(stroke.hex)\" stroke-width=\"0.5\"") }
                    put("/>\n")
                case .dot(let centre, let radius, let fill):
                    put("<circle cx=\"\(number(centre.x))\" cy=\"\(number(centre.y))\" r=\"\(number(radius))\" fill=\"\(fill.hex)\"/>\n")
                case .text(let text, let at, let size, let bold, let anchor, let fill, let halo):
                    self.text(text, at: at, size: size, bold: bold, anchor: anchor, fill: fill, halo: halo)
                }
            }
        }

        /// A region's path with its `data-` attributes and tooltip; a hatched region is its fill
        /// first, then the pattern over it.
        private mutating func area(
            _ rings: [[PlanePoint]], fill: MapColour, hatch: MapScene.Hatch?, title: String?,
            data: [(String, String)]
        ) {
            if hatch != nil {
                put("<path d=\"")
                path(rings, closed: true, into: &out)
                put("\" fill=\"\(fill.hex)\" fill-rule=\"evenodd\"/>\n")
            }
            put("<path d=\"")
            path(rings, closed: true, into: &out)
            put("\" fill=\"\(hatch.map { "url(#hatch-\($0.rawValue))" } ?? fill.hex)\" fill-rule=\"evenodd\"")
            for (key, value) in data {
                put(" data-\(key)=\"")
                escaped(value, attribute: true)
                put("\"")
            }
            if let title {
                put("><title>")
                escaped(title)
                put("</title></path>\n")
            } else {
                put("/>\n")
            }
        }

        /// A line of text with its halo drawn under it (`paint-order`).
        private mutating func text(
            _ text: String, at: PlanePoint, size: Double, bold: Bool, anchor: MapScene.Anchor, fill: MapColour,
            halo: MapColour?
        ) {
            put("<text x=\"\(number(at.x))\" y=\"\(number(at.y))\" font-size=\"\(number(size))\"")
            if bold { put(" font-weight=\"bold\"") }
            switch anchor {
            case .start: break
            case .middle: put(" text-anchor=\"middle\"")
            case .end: put(" text-anchor=\"end\"")
            }
            put(" fill=\"\(fill.hex)\"")
            if let halo {
                put(" stroke=\"\(halo.hex)\" stroke-width=\"\(number(size / 4))\" stroke-linejoin=\"round\" paint-order=\"stroke\"")
            }
            put(">")
            escaped(text)
            put("</text>\n")
        }
    }

    /// Rings as `M x y l dx dy …`: relative steps between coordinates rounded to tenths, so the
    /// rounding never accumulates and each step is a few bytes.
    private static func path(_ rings: [[PlanePoint]], closed: Bool, into out: inout [UInt8]) {
        for ring in rings {
            var previous = (x: 0, y: 0)
            for (index, point) in ring.enumerated() {
                let tenths = (x: Int((point.x * 10).rounded()), y: Int((point.y * 10).rounded()))
                if index == 0 {
                    out.append(UInt8(ascii: "M"))
                    out.append(contentsOf: tenth(tenths.x).utf8)
                    out.append(UInt8(ascii: " "))
                    out.append(contentsOf: tenth(tenths.y).utf8)
                } else {
                    if index == 1 { out.append(UInt8(ascii: "l")) }
                    let dx = tenth(tenths.x - previous.x), dy = tenth(tenths.y - previous.y)
                    if index > 1 && !dx.hasPrefix("-") { out.append(UInt8(ascii: " ")) }
                    out.append(contentsOf: dx.utf8)
                    if !dy.hasPrefix("-") { out.append(UInt8(ascii: " ")) }
                    out.append(contentsOf: dy.utf8)
                }
                previous = tenths
            }
            if closed { out.append(UInt8(ascii: "z")) }
        }
    }

    /// A coordinate with at most one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String { tenth(Int((value * 10).rounded())) }

    /// A count of tenths as a decimal: 12 → `1.2`, -30 → `-3`.
    private static func tenth(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
