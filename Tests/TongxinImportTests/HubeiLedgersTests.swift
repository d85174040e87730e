import Foundation
import Testing
import TongxinAnalysis
import TongxinIO
@testable import TongxinImport

/// The Hubei ledgers (`Scripts/make-ledgers.py`: 17 liaison rosters, the chambers list, two pairing
/// sheets, as real .xlsx with title rows, merged town cells and short names) imported by their
/// mapping give the same figures as `Graphs/hubei.json` they were written from.
enum HubeiLedgers {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mapping = root.appendingPathComponent("Graphs/ledgers/mapping.yaml").path
    static let json = root.appendingPathComponent("Graphs/hubei.json").path
    static let isPresent = FileManager.default.fileExists(atPath: mapping) && FileManager.default.fileExists(atPath: json)

    static let imported = Result { () throws(DiagnosticList) in try LedgerImporter.run(LedgerMapping.read(mapping)) }
    static let original = Result { () throws(DiagnosticList) in try GraphFile.read(json) }
}

@Suite(.enabled(if: HubeiLedgers.isPresent, "Graphs/ledgers is written by Scripts/make-ledgers.py after make-hubei.py"))
struct HubeiLedgersTests {
    let imported: Graph
    let original: Graph

    init() throws {
        imported = try HubeiLedgers.imported.get().graph
        original = try HubeiLedgers.original.get()
    }

    func coverageRows(_ graph: Graph, unit: RegionLevel, by selector: String, via: [String]) throws -> [String] {
        try Coverage(of: graph, unit: unit, by: [NodeSelector(parsing: selector)], via: via).regions.map {
            "\(graph.id(of: $0.node)) \(graph.name(of: $0.node)) \($0.units) \($0.covered)"
        }
    }

    func pairing(_ graph: Graph, in region: String) throws -> [Int] {
        let r = try Pairing(
            of: graph, left: NodeSelector(parsing: "enterprise"), right: NodeSelector(parsing: "village"),
            edge: EdgeKind.pairedWith, within: graph.resolve(region)
        ).regions[0]
        return [r.left, r.right, r.pairs, r.leftPaired, r.rightPaired, r.maxMatching]
    }

    @Test func everyVillageOnce() {
        #expect(imported.nodes(ofKind: NodeKind.village).count == 26_220)
        #expect(imported.nodes(ofKind: NodeKind.village).count == original.nodes(ofKind: NodeKind.village).count)
        #expect(imported.nodes(ofKind: NodeKind.region).count == 1594)
    }

    @Test func liaisonCoverageIsTheSameInEveryRegion() throws {
        let rows = try coverageRows(imported, unit: .village, by: "figure", via: [EdgeKind.liaisonFor])
        #expect(rows == (try coverageRows(original, unit: .village, by: "figure", via: [EdgeKind.liaisonFor])))
        #expect(rows.contains("4203 十堰市 1898 1898"))
    }

    @Test func chamberCoverageOfTownsIsTheSame() throws {
        let selector = "organization[type=商会]"
        #expect(
            try coverageRows(imported, unit: .town, by: selector, via: Coverage.defaultVia)
                == coverageRows(original, unit: .town, by: selector, via: Coverage.defaultVia))
    }

    @Test func pairingFiguresAreTheSame() throws {
        // left, right, pairs, left paired, right paired, maximum matching
        #expect(try pairing(imported, in: "宜昌") == [1173, 1640, 1460, 1173, 1319, 1173])
        #expect(try pairing(original, in: "宜昌市") == pairing(imported, in: "宜昌"))
        #expect(try pairing(imported, in: "恩施州") == [2169, 1510, 2600, 2169, 1510, 1510])
        #expect(try pairing(original, in: "恩施州") == pairing(imported, in: "恩施州"))
    }
}
