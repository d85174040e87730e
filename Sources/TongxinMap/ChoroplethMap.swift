import TongxinGraph
import TongxinIO

/// A map of regions coloured by a rate: the boundaries matched to the regions, projected, simplified
/// without breaking shared borders, coloured on a classed scale, labelled, titled and credited.
///
/// Steps: match regions and features (``RegionMatching``); project with a Lambert azimuthal
/// equal-area projection centred on the shapes (``LambertAzimuthalEqualArea``); fit to the canvas;
/// build shared arcs (``Topology``) and simplify them at half a square pixel
/// (``SimplifiedTopology``); place each label at its shape's pole of inaccessibility
/// (``Polylabel``), smaller if it does not fit, else outside with a leader line (``LabelPlacement``).
///
/// - Complexity: O(P log P) for P boundary positions of the shapes drawn, plus O(F) for F features
///   in the file and the label placement's O(L² · K) for L labels and K candidate positions.
public struct ChoroplethMap: Sendable {
    public struct Options: Sendable {
        /// The canvas width in pixels; everything else scales with it.
        public var width: Double
        public var language: MapLanguage
        /// The data's name (and date) for the credit line.
        public var dataName: String

        public init(width: Double = 1000, language: MapLanguage = .zh, dataName: String) {
            self.width = width
            self.language = language
            self.dataName = dataName
        }
    }

    public let scene: MapScene
    public let matching: RegionMatching
    /// Regions without a boundary and in-scope boundaries without a region, one sentence each.
    public let warnings: [String]

    /// Draws `values` on `boundaries`.
    ///
    /// - Throws: ``MapError`` when no region found a boundary.
    public init(graph: Graph, values: MapValues, boundaries: Boundaries, options: Options) throws(MapError) {
        let regions = values.entries.map(\.node)
        let roots = graph.hierarchy.roots.filter { graph.level(of: $0) != nil }
        let scope = values.scope ?? (roots.count == 1 ? roots[0] : nil)
        let features = boundaries.collection.features
        let matching = RegionMatching(regions: regions, in: graph, features: boundaries.collection, scope: scope)
        self.matching = matching
        var warnings: [String] = []
        for (slot, node) in regions.enumerated() where matching.features[slot] == nil {
            warnings.append("region \(graph.name(of: node)) (\(graph.id(of: node))) has no boundary in \(boundaries.source): not drawn")
        }
        for feature in matching.unmatchedFeatures {
            let item = features[feature]
            warnings.append("\(item.location): boundary \(RegionMatching.name(of: item) ?? "?") (\(RegionMatching.code(of: item) ?? "no code")) "
                + "matches no region: drawn without colour")
        }
        self.warnings = warnings
        let drawn = regions.indices.compactMap { slot in matching.features[slot].map { (slot: slot, feature: $0) } }
        guard !drawn.isEmpty else {
            throw .nothingMatched(regions: regions.count, source: boundaries.source)
        }
        let text = MapText(language: options.language)
        let scopeName = scope.map { graph.name(of: $0) } ?? graph.name
        let title = text.title(values.measure, level: values.level, scope: scopeName)

        // Shapes: the matched regions, then the unmatched features in scope (grey context).
        let shapeFeatures = drawn.map(\.feature) + matching.unmatchedFeatures
        let topology = Topology(shapes: shapeFeatures.map { features[$0].polygons })
        var west = 180.0, east = -180.0, south = 90.0, north = -90.0
        for vertex in topology.vertices {
            west = min(west, vertex.longitude); east = max(east, vertex.longitude)
            south = min(south, vertex.latitude); north = max(north, vertex.latitude)
        }
        let projection = LambertAzimuthalEqualArea(centre: .init(longitude: (west + east) / 2, latitude: (south + north) / 2))
        var projected = topology.vertices.map { projection.project(longitude: $0.longitude, latitude: $0.latitude) }
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for point in projected {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }

        let s = options.width / 1000
        let layout = CanvasLayout(width: options.width, scale: s, aspect: (maxY - minY) / max(maxX - minX, 1e-9))
        let fit = layout.frame.width / max(maxX - minX, 1e-9)
        projected = projected.map { point in
            PlanePoint(x: layout.frame.x + (point.x - minX) * fit, y: layout.frame.y + (maxY - point.y) * fit)
        }
        let simplified = SimplifiedTopology(topology, points: projected, minimumArea: 0.5 * s * s)

        var marks: [MapScene.Mark] = []
        marks.append(.rect(x: 0, y: 0, width: layout.width, height: layout.height, fill: MapColour(0xffffff), stroke: nil))
        var labelRequests: [LabelPlacement.Request] = []
        let entries = values.entries
        for (shape, feature) in shapeFeatures.enumerated() {
            let rings = simplified.shapes[shape].flatMap { $0 }
            guard !rings.isEmpty else { continue }
            if shape < drawn.count {
                let entry = entries[drawn[shape].slot]
                let node = entry.node
                let code = RegionMatching.code(of: node, in: graph) ?? graph.id(of: node)
                let tooltip = text.tooltip(name: graph.name(of: node), code: code, entry: entry, measure: values.measure)
                marks.append(.area(rings: rings, fill: ColorScale.colour(entry.rate), title: tooltip, data: [
                    ("id", graph.id(of: node)), ("units", String(entry.units)), ("covered", String(entry.covered)),
                    ("rate", entry.rate.map { String($0) } ?? ""),
                ]))
                labelRequests.append(LabelPlacement.Request(
                    polygons: simplified.shapes[shape], name: MapText.shortName(graph.name(of: node)),
                    value: entry.rate == nil ? nil : MapText.percent(entry.rate)))
            } else {
                let name = RegionMatching.name(of: features[feature]) ?? ""
                marks.append(.area(rings: rings, fill: ColorScale.unmatched, title: "\(name)\n\(text.notInData)", data: []))
            }
        }
        // Borders once per arc: the outline, borders between groups (cities in a county map), others.
        let groups: [Int] = shapeFeatures.indices.map { shape in
            guard shape < drawn.count, values.level == .county else { return shape < drawn.count ? shape : -1 - shape }
            let node = entries[drawn[shape].slot].node
            return graph.hierarchy.ancestors(of: node).first { graph.level(of: $0) == .city } ?? node
        }
        var inner: [MapScene.Mark] = [], middle: [MapScene.Mark] = [], outer: [MapScene.Mark] = []
        for (arc, points) in simplified.arcs.enumerated() where points.count > 1 {
            let users = topology.arcShapes[arc]
            if users.count < 2 {
                outer.append(.line(points: points, stroke: MapColour(0x262626), width: 1.3 * s))
            } else if groups[Int(users[0])] != groups[Int(users[1])] && values.level == .county {
                middle.append(.line(points: points, stroke: MapColour(0x4d4d4d), width: 1.0 * s))
            } else {
                inner.append(.line(points: points, stroke: MapColour(0x969696), width: 0.5 * s))
            }
        }
        marks += inner + middle + outer

        let measure = TextMeasure()
        var placement = LabelPlacement(measure: measure, scale: s, bounds: layout.labelBounds)
        marks += placement.place(labelRequests)

        marks += layout.header(title: title, question: text.question(values.measure), measure: measure)
        var counts = [Int](repeating: 0, count: ColorScale.colours.count + 1)
        for shape in drawn { counts[ColorScale.classIndex(entries[shape.slot].rate) ?? ColorScale.colours.count] += 1 }
        marks += layout.legend(text: text, counts: counts)
        marks += layout.footer(text.footer(source: boundaries.source, data: options.dataName))
        scene = MapScene(width: layout.width, height: layout.height, title: title, marks: marks)
    }
}

/// Why no map can be drawn.
public enum MapError: Error, Equatable, Sendable, CustomStringConvertible {
    case nothingMatched(regions: Int, source: String)

    public var description: String {
        switch self {
        case .nothingMatched(let regions, let source):
            "none of the \(regions) regions matched a boundary in \(source) by division code or name"
        }
    }
}

/// Where the title, the map, the legend and the credit go on the canvas.
struct CanvasLayout {
    let width: Double
    let scale: Double
    /// The map's frame: its width fixed by the canvas, its height by the shapes' aspect.
    let frame: (x: Double, y: Double, width: Double, height: Double)
    let height: Double
    private let legendTop: Double

    init(width: Double, scale s: Double, aspect: Double) {
        self.width = width
        scale = s
        var frameWidth = width - 2 * 70 * s
        var frameHeight = frameWidth * aspect
        if frameHeight > 0.9 * width {
            frameHeight = 0.9 * width
            frameWidth = frameHeight / aspect
        }
        frame = ((width - frameWidth) / 2, 84 * s, frameWidth, frameHeight)
        legendTop = frame.y + frameHeight + 36 * s
        height = legendTop + 86 * s
    }

    /// Where callout labels may go: the canvas between the header and the legend.
    var labelBounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (8 * scale, frame.y - 8 * scale, width - 8 * scale, legendTop - 12 * scale)
    }

    func header(title: String, question: String, measure: TextMeasure) -> [MapScene.Mark] {
        let s = scale
        var size = 13 * s
        while size > 9 * s && measure.width(question, size: size) > width - 40 * s { size -= 0.5 * s }
        return [
            .text(title, at: PlanePoint(x: 20 * s, y: 38 * s), size: 22 * s, bold: true, anchor: .start, fill: MapColour(0x1a1a1a), halo: false),
            .text(question, at: PlanePoint(x: 20 * s, y: 64 * s), size: size, bold: false, anchor: .start, fill: MapColour(0x4d4d4d), halo: false),
        ]
    }

    func legend(text: MapText, counts: [Int]) -> [MapScene.Mark] {
        let s = scale
        var marks: [MapScene.Mark] = [
            .text(text.legendTitle, at: PlanePoint(x: 20 * s, y: legendTop + 12 * s), size: 13 * s, bold: true, anchor: .start,
                  fill: MapColour(0x1a1a1a), halo: false),
        ]
        let swatch = 84 * s
        let labels = ColorScale.labels.map { $0 == "0" ? "0%" : $0 } + [text.noData]
        let colours = ColorScale.colours + [ColorScale.noData]
        for (index, colour) in colours.enumerated() {
            let x = 20 * s + 60 * s + Double(index) * (swatch + 6 * s)
            marks.append(.rect(x: x, y: legendTop, width: swatch, height: 14 * s, fill: colour, stroke: MapColour(0x969696)))
            marks.append(.text(labels[index], at: PlanePoint(x: x + swatch / 2, y: legendTop + 32 * s), size: 12 * s, bold: false,
                               anchor: .middle, fill: MapColour(0x1a1a1a), halo: false))
            marks.append(.text("(\(counts[index]))", at: PlanePoint(x: x + swatch / 2, y: legendTop + 47 * s), size: 11 * s, bold: false,
                               anchor: .middle, fill: MapColour(0x737373), halo: false))
        }
        return marks
    }

    func footer(_ line: String) -> [MapScene.Mark] {
        [.text(line, at: PlanePoint(x: 20 * scale, y: height - 14 * scale), size: 11 * scale, bold: false, anchor: .start,
               fill: MapColour(0x737373), halo: false)]
    }
}
