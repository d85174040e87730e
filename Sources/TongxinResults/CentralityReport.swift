import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// A measure's result with names resolved, ranked (``Ranking``) and filtered: DESIGN.md's
/// centrality JSON, one table (CSV), and the terminal text.
public struct CentralityReport: ResultDocument {
    public struct Row: Sendable {
        public var node: Int
        public var score: Cell
    }

    public let graph: Graph
    /// The measure's name, as the command calls it (`pagerank`, `components`).
    public let measure: String
    public let normalized: Bool
    public let directed: Bool
    public let weighted: Bool
    /// How many sources estimated betweenness, and the seed that drew them.
    public var sampling: (samples: Int, seed: UInt64)?
    /// Group sizes, largest first, for components and communities.
    public private(set) var sizes: [Int]?
    public private(set) var modularity: Double?
    /// The per-node field: `score`, or `component` / `community` for partitions.
    public let field: String
    public private(set) var rows: [Row]

    /// - Parameters:
    ///   - nodes: the graph node of each position of `result`.
    ///   - matching: keeps only the rows whose graph node matches (all when `nil`).
    ///   - top: keeps only the first `top` rows, selected without ranking the rest (``Ranking``).
    public init(
        graph: Graph, measure: String, result: CentralityResult, nodes: [Int], normalized: Bool,
        directed: Bool, weighted: Bool, matching: ((Int) -> Bool)? = nil, top: Int? = nil
    ) {
        self.graph = graph
        self.measure = measure
        self.normalized = normalized
        self.directed = directed
        self.weighted = weighted
        let id = { graph.ids[nodes[$0]] }
        let included: ((Int) -> Bool)? = matching.map { matching in { matching(nodes[$0]) } }
        switch result {
        case .scores(let scores):
            field = "score"
            rows = Ranking.order(scores, top: top, where: included, id: id).map {
                Row(node: nodes[$0], score: .number(scores[$0], digits: 6))
            }
        case .counts(let counts):
            field = "score"
            rows = Ranking.order(counts, top: top, where: included, id: id).map { Row(node: nodes[$0], score: .integer(counts[$0])) }
        case .groups(let partition, let modularity):
            field = modularity == nil ? "component" : "community"
            // Groups renumbered largest first (ties by smallest node); rows by group, then id.
            let rank = partition.sizes.indices.sorted { partition.sizes[$0] > partition.sizes[$1] }
            var number = [Int](repeating: 0, count: partition.count)
            for (position, group) in rank.enumerated() { number[group] = position }
            let labels = partition.labels.map { -number[Int($0)] }
            rows = Ranking.order(labels, top: top, where: included, id: id).map { Row(node: nodes[$0], score: .integer(-labels[$0])) }
            sizes = rank.map { partition.sizes[$0] }
            self.modularity = modularity
        }
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("measure", .string(measure)), ("normalized", .bool(normalized)),
            ("directed", .bool(directed)), ("weighted", .bool(weighted))
        ]
        if let sampling { pairs += [("samples", .int(sampling.samples)), ("seed", .int(Int(sampling.seed)))] }
        if let sizes { pairs += [("count", .int(sizes.count)), ("sizes", .array(sizes.map { .int($0) }))] }
        if let modularity { pairs.append(("modularity", .double(modularity))) }
        pairs.append(
            (
                "nodes",
                .array(
                    rows.map { row in
                        let score: JSONValue =
                            switch row.score {
                            case .integer(let value): .int(value)
                            case .number(let value, _): value.map(JSONValue.double) ?? .null
                            default: .null
                            }
                        return .object([
                            ("id", .string(graph.id(of: row.node))), ("name", .string(graph.name(of: row.node))),
                            ("kind", .string(graph.kind(of: row.node))), (field, score)
                        ])
                    })
            ))
        return .object(pairs)
    }

    /// One table: rank, id, name, kind and the score (6 significant digits in a terminal, exact in CSV).
    public var tables: [ResultTable] {
        var table = ResultTable(measure, columns: [.numeric("rank"), Column("id"), Column("name"), Column("kind"), .numeric(field)])
        for (position, row) in rows.enumerated() {
            table.append([
                .integer(position + 1), .id(graph.id(of: row.node)), .text(graph.name(of: row.node)),
                .text(graph.kind(of: row.node)), row.score
            ])
        }
        return [table]
    }

    public func text() -> String {
        var header = measure
        if let sizes { header += ": \(sizes.count) groups, largest \(sizes.first ?? 0)" }
        if let modularity { header += ", modularity \(NumberFormat.significant(modularity, digits: 6))" }
        if let sampling { header += " (sampled: \(sampling.samples) sources, seed \(sampling.seed))" }
        return header + "\n" + tables[0].text()
    }
}
