import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinIO

/// Seeded mutation fuzzing of every reader: valid files with bytes flipped, inserted, deleted,
/// duplicated and truncated must give a graph or a diagnostic list — never a crash, a hang or an
/// error without a position. Bounded in time; `Scripts/fuzz/run.sh` runs libFuzzer for longer.
@Suite struct FuzzTests {
    static let seed: UInt64 = 0x7047_5A11

    /// Interesting bytes for mutations: structure of each format, multi-byte UTF-8, invalid UTF-8.
    static let dictionary: [[UInt8]] =
        [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "<", ">", "/>", "</", "&", "&amp;", "&#0;",
            "=", "'", "\n", "\r\n", "\r", "\"\"", "parent", "within", "kind", "<graph>", "<node id=\"x\">", "<!--",
            "<![CDATA[", "1e999", "-0", "01", "true", "null", "湖北", ":string", ",,,,", "<attvalue for=\"0\" value=\"1\"/>",
            "<nodes>", "<y:NodeLabel>", "<graph>", ":ID", ":START_ID(X)", "\"data\"", "\"parent\"", "viz:color", "[[", "]]", "181", "1.5e2"
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE6, 0x9D], [0xEF, 0xBB, 0xBF], [0x00]]

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.insert(contentsOf: dictionary.randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: Array(bytes[position..<end]), at: Int.random(in: 0...bytes.count, using: &random))
            case 4: bytes.removeSubrange(position...)
            default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }

    /// Runs `read` on mutants of `seeds` for about `seconds`, checking every result is `valid` and
    /// every failure is positioned in `file` (or names the file when it has no single place).
    static func fuzz<Result>(
        _ name: String, seeds: [[UInt8]], seconds: Double, valid: (Result) -> Bool,
        read: ([UInt8]) throws(DiagnosticList) -> Result
    ) {
        var random = SplitMix64(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0, failures = 0
        while Date() < deadline || runs < 200 {
            let input = mutate(seeds[runs % seeds.count], &random)
            runs += 1
            do {
                let result = try read(input)
                #expect(valid(result), "seed \(seed), \(name) run \(runs)")
            } catch {
                failures += 1
                #expect(!error.diagnostics.isEmpty, "seed \(seed), \(name) run \(runs)")
                for diagnostic in error.diagnostics where diagnostic.severity == .error {
                    let placed =
                        diagnostic.location.map { $0.line >= 1 && $0.column >= 1 }
                        ?? (diagnostic.message.contains(".csv") || diagnostic.message.contains(".xlsx")
                            || diagnostic.message.contains(".txg: ") && diagnostic.message.contains(" at byte "))
                    #expect(placed, "seed \(seed), \(name) run \(runs): \(diagnostic)")
                }
            }
        }
        #expect(failures > 0 && failures < runs, "\(name): \(failures) of \(runs) mutants failed")
    }

    static let graphs = [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph()]

    @Test func nativeJSON() {
        Self.fuzz("json", seeds: Self.graphs.map(NativeJSONWriter.serialize), seconds: 1.5, valid: { $0.checkInvariants() }) {
            bytes throws(DiagnosticList) in
            try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes))
        }
    }

    @Test func graphML() {
        Self.fuzz("graphml", seeds: Self.graphs.map(GraphMLWriter.serialize), seconds: 1.5, valid: { $0.checkInvariants() }) {
            bytes throws(DiagnosticList) in
            try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        }
    }

    @Test func binaryGraph() {
        // Mostly mutants that keep their checksums wrong; the hostile-but-resealed case is in
        // BinaryGraphTests.
        Self.fuzz("txg", seeds: Self.graphs.map(BinaryGraphWriter.serialize), seconds: 1.5, valid: { $0.checkInvariants() }) {
            bytes throws(DiagnosticList) in
            try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: bytes))
        }
    }

    @Test func gexf() {
        let seeds = Self.graphs.map(GEXFWriter.serialize) + [try! Array(InteropFixtures.file("gephi.gexf").bytes)]
        Self.fuzz("gexf", seeds: seeds, seconds: 1.5, valid: { $0.checkInvariants() }) { bytes throws(DiagnosticList) in
            try GEXFReader.read(InputFile(path: "g.gexf", bytes: bytes))
        }
    }

    @Test func yEdGraphML() {
        let seeds =
            Self.graphs.map { graph in
                var sink = ByteSink()
                GraphMLWriter.write(graph, yEd: NodeStyling(graph), to: &sink)
                return sink.buffer
            } + [try! InteropFixtures.file("yed.graphml").bytes]
        Self.fuzz("yed", seeds: seeds, seconds: 1.5, valid: { $0.checkInvariants() }) { bytes throws(DiagnosticList) in
            try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        }
    }

    @Test func cytoscapeJSON() {
        let seeds = Self.graphs.map(CytoscapeJSONWriter.serialize) + [try! InteropFixtures.file("cytoscape.cyjs").bytes]
        Self.fuzz("cyjs", seeds: seeds, seconds: 1.5, valid: { $0.checkInvariants() }) { bytes throws(DiagnosticList) in
            try CytoscapeJSONReader.read(InputFile(path: "g.cyjs", bytes: bytes))
        }
    }

    @Test func neo4jCSV() {
        // One node file and one relationship file per seed, split at a form feed.
        let seeds = Self.graphs.map { graph in
            let (nodes, relationships) = Neo4jCSVWriter.layout(graph)
            var first = ByteSink(), second = ByteSink()
            Neo4jCSVWriter.writeNodes(graph, nodes[0], to: &first)
            Neo4jCSVWriter.writeRelationships(graph, relationships[0], to: &second)
            return first.buffer + [0x0C] + second.buffer
        }
        Self.fuzz("neo4j", seeds: seeds, seconds: 1.5, valid: { $0.checkInvariants() }) { bytes throws(DiagnosticList) in
            let split = bytes.firstIndex(of: 0x0C) ?? bytes.count
            return try Neo4jCSVReader.read(
                [
                    InputFile(path: "nodes.csv", bytes: Array(bytes[..<split])),
                    InputFile(path: "rels.csv", bytes: Array(bytes[min(split + 1, bytes.count)...]))
                ], name: "g")
        }
    }

    @Test func csv() {
        // Nodes and edges in one seed, split at a form feed the mutations keep or break.
        let seeds = Self.graphs.map { graph in
            var nodes = ByteSink(), edges = ByteSink()
            CSVWriter.writeNodes(graph, to: &nodes)
            CSVWriter.writeEdges(graph, to: &edges)
            return nodes.buffer + [0x0C] + edges.buffer
        }
        Self.fuzz("csv", seeds: seeds, seconds: 1.5, valid: { $0.checkInvariants() }) { bytes throws(DiagnosticList) in
            let split = bytes.firstIndex(of: 0x0C) ?? bytes.count
            return try CSVReader.read(
                nodes: InputFile(path: "nodes.csv", bytes: Array(bytes[..<split])),
                edges: InputFile(path: "edges.csv", bytes: Array(bytes[min(split + 1, bytes.count)...])), name: "g")
        }
    }

    @Test func geoJSON() {
        let seeds = [GeoJSONReaderTests.square, GeoJSONReaderTests.multi].map { Array($0.utf8) }
        Self.fuzz(
            "geojson", seeds: seeds, seconds: 1.5,
            valid: { (collection: GeoFeatureCollection) in
                collection.features.allSatisfy { $0.polygons.allSatisfy { $0.rings.allSatisfy { $0.count >= 3 } } }
            }
        ) { bytes throws(DiagnosticList) in
            try GeoJSONReader.read(InputFile(path: "b.geojson", bytes: bytes))
        }
    }

    /// Workbooks whose parts (shared strings, styles, sheet, workbook, its relationships — split at
    /// form feeds the mutations keep or break) are mutated, then zipped.
    @Test func xlsxParts() throws {
        let parts = ["xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
        var seeds: [[UInt8]] = []
        for name in ["ledger-libreoffice.xlsx", "handmade.xlsx"] {
            var package = try XLSXPackage(path: WorkbookTests.fixtures + "/" + name)
            var seed: [UInt8] = []
            for part in parts {
                if !seed.isEmpty { seed.append(0x0C) }
                seed += try package.read(part) ?? []
            }
            seeds.append(seed)
        }
        Self.fuzz("xlsx parts", seeds: seeds, seconds: 1.5, valid: Self.validSheets) { bytes throws(DiagnosticList) in
            let archive = try ZipBuilder()
            try archive.add("_rels/.rels", WorkbookTests.rootRelationships)
            for (part, contents) in zip(parts, bytes.split(separator: 0x0C, omittingEmptySubsequences: false)) {
                try archive.add(part, Array(contents))
            }
            return try Self.readWorkbook(archive.bytes)
        }
    }

    /// Whole .xlsx files with their zip bytes mutated.
    @Test func xlsxArchive() throws {
        let seeds = try ["ledger.xlsx", "handmade.xlsx"].map {
            try Array(Data(contentsOf: URL(fileURLWithPath: WorkbookTests.fixtures + "/" + $0)))
        }
        Self.fuzz("xlsx archive", seeds: seeds, seconds: 1.5, valid: Self.validSheets) { bytes throws(DiagnosticList) in
            try Self.readWorkbook(bytes)
        }
    }

    /// The sheets of a workbook of these bytes, written to a temporary file (the reader reads files).
    static func readWorkbook(_ bytes: [UInt8]) throws(DiagnosticList) -> [Worksheet] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-fuzz-\(getpid()).xlsx").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw DiagnosticList([Diagnostic(.error, "cannot write \(path)")])
        }
        defer { unlink(path) }
        return try XLSXReader.read(path: path)
    }

    /// A sheet's last row holds a value, and its size is zero only when it is empty.
    static func validSheets(_ sheets: [Worksheet]) -> Bool {
        sheets.allSatisfy { sheet in
            sheet.rowCount == 0
                ? sheet.columnCount == 0
                : (1...sheet.columnCount).contains { sheet.value(row: sheet.rowCount, column: $0) != nil }
        }
    }
}
