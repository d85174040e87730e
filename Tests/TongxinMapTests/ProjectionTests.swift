import Testing
@testable import TongxinMap

@Suite struct ProjectionTests {
    let projection = LambertAzimuthalEqualArea(centre: .init(longitude: 112.3, latitude: 31.0))

    @Test func roundTripOverTheProvince() {
        for longitude in stride(from: 108.0, through: 116.5, by: 0.25) {
            for latitude in stride(from: 29.0, through: 33.5, by: 0.25) {
                let back = projection.unproject(projection.project(longitude: longitude, latitude: latitude))
                #expect(abs(back.longitude - longitude) < 1e-9 && abs(back.latitude - latitude) < 1e-9, "\(longitude), \(latitude)")
            }
        }
    }

    @Test func centreIsTheOrigin() {
        let origin = projection.project(longitude: 112.3, latitude: 31.0)
        #expect(abs(origin.x) < 1e-9 && abs(origin.y) < 1e-9)
    }

    /// Equal area: a 1° × 1° cell's projected area equals its area on the sphere,
    /// R² (λ₂ − λ₁)(sin φ₂ − sin φ₁), here about 10,305 km² at 30–31°N.
    @Test func areasAreTrue() {
        let corners = [(113.0, 30.0), (114.0, 30.0), (114.0, 31.0), (113.0, 31.0)]
        // Subdivide the edges so the projected polygon follows the curved parallels.
        var ring: [PlanePoint] = []
        for side in 0..<4 {
            let (a, b) = (corners[side], corners[(side + 1) % 4])
            for step in 0..<100 {
                let t = Double(step) / 100
                ring.append(projection.project(longitude: a.0 + (b.0 - a.0) * t, latitude: a.1 + (b.1 - a.1) * t))
            }
        }
        let r = LambertAzimuthalEqualArea.earthRadius
        let sphere = r * r * (Double.pi / 180) * (sin(31.0 * .pi / 180) - sin(30.0 * .pi / 180))
        #expect(abs(Polylabel.area([ring]) - sphere) / sphere < 1e-4)
    }
}

import Foundation
