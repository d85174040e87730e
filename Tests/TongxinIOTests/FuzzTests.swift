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
    static let dictionary: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "<", ">", "/>", "</", "&", "&amp;", "&#0;",
        "=", "'", "\n", "\r\n", "\r", "\"\"", "parent", "within", "kind", "<graph>", "<node id=\"x\">", "<!--",
        "<![CDATA[", "1e999", "-0", "01", "true", "null", "湖北", ":string", ",,,,",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE6, 0x9D], [0xEF, 0xBB, 0xBF], [0x00]]

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.insert(contentsOf: dictionary.randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: Array(bytes[position..<end]), at: Int.random(in: 0...bytes.count, using: &random))
            case 4: bytes.removeSubrange(position...)
            default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }

    /// Runs `read` on mutants of `seeds` for about `seconds`, checking every failure is positioned
    /// in `file` (or names the file when it has no single place).
    static func fuzz(_ name: String, seeds: [[UInt8]], seconds: Double, read: ([UInt8]) throws(DiagnosticList) -> Graph) {
        var random = SplitMix64(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0, failures = 0
        while Date() < deadline || runs < 200 {
            let input = mutate(seeds[runs % seeds.count], &random)
            runs += 1
            do {
                let graph = try read(input)
                #expect(graph.checkInvariants(), "seed \(seed), \(name) run \(runs)")
            } catch {
                failures += 1
                #expect(!error.diagnostics.isEmpty, "seed \(seed), \(name) run \(runs)")
                for diagnostic in error.diagnostics where diagnostic.severity == .error {
                    let placed = diagnostic.location.map { $0.line >= 1 && $0.column >= 1 }
                        ?? (diagnostic.message.contains(".csv") || diagnostic.message.contains(".txg: ") && diagnostic.message.contains(" at byte "))
                    #expect(placed, "seed \(seed), \(name) run \(runs): \(diagnostic)")
                }
            }
        }
        #expect(failures > 0 && failures < runs, "\(name): \(failures) of \(runs) mutants failed")
    }

    static let graphs = [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph()]

    @Test func nativeJSON() {
        Self.fuzz("json", seeds: Self.graphs.map(NativeJSONWriter.serialize), seconds: 1.5) { bytes throws(DiagnosticList) in
            try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes))
        }
    }

    @Test func graphML() {
        Self.fuzz("graphml", seeds: Self.graphs.map(GraphMLWriter.serialize), seconds: 1.5) { bytes throws(DiagnosticList) in
            try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        }
    }

    @Test func binaryGraph() {
        // Mostly mutants that keep their checksums wrong; the hostile-but-resealed case is in
        // BinaryGraphTests.
        Self.fuzz("txg", seeds: Self.graphs.map(BinaryGraphWriter.serialize), seconds: 1.5) { bytes throws(DiagnosticList) in
            try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: bytes))
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
        Self.fuzz("csv", seeds: seeds, seconds: 1.5) { bytes throws(DiagnosticList) in
            let split = bytes.firstIndex(of: 0x0C) ?? bytes.count
            return try CSVReader.read(nodes: InputFile(path: "nodes.csv", bytes: Array(bytes[..<split])),
                                      edges: InputFile(path: "edges.csv", bytes: Array(bytes[min(split + 1, bytes.count)...])), name: "g")
        }
    }
}
