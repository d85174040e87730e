import Foundation
import Testing
import TongxinIO
import TongxinTestSupport

/// Queries over the Hubei graph that the assertions share.
struct HubeiView {
    let graph: Graph

    init() throws { graph = try HubeiGraph.graph }

    func region(_ name: String) throws -> Int { try graph.resolve(name, kind: NodeKind.region) }

    /// The nodes of `kind` in `region`'s subtree (the region itself excluded).
    func nodes(_ kind: String, in region: Int, where predicate: (Int) -> Bool = { _ in true }) -> [Int] {
        guard let wanted = graph.nodeKindIndex(kind) else { return [] }
        return graph.hierarchy.subtree(of: region).dropFirst().map(Int.init).filter {
            graph.nodeKindIndices[$0] == wanted && predicate($0)
        }
    }

    func towns(in region: Int) -> [Int] { nodes(NodeKind.region, in: region) { graph.level(of: $0) == .town } }
    func counties(in region: Int) -> [Int] { nodes(NodeKind.region, in: region) { graph.level(of: $0) == .county } }
    func villages(in region: Int) -> [Int] { nodes(NodeKind.village, in: region) }

    func string(_ attribute: String, of node: Int) -> String? { graph.attribute(attribute, of: node)?.string }

    /// The sources of the `kind` edges into `node`.
    func sources(into node: Int, kind: String) -> [Int] {
        zip(graph.incoming.neighbors(of: node), graph.incoming.edges(of: node))
            .filter { graph.kind(ofEdge: Int($0.1)) == kind }.map { Int($0.0) }
    }

    /// How many figures of `category` are `liaison_for` `unit`.
    func liaisons(for unit: Int, category: String) -> Int {
        sources(into: unit, kind: EdgeKind.liaisonFor).filter { string("category", of: $0) == category }.count
    }

    /// The organizations of `type` whose parent is `unit`.
    func organizations(within unit: Int, type: String) -> [Int] {
        graph.hierarchy.children(of: unit).map(Int.init).filter {
            graph.kind(of: $0) == NodeKind.organization && string("type", of: $0) == type
        }
    }

    /// Distinct (source, village) pairs of `paired_with` edges into `region`'s villages.
    func pairs(into region: Int) -> Set<[Int]> {
        var pairs = Set<[Int]>()
        for village in villages(in: region) {
            for source in sources(into: village, kind: EdgeKind.pairedWith) { pairs.insert([source, village]) }
        }
        return pairs
    }
}

@Suite("The Hubei graph: real regions, the source's facts")
struct HubeiGraphTests {
    @Test func loadsValidWithTheRealRegions() throws {
        let hubei = try HubeiView(), graph = hubei.graph
        #expect(graph.checkInvariants())
        #expect(graph.warnings.isEmpty, "\(graph.warnings.prefix(3))")
        var levels: [RegionLevel: Int] = [:]
        for node in graph.nodes(ofKind: NodeKind.region) { levels[graph.level(of: node)!, default: 0] += 1 }
        #expect(levels == [.province: 1, .city: 17, .county: 101, .town: 1475])
        // Ids are the official division codes (Graphs/sources/hubei-divisions.csv).
        for (code, name) in [
            ("42", "湖北省"), ("4203", "十堰市"), ("4228", "恩施土家族苗族自治州"),
            ("420528", "长阳土家族自治县"), ("420528105", "资丘镇"), ("429021", "神农架林区")
        ] {
            #expect(graph.index(of: code).map(graph.name(of:)) == name)
        }
        // One tree: every node but the province has a parent, every village's parent is a town,
        // every region's parent is one level up (towns of 仙桃, 潜江, 天门, 神农架 sit under the city).
        #expect(graph.hierarchy.roots == [graph.index(of: "42")!])
        #expect(
            graph.nodes(ofKind: NodeKind.village).allSatisfy {
                graph.hierarchy.parent(of: $0).flatMap(graph.level(of:)) == .town
            })
        #expect(
            graph.nodes(ofKind: NodeKind.region).allSatisfy { region in
                guard let parent = graph.hierarchy.parent(of: region) else { return graph.level(of: region) == .province }
                return graph.level(of: parent)! < graph.level(of: region)!
            })
    }

    @Test func villageCounts() throws {
        let hubei = try HubeiView()
        for (city, count) in [("十堰市", 1898), ("荆门市", 1566), ("随州市", 1009), ("恩施土家族苗族自治州", 1510)] {
            #expect(hubei.villages(in: try hubei.region(city)).count == count, "\(city)")
        }
        let enshi = hubei.villages(in: try hubei.region("恩施土家族苗族自治州"))
        #expect(enshi.allSatisfy { hubei.string("type", of: $0) == "village" })
        // About 26,000 villages and communities in the province (public background figure).
        let all = hubei.graph.nodes(ofKind: NodeKind.village).count
        #expect((25_000...27_000).contains(all))
    }

    @Test func shiyanTownsAndVillagesAllHaveTheirLiaisons() throws {
        // 十堰: "all 129 towns have a committee member and an officer; all 1,898 villages a liaison".
        let hubei = try HubeiView(), shiyan = try hubei.region("十堰市")
        let towns = hubei.towns(in: shiyan)
        #expect(towns.count == 129)
        #expect(towns.allSatisfy { hubei.liaisons(for: $0, category: "统战委员") == 1 })
        #expect(towns.allSatisfy { hubei.liaisons(for: $0, category: "统战干事") == 1 })
        #expect(hubei.villages(in: shiyan).allSatisfy { hubei.liaisons(for: $0, category: "统战联络员") == 1 })
        // 2,285 organizations; 知联会, 新联会, 光彩会 in every county; chambers in 118 of 129 towns.
        #expect(hubei.nodes(NodeKind.organization, in: shiyan).count == 2285)
        for county in hubei.counties(in: shiyan) {
            for type in ["知联会", "新联会", "光彩会"] { #expect(hubei.organizations(within: county, type: type).count == 1) }
        }
        #expect(towns.filter { !hubei.organizations(within: $0, type: "商会").isEmpty }.count == 118)
    }

    @Test func yichangAndEnshiPairing() throws {
        let hubei = try HubeiView()
        // 宜昌: "1,173 private enterprises and chambers paired with 1,319 villages".
        let yichang = try hubei.region("宜昌市")
        let yichangPairs = hubei.pairs(into: yichang)
        #expect(Set(yichangPairs.map { $0[0] }).count == 1173)
        #expect(Set(yichangPairs.map { $0[1] }).count == 1319)
        #expect(yichangPairs.allSatisfy { hubei.graph.kind(of: $0[0]) == NodeKind.enterprise })
        #expect(hubei.nodes(NodeKind.enterprise, in: yichang).count == 1173)
        // 恩施: "2,169 enterprises paired with 1,510 villages, every village paired; 1,584 projects".
        let enshi = try hubei.region("恩施土家族苗族自治州")
        let enshiPairs = hubei.pairs(into: enshi)
        #expect(Set(enshiPairs.map { $0[0] }).count == 2169)
        #expect(Set(enshiPairs.map { $0[1] }).count == 1510)
        let graph = hubei.graph
        let projects = (0..<graph.edgeCount).filter {
            graph.kind(ofEdge: $0) == EdgeKind.pairedWith && graph.hierarchy.contains(enshi, graph.target(of: $0))
        }.compactMap { graph.edgeAttributes.value("projects", at: $0)?.number }.reduce(0, +)
        #expect(projects == 1584)
    }

    @Test func suizhouVillagesHaveOneLiaisonAndThreeOrFourCollectors() throws {
        // 随州: "1,009 villages each with a liaison station, 1 liaison and 3–4 information collectors".
        let hubei = try HubeiView()
        let villages = hubei.villages(in: try hubei.region("随州市"))
        #expect(villages.count == 1009)
        #expect(villages.allSatisfy { hubei.liaisons(for: $0, category: "统战联络员") == 1 })
        #expect(villages.allSatisfy { (3...4).contains(hubei.liaisons(for: $0, category: "信息采集员")) })
        #expect(villages.allSatisfy { hubei.organizations(within: $0, type: "联络站").count == 1 })
    }

    @Test func statedOrganizationCounts() throws {
        let hubei = try HubeiView(), graph = hubei.graph
        // 咸宁 1,334; 黄石 320+ (326); 襄阳 2,837 service stations.
        #expect(hubei.nodes(NodeKind.organization, in: try hubei.region("咸宁市")).count == 1334)
        #expect(hubei.nodes(NodeKind.organization, in: try hubei.region("黄石市")).count == 326)
        let stations = hubei.nodes(NodeKind.organization, in: try hubei.region("襄阳市")) {
            hubei.string("type", of: $0) == "服务站"
        }
        #expect(stations.count == 2837)
        // 孝感: 197 organizations at city and county level.
        let xiaogan = try hubei.region("孝感市")
        let upper = Set([xiaogan] + hubei.counties(in: xiaogan))
        let cityAndCounty = graph.nodes(ofKind: NodeKind.organization).filter {
            graph.hierarchy.parent(of: $0).map(upper.contains) == true
        }
        #expect(cityAndCounty.count == 197)
        // 荆门: 知联会 and 新联会 in each of the 5 coded counties, a 联络站 in each of the 84 towns.
        let jingmen = try hubei.region("荆门市")
        #expect(hubei.counties(in: jingmen).count == 5)
        for county in hubei.counties(in: jingmen) {
            #expect(!hubei.organizations(within: county, type: "知联会").isEmpty)
            #expect(!hubei.organizations(within: county, type: "新联会").isEmpty)
        }
        let towns = hubei.towns(in: jingmen)
        #expect(towns.count == 84 && towns.allSatisfy { !hubei.organizations(within: $0, type: "联络站").isEmpty })
    }

    @Test func xiaoganExpertsAndXiantaoTalents() throws {
        let hubei = try HubeiView(), graph = hubei.graph
        // 孝感: "166 non-party experts serving 121 enterprises, 56 cooperation intentions".
        let experts = graph.nodes(ofKind: NodeKind.figure).filter { hubei.string("category", of: $0) == "党外专家" }
        #expect(experts.count == 166)
        var served = Set<Int>()
        for expert in experts {
            let targets = zip(graph.outgoing.neighbors(of: expert), graph.outgoing.edges(of: expert))
                .filter { graph.kind(ofEdge: Int($0.1)) == EdgeKind.pairedWith }.map { Int($0.0) }
            #expect(!targets.isEmpty)
            served.formUnion(targets)
        }
        #expect(served.count == 121)
        #expect(served.filter { graph.attribute("cooperation_intention", of: $0) == .bool(true) }.count == 56)
        // 仙桃: "130 key village talents each paired with a cadre".
        let talents = hubei.nodes(NodeKind.figure, in: try hubei.region("仙桃市")) { hubei.string("category", of: $0) == "能人" }
        #expect(talents.count == 130)
        for talent in talents {
            let cadres = hubei.sources(into: talent, kind: EdgeKind.pairedWith)
            #expect(cadres.count == 1 && hubei.string("category", of: cadres[0]) == "统战干部")
        }
    }

    @Test func metadataDescribesWhatIsSynthetic() throws {
        let graph = try HubeiGraph.graph
        #expect(graph.name == "Hubei")
        #expect(graph.metadata["seed"] == .int(20241124))
        for key in ["source", "regions", "synthetic", "荆门.reconciliation", "not_modelled"] {
            #expect(graph.metadata[key]?.string?.isEmpty == false, "\(key)")
        }
        // Each `count.KEY` equals the nodes and edges whose `fact` is KEY.
        var counts: [String: Int] = [:]
        for node in 0..<graph.nodeCount {
            if let fact = graph.nodeAttributes.value("fact", at: node)?.string { counts[fact, default: 0] += 1 }
        }
        for edge in 0..<graph.edgeCount {
            if let fact = graph.edgeAttributes.value("fact", at: edge)?.string { counts[fact, default: 0] += 1 }
        }
        for (fact, count) in counts {
            #expect(graph.metadata[fact]?.string != nil, "fact \(fact) is not described")
            #expect(graph.metadata["count." + fact] == .int(count), "\(fact)")
        }
        // Every node but the real regions is marked synthetic.
        #expect(
            (0..<graph.nodeCount).allSatisfy {
                (graph.nodeAttributes.value("synthetic", at: $0) == .bool(true)) == (graph.kind(of: $0) != NodeKind.region)
            })
    }
}
