import Testing
import TongxinTestSupport
@testable import TongxinSharing

@Suite struct RegionExtractTests {
    let graph = SampleGraphs.tinyProvince()

    func ids(_ graph: Graph) -> [String] { Array(graph.ids) }

    func edges(_ graph: Graph) -> [String] {
        (0..<graph.edgeCount).map {
            "\(graph.id(of: graph.source(of: $0))) \(graph.kind(ofEdge: $0)) \(graph.id(of: graph.target(of: $0)))"
        }
    }

    @Test func aCityKeepsItsSubtreeAndTheEdgesAmongIt() throws {
        let part = try RegionExtract.extract(graph, region: graph.index(of: "c1")!, withLinks: false, date: "2026-12-04T00:00:00Z")
        #expect(ids(part) == ["c1", "t1", "t2", "v1", "v2", "v3", "o1"])
        #expect(edges(part) == ["t1 within c1", "t2 within c1", "v1 within t1", "v2 within t1", "v3 within t2", "o1 within v1"])
        #expect(part.hierarchy.roots == [part.index(of: "c1")!])
        #expect(part.metadata["extract.region"] == .string("c1 甲市"))
        #expect(part.metadata["extract.region_path"] == .string("湖北省 / 甲市"))
        #expect(part.metadata["extract.source"] == .string("tiny"))
        #expect(part.metadata["extract.date"] == .string("2026-12-04T00:00:00Z"))
        #expect(part.metadata["extract.with_links"] == .bool(false))
        #expect(part.attribute("type", of: part.index(of: "o1")!) == .string("商会"))
        #expect(part.checkInvariants())
    }

    @Test func withLinksTheLinkedNodesComeMarkedOutside() throws {
        let part = try RegionExtract.extract(graph, region: graph.index(of: "c1")!, withLinks: true, date: "d")
        #expect(ids(part) == ["c1", "t1", "t2", "v1", "v2", "v3", "o1", "e1", "f1"])
        #expect(edges(part).suffix(3) == ["e1 paired_with v2", "e1 paired_with v3", "f1 liaison_for v1"])
        for id in ["e1", "f1"] {
            #expect(part.attribute(RegionExtract.outsideAttribute, of: part.index(of: id)!) == .bool(true))
        }
        #expect(part.attribute(RegionExtract.outsideAttribute, of: part.index(of: "v2")!) == nil)
        #expect(part.edgeAttributes.value("projects", at: part.edgeCount - 3) == .int(2))
    }

    @Test func anOutsideNodeCarriesItsPlaceAsText() throws {
        // o2 serves v5 in 乙市; extracting 乙市's town 丙镇 with links keeps o2 (no place of its own);
        // extracting 甲镇 with links brings nothing from 乙市.
        let town = try RegionExtract.extract(graph, region: graph.index(of: "t3")!, withLinks: true, date: "d")
        #expect(ids(town) == ["t3", "v4", "v5", "o2"])
        #expect(town.attribute(RegionExtract.outsidePlaceAttribute, of: town.index(of: "o2")!) == .string(""))
        let village = try RegionExtract.extract(graph, region: graph.index(of: "v1")!, withLinks: true, date: "d")
        #expect(ids(village) == ["v1", "o1", "f1"])
    }
}
