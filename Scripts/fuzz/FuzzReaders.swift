// libFuzzer target for Tongxin's readers, built by run.sh together with the TongxinGraph and
// TongxinIO sources as one module. The first byte picks the reader (JSON, GraphML, CSV nodes+edges
// split at a form feed, GeoJSON boundaries); the rest is the file. A crash, a sanitizer report or
// an unpositioned error is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do {
        if data[0] % 4 == 3 {
            let collection = try GeoJSONReader.read(InputFile(path: "b.geojson", bytes: bytes))
            precondition(collection.features.allSatisfy { $0.polygons.allSatisfy { $0.rings.allSatisfy { $0.count >= 3 } } },
                         "a ring with fewer than three positions")
            return 0
        }
        let graph: Graph
        switch data[0] % 4 {
        case 0:
            graph = try NativeJSONReader.read(InputFile(path: "g.json", bytes: bytes))
        case 1:
            graph = try GraphMLReader.read(InputFile(path: "g.graphml", bytes: bytes))
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
