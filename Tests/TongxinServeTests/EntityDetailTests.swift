import Testing
import TongxinGraph
import TongxinIO
import TongxinServe
import TongxinTestSupport

@Suite struct EntityDetailTests {
    let graph = SampleGraphs.tinyProvince()

    /// A village: its attributes, its place from the province down, and its links grouped by kind
    /// and direction in EdgeKind.all's order.
    @Test func villageWithPlaceAndGroupedLinks() throws {
        let json = EntityDetail.json(for: try #require(graph.index(of: "v1")), in: graph).serialized()
        #expect(
            json == #"{"id":"v1","name":"一村","kind":"village","level":"village","attributes":{"type":"village"},"#
                + #""path":[{"id":"hb","name":"湖北省","level":"province"},{"id":"c1","name":"甲市","level":"city"},{"id":"t1","name":"甲镇","level":"town"}],"#
                + #""links":[{"kind":"within","direction":"out","count":1,"nodes":[{"id":"t1","name":"甲镇","kind":"region"}]},"#
                + #"{"kind":"within","direction":"in","count":1,"nodes":[{"id":"o1","name":"甲镇商会","kind":"organization"}]},"#
                + #"{"kind":"liaison_for","direction":"in","count":1,"nodes":[{"id":"f1","name":"张三","kind":"figure"}]}]}"#)
    }

    /// Other ends beyond the limit are counted, not listed.
    @Test func limitCutsTheListNotTheCount() throws {
        let json = EntityDetail.json(for: try #require(graph.index(of: "e1")), in: graph, limit: 1)
        guard case .array(let links)? = json["links"] else { Issue.record("no links"); return }
        let paired = try #require(links.first { $0["kind"] == "paired_with" })
        #expect(paired["count"] == 2)
        #expect(paired["nodes"] == [["id": "v2", "name": "二村", "kind": "village"]])
        #expect(json["level"] == .null)
    }
}
