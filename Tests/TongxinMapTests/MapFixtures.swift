import Foundation
import TongxinGraph
import TongxinIO
import TongxinMap

/// Small boundaries and graphs for the map tests, and the installed Hubei data.
enum MapFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Three regions sharing borders and an island: 武汉市 (west), 京山市 (east, the renamed
    /// 京山县), 仙桃市 (south, under both), 孤岛 (no region).
    static var three: GeoFeatureCollection { try! GeoJSONReader.read(path: folder.appendingPathComponent("three.geojson").path) }

    /// A province 42 with 武汉市 (4201, no counties), 荆门市 (4208) holding 京山县 under its old code
    /// 420821, and 仙桃市 (429004, a city without counties); two villages in each unit, one
    /// covered by a liaison in 武汉 and both in 仙桃; an enterprise paired with one 京山 village.
    ///
    /// The `earlier` version of it: 武汉 with no village covered, 京山 with one, no 仙桃 (added
    /// since), and a county 孤岛 (420999, removed since) with one of its two villages covered.
    static func graph(earlier: Bool = false) -> Graph {
        var builder = GraphBuilder(name: earlier ? "fixture 2023" : "fixture")
        func region(_ id: String, _ name: String, _ level: String, _ parent: String?) {
            builder.addNode(id: id, kind: NodeKind.region, name: name, attributes: ["level": .string(level)])
            if let parent { builder.addEdge(source: id, target: parent, kind: EdgeKind.within) }
        }
        region("42", "湖北省", "province", nil)
        region("4201", "武汉市", "city", "42")
        region("4208", "荆门市", "city", "42")
        region("420821", "京山县", "county", "4208")
        let units = earlier ? [("4201", 0), ("420821", 1), ("420999", 1)] : [("4201", 1), ("420821", 0), ("429004", 2)]
        if earlier { region("420999", "孤岛", "county", "42") } else { region("429004", "仙桃市", "city", "42") }
        for (unit, covered) in units {
            for index in 0..<2 {
                let village = "\(unit)-v\(index)"
                builder.addNode(id: village, kind: NodeKind.village, name: "\(unit)村\(index)")
                builder.addEdge(source: village, target: unit, kind: EdgeKind.within)
                if index < covered {
                    builder.addNode(id: "f-\(village)", kind: NodeKind.figure, name: "联络员\(village)")
                    builder.addEdge(source: "f-\(village)", target: village, kind: EdgeKind.liaisonFor)
                }
            }
        }
        builder.addNode(id: "e1", kind: NodeKind.enterprise, name: "企业")
        if !earlier { builder.addEdge(source: "e1", target: "420821-v0", kind: EdgeKind.pairedWith) }
        return try! builder.build()
    }

    /// The boundaries `Scripts/setup.sh` installs, or `nil` when they are not there.
    static func installed(_ level: RegionLevel) -> Boundaries? {
        try? Boundaries(defaultFor: level)
    }

    static var hubeiPath: String { repository.appendingPathComponent("Graphs/hubei.json").path }
}
