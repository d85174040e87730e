import Testing
@testable import TongxinMap

@Suite struct PolylabelTests {
    @Test func squareCentre() {
        let square = [[PlanePoint(x: 0, y: 0), PlanePoint(x: 10, y: 0), PlanePoint(x: 10, y: 10), PlanePoint(x: 0, y: 10)]]
        let pole = Polylabel.pole(of: square, precision: 0.01)
        #expect(abs(pole.point.x - 5) < 0.05 && abs(pole.point.y - 5) < 0.05 && abs(pole.distance - 5) < 0.05)
    }

    /// An L shape with arms 4 wide: the bounding-box centre (5, 5) is outside; the pole is in the
    /// corner square, on its diagonal at c = 4√2 / (1 + √2) ≈ 2.343 from both outer walls and from
    /// the inner corner (4, 4).
    @Test func lShapeAvoidsTheOutside() {
        let shape = [[(0.0, 0.0), (10, 0), (10, 4), (4, 4), (4, 10), (0, 10)].map { PlanePoint(x: $0.0, y: $0.1) }]
        #expect(!Polylabel.contains(shape, PlanePoint(x: 5, y: 5)))
        let pole = Polylabel.pole(of: shape, precision: 0.01)
        #expect(Polylabel.contains(shape, pole.point))
        #expect(abs(pole.distance - 4 * 2.0.squareRoot() / (1 + 2.0.squareRoot())) < 0.02)
    }

    /// A 10 × 10 square with a 4 × 4 hole in the middle: the pole sits in a corner, at
    /// 3√2 / (1 + √2) ≈ 1.757 from the two walls and the hole's corner.
    @Test func holeIsAvoided() {
        let outer = [(0.0, 0.0), (10, 0), (10, 10), (0, 10)].map { PlanePoint(x: $0.0, y: $0.1) }
        let hole = [(3.0, 3.0), (7, 3), (7, 7), (3, 7)].map { PlanePoint(x: $0.0, y: $0.1) }
        let pole = Polylabel.pole(of: [outer, hole], precision: 0.01)
        #expect(!Polylabel.contains([hole], pole.point))
        #expect(abs(pole.distance - 3 * 2.0.squareRoot() / (1 + 2.0.squareRoot())) < 0.02)
    }
}
