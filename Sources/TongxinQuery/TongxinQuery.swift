@_exported import TongxinGraph

/// Runs read-only Cypher queries (DESIGN.md, "Query language") on one graph.
///
/// ```swift
/// let engine = QueryEngine(graph: graph)
/// let result = try engine.run("""
///     MATCH (e:enterprise)-[:paired_with]->(v:village)-[:within*1..3]->(c:region {name: $city})
///     RETURN c.name, count(DISTINCT e) AS enterprises, count(v) AS pairs
///     """, parameters: ["city": .string("甲市")])
/// result.columns  // ["c.name", "enterprises", "pairs"]
/// result.rows     // [[.string("甲市"), .int(1), .int(2)]]
/// ```
///
/// Semantics follow openCypher 9 (the openCypher project's language reference, and Francis et al.,
/// "Cypher: An Evolving Query Language for Property Graphs", SIGMOD 2018,
/// doi:10.1145/3183713.3190657): relationship uniqueness within a MATCH, three-valued logic,
/// aggregates over nulls and over no rows.
///
/// The engine keeps the indexes it builds (nodes by kind, nodes by a property's value) for later
/// queries, so make one per graph and reuse it. It is not thread-safe: use one per thread.
///
/// - Complexity: parsing and planning are linear in the query's length; running costs what the
///   plan explores (see ``explain(_:parameters:)``): an anchored pattern touches only the
///   neighbourhoods it walks, never the whole graph.
public final class QueryEngine {
    public let graph: Graph
    /// The upper bound given to a variable-length relationship written without one (`*`, `*2..`)
    /// and to `shortestPath`: 15 hops; values above 256 (the largest bound a query may write)
    /// count as 256.
    public var defaultMaxHops = 15
    /// How many paths the variable-length expansions and shortest-path searches of one query may
    /// explore before it stops with an error: 5,000,000.
    public var pathBudget = 5_000_000
    /// How many rows the MATCH clauses of one query may produce in all before it stops with an
    /// error (a product of two large patterns, say): 50,000,000.
    public var rowBudget = 50_000_000
    /// How long one query may run before it stops with an error: 30 seconds.
    public var timeLimit: Duration = .seconds(30)
    let indexes: GraphIndexes

    public init(graph: Graph) {
        self.graph = graph
        indexes = GraphIndexes(graph: graph)
    }

    /// Parses, plans and runs `query`.
    ///
    /// A query starting with `EXPLAIN` is planned and not run: its result is the plan, one line a
    /// row in the column `plan`.
    ///
    /// - Throws: ``QueryError`` with the position of the offending token: a syntax error, a
    ///   semantic error (unknown variable or parameter, misplaced aggregate…) or a run-time error
    ///   (wrong type, integer overflow, division by zero, path or row budget exceeded).
    public func run(_ query: String, parameters: [String: QueryValue] = [:]) throws(QueryError) -> QueryResult {
        let (ast, explainOnly) = try Parser.parse(query)
        var compiler = QueryCompiler(
            indexes: indexes, parameters: parameters, maxHops: defaultMaxHops,
            budget: ExecutionBudget(paths: pathBudget, rows: rowBudget, timeLimit: timeLimit))
        let compiled = try compiler.compile(ast)
        if explainOnly { return QueryResult(graph: graph, columns: ["plan"], rows: compiler.explain.map { [.string($0)] }) }
        try compiled.first.push([QueryValue](repeating: .null, count: compiled.scope.width))
        try compiled.first.finish()
        return QueryResult(graph: graph, columns: compiled.columns, rows: compiled.result.results)
    }

    /// The plan `query` would run, one line a step, without running it.
    public func explain(_ query: String, parameters: [String: QueryValue] = [:]) throws(QueryError) -> [String] {
        let (ast, _) = try Parser.parse(query)
        var compiler = QueryCompiler(
            indexes: indexes, parameters: parameters, maxHops: defaultMaxHops,
            budget: ExecutionBudget(paths: pathBudget, rows: rowBudget, timeLimit: timeLimit))
        _ = try compiler.compile(ast)
        return compiler.explain
    }

    /// Reads a `--param name=value` value: a Cypher literal when the text is one (`42`, `2.5`,
    /// `true`, `null`, `'text'`, `[1, 2]`, `{a: 1}`), the text itself otherwise (`宜昌市`).
    public static func parameterValue(_ text: String) -> QueryValue {
        guard var parser = try? Parser(text), let expr = try? parser.expression(), parser.atEnd,
            let eval = try? ExpressionCompiler(graph: Graph(), parameters: [:], scope: Scope(), forbidAggregatesIn: "a parameter").compile(
                expr),
            let value = try? eval([])
        else { return .string(text) }
        return value
    }
}

/// The answer to a query: column names and rows of values. Nodes, relationships and paths are
/// indices into ``graph``.
public struct QueryResult: Sendable {
    public let graph: Graph
    public var columns: [String]
    public var rows: [[QueryValue]]

    public init(graph: Graph, columns: [String], rows: [[QueryValue]]) {
        self.graph = graph
        self.columns = columns
        self.rows = rows
    }

    /// A value as one line of text, for tables and CSV: strings as they are, numbers as in JSON,
    /// a node as `name (id)` (just `id` when it has no name), a relationship as
    /// `(source)-[:kind]->(target)` by ids, a path as its ids and kinds in order, lists as
    /// `[a, b]` and maps as `{key: value}`.
    public func text(_ value: QueryValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .node(let node): nodeText(Int(node))
        case .relationship(let edge):
            "(\(graph.ids[graph.source(of: Int(edge))]))-[:\(graph.kind(ofEdge: Int(edge)))]->(\(graph.ids[graph.target(of: Int(edge))]))"
        case .path(let path): pathText(path)
        case .list(let items): "[" + items.map(nested).joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { $0.key + ": " + nested($0.value) }.joined(separator: ", ") + "}"
        default: value.literalText
        }
    }

    private func nested(_ value: QueryValue) -> String {
        switch value {
        case .null: "null"
        case .string: value.literalText
        default: text(value)
        }
    }

    private func nodeText(_ node: Int) -> String {
        guard let name = graph.names[node], name != graph.ids[node] else { return graph.ids[node] }
        return "\(name) (\(graph.ids[node]))"
    }

    private func pathText(_ path: QueryPath) -> String {
        guard let first = path.nodes.first else { return "" }
        var text = "(\(graph.ids[Int(first)]))"
        for (edge, node) in zip(path.relationships, path.nodes.dropFirst()) {
            let forward = graph.target(of: Int(edge)) == Int(node)
            let kind = graph.kind(ofEdge: Int(edge))
            text += (forward ? "-[:\(kind)]->" : "<-[:\(kind)]-") + "(\(graph.ids[Int(node)]))"
        }
        return text
    }
}
