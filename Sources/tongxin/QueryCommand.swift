import ArgumentParser
import Foundation
import TongxinIO
import TongxinQuery
import TongxinResults

/// `tongxin query G 'QUERY'`: a read-only Cypher query (DESIGN.md, "Query language").
struct QueryCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a read-only Cypher query (MATCH … WHERE … RETURN …) on the graph.",
        discussion: """
            Node labels are node kinds; node properties are id, name, kind and the attributes;
            relationship properties are kind, weight and the attributes. In tables and CSV a node
            prints as `name (id)`, a relationship as `(source)-[:kind]->(target)`; in JSON they are
            objects. A variable-length relationship without an upper bound stops at 15 hops, a
            query may explore at most 5,000,000 variable-length paths, and it stops after
            --time-limit seconds.

            Examples:
              tongxin query Graphs/hubei.json "MATCH (c:region {level: 'city'}) RETURN c.name ORDER BY c.name"
              tongxin query Graphs/hubei.json --param city=宜昌市 \\
                "MATCH (e:enterprise)-[:paired_with]->(v:village)-[:within*1..3]->(c:region {name: \\$city})
                 RETURN count(DISTINCT e) AS enterprises, count(v) AS pairs"
              tongxin query Graphs/hubei.json --explain "MATCH (v:village {name: '某村'}) RETURN v"
            """)

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The query, in Tongxin's Cypher subset.")
    var query: String

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "A parameter for $name: a Cypher literal (42, 2.5, true, 'text', [1, 2]) or plain text.",
            valueName: "name=value"))
    var parameters: [String] = []

    @Flag(help: "Print the plan instead of running the query.")
    var explain = false

    @Flag(help: "Print to standard error how long loading and each run of the query took.")
    var timing = false

    @Option(help: ArgumentHelp("Run the query this many times (with --timing, to measure it warm).", valueName: "n"))
    var `repeat` = 1

    @Option(help: ArgumentHelp("Stop a query that runs longer than this.", valueName: "seconds"))
    var timeLimit: Double = 30

    mutating func execute() throws {
        var values: [String: QueryValue] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw DiagnosticList([Diagnostic(.error, "--param '\(parameter)': expected name=value")])
            }
            values[String(parameter[..<equals])] = QueryEngine.parameterValue(String(parameter[parameter.index(after: equals)...]))
        }
        if graphOptions.region != nil {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "--region does not apply to queries: match the region in the pattern, e.g. (v)-[:within*]->(:region {name: '宜昌市'})")
            ])
        }
        guard `repeat` >= 1 else { throw DiagnosticList([Diagnostic(.error, "--repeat must be at least 1")]) }
        guard timeLimit > 0 else { throw DiagnosticList([Diagnostic(.error, "--time-limit must be positive")]) }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let graph = try graphOptions.load()
        if timing { Console.error("load: \(Self.milliseconds(clock.now - loadStart)) ms\n") }
        let engine = QueryEngine(graph: graph)
        engine.timeLimit = .milliseconds(Int(timeLimit * 1000))
        var result = QueryResult(graph: graph, columns: [], rows: [])
        do {
            for run in 1...`repeat` {
                let start = clock.now
                result =
                    explain
                    ? QueryResult(
                        graph: graph, columns: ["plan"], rows: try engine.explain(query, parameters: values).map { [.string($0)] })
                    : try engine.run(query, parameters: values)
                if timing { Console.error("query run \(run): \(Self.milliseconds(clock.now - start)) ms, \(result.rows.count) rows\n") }
            }
        } catch {
            Console.error(error.render(query: query) + "\n")
            throw ExitCode.failure
        }
        try Console.print(QueryReport(result), as: output)
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
    }
}
