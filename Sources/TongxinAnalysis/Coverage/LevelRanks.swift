/// Each node's administrative level as a small integer, read once from the kind and `level` columns,
/// so coverage and pairing compare levels in their hot loops without touching strings.
///
/// The rank is ``RegionLevel/rank`` (0 province, 1 city, 2 county, 3 town, 4 village) for regions
/// with a known level and for villages, and -1 for every other node.
///
/// - Complexity: O(V) to build, O(1) per lookup.
struct LevelRanks {
    /// The rank of each node, or -1.
    let ranks: [Int8]

    init(_ graph: Graph) {
        var ranks = [Int8](repeating: -1, count: graph.nodeCount)
        let region = graph.nodeKindIndex(NodeKind.region), village = graph.nodeKindIndex(NodeKind.village)
        let levelColumn = graph.nodeAttributes.column(named: WellKnownAttribute.level)
        let rankByName = Dictionary(uniqueKeysWithValues: RegionLevel.allCases.map { ($0.rawValue, Int8($0.rank)) })
        graph.nodeKindIndices.withUnsafeBufferPointer { kinds in
            for node in 0..<kinds.count {
                let kind = kinds[node]
                if kind == village {
                    ranks[node] = Int8(RegionLevel.village.rank)
                } else if kind == region, let levelColumn,
                    let name = graph.nodeAttributes.value(column: levelColumn, at: node)?.string,
                    let rank = rankByName[name], rank < Int8(RegionLevel.village.rank)
                {
                    ranks[node] = rank
                }
            }
        }
        self.ranks = ranks
    }

    subscript(node: Int) -> Int8 { ranks[node] }
}
