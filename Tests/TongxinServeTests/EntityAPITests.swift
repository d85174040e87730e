import Testing
import TongxinGraph
import TongxinIO
import TongxinServe
import TongxinTestSupport

@Suite struct EntityAPITests {
    let api = EntityAPI(graphs: GraphRegistry([ServedGraph(path: "/data/tiny.json", graph: SampleGraphs.tinyProvince())]))

    func failure(_ path: String, _ parameters: [(name: String, value: String)]) -> APIError? {
        do {
            _ = try api.answer(path, parameters: parameters)
            return nil
        } catch {
            return error
        }
    }

    @Test func answersSearchAndEntity() throws {
        #expect(EntityAPI.paths == ["/api/search", "/api/entity"])
        #expect(failure("/api/info", [])?.status == 404)
        #expect(try api.answer("/api/search", parameters: [("q", "甲"), ("graph", "tiny.json")])["total"] == 3)
        #expect(try api.answer("/api/entity", parameters: [("node", "乙市")])["id"] == "c2")
    }

    @Test func refusesBadParametersWithTheirStatus() {
        #expect(
            failure("/api/search", [("q", "甲"), ("format", "csv")])
                == APIError(status: 400, "search has no parameter 'format' (it has: graph, limit, q)"))
        #expect(failure("/api/search", [("q", "甲"), ("q", "乙")]) == APIError(status: 400, "q is given twice"))
        #expect(
            failure("/api/search", [("q", "甲"), ("limit", "0")])
                == APIError(status: 400, "limit must be a whole number from 1 to 1000, not '0'"))
        #expect(failure("/api/entity", []) == APIError(status: 400, "entity needs the parameter node (an id, a code or a name)"))
        #expect(failure("/api/entity", [("node", "丁市")])?.status == 404)
        #expect(failure("/api/entity", [("node", "v1"), ("graph", "other.json")])?.status == 404)
    }
}
