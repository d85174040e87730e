import Foundation
import Testing
import TongxinIO

/// The hand-made graphs in `Graphs/examples/` that the READMEs show: they load, and hold what their
/// descriptions say (counts worked out by hand from the files).
@Suite("Example graphs")
struct ExampleGraphsTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Graphs/examples").path

    func load(_ name: String) throws -> Graph { try GraphFile.read(Self.folder + "/" + name) }

    func kindCounts(_ graph: Graph) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: graph.nodeKindCounts().map { ($0.kind, $0.count) })
    }

    @Test func yunxiCounty() throws {
        let graph = try load("yunxi.json")
        // 27 nodes; 17 edges in the file plus 26 `parent`s (every node but the province has one).
        #expect(graph.nodeCount == 27 && graph.edgeCount == 43)
        #expect(graph.warnings.isEmpty)
        #expect(kindCounts(graph) == ["region": 6, "village": 6, "organization": 6, "enterprise": 2, "figure": 7])
        // Of 郧西县's three towns, 城关镇 and 上津镇 have a chamber of commerce; 湖北口回族乡 has none.
        let county = try graph.resolve("郧西县")
        let withChamber = graph.hierarchy.children(of: county).map(Int.init).filter { town in
            graph.hierarchy.children(of: town).contains {
                graph.attribute("type", of: Int($0)) == .string("商会")
            }
        }
        #expect(withChamber.map(graph.name(of:)) == ["城关镇", "上津镇"])
    }

    @Test func ziqiuPairing() throws {
        let graph = try load("ziqiu-pairing.json")
        // 19 nodes; 10 edges in the file plus 18 `parent`s.
        #expect(graph.nodeCount == 19 && graph.edgeCount == 28)
        let pairs = (0..<graph.edgeCount).filter { graph.kind(ofEdge: $0) == EdgeKind.pairedWith }
        // 7 pairs, 6 of them from the 5 enterprises, into 5 of the 6 villages (西湾村 unpaired); the
        // enterprises alone reach 4 (青岩村 is paired with the chamber only). Projects: 3+1+2+1+2+1+1.
        #expect(pairs.count == 7)
        let fromEnterprises = pairs.filter { graph.kind(of: graph.source(of: $0)) == NodeKind.enterprise }
        #expect(Set(fromEnterprises.map(graph.source(of:))).count == 5)
        #expect(Set(fromEnterprises.map(graph.target(of:))).count == 4)
        #expect(Set(pairs.map(graph.target(of:))).map(graph.name(of:)).sorted() == ["双龙村", "天池口村", "枝柘坪村", "水连村", "青岩村"].sorted())
        #expect(pairs.compactMap { graph.edgeAttributes.value("projects", at: $0)?.number }.reduce(0, +) == 11)
    }

    @Test func suixianLiaisonCSVFolder() throws {
        let graph = try load("suixian-liaison")
        // 23 nodes in nodes.csv, 48 edges in edges.csv (`within` rows included).
        #expect(graph.nodeCount == 23 && graph.edgeCount == 48)
        #expect(graph.warnings.isEmpty)
        // 随州's rule: every village (烈山村, 七里岗村, 神农社区) has a 联络站, one 统战联络员 and 3–4 信息采集员.
        for village in graph.nodes(ofKind: NodeKind.village) {
            let liaisons = zip(graph.incoming.neighbors(of: village), graph.incoming.edges(of: village))
                .filter { graph.kind(ofEdge: Int($0.1)) == EdgeKind.liaisonFor }
                .compactMap { graph.attribute("category", of: Int($0.0))?.string }
            #expect(liaisons.filter { $0 == "统战联络员" }.count == 1, "\(graph.name(of: village))")
            #expect((3...4).contains(liaisons.filter { $0 == "信息采集员" }.count), "\(graph.name(of: village))")
            #expect(graph.hierarchy.children(of: village).contains { graph.attribute("type", of: Int($0)) == .string("联络站") })
        }
    }
}
