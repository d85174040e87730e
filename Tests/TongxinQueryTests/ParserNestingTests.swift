import Testing
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
        #expect(error.message == "expression nested too deeply (more than 500 levels)")
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
        let parentheses = "RETURN " + String(repeating: "(", count: 480) + "1" + String(repeating: ")", count: 480) + " AS x"
        #expect(try run(parentheses) == [[.int(1)]])
        let sum = "RETURN " + Array(repeating: "1", count: 400).joined(separator: " + ") + " AS x"
        #expect(try run(sum) == [[.int(400)]])
        let ors = "RETURN " + Array(repeating: "false", count: 300).joined(separator: " OR ") + " OR true AS x"
        #expect(try run(ors) == [[.bool(true)]])
    }
}
