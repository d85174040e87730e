import Testing
import TongxinGraph

@Suite struct IDTableTests {
    /// Short keys (compared inside the slot) and long ones (checked against the arena), through
    /// several growths: every key keeps its index, and a repeated key answers the index it has.
    @Test func insertAndFindThroughGrowth() {
        var table = IDTable(capacity: 0)
        let keys = (0..<5_000).map { $0 % 3 == 0 ? "a-rather-long-node-identifier-\($0)" : "n\($0)" }
        for (index, key) in keys.enumerated() {
            #expect(table.insert(key) == nil)
            #expect(table.count == index + 1)
        }
        for (index, key) in keys.enumerated() {
            #expect(table.find(key) == Int32(index))
            #expect(table.insert(key) == Int32(index))
        }
        #expect(table.count == keys.count)
        #expect(table.find("n5000") == nil && table.find("a-rather-long-node-identifier-1") == nil && table.find("") == nil)
    }

    /// A reader that indexed its ids itself hands its table to the builder, which then resolves
    /// endpoints and finds repeated ids with it as if it had added the nodes itself.
    @Test func aBuilderAdoptsAReadersTable() throws {
        var builder = GraphBuilder(), table = IDTable(capacity: 2)
        for id in ["a", "村-with-a-long-identifier"] {
            #expect(table.insert(id) == nil)
            _ = builder.appendNode(id: id, kind: "node", name: nil)
        }
        builder.adoptIDs(table)
        #expect(builder.index(of: "村-with-a-long-identifier") == 1)
        builder.addEdge(source: "村-with-a-long-identifier", target: "a", kind: "tie")
        builder.addEdge(source: "a", target: "c", kind: "tie")
        builder.addNode(id: "c", kind: "node")
        let graph = try builder.build()
        #expect(graph.ids == ["a", "村-with-a-long-identifier", "c"])
        #expect(Array(graph.sources) == [1, 0] && Array(graph.targets) == [0, 2])
        var repeated = GraphBuilder()
        var own = IDTable(capacity: 1)
        _ = own.insert("a")
        _ = repeated.appendNode(id: "a", kind: "node", name: nil)
        repeated.adoptIDs(own)
        #expect(repeated.addNode(id: "a", kind: "node") == nil)
        #expect(repeated.diagnostics.description == "error: duplicate node id 'a'")
    }
}
