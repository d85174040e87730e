import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinIO

/// End-to-end checks of the built `tongxin` binary: exit status, stdout, stderr, and files left behind.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct CLITests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "tongxin-cli-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func run(_ arguments: String...) throws -> BuiltTongxin.Run { try BuiltTongxin.run(arguments, in: directory) }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
    }

    func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: directory).sorted()) ?? [] }

    @Test func badInputPrintsPositionedErrorsWithCaretsAndExits1() throws {
        try write(
            """
            {"format": "tongxin-graph", "nodes": [
              {"id": "湖北", "nmae": "x"},
              {"id": "湖北"}
            ]}
            """, to: "bad.json")
        let result = try run("validate", "bad.json")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                bad.json:2:16: error: unknown node key 'nmae' (did you mean 'name'?)
                      {"id": "湖北", "nmae": "x"},
                                     ^
                bad.json:3:3: error: duplicate node id '湖北'
                      {"id": "湖北"}
                      ^

                """)
    }

    @Test func aFailedConvertCreatesAndTruncatesNothing() throws {
        try write(#"{"format": "tongxin-graph", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "b"}]}"#, to: "in.json")
        try write("precious\n", to: "old.graphml")
        let first = try run("convert", "in.json", "old.graphml")
        #expect(first.status == 1)
        #expect(first.stderr.hasPrefix("in.json:1:89: error: edge target 'b' is not a node of the graph\n"))
        #expect(try String(contentsOfFile: directory + "/old.graphml", encoding: .utf8) == "precious\n")
        let second = try run("convert", "in.json", "new.graphml")
        #expect(second.status == 1)
        #expect(entries() == ["in.json", "old.graphml"])
    }

    @Test func convertRoundTripsAndRefusesToOverwriteItsInput() throws {
        try AtomicFile.write(NativeJSONWriter.serialize(SampleGraphs.tinyProvince()), to: directory + "/tiny.json")
        #expect(try run("convert", "tiny.json", "tiny.graphml").stdout == "tiny.graphml: 15 nodes, 15 edges (graphml)\n")
        #expect(try run("convert", "tiny.graphml", "csv").status == 0)
        #expect(try run("convert", "csv/", "back.json").status == 0)
        let original = try GraphFile.read(directory + "/tiny.json"), back = try GraphFile.read(directory + "/back.json")
        var expected = GraphContents(original)
        expected.name = "csv"
        #expect(GraphContents(back) == expected)
        let refused = try run("convert", "tiny.json", "./tiny.json")
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: './tiny.json' is the input: convert never overwrites its input\n")
    }

    /// 甲市's subtree: c1, t1, t2, v1–v3 and o1 (located in v1); the edges among them are the six
    /// `within` edges below c1 (e1 and f1 are linked to villages but located nowhere): one tree, one
    /// component.
    @Test func infoAlignsChineseByDisplayWidth() throws {
        try AtomicFile.write(NativeJSONWriter.serialize(SampleGraphs.tinyProvince()), to: directory + "/tiny.json")
        let result = try run("info", "tiny.json", "--region", "甲市")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                graph       tiny
                region      甲市 (c1)
                nodes       7
                edges       6
                components  1

                node kind     count
                region            3
                village           3
                organization      1

                edge kind  count
                within         6

                level    count
                city         1
                town         2
                village      3

                """)
    }

    /// DOT is written here and read back through Graphviz (``DOTReader``) by the CLI: the
    /// same graph, attribute types included. (A node without a name comes back named by its id: DOT's
    /// `label` is written for display and read as the name.)
    @Test func dotRoundTripsThroughTheCLI() throws {
        var builder = GraphBuilder(name: "features \"q\"")
        builder.metadata = ["seed": .int(42), "scale": .double(0.5), "draft": .bool(true)]
        builder.addNode(id: "hb", kind: "region", name: "湖北省", attributes: ["level": .string("province"), "code": .int(420000)])
        builder.addNode(id: "v1", kind: "village", name: "一村\n(新)", attributes: ["score": .double(0.1), "ok": .bool(false)])
        builder.addEdge(source: "v1", target: "hb", kind: "within")
        builder.addEdge(source: "v1", target: "v1", kind: "tie", weight: 2.5, attributes: ["note": .string("a,b")])
        // Backslashes anywhere, at the end of an id or value too: `\"` would end no string.
        builder.addNode(id: "end\\", kind: "figure", name: "a\\b", attributes: ["path": .string("C:\\dir\\")])
        let graph = try builder.build()
        try AtomicFile.write(NativeJSONWriter.serialize(graph), to: directory + "/f.json")
        #expect(try run("convert", "f.json", "f.dot").status == 0)
        #expect(try run("convert", "f.dot", "back.json").status == 0)
        #expect(GraphContents(try GraphFile.read(directory + "/back.json")) == GraphContents(graph))
    }

    @Test func missingFilesAndEmptyFolders() throws {
        #expect(try run("info", "nope.json").stderr == "error: cannot read 'nope.json': No such file or directory\n")
        try FileManager.default.createDirectory(atPath: directory + "/empty", withIntermediateDirectories: false)
        let result = try run("info", "empty")
        #expect(result.status == 1)
        #expect(result.stderr == "error: 'empty' holds neither nodes.csv nor edges.csv (a CSV graph is a folder with both)\n")
        #expect(
            try run("info", "x.xlsx").stderr
                == "error: cannot tell the format of 'x.xlsx' from its extension (.json, .graphml, .txg, .gexf, .cyjs, .dot/.gv, or a folder for CSV or Neo4j)\n"
        )
    }

    /// A CSV folder saved by Excel on Chinese Windows: GB18030 nodes.csv with CRLF, UTF-8 edges.csv
    /// with a byte-order mark.
    @Test func excelCSVFoldersAreRead() throws {
        try FileManager.default.createDirectory(atPath: directory + "/excel", withIntermediateDirectories: false)
        let nodes = "id,kind,name,level\r\n42,region,湖北省,province\r\n4205,region,\"宜昌市, 市辖\",city\r\n"
        try nodes.data(using: TextDecoding.gb18030)!.write(to: URL(fileURLWithPath: directory + "/excel/nodes.csv"))
        try write("\u{FEFF}source,target,kind\r\n4205,42,within\r\n", to: "excel/edges.csv")
        let result = try run("validate", "excel")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                excel: valid: 2 nodes, 1 edges, 1 warnings
                warning: excel/nodes.csv is not UTF-8; read it as GB18030 (GBK), the encoding of Excel on Chinese Windows

                """)
        let converted = try run("convert", "excel", "excel.json")
        #expect(converted.status == 0)
        let graph = try GraphFile.read(directory + "/excel.json")
        #expect(graph.names == ["湖北省", "宜昌市, 市辖"] && graph.hierarchy.parent(of: 1) == 0)
    }

    @Test func validateSpeaksJSON() throws {
        try write(#"{"format": "tongxin-graph", "nodes": [{"id": "r", "kind": "region"}]}"#, to: "g.json")
        let result = try run("validate", "g.json", "--format", "json")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                {
                  "valid": true,
                  "nodes": 1,
                  "edges": 0,
                  "warnings": [
                    {
                      "severity": "warning",
                      "message": "region 'r' has no level (province, city, county or town)"
                    }
                  ]
                }

                """)
    }
}

/// Argument errors exit 1 like every other input error; `--help` exits 0.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct CLIExitStatusTests {
    @Test func badOptionsExit1() throws {
        let bad = try BuiltTongxin.run(["coverage", "g.json", "--unit", "hamlet", "--by", "figure"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("Error: The value 'hamlet' is invalid for '--unit <unit>'."))
        #expect(try BuiltTongxin.run(["nosuchcommand"]).status == 1)
        #expect(try BuiltTongxin.run(["--help"]).status == 0)
    }
}
