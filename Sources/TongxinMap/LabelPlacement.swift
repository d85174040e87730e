import Foundation

/// Places each region's label (its name over its value) so that every label is legible and none
/// overlaps another: never below ``minimumSize`` pixels, whatever the canvas size.
///
/// Each label tries, in order: inside its shape at the pole of inaccessibility with both lines, at
/// the largest size from 12 px (scaled) down to the minimum whose box fits in the shape; inside with
/// the name only; outside with a leader line, at the minimum size, with both lines and then with
/// the name only; and last, omitted — the caller lists omitted names in a footnote. "Fits" means the
/// box's corners, edge midpoints and centre all lie inside the shape. An outside spot is the
/// nearest on rings around the shape's pole (clear of the shape itself), turned away from the map's
/// centre, where the box overlaps no label placed before, covers no other small shape's pole, is
/// crossed by no leader line and stays inside the canvas area allowed, and where its own leader
/// line crosses no other label. Labels inside shapes are placed first, then callouts from the
/// largest shape to the smallest (greedy, as in Imhof's rules: E. Imhof, "Positioning names on
/// maps", The American Cartographer 2(2), 1975, doi:10.1559/152304075784313304).
///
/// - Complexity: O(L · (C + K · L)) for L labels, C the cost of one polylabel and K = 696 candidate
///   spots per callout.
struct LabelPlacement {
    struct Request {
        /// The shape's polygons (rings of canvas points, outer ring first).
        var polygons: [[[PlanePoint]]]
        var name: String
        /// The value's text (a rate, a change), or `nil` when there is none.
        var value: String?
        /// The shape's fill: a label inside a dark shape is white on it.
        var fill: MapColour
    }

    struct Box: Equatable {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
        func contains(_ point: PlanePoint) -> Bool {
            (minX...maxX).contains(point.x) && (minY...maxY).contains(point.y)
        }

        /// Whether the segment from `a` to `b` passes through the box's interior (Liang–Barsky
        /// clipping; touching an edge does not count).
        func isCrossed(from a: PlanePoint, to b: PlanePoint) -> Bool {
            var low = 0.0, high = 1.0
            let dx = b.x - a.x, dy = b.y - a.y
            for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
                if p == 0 {
                    if q <= 0 { return false }
                } else {
                    let t = q / p
                    if p < 0 { low = max(low, t) } else { high = min(high, t) }
                    if low >= high { return false }
                }
            }
            return high - low > 1e-9
        }
    }

    /// A leader line from a shape's pole to its label's box.
    struct Leader: Equatable {
        var from: PlanePoint
        var to: PlanePoint
        /// The index in ``placed`` of the box it leads to.
        var box: Int
    }

    /// The smallest text drawn, in pixels: about 7.5 pt, what a CJK glyph needs to stay legible on
    /// screen and in print (GB/T 12343's smallest map lettering is 1.75 mm ≈ 6.6 px at 96 dpi;
    /// the map's Chinese names need a little more).
    static let minimumSize = 10.0

    let measure: TextMeasure
    let scale: Double
    let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    /// Every label's box, in the order placed.
    private(set) var placed: [Box] = []
    /// Every callout's leader line.
    private(set) var leaders: [Leader] = []
    /// The names of the labels that found no place, in request order.
    private(set) var omitted: [String] = []
    /// Areas no label may cover (an inset).
    var reserved: [Box] = []

    init(measure: TextMeasure, scale: Double, bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)) {
        self.measure = measure
        self.scale = scale
        self.bounds = bounds
    }

    static let textColour = MapColour(0x1a1a1a)

    /// The name size of a label inside its shape, largest first: 12 px scaled, down by 1 px scaled,
    /// never below the minimum.
    private var insideSizes: [Double] {
        let largest = max(12 * scale, Self.minimumSize)
        var sizes: [Double] = []
        var size = largest
        while size >= Self.minimumSize - 1e-9 {
            sizes.append(size)
            size -= max(scale, 0.5)
        }
        return sizes
    }

    mutating func place(_ requests: [Request]) -> [MapScene.Mark] {
        let s = scale
        var marks: [MapScene.Mark] = []
        var callouts: [(slot: Int, request: Request, polygon: [[PlanePoint]], pole: PlanePoint, area: Double)] = []
        var mapMinX = Double.infinity, mapMaxX = -Double.infinity, mapMinY = Double.infinity, mapMaxY = -Double.infinity
        var unplaced: [Int] = []
        for (slot, request) in requests.enumerated() {
            // The largest polygon carries the label.
            guard let polygon = request.polygons.max(by: { Polylabel.area($0) < Polylabel.area($1) }) else { continue }
            for point in polygon[0] {
                mapMinX = min(mapMinX, point.x); mapMaxX = max(mapMaxX, point.x)
                mapMinY = min(mapMinY, point.y); mapMaxY = max(mapMaxY, point.y)
            }
            let pole = Polylabel.pole(of: polygon, precision: 0.5 * s).point
            var fitted = false
            inside: for shown in Self.forms(of: request) {
                for size in insideSizes {
                    let box = Self.box(centre: pole, size: self.size(of: shown, nameSize: size))
                    if Self.fits(box, in: polygon), !reserved.contains(where: { $0.overlaps(box) }) {
                        marks += label(shown, box: box, nameSize: size, on: request.fill)
                        placed.append(box)
                        fitted = true
                        break inside
                    }
                }
            }
            if !fitted { callouts.append((slot, request, polygon, pole, Polylabel.area(polygon))) }
        }
        let centre = PlanePoint(x: (mapMinX + mapMaxX) / 2, y: (mapMinY + mapMaxY) / 2)
        let poles = callouts.map(\.pole)
        let nameSize = Self.minimumSize
        for (index, callout) in callouts.enumerated().sorted(by: { $0.element.area > $1.element.area }).map({ ($0.offset, $0.element) }) {
            let away = atan2(callout.pole.y - centre.y, callout.pole.x - centre.x)
            var chosen: (box: Box, request: Request)?
            forms: for shown in Self.forms(of: callout.request) {
                let extent = size(of: shown, nameSize: nameSize)
                for radius in stride(from: 16.0, through: 240, by: 8).map({ $0 * max(s, 0.8) }) {
                    for step in 0..<24 {
                        // Alternate either side of the direction away from the centre.
                        let turn = Double((step + 1) / 2) * (step % 2 == 0 ? 1 : -1) * .pi / 12
                        let angle = away + turn
                        let middle = PlanePoint(x: callout.pole.x + radius * cos(angle), y: callout.pole.y + radius * sin(angle))
                        let box = Self.box(centre: middle, size: extent)
                        let end = Self.nearestPoint(on: box, to: callout.pole)
                        let blocks = { (other: Box) in other.overlaps(box) || other.isCrossed(from: callout.pole, to: end) }
                        guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY,
                            !placed.contains(where: blocks), !reserved.contains(where: blocks),
                            !leaders.contains(where: { box.isCrossed(from: $0.from, to: $0.to) }),
                            !Self.touches(box, callout.polygon),
                            !poles.enumerated().contains(where: { $0.offset != index && box.contains($0.element) })
                        else { continue }
                        chosen = (box, shown)
                        break forms
                    }
                }
            }
            guard let (box, shown) = chosen else {
                unplaced.append(callout.slot)
                continue
            }
            let end = Self.nearestPoint(on: box, to: callout.pole)
            leaders.append(Leader(from: callout.pole, to: end, box: placed.count))
            placed.append(box)
            marks.append(.line(points: [callout.pole, end], stroke: MapColour(0x4d4d4d), width: max(0.7 * s, 0.6)))
            marks.append(.dot(centre: callout.pole, radius: max(1.6 * s, 1.2), fill: MapColour(0x1a1a1a)))
            marks.append(
                .rect(
                    x: box.minX, y: box.minY, width: box.maxX - box.minX, height: box.maxY - box.minY,
                    fill: MapColour(0xffffff), stroke: MapColour(0xbdbdbd)))
            marks += label(shown, box: box, nameSize: nameSize, on: MapColour(0xffffff))
        }
        omitted = unplaced.sorted().map { requests[$0].name }
        return marks
    }

    /// Whether the request's shape (all its polygons) is smaller than twice the box of its name
    /// alone at the minimum size: too small to carry a label, however it is shaped.
    func isTiny(_ request: Request) -> Bool {
        var nameOnly = request
        nameOnly.value = nil
        let extent = size(of: nameOnly, nameSize: Self.minimumSize)
        return request.polygons.reduce(0) { $0 + Polylabel.area($1) } < 2 * extent.width * extent.height
    }

    /// The request with both lines, then (when it has a value) with the name only.
    private static func forms(of request: Request) -> [Request] {
        guard request.value != nil else { return [request] }
        var nameOnly = request
        nameOnly.value = nil
        return [request, nameOnly]
    }

    /// The value line is 1 px (scaled) smaller than the name, but never below the minimum.
    private func valueSize(nameSize: Double) -> Double { max(nameSize - scale, Self.minimumSize) }

    private func size(of request: Request, nameSize: Double) -> (width: Double, height: Double) {
        let valueSize = valueSize(nameSize: nameSize)
        var width = measure.width(request.name, size: nameSize)
        var height = nameSize * 1.05
        if let value = request.value {
            width = max(width, measure.width(value, size: valueSize))
            height += valueSize * 1.1
        }
        return (width + 2 * scale, height + 2 * scale)
    }

    private static func box(centre: PlanePoint, size: (width: Double, height: Double)) -> Box {
        Box(
            minX: centre.x - size.width / 2, minY: centre.y - size.height / 2, maxX: centre.x + size.width / 2,
            maxY: centre.y + size.height / 2)
    }

    private static func fits(_ box: Box, in polygon: [[PlanePoint]]) -> Bool {
        let xs = [box.minX, (box.minX + box.maxX) / 2, box.maxX], ys = [box.minY, (box.minY + box.maxY) / 2, box.maxY]
        return xs.allSatisfy { x in ys.allSatisfy { y in Polylabel.contains(polygon, PlanePoint(x: x, y: y)) } }
    }

    /// Whether any of the box's corners, edge midpoints or centre lies inside the polygon.
    private static func touches(_ box: Box, _ polygon: [[PlanePoint]]) -> Bool {
        let xs = [box.minX, (box.minX + box.maxX) / 2, box.maxX], ys = [box.minY, (box.minY + box.maxY) / 2, box.maxY]
        return xs.contains { x in ys.contains { y in Polylabel.contains(polygon, PlanePoint(x: x, y: y)) } }
    }

    private static func nearestPoint(on box: Box, to point: PlanePoint) -> PlanePoint {
        PlanePoint(x: min(max(point.x, box.minX), box.maxX), y: min(max(point.y, box.minY), box.maxY))
    }

    /// The text marks of a label filling `box` on `background`: the name, then the value below it;
    /// dark text with a white halo on a light background, white text with a halo of the background
    /// on a dark one (so borders crossing the label do not show through).
    private func label(_ request: Request, box: Box, nameSize: Double, on background: MapColour) -> [MapScene.Mark] {
        let x = (box.minX + box.maxX) / 2
        let valueSize = valueSize(nameSize: nameSize)
        let (ink, halo) = background.isLight ? (Self.textColour, MapColour(0xffffff)) : (MapColour(0xffffff), background)
        var marks: [MapScene.Mark] = [
            .text(
                request.name, at: PlanePoint(x: x, y: box.minY + scale + nameSize * 0.88), size: nameSize, bold: false,
                anchor: .middle, fill: ink, halo: halo)
        ]
        if let value = request.value {
            marks.append(
                .text(
                    value, at: PlanePoint(x: x, y: box.maxY - scale - valueSize * 0.18), size: valueSize, bold: false,
                    anchor: .middle, fill: ink, halo: halo))
        }
        return marks
    }
}
