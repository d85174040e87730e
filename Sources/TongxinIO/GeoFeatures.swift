/// A longitude/latitude pair in degrees (WGS 84 or CGCS2000, which differ by centimetres).
public struct GeoPoint: Hashable, Sendable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One polygon: an outer ring, then its holes. Rings are stored open (the closing position that
/// GeoJSON repeats is dropped), with at least three positions each.
public struct GeoPolygon: Sendable {
    public var rings: [[GeoPoint]]

    public init(rings: [[GeoPoint]]) {
        self.rings = rings
    }
}

/// An area feature of a GeoJSON file: its properties (strings, numbers and booleans as text; nested
/// values and nulls left out) and its polygons.
public struct GeoFeature: Sendable {
    /// The feature's `id` member, as text, when it has one.
    public var id: String?
    public var properties: [(key: String, value: String)]
    /// The polygons: one for a `Polygon`, any number for a `MultiPolygon`, none for a null geometry.
    public var polygons: [GeoPolygon]
    /// Where the feature's object begins in its file.
    public var location: SourceLocation

    public init(id: String? = nil, properties: [(key: String, value: String)], polygons: [GeoPolygon], location: SourceLocation) {
        self.id = id
        self.properties = properties
        self.polygons = polygons
        self.location = location
    }

    /// The value of property `key`, or `nil`.
    public func property(_ key: String) -> String? {
        properties.first { $0.key == key }?.value
    }
}

/// The area features of one GeoJSON FeatureCollection (RFC 7946), in file order.
public struct GeoFeatureCollection: Sendable {
    /// The file the features were read from.
    public var file: String
    public var features: [GeoFeature]

    public init(file: String, features: [GeoFeature]) {
        self.file = file
        self.features = features
    }
}
