import Testing
import TongxinGraph
import TongxinTestSupport
@testable import TongxinQuery

/// Hostile nesting is a positioned syntax error, never a stack overflow; ordinary depth still runs.
@Suite struct ParserNestingTests {
    let engine = QueryEngine(graph: SampleGraphs.tinyProvince())

    func run(_ query: String) throws(QueryError) -> [[QueryValue]] { try engine.run(query).rows }

    func nestingError(_ query: String) -> QueryError? {
        do {
            _ = try run(query)
            return nil
        } catch {
            return error
        }
    }

    @Test func thousandsOfParenthesesAreAPositionedError() throws {
        let depth = 5_000
        let query = "RETURN " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let error = try #require(nestingError(query))
        #expect(error.phase == .syntax)
        #expect(error.message == "expression nested too deeply (more than 200 levels)")
        #expect(error.position.line == 1 && error.position.column == 8 + Parser.maximumNesting)
    }

    @Test func deepListsPrefixesAndChainsAreErrors() throws {
        let lists = "RETURN " + String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000)
        let nots = "RETURN " + String(repeating: "NOT ", count: 3_000) + "true"
        let signs = "RETURN " + String(repeating: "- ", count: 3_000) + "1"
        let sum = "RETURN " + Array(repeating: "1", count: 100_000).joined(separator: " + ")
        let ors = "MATCH (n) WHERE " + Array(repeating: "n.x = 1", count: 20_000).joined(separator: " OR ") + " RETURN n"
        let chain = "RETURN " + String(repeating: "{a: ", count: 2_000) + "1" + String(repeating: "}", count: 2_000)
        for query in [lists, nots, signs, sum, ors, chain] {
            let error = try #require(nestingError(query), "\(query.prefix(40))")
            #expect(error.message.hasPrefix("expression nested too deeply"))
        }
    }

    @Test func ordinaryDepthStillRuns() throws {
        let parentheses = "RETURN " + String(repeating: "(", count: 190) + "1" + String(repeating: ")", count: 190) + " AS x"
        #expect(try run(parentheses) == [[.int(1)]])
        let sum = "RETURN " + Array(repeating: "1", count: 190).joined(separator: " + ") + " AS x"
        #expect(try run(sum) == [[.int(190)]])
        let ors = "RETURN " + Array(repeating: "false", count: 190).joined(separator: " OR ") + " OR true AS x"
        #expect(try run(ors) == [[.bool(true)]])
    }

    @Test func thousandsOfClausesArePositionedErrors() throws {
        let withs = String(repeating: "WITH 1 AS a ", count: 5_000) + "RETURN a"
        let error = try #require(nestingError(withs))
        #expect(error.message == "too many clauses (more than 256)")
        #expect(error.position.column == 1 + 12 * Parser.maximumClauses)
        #expect(try run(String(repeating: "WITH 1 AS a ", count: 255) + "RETURN a") == [[.int(1)]])
    }

    @Test func longPatternsAreErrors() throws {
        let hops = "MATCH (a)" + String(repeating: "--()", count: 20_000) + " RETURN count(*)"
        let parts = "MATCH " + (0..<3_000).map { "(x\($0))" }.joined(separator: ", ") + " RETURN count(*)"
        for query in [hops, parts] {
            let error = try #require(nestingError(query), "\(query.prefix(40))")
            #expect(error.message == "too many node and relationship patterns (more than 256)")
        }
        // 128 nodes and 127 relationships, anchored where nothing matches.
        let longest = "MATCH (a {id: 'none'})" + String(repeating: "--()", count: 127) + " RETURN count(*) AS n"
        #expect(try run(longest) == [[.int(0)]])
    }

    /// On a path of 400 nodes, the largest hop bound walks 256 edges deep (the depth-first
    /// expansion and the shortest path's unwinding recurse once per hop); a larger bound is refused.
    @Test func hopBoundsAreBounded() throws {
        var builder = GraphBuilder(name: "path")
        for node in 0..<400 { _ = builder.addNode(id: "n\(node)", kind: "organization") }
        for node in 1..<400 { _ = builder.addEdge(from: node - 1, to: node, kind: "links") }
        let path = QueryEngine(graph: try builder.build())
        let far = "MATCH (a {id: 'n0'})-[:links*256]->(b) RETURN b.id AS id"
        #expect(try path.run(far).rows == [[.string("n256")]])
        let shortest = "MATCH (a {id: 'n0'}), (b {id: 'n256'}) MATCH p = shortestPath((a)-[:links*..256]->(b)) RETURN length(p) AS hops"
        #expect(try path.run(shortest).rows == [[.int(256)]])
        do {
            _ = try path.run("MATCH (a {id: 'n0'})-[:links*1..200000]->(b) RETURN count(b)")
            Issue.record("a bound of 200,000 hops ran")
        } catch {
            #expect(error.message == "a variable-length relationship spans at most 256 hops, not 200000")
            #expect(error.position.column == 33)
        }
    }
}
