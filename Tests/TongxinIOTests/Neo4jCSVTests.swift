import Foundation
import Testing
import TongxinTestSupport
@testable import TongxinIO

@Suite struct Neo4jCSVTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "tongxin-neo4j-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func errors(_ files: [(String, String)]) -> String {
        readErrors { () throws(DiagnosticList) in
            try Neo4jCSVReader.read(files.map { InputFile(path: $0.0, bytes: Array($0.1.utf8)) }, name: "g")
        }
    }

    /// The layout carries ids, kinds, names, typed attributes, parallel edges and weights; not the
    /// graph's name or metadata, and nodes and edges come back grouped by kind.
    @Test(arguments: [SampleGraphs.tinyProvince(), NativeJSONTests.featureGraph()])
    func roundTripGivesTheSameGraph(graph: Graph) throws {
        let folder = directory + "/export"
        try Neo4jCSVWriter.write(graph, toDirectory: folder)
        #expect(GraphFormat(path: folder) == .neo4j)
        let again = try GraphFile.read(folder)
        #expect(GraphContents(again).sorted().withoutGraphData() == GraphContents(graph).sorted().withoutGraphData())
        try Neo4jCSVWriter.write(again, toDirectory: directory + "/again")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".csv") {
            #expect(
                try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                    == String(contentsOfFile: directory + "/again/" + name, encoding: .utf8), "\(name)")
        }
    }

    @Test func tinyProvinceFilesAndScripts() throws {
        try Neo4jCSVWriter.write(SampleGraphs.tinyProvince(), toDirectory: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(
            names == [
                "import.cypher", "kuzu.cypher", "nodes-enterprise.csv", "nodes-figure.csv", "nodes-organization.csv", "nodes-region.csv",
                "nodes-village.csv", "relationships-liaison_for-figure-village.csv", "relationships-paired_with-enterprise-village.csv",
                "relationships-serves-organization-village.csv", "relationships-within-organization-village.csv",
                "relationships-within-region-region.csv", "relationships-within-village-region.csv"
            ])
        #expect(
            try String(contentsOfFile: directory + "/nodes-enterprise.csv", encoding: .utf8) == """
                id:ID,:LABEL,name,industry
                e1,enterprise,某茶业公司,tea

                """)
        #expect(
            try String(contentsOfFile: directory + "/relationships-paired_with-enterprise-village.csv", encoding: .utf8) == """
                :START_ID,:END_ID,:TYPE,projects:long
                e1,v2,paired_with,2
                e1,v3,paired_with,1

                """)
        let cypher = try String(contentsOfFile: directory + "/import.cypher", encoding: .utf8)
        #expect(
            cypher.contains(
                """
                LOAD CSV WITH HEADERS FROM 'file:///relationships-paired_with-enterprise-village.csv' AS row
                MATCH (a:`enterprise` {id: row.`:START_ID`}), (b:`village` {id: row.`:END_ID`})
                CREATE (a)-[:`paired_with` {`projects`: toInteger(row.`projects:long`)}]->(b);
                """))
        let kuzu = try String(contentsOfFile: directory + "/kuzu.cypher", encoding: .utf8)
        #expect(
            kuzu.contains(
                "CREATE REL TABLE `within`(FROM `region` TO `region`, FROM `village` TO `region`, "
                    + "FROM `organization` TO `village`, kind STRING);\n"))
        #expect(kuzu.contains("COPY `within` FROM 'relationships-within-village-region.csv' (from='village', to='region', header=true);\n"))
    }

    /// What Neo4j users write by hand for `neo4j-admin database import`: ID spaces, several labels,
    /// typed and untyped properties, an ignored column.
    @Test func readsHandWrittenImportFiles() throws {
        let graph = try Neo4jCSVReader.read(
            [
                InputFile(path: "towns.csv", bytes: Array("townId:ID(Town),name,:LABEL,population:int\nt1,甲镇,region;Town,3000\n".utf8)),
                InputFile(path: "people.csv", bytes: Array("personId:ID(Person),name,born:date,note:IGNORE\np1,张三,1970-01-02,x\n".utf8)),
                InputFile(
                    path: "lives.csv", bytes: Array(":START_ID(Person),:END_ID(Town),:TYPE,since:long\np1,t1,liaison_for,2019\n".utf8))
            ], name: "g")
        #expect(graph.ids == ["t1", "p1"] && graph.names == ["甲镇", "张三"])
        #expect(graph.kind(of: 0) == "region" && graph.kind(of: 1) == "node")
        #expect(graph.nodeAttributes.value("other_labels", at: 0) == .string("Town"))
        #expect(graph.nodeAttributes.value("population", at: 0) == .int(3000))
        #expect(graph.nodeAttributes.value("born", at: 1) == .string("1970-01-02"))
        #expect(graph.nodeAttributes.column(named: "note") == nil)
        #expect(graph.kind(ofEdge: 0) == "liaison_for" && graph.edgeAttributes.value("since", at: 0) == .int(2019))
    }

    @Test(arguments: [
        (
            [("n.csv", "id:ID,name\na,甲\n"), ("r.csv", ":START_ID(Town),:END_ID,:TYPE\na,a,tie\n")],
            "r.csv:1:1: error: ID space 'Town' is declared by no node file (declared: the global space)"
        ),
        (
            [("n.csv", "id:ID,name\na,甲\n"), ("r.csv", ":START_ID,:END_ID,:TYPE\na,b,tie\n")],
            "r.csv:2:3: error: relationship end 'b' is not a node of the node files"
        ),
        (
            [("n.csv", "id:ID(A),name\na,甲\n"), ("m.csv", "id:ID(B)\nb\n"), ("r.csv", ":START_ID(A),:END_ID(A)\na,b\n")],
            "r.csv:2:3: error: 'b' is a node of ID space 'B', not 'A'"
        ),
        ([("n.csv", "id:ID,pop:long\na,many\n")], "n.csv:2:3: error: 'many' is not a valid number for 'pop'"),
        (
            [("n.csv", "id:ID,pop:decimal\na,1\n")],
            "n.csv:1:7: error: unknown field type ':decimal' in 'pop:decimal' (expected long, double, boolean, string …)"
        ),
        ([("n.csv", "id:ID,name\na,甲,乙\n")], "n.csv:2:1: error: 3 fields where the header has 2"),
        (
            [("x.csv", "a,b\n1,2\n")],
            "x.csv:1:1: error: 'x.csv' has neither an :ID field (a node file) nor :START_ID and :END_ID (a relationship file)"
        ),
        ([("n.csv", "id:ID\na\na\n")], "n.csv:3:1: error: duplicate node id 'a'")
    ])
    func badInputHasItsPositionedMessage(files: [(String, String)], message: String) {
        #expect(Self.errors(files) == message)
    }
}
