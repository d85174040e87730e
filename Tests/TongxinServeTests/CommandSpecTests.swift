import Testing
import TongxinServe

@Suite struct CommandSpecTests {
    static let coverage = CommandSpec("coverage", options: ["region", "unit", "by", "via"])
    static let path = CommandSpec("path", positionals: ["from", "to"], options: ["max-hops"], flags: ["directed", "all-shortest"])
    static let diff = CommandSpec("diff", graphPositionals: ["old", "new"], options: ["region"], flags: ["coverage"])
    static let render = CommandSpec("render", options: ["focus", "time-limit"], output: .svg, maxima: ["time-limit": 60])

    static func graphPath(_ name: String?) throws(APIError) -> String {
        switch name {
        case nil, "hubei.json": return "/data/hubei.json"
        case "hubei-2023.json": return "/data/hubei-2023.json"
        default: throw APIError.notFound("no served graph is named '\(name!)'")
        }
    }

    func arguments(_ spec: CommandSpec, _ query: String) throws(APIError) -> [String] {
        try spec.arguments(for: QueryString.parameters(query[...]), graphPath: Self.graphPath)
    }

    @Test func repeatedParametersRepeatOptionsAndTheGraphComesAfterDashes() throws {
        let argv = try arguments(Self.coverage, "unit=town&by=organization[type=商会]&by=-odd&region=十堰市")
        #expect(
            argv == [
                "coverage", "--unit=town", "--by=organization[type=商会]", "--by=-odd", "--region=十堰市",
                "--format=json", "--", "/data/hubei.json"
            ])
    }

    @Test func positionalsFlagsAndFormats() throws {
        let argv = try arguments(Self.path, "to=--help&from=e1&directed=true&all-shortest=false&format=csv&graph=hubei-2023.json")
        #expect(argv == ["path", "--directed", "--format=csv", "--", "/data/hubei-2023.json", "e1", "--help"])
        let workbook = try arguments(Self.coverage, "unit=town&by=figure&format=xlsx")
        #expect(workbook.contains("--out=/dev/null/coverage.xlsx") && workbook.contains("--format=xlsx"))
    }

    @Test func diffTakesTwoServedGraphs() throws {
        #expect(
            try arguments(Self.diff, "new=hubei.json&old=hubei-2023.json&coverage=true")
                == ["diff", "--coverage", "--format=json", "--", "/data/hubei-2023.json", "/data/hubei.json"])
    }

    @Test func drawingsGoToACapturedPath() throws {
        #expect(
            try arguments(Self.render, "focus=f1&time-limit=5")
                == ["render", "--focus=f1", "--time-limit=5", "--out=/dev/null/render.svg", "--", "/data/hubei.json"])
    }

    @Test(arguments: [
        ("coverage", "out=/tmp/x.xlsx", 400), ("coverage", "mask=public", 400), ("coverage", "cache-beside=true", 400),
        ("coverage", "format=xml", 400), ("coverage", "graph=a.json&graph=b.json", 400), ("coverage", "graph=../../etc/passwd", 404),
        ("path", "from=a", 400), ("path", "from=a&from=b&to=c", 400), ("path", "from=a&to=b&directed=yes", 400),
        ("diff", "old=hubei.json", 400), ("diff", "old=hubei.json&new=x.json", 404),
        ("diff", "graph=hubei.json&old=hubei.json&new=hubei.json", 400),
        ("render", "time-limit=600", 400), ("render", "time-limit=nan", 400), ("render", "format=png", 400)
    ])
    func refusals(_ command: String, _ query: String, _ status: Int) {
        let spec = [Self.coverage, Self.path, Self.diff, Self.render].first { $0.name == command }!
        do {
            let argv = try arguments(spec, query)
            Issue.record("accepted: \(argv)")
        } catch {
            #expect(error.status == status, "\(query): \(error.message)")
        }
    }
}
