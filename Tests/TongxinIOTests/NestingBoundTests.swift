import Testing
import Yams
@testable import TongxinIO

/// Hostile nesting in every reader that could recurse — JSON (native, Cytoscape, GeoJSON), XML
/// (GraphML, GEXF), YAML — is one positioned "nested too deeply" error, never a stack overflow.
/// (DOT: `DOTReaderTests`; workbooks: `WorkbookTests`; queries: `ParserNestingTests`.)
@Suite struct NestingBoundTests {
    static let deep = 100_000

    func errors(_ read: (InputFile) throws(DiagnosticList) -> Any, _ path: String, _ text: String) -> [String] {
        do {
            _ = try read(InputFile(path: path, bytes: Array(text.utf8)))
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    /// The 513th `[` opened in a value is refused where it stands.
    @Test func jsonReaders() {
        let arrays = String(repeating: "[", count: Self.deep)
        let native = #"{"format": "tongxin-graph", "version": 1, "name": "g", "nodes": [{"id": "a", "kind": "x", "attrs": {"tags": "#
        #expect(
            errors(NativeJSONReader.read, "g.json", native + arrays)
                == ["g.json:1:\(native.count + 513): error: nested too deeply (more than 512 levels)"])
        let cytoscape = #"{"elements": {"nodes": [{"data": {"id": "a", "tags": "#
        #expect(
            errors(CytoscapeJSONReader.read, "g.cyjs", cytoscape + arrays)
                == ["g.cyjs:1:\(cytoscape.count + 513): error: nested too deeply (more than 512 levels)"])
        let geoJSON = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"tags": "#
        #expect(
            errors({ file throws(DiagnosticList) in try GeoJSONReader.read(file) }, "b.geojson", geoJSON + arrays)
                == ["b.geojson:1:\(geoJSON.count + 513): error: nested too deeply (more than 512 levels)"])
        // Coordinates are read by their fixed shape: a deeper array is not a number.
        let coordinates = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": "#
        #expect(
            errors({ file throws(DiagnosticList) in try GeoJSONReader.read(file) }, "b.geojson", coordinates + arrays).first?.hasSuffix(
                "expected a number in a position, found '['") == true)
    }

    /// The 1,025th open element is refused at its `<`.
    @Test func xmlReaders() {
        let elements = String(repeating: "<x>", count: Self.deep)
        let graphML = #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a">"#
        #expect(
            errors(GraphMLReader.read, "g.graphml", graphML + elements)
                == ["g.graphml:1:\(graphML.count + 1 + 3 * (1024 - 3)): error: elements nested too deeply (more than 1024 levels)"])
        let gexf = #"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a">"#
        #expect(
            errors(GEXFReader.read, "g.gexf", gexf + elements)
                == ["g.gexf:1:\(gexf.count + 1 + 3 * (1024 - 4)): error: elements nested too deeply (more than 1024 levels)"])
    }

    /// Quotes end where libyaml ends them, so no quote trick hides flow nesting from the bound.
    @Test func yamlQuotesDoNotHideNesting() throws {
        func problems(_ text: String) -> [String] {
            do {
                _ = try YAMLDocument.parse(text, file: "p.yaml")
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        let flows = String(repeating: "[", count: Self.deep)
        let message = "error: nested too deeply: more than 64 levels of [ and {"
        // A backslash does not escape in single quotes; `\\` is one escaped backslash in double ones.
        #expect(problems(#"a: ['x\', "# + flows) == ["p.yaml:1:74: " + message])
        #expect(problems(#"a: ["x\\", "# + flows) == ["p.yaml:1:75: " + message])
        // An apostrophe inside a plain scalar opens no quote.
        #expect(problems("a: it's\nb: " + flows) == ["p.yaml:2:68: " + message])
        // Brackets inside quotes, with `''` and `\"` escapes, are text.
        let quoted = try YAMLDocument.parse("a: 'it''s " + flows + "'\nb: \"say \\\"" + flows + "\\\"\"\n", file: "p.yaml")
        #expect(quoted.root["a"]?.string == "it's " + flows)
        #expect(quoted.root["b"]?.string == "say \"" + flows + "\"")
    }
}
