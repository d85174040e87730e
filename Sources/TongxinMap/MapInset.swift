/// An inset: the densest cluster of regions too small for their names, drawn again enlarged in a
/// box over an empty part of the canvas, with its own labels, a frame around the box and a frame
/// on the map marking the area it enlarges (as atlases show a city's districts).
///
/// The cluster is grown by single linkage from the tiny region with the most tiny neighbours:
/// regions smaller than twice their name's box at the minimum size (``LabelPlacement/isTiny(_:)``)
/// whose poles lie within 8% of the map's width of a member, while the cluster's extent stays
/// within 15% of the map's width. An inset is drawn for five members or more. Its magnification is
/// the largest of 6, 5, 4, 3, 2.5 and 2 for which the box fits in at most 40% of the map's width and
/// 45% of its height in a corner of the canvas where at most 4 of 144 sample points of the box
/// fall on a region and which leaves the enlarged area itself uncovered; when no corner is free,
/// the box goes below the map at the largest magnification that fits (the canvas grows).
///
/// - Complexity: O(L² + C · G · P) for L labels, C = 24 candidate boxes, G = 144 sample points each
///   and P boundary positions.
struct MapInset {
    /// The area enlarged, on the map.
    let window: LabelPlacement.Box
    /// Where the enlarged copy is drawn.
    let box: LabelPlacement.Box
    let magnification: Double
    /// The label requests (indices) labelled in the inset rather than on the map.
    let members: [Int]

    /// The point of the map at `point` in the inset.
    func transform(_ point: PlanePoint) -> PlanePoint {
        PlanePoint(x: box.minX + (point.x - window.minX) * magnification, y: box.minY + (point.y - window.minY) * magnification)
    }

    /// The inset for `requests` on a map whose shapes are `shapes` (rings in canvas points), with
    /// the box inside `area`; `nil` when no cluster is dense enough or no corner is free.
    static func find(
        requests: [LabelPlacement.Request], placement: LabelPlacement, shapes: [[[PlanePoint]]],
        map: LabelPlacement.Box, area: LabelPlacement.Box
    ) -> MapInset? {
        let mapWidth = map.maxX - map.minX, mapHeight = map.maxY - map.minY
        let small = requests.indices.filter { placement.isTiny(requests[$0]) }
        guard small.count >= 5 else { return nil }
        let poles: [Int: PlanePoint] = Dictionary(
            uniqueKeysWithValues: small.map { index in
                let polygon = requests[index].polygons.max { Polylabel.area($0) < Polylabel.area($1) }!
                return (index, Polylabel.pole(of: polygon, precision: 1).point)
            })
        let reach = 0.08 * mapWidth
        func near(_ a: Int, _ b: Int) -> Bool {
            let p = poles[a]!, q = poles[b]!
            return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) <= reach * reach
        }
        guard
            let seed = small.max(by: { a, b in
                (small.filter { near(a, $0) }.count, b) < (small.filter { near(b, $0) }.count, a)
            })
        else { return nil }
        var members = [seed]
        var extent = bounds(of: requests[seed].polygons)
        var grown = true
        while grown {
            grown = false
            for candidate in small where !members.contains(candidate) && members.contains(where: { near($0, candidate) }) {
                let wider = union(extent, bounds(of: requests[candidate].polygons))
                guard max(wider.maxX - wider.minX, wider.maxY - wider.minY) <= 0.15 * mapWidth else { continue }
                members.append(candidate)
                extent = wider
                grown = true
            }
        }
        guard members.count >= 5 else { return nil }
        let margin = 0.06 * max(extent.maxX - extent.minX, extent.maxY - extent.minY)
        let window = LabelPlacement.Box(
            minX: extent.minX - margin, minY: extent.minY - margin,
            maxX: extent.maxX + margin, maxY: extent.maxY + margin)
        let windowWidth = window.maxX - window.minX, windowHeight = window.maxY - window.minY
        let rings = shapes.map { $0.filter { !$0.isEmpty } }
        let shapeBounds = rings.map { bounds(of: [$0]) }
        var fallback: MapInset?
        for magnification in [6.0, 5, 4, 3, 2.5, 2] {
            let width = windowWidth * magnification, height = windowHeight * magnification
            guard width <= 0.4 * mapWidth, height <= 0.45 * mapHeight else { continue }
            let corners = [
                (area.minX, area.minY), (area.maxX - width, area.minY), (area.minX, area.maxY - height),
                (area.maxX - width, area.maxY - height)
            ]
            // Below the map, right-aligned: always free (the canvas grows by the box's height).
            let below = LabelPlacement.Box(minX: area.maxX - width, minY: map.maxY + 8, maxX: area.maxX, maxY: map.maxY + 8 + height)
            if fallback == nil { fallback = MapInset(window: window, box: below, magnification: magnification, members: members.sorted()) }
            var best: (box: LabelPlacement.Box, covered: Int)?
            for (x, y) in corners {
                let box = LabelPlacement.Box(minX: x, minY: y, maxX: x + width, maxY: y + height)
                guard !box.overlaps(window) else { continue }
                var covered = 0
                for row in 0..<12 {
                    for column in 0..<12 {
                        let point = PlanePoint(x: x + (Double(column) + 0.5) * width / 12, y: y + (Double(row) + 0.5) * height / 12)
                        if shapeBounds.indices.contains(where: { shapeBounds[$0].contains(point) && Polylabel.contains(rings[$0], point) })
                        {
                            covered += 1
                        }
                    }
                }
                if covered <= 4 && covered < (best?.covered ?? .max) { best = (box, covered) }
            }
            if let best {
                return MapInset(window: window, box: best.box, magnification: magnification, members: members.sorted())
            }
        }
        return fallback
    }

    /// The map's regions and borders that fall in the window, enlarged and clipped to the box; the
    /// box's frame; and the window's frame on the map. Inset copies carry no `data-` attributes, so
    /// each region's figures appear once in the SVG.
    func marks(copying mapMarks: [MapScene.Mark], scale s: Double) -> [MapScene.Mark] {
        func inside(_ points: [PlanePoint]) -> Bool { window.overlaps(Self.bounds(of: [points])) }
        var copies: [MapScene.Mark] = []
        for mark in mapMarks {
            switch mark {
            case .area(let rings, let fill, let hatch, let title, _) where rings.contains(where: inside):
                copies.append(.area(rings: rings.map { $0.map(transform) }, fill: fill, hatch: hatch, title: title, data: []))
            case .line(let points, let stroke, let width) where inside(points):
                copies.append(.line(points: points.map(transform), stroke: stroke, width: width))
            default:
                continue
            }
        }
        let frame = MapColour(0x262626)
        func outline(_ box: LabelPlacement.Box) -> [PlanePoint] {
            [
                PlanePoint(x: box.minX, y: box.minY), PlanePoint(x: box.maxX, y: box.minY), PlanePoint(x: box.maxX, y: box.maxY),
                PlanePoint(x: box.minX, y: box.maxY), PlanePoint(x: box.minX, y: box.minY)
            ]
        }
        return [
            .line(points: outline(window), stroke: frame, width: max(1.2 * s, 1)),
            .rect(
                x: box.minX, y: box.minY, width: box.maxX - box.minX, height: box.maxY - box.minY, fill: MapColour(0xffffff), stroke: nil),
            .clipped(x: box.minX, y: box.minY, width: box.maxX - box.minX, height: box.maxY - box.minY, marks: copies),
            .line(points: outline(box), stroke: frame, width: max(1.2 * s, 1))
        ]
    }

    static func bounds(of polygons: [[[PlanePoint]]]) -> LabelPlacement.Box {
        var box = LabelPlacement.Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for polygon in polygons {
            for ring in polygon {
                for point in ring {
                    box.minX = min(box.minX, point.x); box.maxX = max(box.maxX, point.x)
                    box.minY = min(box.minY, point.y); box.maxY = max(box.maxY, point.y)
                }
            }
        }
        return box
    }

    static func bounds(of rings: [[PlanePoint]]) -> LabelPlacement.Box { bounds(of: [rings]) }

    private static func union(_ a: LabelPlacement.Box, _ b: LabelPlacement.Box) -> LabelPlacement.Box {
        LabelPlacement.Box(minX: min(a.minX, b.minX), minY: min(a.minY, b.minY), maxX: max(a.maxX, b.maxX), maxY: max(a.maxY, b.maxY))
    }
}
