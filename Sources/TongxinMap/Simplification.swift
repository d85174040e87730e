/// Visvalingam–Whyatt line simplification applied to a ``Topology``'s arcs, so every shared border
/// is simplified once and both neighbours draw the same points.
///
/// Each interior vertex of an arc gets an *effective area*: the area of the triangle it forms with
/// its neighbours at the moment it would be removed, vertices being removed smallest area first
/// (an area never smaller than the one removed before it, so the order is monotone). Keeping the
/// vertices whose effective area is at least a threshold gives the simplification at that scale;
/// arc ends (junctions) are always kept. A ring left with fewer than three points keeps its
/// arcs' largest-area vertices until it has three, so no region vanishes; that choice is made on
/// the arc, so it is shared too.
///
/// M. Visvalingam and J. D. Whyatt, "Line generalisation by repeated elimination of points",
/// The Cartographic Journal 30(1), 1993, doi:10.1179/000870493786962263.
///
/// - Complexity: O(P log P) for P positions (a heap per arc).
public struct SimplifiedTopology: Sendable {
    /// Each shape's polygons, each a list of rings of plane points (open: the first point is not
    /// repeated).
    public let shapes: [[[[PlanePoint]]]]
    /// Each arc's kept points, in arc order.
    public let arcs: [[PlanePoint]]

    /// Simplifies `topology` whose vertices are placed at `points` (one per vertex), keeping the
    /// vertices whose effective area is at least `minimumArea` (in the plane's squared units).
    public init(_ topology: Topology, points: [PlanePoint], minimumArea: Double) {
        let areas = topology.arcs.map { Self.effectiveAreas($0.map { points[Int($0)] }) }
        var keep = areas.map { $0.map { $0 >= minimumArea } }
        // Rings that would collapse keep more of their arcs' vertices.
        for polygons in topology.shapes {
            for rings in polygons {
                for ring in rings {
                    while Self.keptCount(ring, keep) < 3 {
                        var best: (arc: Int, index: Int, area: Double)?
                        for use in ring {
                            let arc = Int(use.arc)
                            for (index, area) in areas[arc].enumerated() where !keep[arc][index] && area > (best?.area ?? -1) {
                                best = (arc, index, area)
                            }
                        }
                        guard let best else { break }
                        keep[best.arc][best.index] = true
                    }
                }
            }
        }
        let arcs = topology.arcs.indices.map { arc in
            topology.arcs[arc].indices.filter { keep[arc][$0] }.map { points[Int(topology.arcs[arc][$0])] }
        }
        self.arcs = arcs
        shapes = topology.shapes.map { polygons in
            polygons.map { rings in
                rings.map { ring in
                    var result: [PlanePoint] = []
                    for use in ring {
                        let part = use.reversed ? Array(arcs[Int(use.arc)].reversed()) : arcs[Int(use.arc)]
                        result.append(contentsOf: part.dropLast())
                    }
                    return result
                }
            }
        }
    }

    /// How many distinct points a ring keeps: each arc contributes its kept points but its last.
    private static func keptCount(_ ring: [Topology.ArcUse], _ keep: [[Bool]]) -> Int {
        ring.reduce(0) { $0 + keep[Int($1.arc)].lazy.filter { $0 }.count - 1 }
    }

    /// The effective area of each point of a polyline: infinite at both ends.
    static func effectiveAreas(_ line: [PlanePoint]) -> [Double] {
        let count = line.count
        var areas = [Double](repeating: .infinity, count: count)
        guard count > 2 else { return areas }
        var previous = Array(-1..<(count - 1)), next = Array(1...count)
        var current = [Double](repeating: 0, count: count)
        var queue = PriorityQueue<Int>()
        func triangle(_ i: Int) -> Double {
            let a = line[previous[i]], b = line[i], c = line[next[i]]
            return abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2
        }
        for index in 1..<(count - 1) {
            current[index] = triangle(index)
            queue.push(current[index], index)
        }
        var floor = 0.0
        while let (area, index) = queue.pop() {
            guard areas[index] == .infinity, area == current[index] else { continue }
            floor = max(floor, area)
            areas[index] = floor
            let before = previous[index], after = next[index]
            next[before] = after
            previous[after] = before
            for neighbour in [before, after] where neighbour > 0 && neighbour < count - 1 && areas[neighbour] == .infinity {
                current[neighbour] = triangle(neighbour)
                queue.push(current[neighbour], neighbour)
            }
        }
        return areas
    }
}
