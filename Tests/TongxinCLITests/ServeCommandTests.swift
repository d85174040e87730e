import Foundation
import Testing
import TongxinIO
import TongxinMap
import TongxinTestSupport

/// `tongxin serve` answers exactly what the command line prints: every command run both ways on
/// the Hubei graphs, compared byte for byte; its errors carry the CLI's message, place and status.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is not built"), .serialized)
struct ServeCommandTests {
    static let older = URL(fileURLWithPath: HubeiGraph.path).deletingLastPathComponent().appendingPathComponent("hubei-2023.json").path
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-serve-tests-\(UUID().uuidString)")

    /// One comparison: `tongxin COMMAND hubei.json CLI…` against `GET /api/COMMAND?API…`; `file`
    /// is the extension of what the command writes to `--out` (else it prints).
    struct Case: CustomStringConvertible, Sendable {
        var command: String
        var cli: [String]
        var api: [(String, String)]
        var file: String? = nil
        var description: String { "\(command) \(cli.joined(separator: " "))" }
    }

    static let hasBoundaries = (try? Boundaries(defaultFor: .county)) != nil

    static let cases: [Case] =
        [
            Case(command: "info", cli: ["--format", "json"], api: []),
            Case(command: "info", cli: ["--region", "宜昌市", "--format", "table"], api: [("region", "宜昌市"), ("format", "table")]),
            Case(
                command: "coverage", cli: ["--unit", "town", "--by", "organization[type=商会]", "--region", "十堰市", "--format", "json"],
                api: [("unit", "town"), ("by", "organization[type=商会]"), ("region", "十堰市")]),
            Case(
                command: "coverage",
                cli: ["--unit", "county", "--by", "organization[type=知联会]", "--by", "organization[type=新联会]", "--format", "csv"],
                api: [("unit", "county"), ("by", "organization[type=知联会]"), ("by", "organization[type=新联会]"), ("format", "csv")]),
            Case(
                command: "coverage",
                cli: ["--unit", "village", "--by", "figure", "--via", "liaison_for", "--region", "十堰市", "--format", "xlsx"],
                api: [("unit", "village"), ("by", "figure"), ("via", "liaison_for"), ("region", "十堰市"), ("format", "xlsx")], file: "xlsx"),
            Case(
                command: "pairing", cli: ["--left", "enterprise", "--right", "village", "--by", "city", "--format", "json"],
                api: [("left", "enterprise"), ("right", "village"), ("by", "city")]),
            Case(
                command: "pairing",
                cli: ["--left", "enterprise", "--right", "village", "--region", "梁子湖区", "--suggest", "--format", "json"],
                api: [("left", "enterprise"), ("right", "village"), ("region", "梁子湖区"), ("suggest", "true")]),
            Case(
                command: "centrality", cli: ["--measure", "degree", "--region", "十堰市", "--top", "10", "--format", "json"],
                api: [("measure", "degree"), ("region", "十堰市"), ("top", "10")]),
            Case(command: "path", cli: ["梁子镇", "十堰市", "--format", "json"], api: [("from", "梁子镇"), ("to", "十堰市")]),
            Case(
                command: "neighbors", cli: ["梁子镇", "--depth", "2", "--kind", "organization", "--format", "json"],
                api: [("node", "梁子镇"), ("depth", "2"), ("kind", "organization")]),
            Case(
                command: "query", cli: ["MATCH (c:region {level: 'city'}) RETURN c.name AS name ORDER BY name", "--format", "json"],
                api: [("query", "MATCH (c:region {level: 'city'}) RETURN c.name AS name ORDER BY name")]),
            Case(
                command: "query",
                cli: ["MATCH (c:region {name: $city})<-[:within]-(t) RETURN count(t) AS n", "--param", "city=宜昌市", "--format", "json"],
                api: [("query", "MATCH (c:region {name: $city})<-[:within]-(t) RETURN count(t) AS n"), ("param", "city=宜昌市")]),
            Case(command: "render", cli: ["--focus", "梁子镇", "--depth", "1"], api: [("focus", "梁子镇"), ("depth", "1")], file: "svg"),
            Case(
                command: "report", cli: ["--region", "梁子湖区", "--sections", "summary,coverage"],
                api: [("region", "梁子湖区"), ("sections", "summary,coverage")], file: "html")
        ]
        + (hasBoundaries
            ? [
                Case(
                    command: "map", cli: ["--level", "county", "--region", "十堰市", "--unit", "town", "--by", "organization[type=商会]"],
                    api: [("level", "county"), ("region", "十堰市"), ("unit", "town"), ("by", "organization[type=商会]")], file: "svg")
            ] : [])

    /// A server on both Hubei versions (stopped when the test's reference to it ends).
    static func hubeiServer() throws -> ServedTongxin { try ServedTongxin([HubeiGraph.path, older]) }

    /// What the command line gives for `test`: its standard output, or the file it wrote.
    func commandLine(_ test: Case) throws -> Data {
        try FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
        var arguments = [test.command, HubeiGraph.path] + test.cli
        let out = Self.scratch.appendingPathComponent("\(UUID().uuidString).\(test.file ?? "txt")")
        if test.file != nil { arguments += ["--out", out.path] }
        let run = try BuiltTongxin.run(arguments)
        #expect(run.status == 0, "\(test): \(run.stderr)")
        return test.file == nil ? Data(run.stdout.utf8) : try Data(contentsOf: out)
    }

    @Test func apiAnswersWhatTheCommandLinePrints() async throws {
        let server = try Self.hubeiServer()
        for test in Self.cases {
            let expected = try commandLine(test)
            let answer = try await server.api(test.command, test.api)
            #expect(answer.status == 200, "\(test): \(answer.text.prefix(300))")
            #expect(answer.body == expected, "\(test): \(answer.body.count) bytes served, \(expected.count) printed")
        }

        // diff: both versions are served graphs.
        let run = try BuiltTongxin.run([
            "diff", Self.older, HubeiGraph.path, "--region", "十堰市", "--coverage", "--unit", "village",
            "--by", "figure", "--via", "liaison_for", "--format", "json"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let answer = try await server.api(
            "diff",
            [
                ("old", "hubei-2023.json"), ("new", "hubei.json"), ("region", "十堰市"), ("coverage", "true"),
                ("unit", "village"), ("by", "figure"), ("via", "liaison_for")
            ])
        #expect(answer.status == 200)
        #expect(answer.text == run.stdout)
    }

    @Test func downloadsDrawingsAndErrors() async throws {
        let server = try Self.hubeiServer()
        let csv = try await server.api("coverage", [("unit", "town"), ("by", "figure"), ("format", "csv")])
        #expect(csv.headers["content-disposition"] == "attachment; filename=\"coverage.csv\"")
        let xlsx = try await server.api("info", [("format", "xlsx")])
        #expect(xlsx.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(xlsx.body.prefix(2) == Data("PK".utf8))
        let svg = try await server.api("render", [("region", "梁子湖区"), ("collapse", "town")])
        #expect(svg.headers["content-type"] == "image/svg+xml; charset=utf-8")
        #expect(svg.text.contains("<svg"))

        // Errors carry the command line's message, its place, and their status.
        let bad = "MATCH (n:region RETURN n"
        let run = try BuiltTongxin.run(["query", HubeiGraph.path, bad])
        let answer = try await server.api("query", [("query", bad)])
        #expect(answer.status == 400)
        let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            first
                == "query:\(answer.json["line"] as? Int ?? 0):\(answer.json["column"] as? Int ?? 0): error: \(answer.json["error"] as? String ?? "")"
        )

        let missing = try await server.api("neighbors", [("node", "没有这个地方")])
        #expect(missing.status == 404)
        let cli = try BuiltTongxin.run(["neighbors", HubeiGraph.path, "没有这个地方"])
        #expect(cli.stderr.hasPrefix("error: \(missing.json["error"] as? String ?? "?")"))
        #expect(try await server.api("path", [("from", "梁子镇"), ("to", "nowhere-at-all")]).status == 404)
        #expect(try await server.api("coverage", [("unit", "planet"), ("by", "figure")]).status == 400)
        #expect(try await server.api("coverage", [("unit", "town"), ("by", "figure"), ("out", "/tmp/x.xlsx")]).status == 400)
        #expect(try await server.api("info", [("graph", "nope.json")]).status == 404)
        #expect(try await server.api("query", [("query", "MATCH (a), (b), (c) RETURN count(*)"), ("time-limit", "0.5")]).status == 503)
    }

    /// A runaway query is stopped at its time limit while other clients keep being answered: their
    /// answers all come before the runaway's.
    @Test func aRunawayQueryDoesNotStallOthers() async throws {
        let server = try Self.hubeiServer()
        let clock = ContinuousClock()
        async let runaway = { () async throws -> (ServedTongxin.Answer, ContinuousClock.Instant) in
            let answer = try await server.api("query", [("query", "MATCH (a), (b), (c) RETURN count(*)"), ("time-limit", "8")])
            return (answer, clock.now)
        }()
        try await Task.sleep(for: .milliseconds(200))
        for _ in 0..<5 {
            #expect(try await server.api("coverage", [("unit", "town"), ("by", "organization[type=商会]")]).status == 200)
        }
        let othersDone = clock.now
        let (answer, runawayDone) = try await runaway
        #expect(answer.status == 503)
        #expect((answer.json["error"] as? String)?.contains("time limit") == true)
        #expect(othersDone < runawayDone)
    }

    /// Names holding markup come back as JSON strings and as escaped SVG text, never as markup.
    @Test func markupInNamesStaysText() async throws {
        try FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
        let path = Self.scratch.appendingPathComponent("markup.json").path
        var builder = GraphBuilder(name: "markup")
        builder.addNode(id: "t1", kind: NodeKind.region, name: "<script>alert(1)</script>镇", attributes: ["level": .string("town")])
        builder.addNode(id: "o1", kind: NodeKind.organization, name: "<img src=x onerror=alert(1)>商会")
        builder.addEdge(source: "o1", target: "t1", kind: EdgeKind.within)
        try GraphFile.write(try builder.build(), to: path)
        let server = try ServedTongxin([path])
        let neighbors = try await server.api("neighbors", [("node", "t1")])
        #expect(neighbors.headers["content-type"] == "application/json; charset=utf-8")
        #expect(neighbors.text.contains("\"<img src=x onerror=alert(1)>商会\""))
        let svg = try await server.api("render", [("focus", "t1")])
        #expect(svg.status == 200)
        #expect(!svg.text.contains("<script>") && !svg.text.contains("<img"))
        #expect(svg.text.contains("&lt;script&gt;"))
        let missing = try await server.api("neighbors", [("node", "<script>")])
        #expect(missing.headers["content-type"] == "application/json; charset=utf-8")
        #expect((missing.json["error"] as? String)?.contains("<script>") == true)
    }

    /// Served with `--mask public`, no masked value appears in any endpoint's answer.
    @Test func maskedServerShowsNoMaskedValue() async throws {
        try FileManager.default.createDirectory(at: Self.scratch, withIntermediateDirectories: true)
        let path = Self.scratch.appendingPathComponent("personal.json").path
        try GraphFile.write(SampleGraphs.personalFigures(), to: path)
        let key = Self.scratch.appendingPathComponent("key.txt").path
        try Data("a-test-key-of-32-bytes-0123456789".utf8).write(to: URL(fileURLWithPath: key))
        let server = try ServedTongxin([path, "--mask", "public", "--mask-key", key])
        var answers = ""
        let requests: [(String, [(String, String)])] = [
            ("info", []), ("info", [("format", "csv")]), ("info", [("format", "xlsx")]), ("info", [("format", "table")]),
            ("coverage", [("unit", "village"), ("by", "figure"), ("via", "liaison_for")]),
            ("pairing", [("left", "figure"), ("right", "village"), ("edge", "liaison_for"), ("suggest", "true")]),
            ("centrality", [("measure", "degree")]), ("path", [("from", "t1"), ("to", "v1")]),
            ("neighbors", [("node", "v1"), ("depth", "2")]), ("query", [("query", "MATCH (n) RETURN n, properties(n)")]),
            ("query", [("query", "MATCH ()-[r]->() RETURN r, properties(r)")]), ("render", []), ("report", [])
        ]
        for (command, parameters) in requests {
            let answer = try await server.api(command, parameters)
            answers += answer.text + "\n"
            if answer.headers["content-type"]?.contains("spreadsheetml") == true {
                let file = Self.scratch.appendingPathComponent("masked.xlsx")
                try answer.body.write(to: file)
                for sheet in try Workbook.read(path: file.path) {
                    for row in 1...max(sheet.rowCount, 1) {
                        for column in 1...max(sheet.columnCount, 1) {
                            answers += "\(sheet.value(row: row, column: column).map { "\($0)" } ?? "")\t"
                        }
                    }
                }
            }
        }
        #expect(answers.contains("一村"), "the answers hold the graph at all")
        for secret in MaskedOutputsTests.secrets {
            #expect(!answers.contains(secret), "\(secret) is served")
        }
    }
}
