import Foundation
import Testing
import TongxinIO
import TongxinTestSupport
@testable import TongxinQuery

/// The query corpus (`Corpus/*.cases`): queries with the results worked out by hand, run on the
/// graphs beside them. `Scripts/query-kuzu.py` runs the same cases against Kùzu.
///
/// A case is:
///
/// ```
/// ## what it checks
/// @graph tiny                  (optional: a Corpus/NAME.json graph; tiny by default)
/// @param city='甲市'           (optional, repeatable: a parameter, as a Cypher literal)
/// MATCH (c:region {name: $city}) RETURN c.level
/// --
/// c.level                      (the column names, separated by ' | ')
/// 'city'                       (one line a row, values as Cypher literals)
/// ```
///
/// Nodes are written `(id)`, relationships `(source)-[:kind]->(target)`, paths as their chain of
/// those. Rows are compared in order when the query has ORDER BY, as multisets otherwise. An error
/// case expects `!error LINE:COL message`.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var title: String
    var graph = "tiny"
    var parameters: [String: String] = [:]
    var query = ""
    var expected: [String] = []

    var testDescription: String { "\(file):\(line) \(title)" }
    var ordered: Bool { query.range(of: "ORDER BY", options: .caseInsensitive) != nil }
}

enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func load() -> [CorpusCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".cases") }.sorted() ?? []
        var cases: [CorpusCase] = []
        for file in files {
            let text = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
            var current: CorpusCase?
            var inExpected = false
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("## ") {
                    if let current { cases.append(current) }
                    current = CorpusCase(file: file, line: number + 1, title: String(line.dropFirst(3)))
                    inExpected = false
                } else if current == nil || line.hasPrefix("#") {
                    continue
                } else if inExpected {
                    if !line.trimmingCharacters(in: .whitespaces).isEmpty { current!.expected.append(String(line)) }
                } else if line.hasPrefix("@graph ") {
                    current!.graph = String(line.dropFirst(7))
                } else if line.hasPrefix("@param ") {
                    let body = line.dropFirst(7)
                    let equals = body.firstIndex(of: "=")!
                    current!.parameters[String(body[..<equals])] = String(body[body.index(after: equals)...])
                } else if line == "--" {
                    inExpected = true
                } else {
                    current!.query += (current!.query.isEmpty ? "" : "\n") + line
                }
            }
            if let current { cases.append(current) }
        }
        return cases
    }

    /// The corpus graphs, read once.
    static let graphs: [String: Graph] = {
        var graphs: [String: Graph] = [:]
        for name in ["tiny", "mixed"] {
            graphs[name] = try? GraphFile.read(directory.appendingPathComponent(name + ".json").path)
        }
        return graphs
    }()

    static func graph(_ name: String) throws -> Graph {
        guard let graph = graphs[name] else { throw DiagnosticList([Diagnostic(.error, "no corpus graph '\(name)'")]) }
        return graph
    }

    /// The case's answer in the corpus notation: header line, then rows (or the error line).
    static func run(_ test: CorpusCase) throws -> [String] {
        let graph = try graph(test.graph)
        let engine = QueryEngine(graph: graph)
        var parameters: [String: QueryValue] = [:]
        for (name, text) in test.parameters { parameters[name] = QueryEngine.parameterValue(text) }
        do {
            let result = try engine.run(test.query, parameters: parameters)
            return [result.columns.joined(separator: " | ")] + result.rows.map { $0.map { notation($0, graph) }.joined(separator: " | ") }
        } catch {
            return ["!error \(error.position.line):\(error.position.column) \(error.message)"]
        }
    }

    static func notation(_ value: QueryValue, _ graph: Graph) -> String {
        switch value {
        case .node(let node): "(\(graph.ids[Int(node)]))"
        case .relationship(let edge): relationship(Int(edge), graph)
        case .path(let path): pathNotation(path, graph)
        case .list(let items): "[" + items.map { notation($0, graph) }.joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { $0.key + ": " + notation($0.value, graph) }.joined(separator: ", ") + "}"
        default: value.literalText
        }
    }

    /// `<(a)-[:kind]->(b)<-[:kind]-(c)>`: each relationship drawn in its own direction.
    static func pathNotation(_ path: QueryPath, _ graph: Graph) -> String {
        var text = "<(\(graph.ids[Int(path.nodes[0])]))"
        var previous = path.nodes[0]
        for (edge, node) in zip(path.relationships, path.nodes.dropFirst()) {
            let kind = graph.kind(ofEdge: Int(edge))
            text += (graph.sources[Int(edge)] == previous ? "-[:\(kind)]->" : "<-[:\(kind)]-") + "(\(graph.ids[Int(node)]))"
            previous = node
        }
        return text + ">"
    }

    static func relationship(_ edge: Int, _ graph: Graph) -> String {
        "(\(graph.ids[graph.source(of: edge)]))-[:\(graph.kind(ofEdge: edge))]->(\(graph.ids[graph.target(of: edge)]))"
    }
}

@Suite struct CorpusTests {
    static let cases = Corpus.load()

    @Test func corpusIsLarge() {
        #expect(Self.cases.count >= 100)
    }

    @Test(arguments: CorpusTests.cases)
    func corpusCase(_ test: CorpusCase) throws {
        var actual = try Corpus.run(test)
        var expected = test.expected
        if !test.ordered && actual.count > 1 && !(expected.first ?? "").hasPrefix("!error") {
            actual = [actual[0]] + actual.dropFirst().sorted()
            expected = expected.isEmpty ? [] : [expected[0]] + expected.dropFirst().sorted()
        }
        #expect(actual == expected, "\(test.testDescription)\n\(test.query)\nactual:\n\(actual.joined(separator: "\n"))")
    }
}
