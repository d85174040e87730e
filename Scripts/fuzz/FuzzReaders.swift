// libFuzzer target for Tongxin's readers, built by run.sh together with the TongxinGraph and
// TongxinIO sources as one module. The first byte picks the reader (JSON, GraphML, CSV nodes+edges
// split at a form feed, GEXF, Cytoscape JSON, Neo4j node+relationship files split at a form feed,
// an .xlsx workbook, GeoJSON boundaries); the rest is the file. A crash, a sanitizer report or an
// unpositioned error is a finding.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] % 8 == 6 { return fuzzWorkbook(bytes) }
    do {
        if data[0] % 8 == 7 {
            let collection = try GeoJSONReader.read(InputFile(path: "b.geojson", bytes: bytes))
            precondition(collection.features.allSatisfy { $0.polygons.allSatisfy { $0.rings.allSatisfy { $0.count >= 3 } } },
                         "a ring with fewer than three positions")
            return 0
        }
        let graph: Graph
        switch data[0] % 8 {
        case 0:
            graph = try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes))
        case 1:
            graph = try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
        case 3:
            graph = try GEXFReader.read(InputFile(path: "g.gexf", bytes: bytes))
        case 4:
            graph = try CytoscapeJSONReader.read(InputFile(path: "g.cyjs", bytes: bytes))
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
