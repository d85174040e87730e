import Foundation
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
        /// For a map of change, the earlier version's name (and date).
        public var earlierName: String?

        public init(width: Double = 1000, language: MapLanguage = .zh, dataName: String, earlierName: String? = nil) {
            self.width = width
            self.language = language
            self.dataName = dataName
            self.earlierName = earlierName
        }
    }

    public let scene: MapScene
    public let matching: RegionMatching
    /// Regions without a boundary and in-scope boundaries without a region, one sentence each.
    public let warnings: [String]
    /// Every label's box and every callout's leader line, as placed (for checking the layout).
    let labelBoxes: [LabelPlacement.Box]
    let leaders: [LabelPlacement.Leader]
    /// The names whose labels found no place (listed in the footnote).
    public let unlabelled: [String]

    /// Draws `values` on `boundaries`: coloured by rate, or for values with a ``MapValues/comparison``
    /// by the change in rate on a ``DivergingScale``, regions only one version has hatched.
    ///
    /// - Throws: ``MapError`` when no region found a boundary.
    public init(graph: Graph, values: MapValues, boundaries: Boundaries, options: Options) throws(MapError) {
        let roots = graph.hierarchy.roots.filter { graph.level(of: $0) != nil }
        let scope = values.scope ?? (roots.count == 1 ? roots[0] : nil)
        let shapes = ShapeSet(graph: graph, values: values, boundaries: boundaries, scope: scope)
        matching = shapes.matching
        warnings = shapes.warnings
        guard !shapes.drawn.isEmpty else {
            throw .nothingMatched(regions: values.entries.count, source: boundaries.source)
        }
        let text = MapText(language: options.language)
        let scopeName = scope.map { graph.name(of: $0) } ?? graph.name
        let title = text.title(values.measure, level: values.level, scope: scopeName, change: values.comparison != nil)
        let diverging = values.comparison.map { DivergingScale(largest: $0.delta.compactMap { $0?.magnitude }.max() ?? 0) }

        let features = boundaries.collection.features
        let topology = Topology(shapes: shapes.features.map { features[$0].polygons })
        let s = options.width / 1000
        let measure = TextMeasure()
        let header = CanvasLayout.Header(
            title: title, question: text.question(values.measure, since: options.earlierName),
            width: options.width, scale: s, measure: measure)
        let fitted = FittedVertices(topology: topology, width: options.width, scale: s, top: header.height)
        var layout = fitted.layout
        let simplified = SimplifiedTopology(topology, points: fitted.points, minimumArea: 0.5 * s * s)

        let areas = RegionAreas(
            shapes: shapes, simplified: simplified, graph: graph, values: values, features: features,
            diverging: diverging, text: text)
        var marks = areas.marks
        marks += Self.borders(shapes: shapes, topology: topology, simplified: simplified, graph: graph, values: values, scale: s)
        let labels = PlacedLabels(requests: areas.labelRequests, marks: marks, layout: &layout, measure: measure, scale: s)
        marks += labels.marks
        labelBoxes = labels.boxes
        leaders = labels.leaders
        unlabelled = labels.omitted

        marks += header.marks
        marks += Self.legend(diverging: diverging, counts: areas.counts, text: text, layout: &layout, measure: measure)
        var notes: [String] = []
        if !unlabelled.isEmpty { notes.append(text.unlabelled(unlabelled)) }
        if !areas.newOnly.isEmpty { notes.append(text.onlyIn(new: true, areas.newOnly)) }
        if let comparison = values.comparison, !comparison.removed.isEmpty {
            notes.append(text.onlyIn(new: false, comparison.removed.map { comparison.graph.name(of: $0.node) }))
        }
        for note in notes { marks += layout.paragraph(note, size: 11, colour: MapColour(0x4d4d4d), measure: measure) }
        marks += layout.paragraph(
            text.footer(source: boundaries.source, data: options.dataName, earlier: options.earlierName),
            size: 11, colour: MapColour(0x737373), measure: measure)
        let height = layout.finish()
        marks.insert(.rect(x: 0, y: 0, width: layout.width, height: height, fill: MapColour(0xffffff), stroke: nil), at: 0)
        scene = MapScene(width: layout.width, height: height, title: title, marks: marks)
    }

    /// A region drawn: its slot in the values' entries and its boundary feature.
    struct DrawnRegion {
        let slot: Int
        let feature: Int
    }

    /// A region only the earlier version has, drawn on a boundary no later region took.
    struct EarlierOnlyRegion {
        let entry: MapValues.Entry
        let feature: Int
    }

    /// The shapes to draw, in drawing order: the matched regions, the earlier version's only, then
    /// the unmatched features in scope (grey context); with a warning for each region without a
    /// boundary and each boundary without a region.
    struct ShapeSet {
        let matching: RegionMatching
        let drawn: [DrawnRegion]
        let earlierOnly: [EarlierOnlyRegion]
        let unmatched: [Int]
        let warnings: [String]

        /// Every shape's feature, in drawing order.
        var features: [Int] { drawn.map(\.feature) + earlierOnly.map(\.feature) + unmatched }

        init(graph: Graph, values: MapValues, boundaries: Boundaries, scope: Int?) {
            let regions = values.entries.map(\.node)
            let features = boundaries.collection.features
            matching = RegionMatching(regions: regions, in: graph, features: boundaries.collection, scope: scope)
            var warnings: [String] = []
            for (slot, node) in regions.enumerated() where matching.features[slot] == nil {
                warnings.append("region \(graph.name(of: node)) (\(graph.id(of: node))) has no boundary in \(boundaries.source): not drawn")
            }
            var earlierOnly: [EarlierOnlyRegion] = []
            var unmatched = matching.unmatchedFeatures
            if let comparison = values.comparison, !comparison.removed.isEmpty {
                let earlier = RegionMatching(
                    regions: comparison.removed.map(\.node), in: comparison.graph,
                    features: boundaries.collection, scope: comparison.scope)
                for (slot, feature) in earlier.features.enumerated() {
                    guard let feature, let free = unmatched.firstIndex(of: feature) else { continue }
                    unmatched.remove(at: free)
                    earlierOnly.append(EarlierOnlyRegion(entry: comparison.removed[slot], feature: feature))
                }
            }
            for feature in unmatched {
                let item = features[feature]
                warnings.append(
                    "\(item.location): boundary \(RegionMatching.name(of: item) ?? "?") (\(RegionMatching.code(of: item) ?? "no code")) "
                        + "matches no region: drawn without colour")
            }
            let matched = matching.features
            drawn = regions.indices.compactMap { slot in matched[slot].map { DrawnRegion(slot: slot, feature: $0) } }
            self.earlierOnly = earlierOnly
            self.unmatched = unmatched
            self.warnings = warnings
        }
    }

    /// The shapes' vertices projected (Lambert azimuthal equal-area, centred on their bounding box)
    /// and fitted to the canvas's map frame, north up.
    struct FittedVertices {
        let layout: CanvasLayout
        let points: [PlanePoint]

        init(topology: Topology, width: Double, scale s: Double, top: Double) {
            var west = 180.0, east = -180.0, south = 90.0, north = -90.0
            for vertex in topology.vertices {
                west = min(west, vertex.longitude); east = max(east, vertex.longitude)
                south = min(south, vertex.latitude); north = max(north, vertex.latitude)
            }
            let projection = LambertAzimuthalEqualArea(centre: .init(longitude: (west + east) / 2, latitude: (south + north) / 2))
            let projected = topology.vertices.map { projection.project(longitude: $0.longitude, latitude: $0.latitude) }
            var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
            for point in projected {
                minX = min(minX, point.x); maxX = max(maxX, point.x)
                minY = min(minY, point.y); maxY = max(maxY, point.y)
            }
            let layout = CanvasLayout(width: width, scale: s, aspect: (maxY - minY) / max(maxX - minX, 1e-9), top: top)
            let fit = layout.frame.width / max(maxX - minX, 1e-9)
            points = projected.map { point in
                PlanePoint(x: layout.frame.x + (point.x - minX) * fit, y: layout.frame.y + (maxY - point.y) * fit)
            }
            self.layout = layout
        }
    }

    /// Every shape's coloured area with its tooltip and data, the label each region asks for, the
    /// legend's counts (the scale's classes, then no units, then — maps of change — later only,
    /// earlier only) and the names only the later version has.
    struct RegionAreas {
        private(set) var marks: [MapScene.Mark] = []
        private(set) var labelRequests: [LabelPlacement.Request] = []
        private(set) var counts: [Int]
        private(set) var newOnly: [String] = []

        /// What a region's area shows.
        private struct Look {
            var fill: MapColour
            var hatch: MapScene.Hatch?
            var tooltip: String
            var value: String?
            var legendClass: Int
            var data: [(String, String)]
        }

        init(
            shapes: ShapeSet, simplified: SimplifiedTopology, graph: Graph, values: MapValues, features: [GeoFeature],
            diverging: DivergingScale?, text: MapText
        ) {
            let classCount = diverging == nil ? ColorScale.colours.count : DivergingScale.colours.count
            counts = [Int](repeating: 0, count: classCount + 3)
            let drawn = shapes.drawn, earlierOnly = shapes.earlierOnly
            for (shape, feature) in shapes.features.enumerated() {
                let rings = simplified.shapes[shape].flatMap { $0 }
                if shape < drawn.count {
                    let entry = values.entries[drawn[shape].slot]
                    let look = Self.look(
                        of: entry, slot: drawn[shape].slot, graph: graph, values: values, diverging: diverging,
                        classCount: classCount, text: text)
                    if look.hatch == .rising { newOnly.append(graph.name(of: entry.node)) }  // only the later version has it
                    counts[look.legendClass] += 1
                    guard !rings.isEmpty else { continue }
                    marks.append(.area(rings: rings, fill: look.fill, hatch: look.hatch, title: look.tooltip, data: look.data))
                    labelRequests.append(
                        LabelPlacement.Request(
                            polygons: simplified.shapes[shape], name: MapText.shortName(graph.name(of: entry.node)), value: look.value,
                            fill: look.hatch == nil ? look.fill : MapColour(0xffffff)))
                } else if shape < drawn.count + earlierOnly.count, let comparison = values.comparison {
                    let entry = earlierOnly[shape - drawn.count].entry
                    let node = entry.node, old = comparison.graph
                    counts[classCount + 2] += 1
                    guard !rings.isEmpty else { continue }
                    let tooltip = text.changeTooltip(
                        name: old.name(of: node), code: RegionMatching.code(of: node, in: old) ?? old.id(of: node),
                        before: entry, after: nil, delta: nil, measure: values.measure)
                    marks.append(
                        .area(
                            rings: rings, fill: ColorScale.unmatched, hatch: .falling, title: tooltip,
                            data: [
                                ("id", old.id(of: node)), ("before-rate", entry.rate.map { String($0) } ?? ""), ("delta", "")
                            ]))
                    labelRequests.append(
                        LabelPlacement.Request(
                            polygons: simplified.shapes[shape], name: MapText.shortName(old.name(of: node)),
                            value: nil, fill: MapColour(0xffffff)))
                } else {
                    guard !rings.isEmpty else { continue }
                    let name = RegionMatching.name(of: features[feature]) ?? ""
                    marks.append(.area(rings: rings, fill: ColorScale.unmatched, hatch: nil, title: "\(name)\n\(text.notInData)", data: []))
                }
            }
        }

        /// A matched region's colour, hatch, tooltip, label value, legend class and data attributes:
        /// by its rate, or in a map of change by the change in its rate (hatched when only the later
        /// version has it).
        private static func look(
            of entry: MapValues.Entry, slot: Int, graph: Graph, values: MapValues, diverging: DivergingScale?,
            classCount: Int, text: MapText
        ) -> Look {
            let node = entry.node
            let code = RegionMatching.code(of: node, in: graph) ?? graph.id(of: node)
            let name = graph.name(of: node)
            let data = [
                ("id", graph.id(of: node)), ("units", String(entry.units)), ("covered", String(entry.covered)),
                ("rate", entry.rate.map { String($0) } ?? "")
            ]
            guard let comparison = values.comparison, let diverging else {
                return Look(
                    fill: ColorScale.colour(entry.rate), hatch: nil,
                    tooltip: text.tooltip(name: name, code: code, entry: entry, measure: values.measure),
                    value: entry.rate == nil ? nil : MapText.percent(entry.rate),
                    legendClass: ColorScale.classIndex(entry.rate) ?? classCount, data: data)
            }
            let before = comparison.before[slot], delta = comparison.delta[slot]
            let tooltip = text.changeTooltip(name: name, code: code, before: before, after: entry, delta: delta, measure: values.measure)
            let changeData = data + [("before-rate", before?.rate.map { String($0) } ?? ""), ("delta", delta.map { String($0) } ?? "")]
            if before == nil {
                return Look(
                    fill: ColorScale.unmatched, hatch: .rising, tooltip: tooltip, value: nil, legendClass: classCount + 1, data: changeData)
            } else if let delta {
                return Look(
                    fill: diverging.colour(delta), hatch: nil, tooltip: tooltip, value: MapText.points(delta),
                    legendClass: diverging.classIndex(delta), data: changeData)
            } else {
                return Look(fill: ColorScale.noData, hatch: nil, tooltip: tooltip, value: nil, legendClass: classCount, data: changeData)
            }
        }
    }

    /// Borders once per arc, thin first: inner borders, borders between groups (cities in a county
    /// map), then the outline.
    static func borders(
        shapes: ShapeSet, topology: Topology, simplified: SimplifiedTopology, graph: Graph, values: MapValues,
        scale s: Double
    ) -> [MapScene.Mark] {
        let drawn = shapes.drawn
        let groups: [Int] = shapes.features.indices.map { shape in
            guard shape < drawn.count, values.level == .county else { return shape < drawn.count ? shape : -1 - shape }
            let node = values.entries[drawn[shape].slot].node
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
        return inner + middle + outer
    }

    /// The labels placed: the dense cluster's in an enlarged inset when there is one (which makes
    /// room for itself below the map), the others on the map.
    struct PlacedLabels {
        private(set) var marks: [MapScene.Mark] = []
        private(set) var boxes: [LabelPlacement.Box]
        private(set) var leaders: [LabelPlacement.Leader]
        private(set) var omitted: [String]

        init(
            requests: [LabelPlacement.Request], marks drawn: [MapScene.Mark], layout: inout CanvasLayout, measure: TextMeasure,
            scale s: Double
        ) {
            var requests = requests
            let area = layout.labelBounds
            let frame = layout.frame
            let inset = MapInset.find(
                requests: requests, placement: LabelPlacement(measure: measure, scale: s, bounds: area),
                shapes: drawn.compactMap { mark in if case .area(let rings, _, _, _, _) = mark { rings } else { nil } },
                map: .init(minX: frame.x, minY: frame.y, maxX: frame.x + frame.width, maxY: frame.y + frame.height),
                area: .init(minX: area.minX, minY: area.minY, maxX: area.maxX, maxY: area.maxY))
            if let inset { layout.makeRoom(below: inset.box.maxY) }
            var placement = LabelPlacement(measure: measure, scale: s, bounds: layout.labelBounds)
            var insetRequests: [LabelPlacement.Request] = []
            if let inset {
                marks += inset.marks(copying: drawn, scale: s)
                placement.reserved = [inset.box]
                for member in inset.members {
                    var request = requests[member]
                    request.polygons = request.polygons.map { polygon in polygon.map { $0.map(inset.transform) } }
                    insetRequests.append(request)
                }
                requests = requests.indices.filter { !inset.members.contains($0) }.map { requests[$0] }
            }
            marks += placement.place(requests)
            boxes = placement.placed
            leaders = placement.leaders
            omitted = placement.omitted
            if let inset {
                let box = inset.box
                var enlarged = LabelPlacement(measure: measure, scale: s, bounds: (box.minX + 2, box.minY + 2, box.maxX - 2, box.maxY - 2))
                marks += enlarged.place(insetRequests)
                let offset = boxes.count
                leaders += enlarged.leaders.map { LabelPlacement.Leader(from: $0.from, to: $0.to, box: $0.box + offset) }
                boxes += enlarged.placed
                omitted += enlarged.omitted
            }
        }
    }

    /// The legend: the scale's classes (or the diverging scale's, with later-only and earlier-only
    /// hatches in a map of change), then no units, each with its count.
    static func legend(
        diverging: DivergingScale?, counts: [Int], text: MapText, layout: inout CanvasLayout,
        measure: TextMeasure
    ) -> [MapScene.Mark] {
        var items: [CanvasLayout.LegendItem]
        if let diverging {
            items = zip(DivergingScale.colours, diverging.labels).map { .init(fill: $0, hatch: nil, label: $1) }
            items.append(.init(fill: ColorScale.noData, hatch: nil, label: text.noData))
            items.append(.init(fill: ColorScale.unmatched, hatch: .rising, label: text.newOnly))
            items.append(.init(fill: ColorScale.unmatched, hatch: .falling, label: text.oldOnly))
        } else {
            items = zip(ColorScale.colours, ColorScale.labels.map { $0 == "0" ? "0%" : $0 }).map { .init(fill: $0, hatch: nil, label: $1) }
            items.append(.init(fill: ColorScale.noData, hatch: nil, label: text.noData))
        }
        for index in items.indices { items[index].count = counts[index] }
        return layout.legend(title: diverging == nil ? text.legendTitle : text.changeLegendTitle, items: items, measure: measure)
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

/// Where the title, the map, the legend and the notes go on the canvas. Text is never smaller than
/// ``LabelPlacement/minimumSize``; lines that do not fit the width wrap, and the canvas grows down.
struct CanvasLayout {
    let width: Double
    let scale: Double
    /// The map's frame: its width fixed by the canvas, its height by the shapes' aspect.
    let frame: (x: Double, y: Double, width: Double, height: Double)
    private var legendTop: Double
    /// Where the next line below the legend goes.
    private var cursor: Double

    /// The title and the question, wrapped to the canvas.
    struct Header {
        let marks: [MapScene.Mark]
        let height: Double

        init(title: String, question: String, width: Double, scale s: Double, measure: TextMeasure) {
            let titleSize = max(22 * s, 14), size = max(13 * s, LabelPlacement.minimumSize)
            var marks: [MapScene.Mark] = []
            var y = 16 * s + titleSize
            for line in CanvasLayout.wrap(title, size: titleSize, bold: true, width: width - 40 * s, measure: measure) {
                marks.append(
                    .text(
                        line, at: PlanePoint(x: 20 * s, y: y), size: titleSize, bold: true, anchor: .start,
                        fill: MapColour(0x1a1a1a), halo: nil))
                y += titleSize * 1.25
            }
            y += size * 0.6
            for line in CanvasLayout.wrap(question, size: size, bold: false, width: width - 40 * s, measure: measure) {
                marks.append(
                    .text(
                        line, at: PlanePoint(x: 20 * s, y: y), size: size, bold: false, anchor: .start,
                        fill: MapColour(0x4d4d4d), halo: nil))
                y += size * 1.35
            }
            self.marks = marks
            height = y + 8 * s
        }
    }

    /// One legend swatch.
    struct LegendItem {
        var fill: MapColour
        var hatch: MapScene.Hatch?
        var label: String
        var count = 0
    }

    init(width: Double, scale s: Double, aspect: Double, top: Double) {
        self.width = width
        scale = s
        var frameWidth = width - 2 * 70 * s
        var frameHeight = frameWidth * aspect
        if frameHeight > 0.9 * width {
            frameHeight = 0.9 * width
            frameWidth = frameHeight / aspect
        }
        frame = ((width - frameWidth) / 2, top, frameWidth, frameHeight)
        legendTop = frame.y + frameHeight + 36 * s
        cursor = legendTop
    }

    /// Moves the legend down so that the map area reaches `y` (an inset below the map).
    mutating func makeRoom(below y: Double) {
        let needed = y + 24 * scale
        guard needed > legendTop else { return }
        cursor += needed - legendTop
        legendTop = needed
    }

    /// Where callout labels may go: the canvas between the header and the legend.
    var labelBounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (8 * scale, frame.y - 8 * scale, width - 8 * scale, legendTop - 12 * scale)
    }

    /// The legend: its title, then the swatches in rows as wide as the canvas allows, each with its
    /// label and count below.
    mutating func legend(title: String, items: [LegendItem], measure: TextMeasure) -> [MapScene.Mark] {
        let s = scale
        let titleSize = max(13 * s, LabelPlacement.minimumSize), size = max(12 * s, LabelPlacement.minimumSize)
        let countSize = max(11 * s, LabelPlacement.minimumSize)
        var marks: [MapScene.Mark] = [
            .text(
                title, at: PlanePoint(x: 20 * s, y: cursor + titleSize), size: titleSize, bold: true, anchor: .start,
                fill: MapColour(0x1a1a1a), halo: nil)
        ]
        let swatch = max(84 * s, items.map { measure.width($0.label, size: size) + 6 }.max() ?? 0)
        let gap = 6 * s, rowHeight = 14 * s + size + countSize + 14 * s
        var x = 20 * s, y = cursor + titleSize + 8 * s
        for item in items {
            if x + swatch > width - 12 * s {
                x = 20 * s
                y += rowHeight
            }
            let box = [
                PlanePoint(x: x, y: y), PlanePoint(x: x + swatch, y: y), PlanePoint(x: x + swatch, y: y + 14 * s),
                PlanePoint(x: x, y: y + 14 * s), PlanePoint(x: x, y: y)
            ]
            marks.append(.area(rings: [box], fill: item.fill, hatch: item.hatch, title: nil, data: []))
            marks.append(.line(points: box, stroke: MapColour(0x969696), width: 0.5))
            marks.append(
                .text(
                    item.label, at: PlanePoint(x: x + swatch / 2, y: y + 14 * s + size + 2 * s), size: size, bold: false,
                    anchor: .middle, fill: MapColour(0x1a1a1a), halo: nil))
            marks.append(
                .text(
                    "(\(item.count))", at: PlanePoint(x: x + swatch / 2, y: y + 14 * s + size + countSize + 4 * s),
                    size: countSize, bold: false, anchor: .middle, fill: MapColour(0x737373), halo: nil))
            x += swatch + gap
        }
        cursor = y + rowHeight
        return marks
    }

    /// A paragraph under the legend, wrapped to the canvas, at `size` pixels scaled (never below the minimum).
    mutating func paragraph(_ text: String, size: Double, colour: MapColour, measure: TextMeasure) -> [MapScene.Mark] {
        let size = max(size * scale, LabelPlacement.minimumSize)
        return Self.wrap(text, size: size, bold: false, width: width - 40 * scale, measure: measure).map { line in
            cursor += size * 1.35
            return .text(line, at: PlanePoint(x: 20 * scale, y: cursor), size: size, bold: false, anchor: .start, fill: colour, halo: nil)
        }
    }

    /// The canvas height: the last line and a margin.
    func finish() -> Double { cursor + 12 * scale }

    /// `text` broken into lines no wider than `width`, between characters (CJK text has no spaces;
    /// Latin words are kept whole where a space allows). O(n²) measurements at worst for n characters.
    static func wrap(_ text: String, size: Double, bold: Bool, width: Double, measure: TextMeasure) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard measure.width(String(rest), size: size, bold: bold) > width else {
                lines.append(String(rest))
                break
            }
            // The longest prefix that fits, moved back to a space when one is in its last third.
            var end = rest.startIndex
            while end < rest.endIndex, measure.width(String(rest[...end]), size: size, bold: bold) <= width { end = rest.index(after: end) }
            if end == rest.startIndex { end = rest.index(after: end) }
            if let space = rest[..<end].lastIndex(of: " "),
                rest.distance(from: rest.startIndex, to: space) * 3 > rest.distance(from: rest.startIndex, to: end) * 2
            {
                end = rest.index(after: space)
            }
            lines.append(String(rest[..<end]).trimmingCharacters(in: .whitespaces))
            rest = rest[end...]
        }
        return lines
    }
}
