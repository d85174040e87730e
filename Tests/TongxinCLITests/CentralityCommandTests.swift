import Foundation
import Testing
import TongxinIO
import TongxinTestSupport

/// `tongxin centrality`, `path` and `neighbors` end to end, on the Florentine families fixture written
/// as a native JSON file: the numbers printed are NetworkX's, to 1e-9.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct CentralityCommandTests {
    static let fixture = NetworkXFixture(named: "florentine")
    static let graphPath: String = {
        let path = NSTemporaryDirectory() + "tongxin-centrality-florentine-\(UUID().uuidString).json"
        try! GraphFile.write(fixture.graph, to: path)
        return path
    }()

    func tongxin(_ arguments: String...) throws -> BuiltTongxin.Run {
        try BuiltTongxin.run([arguments[0], Self.graphPath] + arguments.dropFirst())
    }

    @Test(arguments: [
        ("betweenness", "betweenness"), ("closeness", "closeness"), ("pagerank", "pagerank"),
        ("harmonic", "harmonic"), ("eigenvector", "eigenvector")
    ])
    func jsonScoresAreNetworkXs(measure: String, key: String) throws {
        let run = try tongxin("centrality", "--measure", measure, "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let json = run.json
        #expect(json["measure"] as? String == measure)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let expected = try #require(Self.fixture.results[key] as? [String: NSNumber])
        #expect(nodes.count == expected.count)
        for node in nodes {
            let id = try #require(node["id"] as? String), score = try #require(node["score"] as? NSNumber)
            #expect(abs(score.doubleValue - expected[id]!.doubleValue) <= 1e-9, "\(measure) of \(id)")
        }
        // Sorted by score descending, then id.
        let scores: [Double] = nodes.map { ($0["score"] as! NSNumber).doubleValue }
        let ids: [String] = nodes.map { $0["id"] as! String }
        for i in 1..<nodes.count {
            let inOrder = scores[i - 1] > scores[i] || (scores[i - 1] == scores[i] && ids[i - 1] < ids[i])
            #expect(inOrder, "\(ids[i - 1]) before \(ids[i])")
        }
    }

    /// Medici bridges the families: betweenness 0.5219780219780219 (NetworkX), then Guadagni and Albizzi.
    @Test func topAsCSV() throws {
        let run = try tongxin("centrality", "--measure", "betweenness", "--top", "3", "--format", "csv")
        #expect(run.status == 0)
        #expect(
            run.stdout.split(separator: "\n").map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
                == ["rank,id", "1,Medici", "2,Guadagni", "3,Albizzi"])
    }

    /// NetworkX's all shortest paths from Pazzi to Lamberteschi, 5 hops each.
    @Test func allShortestPathsAreNetworkXs() throws {
        let run = try tongxin("path", "Pazzi", "Lamberteschi", "--all-shortest", "--format", "json")
        #expect(run.status == 0)
        #expect(run.json["length"] as? Int == 5)
        let paths = try #require(run.json["paths"] as? [[String: Any]]).map { path in
            (path["nodes"] as! [[String: Any]]).map { $0["id"] as! String }
        }
        let cases = try #require(Self.fixture.results["paths"] as? [[String: Any]])
        let expected = try #require(cases.first { $0["from"] as? String == "Pazzi" && $0["to"] as? String == "Lamberteschi" })
        #expect(Set(paths) == Set(expected["all"] as! [[String]]))
    }

    /// Medici's six families are its depth-1 neighbourhood.
    @Test func neighborsAtDepthOne() throws {
        let run = try tongxin("neighbors", "Medici", "--depth", "1", "--format", "json")
        #expect(run.status == 0)
        let ids = try #require(run.json["neighbors"] as? [[String: Any]]).map { $0["id"] as! String }
        #expect(Set(ids) == ["Acciaiuoli", "Barbadori", "Ridolfi", "Salviati", "Tornabuoni", "Albizzi"])
    }

    /// Leiden's communities on the families: each connected, modularity as printed equals the
    /// partition's (checked by the library tests), and `--top` keeps the first rows.
    @Test func leidenCommunities() throws {
        let run = try tongxin(
            "centrality", "--measure", "communities", "--algorithm", "leiden", "--seed", "1",
            "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let modularity = try #require(run.json["modularity"] as? NSNumber).doubleValue
        #expect(modularity > 0.3)
        let nodes = try #require(run.json["nodes"] as? [[String: Any]])
        #expect(nodes.count == Self.fixture.graph.nodeCount)
        let top = try tongxin(
            "centrality", "--measure", "communities", "--algorithm", "leiden", "--seed", "1",
            "--top", "3", "--format", "json")
        let first = try #require(top.json["nodes"] as? [[String: Any]]).map { $0["id"] as! String }
        #expect(first == nodes.prefix(3).map { $0["id"] as! String })
        let misplaced = try tongxin("centrality", "--measure", "pagerank", "--algorithm", "leiden")
        #expect(misplaced.status == 1)
        #expect(misplaced.stderr.contains("--algorithm applies to --measure communities only"))
    }

    @Test func badInputExits1WithOneMessage() throws {
        let unknown = try tongxin("path", "Pazzi", "Nobody")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: TO: no node with id, code or name 'Nobody'\n")
        let raw = try tongxin("centrality", "--measure", "pagerank", "--raw")
        #expect(raw.status == 1)
        #expect(raw.stderr.contains("pagerank is always normalized"))
    }
}
