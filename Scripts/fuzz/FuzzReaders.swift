// libFuzzer target for Tongxin's readers and parsers, built by run.sh together with the TongxinGraph,
// TongxinIO and TongxinQuery sources, the mapping and masking-profile readers and Yams as one
// module. The first byte picks the reader, modulo 14 — or TONGXIN_FUZZ_SELECTOR does (run.sh
// SELECTOR), so one reader gets every run: 0 native JSON, 1 GraphML, 2 CSV nodes+edges split at a
// form feed, 3 GEXF, 4 Cytoscape JSON, 5 Neo4j node+relationship files split at a form feed, 6 an
// .xlsx workbook, 7 GeoJSON boundaries, 8 a query (parsed and planned, not run), 9 a node selector,
// 10 a .txg binary graph (checksums resealed by TongxinTestSupport's BinaryGraphSealing when the first byte
// is odd, so mutations reach the structural checks), 11 a YAML import mapping and masking profile, 12 DOT (cgraph), 13 a request target of the
// workspace server (its path and query string, strictly decoded). The rest is the
// file. A crash, a sanitizer report or an unpositioned error is a finding.
import Foundation

/// The reader every input goes to when TONGXIN_FUZZ_SELECTOR is set.
let fixedSelector = ProcessInfo.processInfo.environment["TONGXIN_FUZZ_SELECTOR"].flatMap { UInt8($0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let selector = fixedSelector ?? data[0] % 14
    switch selector {
    case 6: return fuzzWorkbook(bytes)
    case 8: return fuzzQuery(bytes)
    case 9: return fuzzSelector(bytes)
    case 11: return fuzzYAML(bytes)
    case 13: return fuzzRequest(bytes)
    default: break
    }
    do {
        if selector == 7 {
            let collection = try GeoJSONReader.read(InputFile(path: "b.geojson", bytes: bytes))
            precondition(collection.features.allSatisfy { $0.polygons.allSatisfy { $0.rings.allSatisfy { $0.count >= 3 } } },
                         "a ring with fewer than three positions")
            return 0
        }
        let graph: Graph
        switch selector {
        case 0:
            graph = try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes))
        case 1:
            graph = try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        case 3:
            graph = try GEXFReader.read(InputFile(path: "g.gexf", bytes: bytes))
        case 4:
            graph = try CytoscapeJSONReader.read(InputFile(path: "g.cyjs", bytes: bytes))
        case 10:
            graph = try BinaryGraphReader.read(InputFile(path: "g.txg", bytes: data[0] % 2 == 1 ? BinaryGraphSealing.resealed(bytes) : bytes))
        case 12:
            graph = try DOTReader.read(InputFile(path: "g.dot", bytes: bytes))
        case 5:
            let split = bytes.firstIndex(of: 0x0C) ?? bytes.count
            graph = try Neo4jCSVReader.read([InputFile(path: "nodes.csv", bytes: Array(bytes[..<split])),
                                             InputFile(path: "rels.csv", bytes: Array(bytes[min(split + 1, bytes.count)...]))],
                                            name: "g")
        default:
            let split = bytes.firstIndex(of: 0x0C) ?? bytes.count
            graph = try CSVReader.read(nodes: InputFile(path: "nodes.csv", bytes: Array(bytes[..<split])),
                                       edges: InputFile(path: "edges.csv", bytes: Array(bytes[min(split + 1, bytes.count)...])),
                                       name: "g")
        }
        precondition(graph.checkInvariants(), "graph invariants broken")
    } catch {
        precondition(!error.diagnostics.isEmpty, "an empty diagnostic list was thrown")
        for diagnostic in error.diagnostics where diagnostic.severity == .error {
            if let location = diagnostic.location {
                precondition(location.line >= 1 && location.column >= 1, "bad position: \(diagnostic)")
            }
        }
    }
    return 0
}

/// The workbook reader reads files (ZIPFoundation's in-memory archives trap on hostile input), so the
/// bytes go to a file in memory-backed /dev/shm first.
func fuzzWorkbook(_ bytes: [UInt8]) -> CInt {
    let path = "/dev/shm/tongxin-fuzz-\(getpid()).xlsx"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
    defer { unlink(path) }
    do {
        let sheets = try XLSXReader.read(path: path)
        for sheet in sheets where sheet.rowCount > 0 {
            precondition((1...sheet.columnCount).contains { sheet.value(row: sheet.rowCount, column: $0) != nil }, "last row empty")
        }
    } catch {
        precondition(!error.diagnostics.isEmpty, "an empty diagnostic list was thrown")
        for diagnostic in error.diagnostics where diagnostic.severity == .error {
            precondition(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? diagnostic.message.contains(path),
                         "unpositioned: \(diagnostic)")
        }
    }
    return 0
}

/// A tiny graph for selectors and query plans: a region, a village within it, an organization serving it.
let tinyGraph: Graph = {
    var builder = GraphBuilder(name: "fuzz")
    _ = builder.addNode(id: "42", kind: "region", name: "湖北省", attributes: ["level": .string("province")])
    _ = builder.addNode(id: "v", kind: "village", name: "一村", attributes: ["type": .string("village")])
    _ = builder.addNode(id: "o", kind: "organization", name: "商会", attributes: ["type": .string("商会"), "members": .int(3)])
    _ = builder.addEdge(from: 1, to: 0, kind: "within")
    _ = builder.addEdge(from: 2, to: 1, kind: "serves")
    return try! builder.build()
}()
let queryEngine = QueryEngine(graph: tinyGraph)

/// Parses and plans a query (running it could legitimately take long: `range(1, 1e9)`).
func fuzzQuery(_ bytes: [UInt8]) -> CInt {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
        _ = try queryEngine.explain(text)
    } catch {
        precondition(error.position.line >= 1 && error.position.column >= 1, "bad position: \(error)")
        precondition(!error.message.isEmpty, "an empty message")
    }
    return 0
}

/// Parses a node selector and matches it against the tiny graph; its round trip through
/// `description` gives the same selector (unless a value holds both quote characters).
func fuzzSelector(_ bytes: [UInt8]) -> CInt {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
        let selector = try NodeSelector(parsing: text)
        _ = tinyGraph.nodes(matching: selector)
        // A value holding both quote scalars has no syntax; by scalars, as the parser reads them.
        if !selector.filters.contains(where: { $0.value.unicodeScalars.contains("\"") && $0.value.unicodeScalars.contains("'") }) {
            precondition((try? NodeSelector(parsing: selector.description)) == selector, "no round trip: \(selector)")
        }
    } catch {
        precondition((1...text.unicodeScalars.count + 1).contains(error.column), "bad column: \(error)")
    }
    return 0
}

/// Reads the text as an import mapping and as a masking profile (both through `YAMLDocument`).
func fuzzYAML(_ bytes: [UInt8]) -> CInt {
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        _ = try LedgerMapping.parse(text, file: "m.yaml")
    } catch {
        expectPositioned(error)
    }
    do {
        _ = try MaskProfileFile.read(YAMLDocument.parse(text, file: "m.yaml"))
    } catch {
        expectPositioned(error)
    }
    return 0
}

/// Decodes the text as the workspace server decodes a request target: the path before `?`, the
/// parameters after it. A refusal is a 400 with a message; an accepted path has no dot segment, no
/// backslash and no empty segment; accepted parameters survive percent-encoding and decoding again.
func fuzzRequest(_ bytes: [UInt8]) -> CInt {
    let text = String(decoding: bytes, as: UTF8.self)
    let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    do {
        let path = try QueryString.decodePath(parts[0])
        precondition(!path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == "." || $0 == ".." }
                         && !path.contains("//") && !path.contains("\\"), "a path outside the pages: \(path)")
    } catch {
        precondition(error.status == 400 && !error.message.isEmpty, "a bad refusal: \(error)")
    }
    guard parts.count > 1 else { return 0 }
    do {
        let pairs = try QueryString.parameters(parts[1])
        let encoded = pairs.map { percentEncoded($0.name) + "=" + percentEncoded($0.value) }.joined(separator: "&")
        let again = try QueryString.parameters(encoded[...])
        precondition(again.map(\.name) == pairs.map(\.name) && again.map(\.value) == pairs.map(\.value), "no round trip: \(pairs)")
    } catch {
        precondition(error.status == 400 && !error.message.isEmpty, "a bad refusal: \(error)")
    }
    return 0
}

/// Every byte outside the unreserved set written as `%XX`.
func percentEncoded(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            result.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            result += String(format: "%%%02X", byte)
        }
    }
    return result
}

/// Every error of a YAML file is at a line and column, or names the file.
func expectPositioned(_ error: DiagnosticList) {
    precondition(!error.diagnostics.isEmpty, "an empty diagnostic list was thrown")
    for diagnostic in error.diagnostics where diagnostic.severity == .error {
        precondition(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? diagnostic.message.contains("m.yaml"),
                     "unpositioned: \(diagnostic)")
    }
}
