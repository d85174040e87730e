import Testing
import TongxinGraph
import TongxinTestSupport

@Suite struct GraphTests {
    let graph = SampleGraphs.tinyProvince()

    @Test func countsAndLookups() throws {
        #expect(graph.nodeCount == 15)
        #expect(graph.edgeCount == 15)
        let yc = try #require(graph.index(of: "c1"))
        #expect(graph.name(of: yc) == "甲市")
        #expect(graph.kind(of: yc) == "region")
        #expect(graph.level(of: yc) == .city)
        #expect(graph.attribute("level", of: yc) == .string("city"))
        #expect(graph.attribute("missing", of: yc) == nil)
        #expect(graph.index(of: "nope") == nil)
        #expect(graph.checkInvariants())
        #expect(graph.nodeKindCounts().map(\.count) == [6, 5, 2, 1, 1])
        #expect(graph.edgeKindCounts().first { $0.kind == "within" }?.count == 11)
    }

    @Test func adjacencyBothDirections() throws {
        let e1 = try #require(graph.index(of: "e1"))
        #expect(graph.outgoing.neighbors(of: e1).map { graph.id(of: Int($0)) } == ["v2", "v3"])
        let v1 = try #require(graph.index(of: "v1"))
        // o1 within v1 and f1 liaison_for v1 point into v1.
        #expect(graph.incoming.neighbors(of: v1).map { graph.id(of: Int($0)) } == ["o1", "f1"])
        let edge = Int(graph.outgoing.edges(of: e1).first!)
        #expect(graph.kind(ofEdge: edge) == "paired_with")
        #expect(graph.edgeAttributes.value("projects", at: edge) == .int(2))
        #expect(graph.weight(of: edge) == 1)
        #expect(graph.weights == nil)
    }

    @Test func hierarchyWalks() throws {
        let h = graph.hierarchy
        let hb = try #require(graph.index(of: "hb")), v5 = try #require(graph.index(of: "v5"))
        let o1 = try #require(graph.index(of: "o1")), v1 = try #require(graph.index(of: "v1"))
        #expect(h.ancestors(of: v5).map { graph.id(of: $0) } == ["t3", "c2", "hb"])
        #expect(h.depth(of: v5) == 3)
        #expect(h.parent(of: o1) == v1)  // located in the village
        #expect(h.contains(hb, o1))
        #expect(!h.contains(v5, hb))
        #expect(h.subtree(of: hb).count == 12)  // 6 regions, 5 villages and o1, located in v1
        #expect(h.children(of: graph.index(of: "c1")!).map { graph.id(of: Int($0)) } == ["t1", "t2"])
        #expect(Set(h.roots.map { graph.id(of: $0) }) == ["hb", "o2", "e1", "f1"])
    }

    @Test func selectors() throws {
        let chambers = try NodeSelector(parsing: "organization[type=商会]")
        #expect(graph.nodes(matching: chambers).map { graph.id(of: $0) } == ["o1", "o2"])
        let named = try NodeSelector(parsing: "organization[type=商会, name='丙镇商会']")
        #expect(graph.nodes(matching: named).map { graph.id(of: $0) } == ["o2"])
        let notTea = try NodeSelector(parsing: "*[industry!=tea]")
        #expect(!graph.nodes(matching: notTea).contains(graph.index(of: "e1")!))
        #expect(graph.nodes(matching: try NodeSelector(parsing: "nosuchkind")).isEmpty)
        #expect(try NodeSelector(parsing: "region[level=town]").description == "region[level=town]")
        #expect(try NodeSelector(parsing: "a[x=\"b,c\"]").filters[0].value == "b,c")
        // Found by libFuzzer: a value holding `"` was written in `"` quotes and did not parse back.
        let quoted = try NodeSelector(parsing: "region[level=co\"ty, name=it's]")
        #expect(quoted.description == "region[level='co\"ty',name=\"it's\"]")
        #expect(try NodeSelector(parsing: quoted.description) == quoted)
        // Found by libFuzzer: a `,` followed by a combining mark (one Character) went unquoted.
        let combining = try NodeSelector(parsing: "region[name=\"a,\u{05BF}b\"]")
        #expect(combining.description == "region[name=\"a,\u{05BF}b\"]")
        #expect(try NodeSelector(parsing: combining.description) == combining)
    }

    @Test(arguments: [
        ("", 1, "empty selector"), ("org[", 5, "expected an attribute name"),
        ("org[type]", 9, "expected '=' or '!=' after 'type'"), ("org[type=x", 11, "missing ']'"),
        ("org[type='x]", 10, "unterminated quoted value"), ("org[type=x]y", 12, "unexpected text after ']'")
    ])
    func selectorErrors(text: String, column: Int, message: String) {
        #expect(throws: SelectorSyntaxError.self) { try NodeSelector(parsing: text) }
        do {
            _ = try NodeSelector(parsing: text)
        } catch {
            #expect(error.column == column)
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func resolveByIDOrName() throws {
        #expect(try graph.resolve("c1") == graph.index(of: "c1"))
        #expect(try graph.resolve("乙市") == graph.index(of: "c2"))
        #expect(throws: NodeLookupError.notFound("丁市", kind: nil, within: nil, suggestions: ["乙市", "甲市"])) { try graph.resolve("丁市") }
    }
}

@Suite struct GraphBuilderTests {
    let here = { (line: Int) in SourceLocation(file: "g.json", line: line, column: 3) }

    @Test func edgesMayPrecedeTheirNodes() throws {
        var builder = GraphBuilder()
        builder.addEdge(source: "a", target: "b", kind: "tie", weight: 2.5)
        builder.addNode(id: "b", kind: "figure")
        builder.addNode(id: "a", kind: "figure")
        let graph = try builder.build()
        #expect(graph.source(of: 0) == graph.index(of: "a"))
        #expect(graph.weight(of: 0) == 2.5)
        #expect(graph.checkInvariants())
    }

    @Test func reportsEveryErrorWithItsPlace() {
        var builder = GraphBuilder()
        builder.addNode(id: "a", kind: "region", attributes: ["level": .string("city")], at: here(2))
        builder.addNode(id: "a", kind: "region", at: here(3))
        builder.addNode(id: "b", kind: "region", attributes: ["level": .int(3)], at: here(4))
        builder.addEdge(source: "a", target: "ghost", kind: "tie", at: here(5))
        #expect(throws: DiagnosticList.self) { try builder.build() }
        do {
            _ = try builder.build()
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "g.json:3:3: error: duplicate node id 'a'",
                    "g.json:4:3: error: attribute 'level' is a number here but a string on other nodes",
                    "g.json:5:3: error: edge target 'ghost' is not a node of the graph"
                ])
        }
    }

    @Test func twoParentsAndCycles() {
        var builder = GraphBuilder()
        for id in ["t1", "t2", "x", "y", "z"] { builder.addNode(id: id, kind: "region") }
        builder.addNode(id: "v", kind: "village")
        builder.addEdge(source: "v", target: "t1", kind: "within", at: here(10))
        builder.addEdge(source: "v", target: "t2", kind: "within", at: here(11))
        builder.addEdge(source: "x", target: "y", kind: "within", at: here(12))
        builder.addEdge(source: "y", target: "z", kind: "within", at: here(13))
        builder.addEdge(source: "z", target: "x", kind: "within", at: here(14))
        do {
            _ = try builder.build()
            Issue.record("expected errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "g.json:11:3: error: node 'v' is within two places: 't1' (at g.json:10:3) and 't2'",
                    "g.json:12:3: error: the hierarchy has a cycle: 'x' within 'y' within 'z' within 'x'"
                ])
        }
    }

    @Test func hierarchyErrorsComeWithOtherErrors() {
        var builder = GraphBuilder()
        builder.addNode(id: "t1", kind: "region", at: here(1))
        builder.addNode(id: "t2", kind: "region", at: here(2))
        builder.addNode(id: "t1", kind: "region", at: here(3))
        builder.addEdge(source: "t1", target: "t2", kind: "within", at: here(4))
        builder.addEdge(source: "t2", target: "t1", kind: "within", at: here(5))
        builder.addEdge(source: "ghost", target: "t1", kind: "within", at: here(6))
        do {
            _ = try builder.build()
            Issue.record("expected errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "g.json:3:3: error: duplicate node id 't1'",
                    "g.json:6:3: error: edge source 'ghost' is not a node of the graph",
                    "g.json:4:3: error: the hierarchy has a cycle: 't1' within 't2' within 't1'"
                ])
        }
    }

    @Test func selfWithinIsACycle() {
        var builder = GraphBuilder()
        builder.addNode(id: "r", kind: "region")
        builder.addEdge(source: "r", target: "r", kind: "within", at: here(7))
        #expect(throws: DiagnosticList.self) { try builder.build() }
    }

    @Test func withinToANonUnitIsAnOrdinaryEdge() throws {
        var builder = GraphBuilder()
        builder.addNode(id: "f", kind: "figure")
        builder.addNode(id: "o", kind: "organization")
        builder.addNode(id: "p", kind: "organization")
        builder.addEdge(source: "f", target: "o", kind: "within")
        builder.addEdge(source: "f", target: "p", kind: "within")
        let graph = try builder.build()
        #expect(graph.hierarchy.parent(of: 0) == nil)
    }

    @Test func levelWarnings() throws {
        var builder = GraphBuilder()
        builder.addNode(id: "c", kind: "region", attributes: ["level": .string("city")])
        builder.addNode(id: "p", kind: "region", attributes: ["level": .string("town")])
        builder.addNode(id: "q", kind: "region")
        builder.addEdge(source: "c", target: "p", kind: "within")
        let graph = try builder.build()
        #expect(
            graph.warnings.map(\.message) == [
                "region 'c' (city) is within 'p', which is a town",
                "region 'q' has no level (province, city, county or town)"
            ])
    }

    @Test func emptyGraph() {
        let graph = Graph()
        #expect(graph.nodeCount == 0 && graph.edgeCount == 0)
        #expect(graph.checkInvariants())
    }

    @Test func randomGraphsKeepInvariants() throws {
        for seed in UInt64(1)...20 {
            var random = SplitMix64(seed: seed)
            var builder = GraphBuilder()
            let n = Int.random(in: 1...60, using: &random)
            for i in 0..<n { builder.addNode(id: "n\(i)", kind: i % 3 == 0 ? "region" : "figure") }
            for _ in 0..<Int.random(in: 0...200, using: &random) {
                builder.addEdge(
                    from: Int.random(in: 0..<n, using: &random), to: Int.random(in: 0..<n, using: &random),
                    kind: "tie", weight: Double(Int.random(in: 1...3, using: &random)))
            }
            let graph = try builder.build()
            #expect(graph.checkInvariants(), "seed \(seed)")
            var outDegrees = [Int](repeating: 0, count: n)
            for edge in 0..<graph.edgeCount { outDegrees[graph.source(of: edge)] += 1 }
            #expect((0..<n).map { graph.outgoing.degree($0) } == outDegrees, "seed \(seed)")
        }
    }
}
