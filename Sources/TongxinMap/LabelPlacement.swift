import Foundation

/// Places each region's label (its name over its rate) inside its shape at the pole of
/// inaccessibility, at the largest size from 12 down to 8 px (scaled) whose box fits in the shape;
/// a label that fits at none goes outside, at the nearest free spot on rings around the shape's
/// pole (clear of the shape itself), turned away from the map's centre, joined to the pole by a
/// leader line.
///
/// "Fits" means the box's corners, edge midpoints and centre all lie inside the shape. "Free" means
/// the box overlaps no label placed before it and no other small shape's pole, and stays inside
/// the canvas area allowed. Labels inside shapes are placed first, then callouts from the largest
/// shape to the smallest (greedy, as in Imhof's rules: E. Imhof, "Positioning names on maps", The
/// American Cartographer 2(2), 1975, doi:10.1559/152304075784313304).
///
/// - Complexity: O(L · (C + K · L)) for L labels, C the cost of one polylabel and K = 336 candidate
///   spots per callout.
struct LabelPlacement {
    struct Request {
        /// The shape's polygons (rings of canvas points, outer ring first).
        var polygons: [[[PlanePoint]]]
        var name: String
        /// The rate text, or `nil` when there is none.
        var value: String?
    }

    private struct Box {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
        func contains(_ point: PlanePoint) -> Bool {
            (minX...maxX).contains(point.x) && (minY...maxY).contains(point.y)
        }
    }

    let measure: TextMeasure
    let scale: Double
    let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    private var placed: [Box] = []

    init(measure: TextMeasure, scale: Double, bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)) {
        self.measure = measure
        self.scale = scale
        self.bounds = bounds
    }

    static let textColour = MapColour(0x1a1a1a)

    mutating func place(_ requests: [Request]) -> [MapScene.Mark] {
        let s = scale
        var marks: [MapScene.Mark] = []
        var callouts: [(request: Request, polygon: [[PlanePoint]], pole: PlanePoint, area: Double)] = []
        var mapMinX = Double.infinity, mapMaxX = -Double.infinity, mapMinY = Double.infinity, mapMaxY = -Double.infinity
        for request in requests {
            // The largest polygon carries the label.
            guard let polygon = request.polygons.max(by: { Polylabel.area($0) < Polylabel.area($1) }) else { continue }
            for point in polygon[0] {
                mapMinX = min(mapMinX, point.x); mapMaxX = max(mapMaxX, point.x)
                mapMinY = min(mapMinY, point.y); mapMaxY = max(mapMaxY, point.y)
            }
            let pole = Polylabel.pole(of: polygon, precision: 0.5 * s).point
            var fitted = false
            var size = 12 * s
            while size >= 8 * s - 1e-9 {
                let box = Self.box(centre: pole, size: self.size(of: request, nameSize: size))
                if Self.fits(box, in: polygon) {
                    marks += label(request, box: box, nameSize: size)
                    placed.append(box)
                    fitted = true
                    break
                }
                size -= 1 * s
            }
            if !fitted { callouts.append((request, polygon, pole, Polylabel.area(polygon))) }
        }
        let centre = PlanePoint(x: (mapMinX + mapMaxX) / 2, y: (mapMinY + mapMaxY) / 2)
        let poles = callouts.map(\.pole)
        for (index, callout) in callouts.enumerated().sorted(by: { $0.element.area > $1.element.area }).map({ ($0.offset, $0.element) }) {
            let nameSize = 9 * s
            let extent = size(of: callout.request, nameSize: nameSize)
            let away = atan2(callout.pole.y - centre.y, callout.pole.x - centre.x)
            var chosen: Box?
            search: for radius in stride(from: 24.0, through: 180, by: 12).map({ $0 * s }) {
                for step in 0..<24 {
                    // Alternate either side of the direction away from the centre.
                    let turn = Double((step + 1) / 2) * (step % 2 == 0 ? 1 : -1) * .pi / 12
                    let angle = away + turn
                    let middle = PlanePoint(x: callout.pole.x + radius * cos(angle), y: callout.pole.y + radius * sin(angle))
                    let box = Self.box(centre: middle, size: extent)
                    guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY,
                          !placed.contains(where: { $0.overlaps(box) }), !Self.touches(box, callout.polygon),
                          !poles.enumerated().contains(where: { $0.offset != index && box.contains($0.element) })
                    else { continue }
                    chosen = box
                    break search
                }
            }
            let box = chosen ?? Self.box(centre: PlanePoint(x: callout.pole.x, y: callout.pole.y - 22 * s - extent.height / 2), size: extent)
            placed.append(box)
            let end = Self.nearestPoint(on: box, to: callout.pole)
            marks.append(.line(points: [callout.pole, end], stroke: MapColour(0x4d4d4d), width: 0.7 * s))
            marks.append(.dot(centre: callout.pole, radius: 1.6 * s, fill: MapColour(0x1a1a1a)))
            marks.append(.rect(x: box.minX, y: box.minY, width: box.maxX - box.minX, height: box.maxY - box.minY,
                               fill: MapColour(0xffffff), stroke: MapColour(0xbdbdbd)))
            marks += label(callout.request, box: box, nameSize: nameSize)
        }
        return marks
    }

    private func size(of request: Request, nameSize: Double) -> (width: Double, height: Double) {
        let valueSize = nameSize - 1 * scale
        var width = measure.width(request.name, size: nameSize)
        var height = nameSize * 1.05
        if let value = request.value {
            width = max(width, measure.width(value, size: valueSize))
            height += valueSize * 1.1
        }
        return (width + 2 * scale, height + 2 * scale)
    }

    private static func box(centre: PlanePoint, size: (width: Double, height: Double)) -> Box {
        Box(minX: centre.x - size.width / 2, minY: centre.y - size.height / 2, maxX: centre.x + size.width / 2, maxY: centre.y + size.height / 2)
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

    /// The text marks of a label filling `box`: the name, then the rate below it.
    private func label(_ request: Request, box: Box, nameSize: Double) -> [MapScene.Mark] {
        let x = (box.minX + box.maxX) / 2
        let valueSize = nameSize - 1 * scale
        var marks: [MapScene.Mark] = [
            .text(request.name, at: PlanePoint(x: x, y: box.minY + scale + nameSize * 0.88), size: nameSize, bold: false,
                  anchor: .middle, fill: Self.textColour, halo: true),
        ]
        if let value = request.value {
            marks.append(.text(value, at: PlanePoint(x: x, y: box.maxY - scale - valueSize * 0.18), size: valueSize, bold: false,
                               anchor: .middle, fill: Self.textColour, halo: true))
        }
        return marks
    }
}
