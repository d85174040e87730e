import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct CSVTests {
    static func text(_ write: (inout ByteSink) -> Void) -> String {
        var sink = ByteSink()
        write(&sink)
        return String(decoding: sink.buffer, as: UTF8.self)
    }

    /// Reads in-memory files; `threadsAbove` lowers the size from which two threads are used.
    static func read(nodes: String?, edges: String?, threadsAbove: Int = 8 << 20) throws(DiagnosticList) -> Graph {
        try CSVReader.read(
            nodes: nodes.map { InputFile(path: "nodes.csv", bytes: Array($0.utf8)) },
            edges: edges.map { InputFile(path: "edges.csv", bytes: Array($0.utf8)) }, name: "g", threadsAbove: threadsAbove)
    }

    static func errors(nodes: String?, edges: String?, threadsAbove: Int = 8 << 20) -> String {
        readErrors { () throws(DiagnosticList) in try read(nodes: nodes, edges: edges, threadsAbove: threadsAbove) }
    }

    @Test func tinyProvinceHasThisExactText() {
        let graph = SampleGraphs.tinyProvince()
        #expect(
            Self.text { CSVWriter.writeNodes(graph, to: &$0) } == """
                id,kind,name,level,type,industry,category
                hb,region,湖北省,province,,,
                c1,region,甲市,city,,,
                c2,region,乙市,city,,,
                t1,region,甲镇,town,,,
                t2,region,乙镇,town,,,
                t3,region,丙镇,town,,,
                v1,village,一村,,village,,
                v2,village,二村,,village,,
                v3,village,三村,,village,,
                v4,village,四村,,village,,
                v5,village,五村,,village,,
                o1,organization,甲镇商会,,商会,,
                o2,organization,丙镇商会,,商会,,
                e1,enterprise,某茶业公司,,,tea,
                f1,figure,张三,,,,联络员

                """)
        #expect(
            Self.text { CSVWriter.writeEdges(graph, to: &$0) }.hasPrefix(
                """
                source,target,kind,weight,projects
                c1,hb,within,1,
                """))
        #expect(
            Self.text { CSVWriter.writeEdges(graph, to: &$0) }.hasSuffix(
                """
                e1,v2,paired_with,1,2
                e1,v3,paired_with,1,1
                f1,v1,liaison_for,1,

                """))
    }

    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph(), Graph()])
    func roundTripIsIdenticalAndStable(graph: Graph) throws {
        let nodes = Self.text { CSVWriter.writeNodes(graph, to: &$0) }
        let edges = Self.text { CSVWriter.writeEdges(graph, to: &$0) }
        let again = try Self.read(nodes: nodes, edges: edges)
        var expected = GraphContents(graph)
        expected.name = "g"
        expected.metadata = [:]
        #expect(GraphContents(again) == expected)
        #expect(Self.text { CSVWriter.writeNodes(again, to: &$0) } == nodes)
        #expect(Self.text { CSVWriter.writeEdges(again, to: &$0) } == edges)
    }

    @Test func stringsThatLookLikeNumbersKeepTheirType() throws {
        var builder = GraphBuilder()
        builder.addNode(id: "a", kind: "region", attributes: ["code": .string("007"), "flag": .string("true"), "n": .double(2)])
        let graph = try builder.build()
        let nodes = Self.text { CSVWriter.writeNodes(graph, to: &$0) }
        #expect(nodes == "id,kind,name,code:string,flag:string,n\na,region,,007,true,2.0\n")
        let again = try Self.read(nodes: nodes, edges: nil)
        #expect(again.nodeAttributes.value("code", at: 0) == .string("007"))
        #expect(again.nodeAttributes.value("flag", at: 0) == .string("true"))
        #expect(again.nodeAttributes.value("n", at: 0) == .double(2))
    }

    @Test func realWorldFilesBOMCRLFAndQuotes() throws {
        let nodes = "\u{FEFF}id,name,kind,note\r\nv1,\"一村, 新区\",village,\"他说\"\"好\"\"\r\n第二行\"\r\n\r\nv2,二村,village,\r\n"
        let graph = try Self.read(nodes: nodes, edges: "source,target\r\nv1,v2")
        #expect(graph.ids == ["v1", "v2"])
        #expect(graph.names == ["一村, 新区", "二村"])
        #expect(graph.nodeAttributes.value("note", at: 0) == .string("他说\"好\"\r\n第二行"))
        #expect(graph.nodeAttributes.value("note", at: 1) == nil)
        #expect(graph.kind(ofEdge: 0) == "tie" && graph.weight(of: 0) == 1)
    }

    @Test func typesAreInferredPerColumnOrDeclared() throws {
        let graph = try Self.read(nodes: "id,pop,share,ok,code:string,x:number\na,12,0.5,true,42,3\nb,,1,false,,4.5\n", edges: nil)
        #expect(graph.nodeAttributes.value("pop", at: 0) == .int(12))
        #expect(graph.nodeAttributes.value("pop", at: 1) == nil)
        #expect(graph.nodeAttributes.value("share", at: 0) == .double(0.5))
        #expect(graph.nodeAttributes.value("share", at: 1) == .int(1))
        #expect(graph.nodeAttributes.value("ok", at: 1) == .bool(false))
        #expect(graph.nodeAttributes.value("code", at: 0) == .string("42"))
        #expect(graph.nodeAttributes.value("x", at: 1) == .double(4.5))
        #expect(graph.kind(of: 0) == "node" && graph.names[0] == nil)
    }

    @Test func withoutNodesCSVTheEdgesNameTheNodes() throws {
        let graph = try Self.read(nodes: nil, edges: "source,target,kind,weight\nb,a,serves,2.5\na,c,,\n")
        #expect(graph.ids == ["b", "a", "c"])
        #expect(graph.nodeKinds == ["node"])
        #expect(graph.weight(of: 0) == 2.5 && graph.kind(ofEdge: 1) == "tie")
    }

    @Test func gb18030FilesAreDecodedWithAWarning() throws {
        let text = "id,kind,name\nv1,village,某村\n"
        let bytes = Array(text.data(using: TextDecoding.gb18030)!)
        #expect(bytes != Array(text.utf8))
        let graph = try CSVReader.read(nodes: InputFile(path: "nodes.csv", bytes: bytes), edges: nil, name: "g")
        #expect(graph.names == ["某村"])
        #expect(
            graph.warnings.map(\.description) == [
                "warning: nodes.csv is not UTF-8; read it as GB18030 (GBK), the encoding of Excel on Chinese Windows"
            ])
    }

    @Test func invalidTextThatIsNotGB18030IsPositioned() {
        let bytes = Array("id,name\nv1,caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(
            readErrors { () throws(DiagnosticList) in
                try CSVReader.read(nodes: InputFile(path: "nodes.csv", bytes: bytes), edges: nil, name: "g")
            }
                == "nodes.csv:2:7: error: invalid UTF-8 byte 0xE9; the file is neither UTF-8 nor GB18030: convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 nodes.csv"
        )
    }

    @Test(
        arguments: [
            ("", nil, "nodes.csv:1:1: error: the file is empty (expected a header row: id,kind,name,...)"),
            ("name,kind\nx,y\n", nil, "nodes.csv:1:1: error: the header has no 'id' column (expected id,kind,name,...)"),
            ("id,name,name\n", nil, "nodes.csv:1:9: error: duplicate column 'name'"),
            ("id,name\na,\"unterminated\nb,c\n", nil, "nodes.csv:2:3: error: unterminated quoted field"),
            ("id,name\na,\"x\"y\n", nil, "nodes.csv:2:6: error: expected ',' or the end of the line after a closing quote"),
            (
                "id,name\na,x,extra\nb\n", nil,
                "nodes.csv:2:1: error: this row has 3 fields, the header has 2\nnodes.csv:3:1: error: this row has 1 fields, the header has 2"
            ),
            ("id,name\na,x\na,y\n", nil, "nodes.csv:3:1: error: duplicate node id 'a'"),
            ("id,name\n,x\n", nil, "nodes.csv:2:1: error: empty id"),
            ("id,n:number\na,12\nb,many\n", nil, "nodes.csv:3:3: error: 'many' is not a number (column 'n')"),
            ("id\na\n", "source,target\na,zz\n", "edges.csv:2:3: error: edge target 'zz' is not a node of the graph"),
            (
                "id\na\n", "target,kind\na,tie\n",
                "edges.csv:1:1: error: the header has no 'source' column (expected source,target,kind,weight,...)"
            ),
            ("id\na\n", "source,target,weight\na,a,heavy\n", "edges.csv:2:5: error: weight 'heavy' is not a number"),
            (
                "id,kind\nt,region\nu,region\nv,village\n", "source,target,kind\nv,t,within\nv,u,within\n",
                "edges.csv:3:1: error: node 'v' is within two places: 't' (at edges.csv:2:1) and 'u'"
            ),
            (
                "id,kind\nt,region\nu,region\n", "source,target,kind\nt,u,within\nu,t,within\n",
                "edges.csv:2:1: error: the hierarchy has a cycle: 't' within 'u' within 't'"
            )
        ] as [(String, String?, String)])
    func badInputHasItsPositionedMessage(nodes: String, edges: String?, message: String) {
        #expect(Self.errors(nodes: nodes, edges: edges) == message)
    }

    @Test func folderErrors() throws {
        let directory = NSTemporaryDirectory() + "tongxin-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(
            readErrors { () throws(DiagnosticList) in try CSVReader.read(directory: directory) }
                == "error: '\(directory)' holds neither nodes.csv nor edges.csv (a CSV graph is a folder with both)")
        #expect(
            readErrors { () throws(DiagnosticList) in try CSVReader.read(directory: directory + "/missing") }
                == "error: cannot read '\(directory)/missing': No such file or directory")
        try GraphFile.write(SampleGraphs.tinyProvince(), to: directory + "/tiny")
        let graph = try GraphFile.read(directory + "/tiny/nodes.csv")
        #expect(graph.nodeCount == 15 && graph.edgeCount == 15 && graph.name == "tiny")
    }

    /// Large files without quotes are read in two halves on two threads: the result, and the line
    /// numbers of errors in the second half, must be those of one sequential pass.
    @Test func twoThreadReadingMatchesOneThread() throws {
        let count = 60_000
        var nodes = "id,kind\n", edges = "source,target,kind,weight,since\n"
        for node in 0..<1000 { nodes += "n\(node),\(node % 3 == 0 ? "region" : "village")\n" }
        for edge in 0..<count {
            edges += "n\(edge % 1000),n\((edge * 7) % 1000),\(edge % 5 == 0 ? "serves" : "tie"),\(edge % 4 == 0 ? "2.5" : "1"),\(edge)\n"
        }
        let parallel = try Self.read(nodes: nodes, edges: edges, threadsAbove: 1 << 16)
        // A quoted field anywhere makes the reader take one pass.
        let sequential = try Self.read(
            nodes: nodes, edges: edges.replacingOccurrences(of: "n0,n0,serves", with: "n0,n0,\"serves\""),
            threadsAbove: 1 << 16)
        #expect(GraphContents(parallel) == GraphContents(sequential))
        #expect(
            parallel.edgeCount == count && parallel.weight(of: 4) == 2.5
                && parallel.edgeAttributes.value("since", at: count - 1) == .int(count - 1))
        let broken = edges.replacingOccurrences(of: "\nn999,n993,tie,1,59999\n", with: "\nn999,nowhere,tie,1,59999\n")
        #expect(
            Self.errors(nodes: nodes, edges: broken, threadsAbove: 1 << 16)
                == "edges.csv:60001:6: error: edge target 'nowhere' is not a node of the graph")
    }

    /// A large nodes.csv fills the edges' id table on a second thread: its indices must be the
    /// builder's even when rows are skipped, and the errors those of one pass.
    @Test func largeNodeFilesKeepIndicesInStep() throws {
        var nodes = "id,kind,name\n"
        for node in 0..<40_000 { nodes += "node-\(node),village,第\(node)村\n" }
        let edges = "source,target\nnode-0,node-39999\nnode-25000,\"node-7\"\n"
        let graph = try Self.read(nodes: nodes, edges: edges, threadsAbove: 1 << 16)
        #expect(graph.nodeCount == 40_000)
        #expect(graph.ids[graph.target(of: 0)] == "node-39999" && graph.ids[graph.source(of: 1)] == "node-25000")
        #expect(graph.names[graph.target(of: 1)] == "第7村")
        let broken = nodes.replacingOccurrences(of: "\nnode-1000,", with: "\nnode-5,")
            .replacingOccurrences(of: "\nnode-2000,", with: "\n,").replacingOccurrences(of: "\nnode-3000,village,", with: "\nnode-3000,")
        #expect(
            Self.errors(nodes: broken, edges: edges, threadsAbove: 1 << 16) == """
                nodes.csv:1002:1: error: duplicate node id 'node-5'
                nodes.csv:2002:1: error: empty id
                nodes.csv:3002:1: error: this row has 2 fields, the header has 3
                """)
    }

    @Test func aHugeSingleLineIsOneField() throws {
        let name = String(repeating: "长", count: 20_000_000)
        let graph = try Self.read(nodes: "id,name\nx,\(name)", edges: nil)
        #expect(graph.names[0]?.utf8.count == 60_000_000)
    }
}
