import Testing
import TongxinIO
import TongxinTestSupport
@testable import TongxinQuery

/// Checks beyond the corpus: the corpus graphs themselves, error rendering, the planner's choices,
/// the bounds on variable-length patterns, parameters, text output, and a seeded fuzz of the parser
/// and executor.
@Suite struct QueryEngineTests {
    /// A chain n0 → n1 → … → n(count-1) of `next` edges.
    static func chain(_ count: Int) -> Graph {
        var builder = GraphBuilder(name: "chain")
        for index in 0..<count { builder.addNode(id: "n\(index)", kind: "node") }
        for index in 1..<count { builder.addEdge(source: "n\(index - 1)", target: "n\(index)", kind: "next") }
        return try! builder.build()
    }

    /// The complete directed graph on `count` nodes (every ordered pair joined by a `tie`).
    static func complete(_ count: Int) -> Graph {
        var builder = GraphBuilder(name: "complete")
        for index in 0..<count { builder.addNode(id: "k\(index)", kind: "node") }
        for a in 0..<count { for b in 0..<count where a != b { builder.addEdge(source: "k\(a)", target: "k\(b)", kind: "tie") } }
        return try! builder.build()
    }

    @Test func corpusTinyGraphIsTheSampleProvince() throws {
        let file = try Corpus.graph("tiny"), sample = SampleGraphs.tinyProvince()
        #expect(file.ids.sorted() == sample.ids.sorted())
        for id in sample.ids {
            let a = file.index(of: id)!, b = sample.index(of: id)!
            #expect(file.kind(of: a) == sample.kind(of: b) && file.name(of: a) == sample.name(of: b))
            #expect(file.nodeAttributes.values(at: a).map(\.name) == sample.nodeAttributes.values(at: b).map(\.name))
        }
        func edges(_ graph: Graph) -> [String] {
            (0..<graph.edgeCount).map { "\(graph.ids[graph.source(of: $0)]) \(graph.kind(ofEdge: $0)) \(graph.ids[graph.target(of: $0)])" }
                .sorted()
        }
        #expect(edges(file) == edges(sample))
    }

    @Test func errorRendersWithCaretUnderWideText() {
        let query = "MATCH (c {name: '宜昌市'}) RETURN 宜昌"
        let engine = QueryEngine(graph: SampleGraphs.tinyProvince())
        #expect(throws: QueryError.self) { try engine.run(query) }
        do {
            _ = try engine.run(query)
        } catch {
            // '宜昌市' takes 6 terminal columns, so the caret sits 3 further right than the column.
            #expect(
                error.render(query: query) == """
                    query:1:32: error: unknown variable '宜昌'
                    MATCH (c {name: '宜昌市'}) RETURN 宜昌
                                                      ^
                    """)
            #expect(error.phase == .semantic)
        }
    }

    @Test func plannerSeeksTheNamedNodeFirst() throws {
        let engine = QueryEngine(graph: SampleGraphs.tinyProvince())
        let plan = try engine.explain("MATCH (v:village)-[:within]->(t:region {name: '甲镇'}) WHERE v.type = 'village' RETURN v")
        #expect(
            plan == [
                "Match",
                "  NodeSeek (t) by name index = '甲镇', ≈1 candidates",
                "  Expand (t)<-[:within]-(v)",
                "  Filter (v.type = 'village')",
                "Project [v]"
            ])
        let scan = try engine.explain("MATCH (x)-[:paired_with]->(y) RETURN count(*) AS n")
        #expect(scan[1] == "  RelationshipScan (x)-[:paired_with]->(y) by kind index, ≈2 candidates")
        let filtered = try engine.explain("MATCH (n) WHERE n.id = 'v3' RETURN n")
        #expect(filtered[1] == "  NodeSeek (n) by id index = 'v3', ≈1 candidates")
    }

    @Test func unboundedVariableLengthStopsAtTheDefaultBound() throws {
        let engine = QueryEngine(graph: Self.chain(20))
        #expect(engine.defaultMaxHops == 15)
        let bounded = try engine.run("MATCH ({id: 'n0'})-[*]->(b) RETURN count(*) AS n")
        #expect(bounded.rows == [[.int(15)]])
        let explicit = try engine.run("MATCH ({id: 'n0'})-[*..30]->(b) RETURN count(*) AS n")
        #expect(explicit.rows == [[.int(19)]])
        let shortest = try engine.run("MATCH p = shortestPath((a {id: 'n0'})-[*]->(b {id: 'n19'})) RETURN p")
        #expect(shortest.rows.isEmpty)
    }

    @Test func explodingPatternStopsWithABudgetError() {
        let engine = QueryEngine(graph: Self.complete(7))
        engine.pathBudget = 10_000
        let query = "MATCH (a {id: 'k0'})-[*]-(b) RETURN count(*)"
        #expect {
            try engine.run(query)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.phase == .runtime && error.position.column == 21
                && error.message.hasPrefix("a variable-length pattern expanded more than 10000 paths")
        }
    }

    @Test func productOfLargePatternsStopsWithARowBudgetError() throws {
        let engine = QueryEngine(graph: Self.complete(30))
        engine.rowBudget = 10_000
        // 30 × 30 × 30 = 27,000 rows: over the budget, reported at the second MATCH.
        #expect {
            try engine.run("MATCH (a) MATCH (b), (c) RETURN count(*)")
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.position.column == 11 && error.message.hasPrefix("the matches of this query passed 10000 rows")
        }
        // 900 rows fit.
        #expect(try engine.run("MATCH (a), (b) RETURN count(*) AS n").rows == [[.int(900)]])
    }

    @Test func sumOverflowIsAnError() {
        let engine = QueryEngine(graph: Graph())
        #expect(throws: QueryError.self) { try engine.run("UNWIND [9223372036854775807, 1] AS x RETURN sum(x)") }
    }

    @Test func parameterValuesReadAsLiteralsOrText() {
        #expect(QueryEngine.parameterValue("42") == .int(42))
        #expect(QueryEngine.parameterValue("-2.5") == .double(-2.5))
        #expect(QueryEngine.parameterValue("'甲市'") == .string("甲市"))
        #expect(QueryEngine.parameterValue("甲市") == .string("甲市"))
        #expect(QueryEngine.parameterValue("true") == .bool(true))
        #expect(QueryEngine.parameterValue("[1, 'a']") == .list([.int(1), .string("a")]))
        #expect(QueryEngine.parameterValue("a b") == .string("a b"))
        #expect(QueryEngine.parameterValue("") == .string(""))
    }

    @Test func resultTextForTablesAndCSV() throws {
        let engine = QueryEngine(graph: SampleGraphs.tinyProvince())
        let result = try engine.run(
            """
            MATCH p = (e:enterprise)-[r {projects: 2}]->(v)-[:within]->(t)
            RETURN e, r, p, [v.name, null], {n: 1}
            """)
        #expect(result.rows.count == 1)
        #expect(
            result.rows[0].map(result.text) == [
                "某茶业公司 (e1)", "(e1)-[:paired_with]->(v2)", "(e1)-[:paired_with]->(v2)-[:within]->(t1)",
                "['二村', null]", "{n: 1}"
            ])
    }

    /// Random edits of the corpus queries (deletions, insertions of query fragments, duplications,
    /// swaps) must each give a result or a positioned QueryError: never a crash or a hang.
    @Test func fuzzedQueriesNeverCrash() throws {
        let graphs = ["tiny": try Corpus.graph("tiny"), "mixed": try Corpus.graph("mixed")]
        let queries = Corpus.load().map { ($0.graph, $0.query) }
        let fragments = [
            "(", ")", "[", "]", "{", "}", "-", "->", "<-", "*", "..", ":", ",", "'", "\"", "`", "$x", "0",
            "-1", "9223372036854775807", "null", "MATCH ", " RETURN ", " WITH ", " WHERE ", " AND ", " OR ",
            " NOT ", " IN ", "count(*)", "collect(", " AS ", " ORDER BY ", " LIMIT ", "|", "1.5", "甲", "\\",
            "shortestPath(", "OPTIONAL ", "UNWIND ", " DISTINCT ", "*0..", "/ 0", "%", "^", "=", "<>", "."
        ]
        let seed: UInt64 = 20_241_124
        var random = SplitMix64(seed: seed)
        var errors = 0, answers = 0
        for round in 0..<4000 {
            let (graphName, original) = queries[Int(random.next() % UInt64(queries.count))]
            var scalars = Array(original.unicodeScalars)
            for _ in 0...(random.next() % 3) {
                let position = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
                switch random.next() % 4 {
                case 0 where !scalars.isEmpty:
                    let end = min(scalars.count, position + 1 + Int(random.next() % 6))
                    if position < end { scalars.removeSubrange(position..<end) }
                case 1:
                    let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
                    scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
                case 2 where position < scalars.count:
                    let end = min(scalars.count, position + 1 + Int(random.next() % 12))
                    scalars.insert(contentsOf: scalars[position..<end], at: position)
                default:
                    if scalars.count > 1 {
                        let other = Int(random.next() % UInt64(scalars.count))
                        scalars.swapAt(min(position, scalars.count - 1), other)
                    }
                }
            }
            let query = String(String.UnicodeScalarView(scalars))
            let engine = QueryEngine(graph: graphs[graphName]!)
            engine.pathBudget = 20_000
            engine.rowBudget = 20_000
            do {
                _ = try engine.run(query)
                answers += 1
            } catch {
                errors += 1
                let lines = query.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(
                    error.position.line >= 1 && error.position.line <= lines.count,
                    "seed \(seed) round \(round): \(error) for \(query)")
                #expect(!error.render(query: query).isEmpty)
            }
        }
        #expect(errors > 1000 && answers > 100, "seed \(seed): \(errors) errors, \(answers) answers")
    }
}
