import ArgumentParser
import TongxinAnalysis
import TongxinIO

/// `tongxin info G`: what a graph holds.
struct Info: TongxinCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show counts by node and edge kind, region levels, connected components, metadata and warnings.",
        discussion: """
            Examples:
              tongxin info Graphs/examples/yunxi.json
              tongxin info Graphs/hubei.json --region 宜昌市
              tongxin info Graphs/examples/suixian-liaison --format json
            """)

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var output: OutputOptions

    mutating func execute() throws {
        let graph = try graphOptions.load()
        let summary = try GraphSummary(graph, region: graphOptions.regionIndex(in: graph))
        switch output.format {
        case .json: Console.printJSON(summary.json)
        case .table: Console.out(summary.tables().map { $0.rendered() }.joined(separator: "\n"))
        case .csv: Console.out(summary.csvTable().csv())
        case .xlsx: try output.writeWorkbook(summary.csvTable())
        }
    }
}

/// The numbers `info` shows, computed once for all three output formats.
struct GraphSummary {
    var name: String
    var region: (id: String, name: String)?
    var nodes = 0
    var edges = 0
    /// Weakly connected components (edge directions ignored).
    var components = 0
    var nodeKinds: [(String, Int)] = []
    var edgeKinds: [(String, Int)] = []
    var levels: [(String, Int)] = []
    var metadata: [(String, AttributeValue)]
    var warnings: [String]

    /// Counts over the whole graph, or over the nodes in `region`'s subtree and the edges between them.
    ///
    /// - Complexity: O(V + E), plus the simple undirected view the components are counted on.
    init(_ graph: Graph, region: Int?) {
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
        for node in 0..<graph.nodeCount where inside[node] {
            nodes += 1
            nodeCounts[Int(graph.nodeKindIndices[node])] += 1
            if let level = graph.level(of: node) { levelCounts[level.rank] += 1 }
        }
        var edgeCounts = [Int](repeating: 0, count: graph.edgeKinds.count)
        for edge in 0..<graph.edgeCount where inside[graph.source(of: edge)] && inside[graph.target(of: edge)] {
            edges += 1
            edgeCounts[Int(graph.edgeKindIndices[edge])] += 1
        }
        let view = region == nil ? MeasureGraph(graph) : MeasureGraph(graph, inducedBy: inside.indices.filter { inside[$0] })
        components = view.weakComponents().count
        nodeKinds = zip(graph.nodeKinds, nodeCounts).filter { $0.1 > 0 }.map { ($0, $1) }
        edgeKinds = zip(graph.edgeKinds, edgeCounts).filter { $0.1 > 0 }.map { ($0, $1) }
        levels = zip(RegionLevel.allCases, levelCounts).filter { $0.1 > 0 }.map { ($0.rawValue, $1) }
    }

    var json: JSONValue {
        func counts(_ pairs: [(String, Int)]) -> JSONValue { .object(pairs.map { ($0, .int($1)) }) }
        var pairs: [(String, JSONValue)] = [("name", .string(name))]
        if let region { pairs.append(("region", ["id": .string(region.id), "name": .string(region.name)])) }
        pairs += [
            ("nodes", .int(nodes)), ("edges", .int(edges)), ("components", .int(components)),
            ("node_kinds", counts(nodeKinds)), ("edge_kinds", counts(edgeKinds)), ("levels", counts(levels)),
            ("metadata", .object(metadata.map { ($0, JSONValue($1)) })),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ]
        return .object(pairs)
    }

    func tables() -> [Table] {
        var overview = Table(["graph", name.isEmpty ? "(unnamed)" : name])
        if let region { overview.append(["region", "\(region.name) (\(region.id))"]) }
        overview.append(["nodes", String(nodes)])
        overview.append(["edges", String(edges)])
        overview.append(["components", String(components)])
        var tables = [overview]
        for (title, pairs) in [("node kind", nodeKinds), ("edge kind", edgeKinds), ("level", levels)] where !pairs.isEmpty {
            var table = Table([title, "count"], numeric: ["count"])
            for (name, count) in pairs { table.append([name, String(count)]) }
            tables.append(table)
        }
        if !metadata.isEmpty {
            var table = Table(["metadata", "value"])
            for (key, value) in metadata { table.append([key, value.description]) }
            tables.append(table)
        }
        if !warnings.isEmpty {
            var table = Table(["warnings (\(warnings.count))"])
            for warning in warnings { table.append([warning]) }
            tables.append(table)
        }
        return tables
    }

    /// One table for CSV: `section,name,value` rows.
    func csvTable() -> Table {
        var table = Table(["section", "name", "value"], numeric: ["value"])
        table.append(["graph", "name", name])
        if let region { table.append(["graph", "region", region.id]) }
        table.append(["graph", "nodes", String(nodes)])
        table.append(["graph", "edges", String(edges)])
        table.append(["graph", "components", String(components)])
        for (kind, count) in nodeKinds { table.append(["node_kind", kind, String(count)]) }
        for (kind, count) in edgeKinds { table.append(["edge_kind", kind, String(count)]) }
        for (level, count) in levels { table.append(["level", level, String(count)]) }
        for (key, value) in metadata { table.append(["metadata", key, value.description]) }
        for warning in warnings { table.append(["warning", "", warning]) }
        return table
    }
}
