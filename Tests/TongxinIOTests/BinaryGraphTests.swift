import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinIO

/// The `.txg` binary graph: what is written is what is read (property test on seeded random
/// graphs), the checksum is XXH64, and damaged files are positioned errors.
@Suite struct BinaryGraphTests {
    /// Everything ``GraphContents`` compares, plus what only the binary file keeps: column order,
    /// warnings, the hierarchy, and id lookups through the stored index.
    static func expectSame(_ read: Graph, _ written: Graph, _ note: Comment? = nil) {
        #expect(GraphContents(read) == GraphContents(written), note)
        #expect(read.checkInvariants(), note)
        #expect(
            read.nodeAttributes.names == written.nodeAttributes.names && read.edgeAttributes.names == written.edgeAttributes.names, note)
        #expect(read.warnings == written.warnings, note)
        #expect(read.hierarchy.parents == written.hierarchy.parents && read.hierarchy.preorder == written.hierarchy.preorder, note)
        #expect(read.outgoing.offsets == written.outgoing.offsets && read.incoming.neighbors == written.incoming.neighbors, note)
        #expect(read.weights == written.weights, note)
        for node in 0..<written.nodeCount { #expect(read.index(of: written.ids[node]) == node, note) }
        #expect(read.index(of: "no such id \u{1F600}") == nil, note)
    }

    /// A seeded random graph: ids short, long (> 16 bytes) and Chinese; names absent, empty or set;
    /// attributes of all types, absent in places; a `within` forest; parallel edges and loops;
    /// weights on some graphs.
    static func randomGraph(_ random: inout SplitMix64) -> Graph {
        var builder = GraphBuilder(name: ["", "g", "随机图 \"q\""].randomElement(using: &random)!)
        if Bool.random(using: &random) {
            builder.metadata = ["seed": .int(7), "note": .string("合成"), "share": .double(0.25), "ok": .bool(true)]
        }
        let count = Int.random(in: 0..<60, using: &random)
        let kinds = ["region", "village", "organization", "figure", "custom"]
        for node in 0..<count {
            let id = ["n\(node)", "很长的节点标识符号-\(node)-xxxxxxxx", "\(node)"].randomElement(using: &random)!
            let name: String? = [nil, "", "名\(node)"].randomElement(using: &random)!
            let kind = node == 0 ? "region" : kinds.randomElement(using: &random)!
            guard let index = builder.addNode(id: id, kind: kind, name: name) else { continue }
            if kind == "region" {
                builder.setAttribute("level", .string(["province", "city", "town"].randomElement(using: &random)!), ofNode: index)
            }
            if Bool.random(using: &random) {
                builder.setAttribute("score", Bool.random(using: &random) ? .int(node) : .double(Double(node) / 3), ofNode: index)
            }
            if Bool.random(using: &random) { builder.setAttribute("active", .bool(node % 2 == 0), ofNode: index) }
        }
        let weighted = Bool.random(using: &random)
        for node in 1..<max(builder.nodeCount, 1) where Int.random(in: 0..<3, using: &random) == 0 {
            let parent = Int.random(in: 0..<node, using: &random)
            builder.addEdge(from: node, to: parent, kind: "within")
        }
        for _ in 0..<(builder.nodeCount == 0 ? 0 : Int.random(in: 0..<120, using: &random)) {
            let edge = builder.addEdge(
                from: Int.random(in: 0..<builder.nodeCount, using: &random),
                to: Int.random(in: 0..<builder.nodeCount, using: &random),
                kind: ["tie", "serves", "member_of"].randomElement(using: &random)!,
                weight: weighted ? Double(Int.random(in: 1...9, using: &random)) / 2 : 1)
            if Bool.random(using: &random) { builder.setAttribute("since", .int(2000 + edge), ofEdge: edge) }
            if Int.random(in: 0..<4, using: &random) == 0 { builder.setAttribute("label", .string("边\(edge)"), ofEdge: edge) }
        }
        // Hierarchy errors (a node within two places) are not what this test is about.
        return (try? builder.build()) ?? SampleGraphs.tinyProvince()
    }

    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph(), Graph()])
    func roundTripKeepsEverything(graph: Graph) throws {
        let bytes = BinaryGraphWriter.serialize(graph)
        let read = try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: bytes))
        Self.expectSame(read, graph)
        #expect(BinaryGraphWriter.serialize(read) == bytes, "writing the mapped graph again gives the same bytes")
    }

    @Test func randomGraphsRoundTrip() throws {
        var random = SplitMix64(seed: 0x7478_6731)
        for run in 0..<200 {
            let graph = Self.randomGraph(&random)
            let read = try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: BinaryGraphWriter.serialize(graph)))
            Self.expectSame(read, graph, "seed 0x74786731, run \(run)")
        }
    }

    @Test func fileIsMappedAndOutlivesItsReader() throws {
        let path = NSTemporaryDirectory() + "tongxin-txg-\(UUID().uuidString).txg"
        defer { unlink(path) }
        let graph = NativeJSONTests.featureGraph()
        try GraphFile.write(graph, to: path)
        var read: Graph? = try GraphFile.read(path)
        unlink(path)  // the mapping keeps the bytes
        Self.expectSame(read!, graph)
        read = nil
    }

    @Test func warningsAndHierarchyErrorsSurvive() throws {
        let graph = try NativeJSONReader.read(
            text: """
                {"format": "tongxin-graph", "nodes": [{"id": "r", "kind": "region"}, {"id": "t", "kind": "region", "level": "town", "parent": "r"}]}
                """, file: "w.json")
        #expect(!graph.warnings.isEmpty)
        Self.expectSame(try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: BinaryGraphWriter.serialize(graph))), graph)
    }

    @Test func checksumIsXXH64() {
        // Reference values from the xxHash specification's implementation (seed 0).
        let cases: [(String, UInt64)] = [("", 0xEF46_DB37_51D8_E999), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999)]
        for (text, expected) in cases {
            #expect(Array(text.utf8).withUnsafeBytes(XXH64.hash) == expected, "\(text)")
        }
    }

    /// Where section `kind` is listed in the table, and where it starts.
    static func section(_ kind: BinaryGraphSection, in bytes: [UInt8]) -> (entry: Int, offset: Int) {
        let count = Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 20, as: UInt32.self) })
        for index in 0..<count {
            let at = 64 + 32 * index
            if bytes.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }) == kind.rawValue {
                return (at, Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self) }))
            }
        }
        fatalError("no section \(kind)")
    }

    static func error(_ bytes: [UInt8]) -> String {
        readErrors { () throws(DiagnosticList) in try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: bytes)) }
    }

    @Test func damageIsAPositionedError() {
        let bytes = BinaryGraphWriter.serialize(SampleGraphs.tinyProvince())
        #expect(Self.error([]) == "error: g.txg: header at byte 0: the file has 0 bytes, fewer than the 64-byte header")
        #expect(Self.error(Array(bytes.prefix(bytes.count - 10))).contains("header at byte 40: the file should have"))
        var version = bytes
        version[8] = 9
        #expect(Self.error(version).contains("header at byte 8: format version 9"))
        var flipped = bytes
        let ids = Self.section(.idBytes, in: bytes).offset
        flipped[ids + 3] ^= 0x10
        #expect(Self.error(flipped) == "error: g.txg: section 'idBytes' at byte \(ids): the checksum does not match: the file is corrupt")
    }

    @Test func hostileContentsAreCaughtWithChecksumsRight() throws {
        // Rewrite one section's value and fix every checksum, as a hostile file would: the
        // structural checks alone must catch it.
        let graph = SampleGraphs.tinyProvince()
        let bytes = BinaryGraphWriter.serialize(graph)
        /// Where section `kind` is listed in the table, and where it starts.
        let section = { (kind: BinaryGraphSection, bytes: [UInt8]) in Self.section(kind, in: bytes) }
        func poke(_ kind: BinaryGraphSection, element: Int, _ value: some FixedWidthInteger) -> String {
            var bytes = bytes
            let start = section(kind, bytes).offset + element * MemoryLayout.size(ofValue: value)
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(start..<start + $0.count, with: $0) }
            return Self.error(BinaryGraphSealing.resealed(bytes))
        }
        #expect(Self.error(BinaryGraphSealing.resealed(bytes)) == "")
        let targets = section(.targets, bytes).offset
        #expect(
            poke(.targets, element: 2, Int32(99))
                == "error: g.txg: section 'targets' at byte \(targets + 8): 99 is not a valid node index (expected 0 ..< \(graph.nodeCount))"
        )
        #expect(poke(.outOffsets, element: 3, Int(-5)).contains("section 'outOffsets' at byte"))
        #expect(poke(.idOffsets, element: 2, Int(1 << 40)).contains("section 'idOffsets' at byte"))
        #expect(poke(.parents, element: 1, Int32(1)).contains("the hierarchy is inconsistent at node 1"))
        #expect(poke(.idIndex, element: 0, Int32(1000)).contains("section 'idIndex'"))
        #expect(poke(.nodeTags, element: 0, UInt8(3)).contains("section 'nodeTags' (column 0) at byte"))
        #expect(poke(.nodeKinds, element: 0, Int32(77)).contains("77 is not a valid node kind"))
    }
}
