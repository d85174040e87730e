import Testing
import TongxinIO
@testable import TongxinMap

@Suite struct TopologyTests {
    /// 武汉|京山 is one arc with the three zigzag points; 仙桃's top border is two arcs meeting at
    /// the junction (114, 30); the island is one closed arc.
    @Test func sharedBordersBecomeOneArc() {
        let collection = MapFixtures.three
        let topology = Topology(shapes: collection.features.map(\.polygons))
        let shared = topology.arcShapes.enumerated().filter { $0.element.count == 2 }
        #expect(shared.count == 3)
        #expect(Set(shared.map { $0.element }) == [[0, 1], [0, 2], [1, 2]])
        let wuhanJingshan = shared.first { $0.element == [0, 1] }!.offset
        #expect(topology.arcs[wuhanJingshan].count == 5)
        let island = topology.shapes[3][0][0]
        #expect(island.count == 1 && topology.arcs[Int(island[0].arc)].first == topology.arcs[Int(island[0].arc)].last)
        // Every ring's arcs chain end to start.
        for polygons in topology.shapes {
            for rings in polygons {
                for ring in rings where ring.count > 1 {
                    let ends = ring.map { use in
                        let arc = topology.arcs[Int(use.arc)]
                        return use.reversed ? (arc.last!, arc.first!) : (arc.first!, arc.last!)
                    }
                    for index in ends.indices { #expect(ends[index].1 == ends[(index + 1) % ends.count].0) }
                }
            }
        }
    }

    /// After simplification, every border two shapes share is drawn by both with the same points.
    @Test func sharedBordersStayIdenticalAfterSimplification() {
        let topology = Topology(shapes: MapFixtures.three.features.map(\.polygons))
        let points = topology.vertices.map { PlanePoint(x: $0.longitude * 100, y: $0.latitude * 100) }
        for threshold in [0.0, 1, 10, 50, 1000] {
            let simplified = SimplifiedTopology(topology, points: points, minimumArea: threshold)
            let rings = simplified.shapes.map { $0[0][0] }
            // Segments of each ring, both directions: a segment of 武汉 on the shared border is a
            // segment of 京山 too.
            func segments(_ ring: [PlanePoint]) -> Set<[Double]> {
                Set(
                    ring.indices.flatMap { i -> [[Double]] in
                        let a = ring[i], b = ring[(i + 1) % ring.count]
                        return [[a.x, a.y, b.x, b.y], [b.x, b.y, a.x, a.y]]
                    })
            }
            let wuhan = segments(rings[0]), jingshan = segments(rings[1])
            let sharedX = 114.0 * 100
            let onBorder = wuhan.filter { abs($0[0] - sharedX) < 2 && abs($0[2] - sharedX) < 2 }
            #expect(!onBorder.isEmpty, "threshold \(threshold)")
            #expect(onBorder.isSubset(of: jingshan), "threshold \(threshold)")
            #expect(rings.allSatisfy { $0.count >= 3 }, "threshold \(threshold)")
        }
        // At zero nothing is dropped; at a large threshold the zigzag goes.
        let exact = SimplifiedTopology(topology, points: points, minimumArea: 0)
        #expect(exact.shapes[0][0][0].count == 7)
        let coarse = SimplifiedTopology(topology, points: points, minimumArea: 1000)
        #expect(coarse.shapes[0][0][0].count == 4)
    }

    /// Effective areas on a 5-point line: the middle points' triangles, removed smallest first.
    @Test func visvalingamAreas() {
        let line = [(0.0, 0.0), (1, 1), (2, 0), (3, 2), (4, 0)].map { PlanePoint(x: $0.0, y: $0.1) }
        let areas = SimplifiedTopology.effectiveAreas(line)
        #expect(areas[0] == .infinity && areas[4] == .infinity)
        // (1,1): triangle with (0,0),(2,0) = 1; (2,0): with (1,1),(3,2) = 1.5; (3,2): with (2,0),(4,0) = 2.
        // Remove (1,1) at 1; then (2,0) with (0,0),(3,2): 2; (3,2) stays 2; then the last at max(…).
        #expect(areas[1] == 1)
        #expect(areas[2] == 2 && areas[3] >= 2)
    }
}
