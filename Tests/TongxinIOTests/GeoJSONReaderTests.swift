import Testing
@testable import TongxinIO

@Suite struct GeoJSONReaderTests {
    static let square = """
        {"type": "FeatureCollection", "crs": {"type": "name"}, "features": [
        {"type": "Feature", "id": 7, "properties": {"name": "甲", "gb": 156420100, "nested": {"a": 1}, "none": null},
         "geometry": {"type": "Polygon", "coordinates": [[[113, 30], [114, 30], [114, 31, 12.5], [113, 30]]]}}
        ]}
        """
    static let multi = """
        {"features": [
        {"geometry": {"coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]], [[2.1, 2.1], [2.2, 2.1], [2.2, 2.2], [2.1, 2.1]]]],
         "type": "MultiPolygon"}, "properties": null, "type": "Feature"},
        {"type": "Feature", "properties": {"name": "境界线"}, "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]]]}},
        {"type": "Feature", "properties": {"name": "空"}, "geometry": null}
        ], "type": "FeatureCollection"}
        """

    static func read(_ text: String) throws(DiagnosticList) -> GeoFeatureCollection {
        try GeoJSONReader.read(InputFile(path: "b.geojson", bytes: Array(text.utf8)))
    }

    static func error(_ text: String, maximumPositions: Int = GeoJSONReader.maximumPositions) -> String {
        do {
            _ = try GeoJSONReader.read(InputFile(path: "b.geojson", bytes: Array(text.utf8)), maximumPositions: maximumPositions)
            return "no error"
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func readsPropertiesAndRings() throws {
        let collection = try Self.read(Self.square)
        #expect(collection.features.count == 1)
        let feature = collection.features[0]
        #expect(feature.id == "7")
        #expect(feature.properties.map(\.key) == ["name", "gb"])
        #expect(feature.property("gb") == "156420100")
        #expect(feature.polygons.count == 1 && feature.polygons[0].rings[0].count == 3)
        #expect(feature.polygons[0].rings[0][2] == GeoPoint(longitude: 114, latitude: 31))
        #expect(feature.location == SourceLocation(file: "b.geojson", line: 2, column: 1))
    }

    /// `type` after `coordinates`, holes, a line feature and a null geometry.
    @Test func multiPolygonsInAnyOrder() throws {
        let collection = try Self.read(Self.multi)
        #expect(collection.features.count == 2)
        #expect(collection.features[0].polygons.map(\.rings.count) == [1, 2])
        #expect(collection.features[1].property("name") == "空" && collection.features[1].polygons.isEmpty)
    }

    @Test func numbersAreExact() throws {
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[113.821275,22.2],[-0.1,1e1],[1.5E-3,89.999999999999999],[113.821275,22.2]]]}}]}"#
        let ring = try Self.read(text).features[0].polygons[0].rings[0]
        #expect(ring.map(\.longitude) == [113.821275, -0.1, 0.0015])
        #expect(ring.map(\.latitude) == [22.2, 10, 89.999999999999999])
    }

    @Test func notAFeatureCollection() {
        #expect(
            Self.error(#"{"type": "Feature", "geometry": null}"#)
                == "b.geojson:1:10: error: a map needs a GeoJSON FeatureCollection, not a Feature")
        #expect(Self.error("[1, 2]") == "b.geojson:1:1: error: expected a GeoJSON object ('{'), found '['")
        #expect(Self.error(#"{"features": []}"#) == "b.geojson:1:1: error: the object has no \"type\": \"FeatureCollection\"")
        #expect(Self.error("") == "b.geojson:1:1: error: the file is empty: expected a GeoJSON FeatureCollection")
    }

    @Test func unclosedRing() {
        let text = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
              "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}}]}
            """
        #expect(
            Self.error(text)
                == "b.geojson:2:51: error: the ring is not closed: its last position (0.0, 1.0) differs from its first (0.0, 0.0)")
        let short =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}]}"#
        #expect(Self.error(short).hasSuffix("error: a ring needs at least 4 positions (the last repeating the first), found 3"))
    }

    @Test func wrongNesting() {
        let polygonAsRing =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[0,0],[1,0],[1,1],[0,0]]}}]}"#
        #expect(Self.error(polygonAsRing) == "b.geojson:1:104: error: expected a position: [longitude, latitude], found '0'")
        let multiAsPolygon =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#
        #expect(Self.error(multiAsPolygon) == "b.geojson:1:110: error: expected a position: [longitude, latitude], found '0'")
        let projected =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[12600000,3500000],[1,0],[1,1],[12600000,3500000]]]}}]}"#
        #expect(Self.error(projected).contains("is not a longitude and latitude in degrees"))
        let unknown = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Circle","coordinates":[]}}]}"#
        #expect(Self.error(unknown) == "b.geojson:1:78: error: unknown geometry type 'Circle': a region needs a Polygon or MultiPolygon")
    }

    @Test func hugeCoordinateArrays() {
        let ring = (0..<50).map { "[\($0 % 10),\($0 / 10)]" }.joined(separator: ",")
        let text =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[["# + ring + "]]}}]}"
        #expect(
            Self.error(text, maximumPositions: 20).hasSuffix("error: more than 20 positions in the file: simplify the boundaries first"))
        #expect(Self.error(text, maximumPositions: 20).hasPrefix("b.geojson:1:"))
    }
}
