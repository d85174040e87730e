/// The pole of inaccessibility of a polygon: the interior point farthest from its border, where a
/// label has the most room (the bounding-box centre or the centroid can fall outside a crescent or
/// on a narrow neck).
///
/// Grid cells covering the polygon are refined best-first: a cell's potential is its centre's
/// distance to the border plus its half-diagonal, and cells that cannot beat the best distance
/// found by more than `precision` are dropped. V. Agafonkin, "A new algorithm for finding a
/// visual center of a polygon", Mapbox, 2016 (https://github.com/mapbox/polylabel); the problem
/// is D. Garcia-Castellanos and U. Lombardo, "Poles of inaccessibility", Scottish Geographical
/// Journal 123(3), 2007, doi:10.1080/14702540801897809.
///
/// - Complexity: O(C · V log C) for V ring vertices and C cells visited; C grows as the area over
///   the precision squared in the worst case, and is a few hundred for a county at 1 px.
public enum Polylabel {
    /// The pole of the polygon whose first ring is the outer one (the others holes) and its distance
    /// to the border (the radius of the largest inscribed circle found).
    public static func pole(of rings: [[PlanePoint]], precision: Double = 1) -> (point: PlanePoint, distance: Double) {
        guard let outer = rings.first, !outer.isEmpty else { return (PlanePoint(x: 0, y: 0), 0) }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for point in outer {
            minX = min(minX, point.x); minY = min(minY, point.y)
            maxX = max(maxX, point.x); maxY = max(maxY, point.y)
        }
        let cellSize = min(maxX - minX, maxY - minY)
        guard cellSize > 0 else { return (PlanePoint(x: minX, y: minY), 0) }
        struct Cell { var x, y, half, distance: Double; var potential: Double { distance + half * 2.0.squareRoot() } }
        func cell(_ x: Double, _ y: Double, _ half: Double) -> Cell {
            Cell(x: x, y: y, half: half, distance: signedDistance(PlanePoint(x: x, y: y), rings))
        }
        var queue = PriorityQueue<Cell>()
        let half = cellSize / 2
        var x = minX
        while x < maxX {
            var y = minY
            while y < maxY {
                let candidate = cell(x + half, y + half, half)
                queue.push(-candidate.potential, candidate)
                y += cellSize
            }
            x += cellSize
        }
        var best = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0)
        let centroid = Self.centroid(outer)
        let centroidCell = cell(centroid.x, centroid.y, 0)
        if centroidCell.distance > best.distance { best = centroidCell }
        while let (_, current) = queue.pop() {
            if current.distance > best.distance { best = current }
            guard current.potential - best.distance > precision else { continue }
            let quarter = current.half / 2
            for (dx, dy) in [(-1.0, -1.0), (1, -1), (-1, 1), (1, 1)] {
                let child = cell(current.x + dx * quarter, current.y + dy * quarter, quarter)
                queue.push(-child.potential, child)
            }
        }
        return (PlanePoint(x: best.x, y: best.y), best.distance)
    }

    /// The distance from `point` to the nearest ring edge, negative outside (even–odd rule).
    static func signedDistance(_ point: PlanePoint, _ rings: [[PlanePoint]]) -> Double {
        var inside = false
        var minimum = Double.infinity
        for ring in rings {
            var j = ring.count - 1
            for i in ring.indices {
                let a = ring[i], b = ring[j]
                if (a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
                    inside.toggle()
                }
                minimum = min(minimum, segmentDistanceSquared(point, a, b))
                j = i
            }
        }
        return (inside ? 1 : -1) * minimum.squareRoot()
    }

    /// Whether `point` lies inside the rings (even–odd rule).
    static func contains(_ rings: [[PlanePoint]], _ point: PlanePoint) -> Bool {
        var inside = false
        for ring in rings {
            var j = ring.count - 1
            for i in ring.indices {
                let a = ring[i], b = ring[j]
                if (a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
                    inside.toggle()
                }
                j = i
            }
        }
        return inside
    }

    private static func segmentDistanceSquared(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
        var x = a.x, y = a.y
        let dx = b.x - x, dy = b.y - y
        if dx != 0 || dy != 0 {
            let t = ((p.x - x) * dx + (p.y - y) * dy) / (dx * dx + dy * dy)
            if t > 1 { x = b.x; y = b.y } else if t > 0 { x += dx * t; y += dy * t }
        }
        return (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
    }

    /// The area centroid of a ring (its first point when the area is zero).
    static func centroid(_ ring: [PlanePoint]) -> PlanePoint {
        var area = 0.0, x = 0.0, y = 0.0
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            let f = a.x * b.y - b.x * a.y
            x += (a.x + b.x) * f
            y += (a.y + b.y) * f
            area += f * 3
            j = i
        }
        return area == 0 ? ring[0] : PlanePoint(x: x / area, y: y / area)
    }

    /// The absolute area of a polygon's outer ring minus its holes (shoelace formula).
    static func area(_ rings: [[PlanePoint]]) -> Double {
        var total = 0.0
        for (index, ring) in rings.enumerated() {
            var sum = 0.0
            var j = ring.count - 1
            for i in ring.indices {
                sum += (ring[j].x + ring[i].x) * (ring[j].y - ring[i].y)
                j = i
            }
            total += (index == 0 ? 1 : -1) * abs(sum) / 2
        }
        return total
    }
}
