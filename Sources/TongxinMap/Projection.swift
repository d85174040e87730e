import Foundation

/// A point on the drawing plane.
public struct PlanePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The Lambert azimuthal equal-area projection of the sphere, centred on a point of the region drawn,
/// so that areas (and so the visual weight of each coloured shape) stay true and shapes near the
/// centre keep their form; over a province (a few hundred kilometres) distortion of shape is
/// below a percent.
///
/// Forward (Snyder 1987, eqs. 24-2 to 24-4): with k′ = √(2 / (1 + sin φ₁ sin φ + cos φ₁ cos φ cos(λ − λ₀))),
/// x = R k′ cos φ sin(λ − λ₀) and y = R k′ (cos φ₁ sin φ − sin φ₁ cos φ cos(λ − λ₀)); y grows northward.
/// Inverse (eqs. 20-14, 20-15, 24-16): ρ = √(x² + y²), c = 2 asin(ρ / 2R), then φ and λ.
///
/// J. P. Snyder, *Map Projections: A Working Manual*, USGS Professional Paper 1395, 1987,
/// doi:10.3133/pp1395, pp. 182–190.
///
/// - Complexity: O(1) per point.
public struct LambertAzimuthalEqualArea: Sendable {
    /// The mean Earth radius in kilometres (IUGG), so plane units are kilometres.
    public static let earthRadius = 6371.0088

    public let centre: GeoCentre
    private let sinPhi1: Double, cosPhi1: Double

    /// A centre longitude and latitude in degrees.
    public struct GeoCentre: Sendable, Equatable {
        public var longitude: Double
        public var latitude: Double

        public init(longitude: Double, latitude: Double) {
            self.longitude = longitude
            self.latitude = latitude
        }
    }

    public init(centre: GeoCentre) {
        self.centre = centre
        let phi1 = centre.latitude * .pi / 180
        sinPhi1 = sin(phi1)
        cosPhi1 = cos(phi1)
    }

    /// Projects a longitude and latitude (degrees) to kilometres east and north of the centre.
    /// Precondition: the point is not the centre's antipode.
    public func project(longitude: Double, latitude: Double) -> PlanePoint {
        let phi = latitude * .pi / 180, dLambda = (longitude - centre.longitude) * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi), cosD = cos(dLambda)
        let k = (2 / (1 + sinPhi1 * sinPhi + cosPhi1 * cosPhi * cosD)).squareRoot()
        let r = Self.earthRadius
        return PlanePoint(x: r * k * cosPhi * sin(dLambda), y: r * k * (cosPhi1 * sinPhi - sinPhi1 * cosPhi * cosD))
    }

    /// The longitude and latitude (degrees) of a projected point: the inverse of ``project(longitude:latitude:)``.
    public func unproject(_ point: PlanePoint) -> (longitude: Double, latitude: Double) {
        let r = Self.earthRadius
        let rho = (point.x * point.x + point.y * point.y).squareRoot()
        guard rho > 0 else { return (centre.longitude, centre.latitude) }
        let c = 2 * asin(min(1, rho / (2 * r)))
        let sinC = sin(c), cosC = cos(c)
        let phi = asin(cosC * sinPhi1 + point.y * sinC * cosPhi1 / rho)
        let lambda = atan2(point.x * sinC, rho * cosPhi1 * cosC - point.y * sinPhi1 * sinC)
        return (centre.longitude + lambda * 180 / .pi, phi * 180 / .pi)
    }
}
