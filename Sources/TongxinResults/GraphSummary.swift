import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// What a graph holds (`tongxin info`): counts by node kind, edge kind and region level, connected
/// components, metadata and warnings, over the whole graph or one region's subtree.
public struct GraphSummary: ResultDocument {
    /// A name and a count.
    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    public var name: String
    /// The region the counts are restricted to.
    public var region: (id: String, name: String)?
    public var nodes = 0
    public var edges = 0
    /// Weakly connected components (edge directions ignored).
    public var components = 0
    public var nodeKinds: [Count] = []
    public var edgeKinds: [Count] = []
    public var levels: [Count] = []
    public var metadata: [(key: String, value: AttributeValue)]
    public var warnings: [String]

    /// Counts over the whole graph, or over the nodes in `region`'s subtree and the edges between them.
    ///
    /// - Complexity: O(V + E) (components: ``TongxinGraph/Graph/weakComponentCount(inside:)``).
    public init(_ graph: Graph, region: Int?) {
        name = graph.name
        metadata = graph.metadata.keys.sorted().map { ($0, graph.metadata[$0]!) }
        warnings = graph.warnings.map(\.description)
        var inside = [Bool](repeating: region == nil, count: graph.nodeCount)
        if let region {
            self.region = (graph.id(of: region), graph.name(of: region))
            for node in graph.hierarchy.subtree(of: region) { inside[Int(node)] = true }
        }
        var nodeCounts = [Int](repeating: 0, count: graph.nodeKinds.count)
        var levelCounts = [Int](repeating: 0, count: RegionLevel.allCases.count)
        // Only regions and villages have a level: other kinds skip the lookup.
        let leveled = graph.nodeKinds.map { $0 == NodeKind.region || $0 == NodeKind.village }
        graph.nodeKindIndices.withUnsafeBufferPointer { kinds in
            for node in 0..<graph.nodeCount where inside[node] {
                let kind = Int(kinds[node])
                nodeCounts[kind] += 1
                if leveled[kind], let level = graph.level(of: node) { levelCounts[level.rank] += 1 }
            }
        }
        nodes = nodeCounts.reduce(0, +)
        var edgeCounts = [Int](repeating: 0, count: graph.edgeKinds.count)
        graph.edgeKindIndices.withUnsafeBufferPointer { kinds in
            if region == nil {
                for kind in kinds { edgeCounts[Int(kind)] += 1 }
                return
            }
            graph.sources.withUnsafeBufferPointer { sources in
                graph.targets.withUnsafeBufferPointer { targets in
                    for edge in kinds.indices where inside[Int(sources[edge])] && inside[Int(targets[edge])] {
                        edgeCounts[Int(kinds[edge])] += 1
                    }
                }
            }
        }
        edges = edgeCounts.reduce(0, +)
        components = graph.weakComponentCount(inside: region == nil ? nil : inside)
        func counts(_ names: [String], _ counts: [Int]) -> [Count] {
            zip(names, counts).filter { $0.1 > 0 }.map { Count(name: $0, count: $1) }
        }
        nodeKinds = counts(graph.nodeKinds, nodeCounts)
        edgeKinds = counts(graph.edgeKinds, edgeCounts)
        levels = counts(RegionLevel.allCases.map(\.rawValue), levelCounts)
    }

    public var json: JSONValue {
        func counts(_ counts: [Count]) -> JSONValue { .object(counts.map { ($0.name, .int($0.count)) }) }
        var pairs: [(String, JSONValue)] = [("name", .string(name))]
        if let region { pairs.append(("region", ["id": .string(region.id), "name": .string(region.name)])) }
        pairs += [
            ("nodes", .int(nodes)), ("edges", .int(edges)), ("components", .int(components)),
            ("node_kinds", counts(nodeKinds)), ("edge_kinds", counts(edgeKinds)), ("levels", counts(levels)),
            ("metadata", .object(metadata.map { ($0.key, JSONValue($0.value)) })),
            ("warnings", .array(warnings.map(JSONValue.string)))
        ]
        return .object(pairs)
    }

    /// One table of `section,name,value` rows.
    public var tables: [ResultTable] {
        var table = ResultTable("info", columns: [Column("section"), Column("name"), Column("value")])
        table.append([.text("graph"), .text("name"), .text(name)])
        if let region { table.append([.text("graph"), .text("region"), .id(region.id)]) }
        table.append([.text("graph"), .text("nodes"), .integer(nodes)])
        table.append([.text("graph"), .text("edges"), .integer(edges)])
        table.append([.text("graph"), .text("components"), .integer(components)])
        for count in nodeKinds { table.append([.text("node_kind"), .text(count.name), .integer(count.count)]) }
        for count in edgeKinds { table.append([.text("edge_kind"), .text(count.name), .integer(count.count)]) }
        for count in levels { table.append([.text("level"), .text(count.name), .integer(count.count)]) }
        for (key, value) in metadata { table.append([.text("metadata"), .text(key), .text(value.description)]) }
        for warning in warnings { table.append([.text("warning"), .null, .text(warning)]) }
        return [table]
    }

    /// The overview, then one table per kind of count, the metadata and the warnings.
    public func text() -> String {
        var overview = ResultTable("graph", columns: [Column("graph"), Column(name.isEmpty ? "(unnamed)" : name)])
        if let region { overview.append([.text("region"), .text("\(region.name) (\(region.id))")]) }
        overview.append([.text("nodes"), .integer(nodes)])
        overview.append([.text("edges"), .integer(edges)])
        overview.append([.text("components"), .integer(components)])
        var tables = [overview]
        for (title, counts) in [("node kind", nodeKinds), ("edge kind", edgeKinds), ("level", levels)] where !counts.isEmpty {
            var table = ResultTable(title, columns: [Column(title), .numeric("count")])
            for count in counts { table.append([.text(count.name), .integer(count.count)]) }
            tables.append(table)
        }
        if !metadata.isEmpty {
            var table = ResultTable("metadata", columns: [Column("metadata"), Column("value")])
            for (key, value) in metadata { table.append([.text(key), .text(value.description)]) }
            tables.append(table)
        }
        if !warnings.isEmpty {
            var table = ResultTable("warnings", columns: [Column("warnings (\(warnings.count))")])
            for warning in warnings { table.append([.text(warning)]) }
            tables.append(table)
        }
        return tables.map { $0.text() }.joined(separator: "\n")
    }
}
