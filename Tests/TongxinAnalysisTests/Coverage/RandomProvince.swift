import TongxinAnalysis
import TongxinTestSupport

/// Small random province-shaped graphs for the coverage and pairing property tests: a province,
/// cities, counties, towns and villages (some villages directly under a county, some regions empty),
/// organizations (商会 or 知联会), figures and enterprises located somewhere or nowhere, and random
/// edges of every kind between any two nodes, self-loops and repeated edges included. Only `within`
/// edges to non-units are random, so the hierarchy stays a forest.
enum RandomProvince {
    static func make(_ rng: inout SplitMix64, maxOthers: Int = 8, maxEdges: Int = 30) -> Graph {
        var g = HandGraph()
        var places = ["P"], units: [String] = []
        g.region("P", .province)
        for city in 0..<Int.random(in: 1...3, using: &rng) {
            let c = "C\(city)"
            g.region(c, .city, in: "P")
            places.append(c)
            for county in 0..<Int.random(in: 0...3, using: &rng) {
                let k = "\(c)K\(county)"
                g.region(k, .county, in: c)
                places.append(k)
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    let v = "\(k)v"
                    g.village(v, in: k)  // a village directly under a county
                    places.append(v)
                }
                for town in 0..<Int.random(in: 0...3, using: &rng) {
                    let t = "\(k)T\(town)"
                    g.region(t, .town, in: k)
                    places.append(t)
                    for village in 0..<Int.random(in: 0...4, using: &rng) {
                        let v = "\(t)v\(village)"
                        g.village(v, in: t)
                        places.append(v)
                    }
                }
            }
        }
        units = places
        var others: [String] = []
        func located() -> String? { Bool.random(using: &rng) ? places.randomElement(using: &rng) : nil }
        for index in 0..<Int.random(in: 0...maxOthers, using: &rng) {
            let type = Bool.random(using: &rng) ? "商会" : "知联会"
            g.node("o\(index)", NodeKind.organization, ["type": .string(type)], in: located())
            others.append("o\(index)")
        }
        for index in 0..<Int.random(in: 0...maxOthers, using: &rng) {
            g.node("f\(index)", NodeKind.figure, in: located())
            others.append("f\(index)")
        }
        for index in 0..<Int.random(in: 0...maxOthers, using: &rng) {
            g.node("e\(index)", NodeKind.enterprise, in: located())
            others.append("e\(index)")
        }
        let everyone = units + others
        let kinds = [EdgeKind.serves, EdgeKind.liaisonFor, EdgeKind.pairedWith, EdgeKind.tie, EdgeKind.memberOf]
        var written: [(String, String, String)] = []
        for _ in 0..<Int.random(in: 0...maxEdges, using: &rng) {
            if !written.isEmpty && Int.random(in: 0..<6, using: &rng) == 0 {
                let again = written.randomElement(using: &rng)!  // a parallel edge
                g.edge(again.0, again.1, again.2)
                continue
            }
            let source = everyone.randomElement(using: &rng)!
            let target = Int.random(in: 0..<8, using: &rng) == 0 ? source : everyone.randomElement(using: &rng)!
            if !others.isEmpty && Int.random(in: 0..<8, using: &rng) == 0 {
                // `within` to a non-unit: a location that is not part of the hierarchy.
                g.edge(source, others.randomElement(using: &rng)!, EdgeKind.within)
                continue
            }
            let kind = kinds.randomElement(using: &rng)!
            g.edge(source, target, kind)
            written.append((source, target, kind))
        }
        return g.build()
    }
}
