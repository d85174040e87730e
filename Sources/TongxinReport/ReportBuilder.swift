import TongxinGraph
import TongxinResults

/// Computes a report's content from a graph, one section at a time, so a caller can show progress
/// per step and compute only the sections it shows.
///
/// The scope is the whole graph or one region's subtree (`--region`). The *breakdown level* — the
/// regions that charts and tables compare — is the level just below the scope: cities in a province
/// report, counties in a city's.
///
/// ```swift
/// let builder = ReportBuilder(graph, scope: nil)
/// var content = builder.frame()
/// content.summary = builder.summary()
/// ```
public struct ReportBuilder: Sendable {
    public let graph: Graph
    /// The region the report is restricted to, or `nil` for the whole graph.
    public let scope: Int?
    /// The level of the regions the report compares.
    public let breakdownLevel: RegionLevel
    /// The report's title: the scope's name; for the whole graph, its one root region's name (湖北省)
    /// when it has one, else the graph's name.
    public let title: String
    /// For each node, the region of the breakdown level that contains it, or -1.
    let breakdownRegion: [Int32]

    /// - Precondition: `scope`, when given, is a region or village of `graph`.
    public init(_ graph: Graph, scope: Int?) {
        self.graph = graph
        self.scope = scope
        let top: RegionLevel? = scope.flatMap(graph.level(of:)) ?? graph.hierarchy.roots.compactMap(graph.level(of:)).min()
        breakdownLevel = top.flatMap { RegionLevel.allCases.dropFirst($0.rank + 1).first } ?? .city
        var containing = [Int32](repeating: -1, count: graph.nodeCount)
        let hierarchy = graph.hierarchy
        for node in hierarchy.preorder.map(Int.init) {
            if graph.level(of: node) == breakdownLevel {
                containing[node] = Int32(node)
            } else if let parent = hierarchy.parent(of: node) {
                containing[node] = containing[parent]
            }
        }
        breakdownRegion = containing
        let rootRegions = hierarchy.roots.filter { graph.kind(of: $0) == NodeKind.region }
        title =
            scope.map(graph.name(of:))
            ?? (rootRegions.count == 1
                ? graph.name(of: rootRegions[0])
                : graph.name.isEmpty ? "Tongxin" : graph.name)
    }

    /// Whether `node` is inside the scope.
    func inScope(_ node: Int) -> Bool {
        scope.map { graph.hierarchy.contains($0, node) } ?? true
    }

    /// The nodes inside the scope, in index order.
    func scopeNodes() -> [Int] {
        guard let scope else { return Array(0..<graph.nodeCount) }
        return graph.hierarchy.sortedSubtree(of: scope)
    }

    /// A node as the page names it.
    func reference(_ node: Int) -> NodeReference {
        NodeReference(node, in: graph)
    }

    /// The names of `node`'s ancestors strictly below the scope (below the roots when there is no
    /// scope), from the top down: where it is, as a reader of this report would say it.
    func location(of node: Int) -> [String] {
        var names: [String] = []
        for ancestor in graph.hierarchy.ancestors(of: node) {
            if ancestor == scope { break }
            names.append(graph.name(of: ancestor))
        }
        if scope == nil, !names.isEmpty { names.removeLast() }
        return names.reversed()
    }

    /// The name of the breakdown region that contains `node`, or the report's title when none does.
    func groupName(of node: Int) -> String {
        let group = breakdownRegion[node]
        return group >= 0 && Int(group) != node ? graph.name(of: Int(group)) : title
    }

    /// The content's frame: title, scope and breakdown level, with every section empty.
    public func frame() -> ReportContent {
        ReportContent(title: title, scope: scope.map(reference), breakdownLevel: breakdownLevel)
    }

    /// Counts by node kind, edge kind (edges with both ends in scope), level, organization type
    /// and figure category; the graph's warnings (at most `warningLimit`) and metadata.
    ///
    /// - Complexity: O(V + E).
    public func summary(warningLimit: Int = 200) -> Summary {
        var inside = [Bool](repeating: scope == nil, count: graph.nodeCount)
        if let scope { for node in graph.hierarchy.subtree(of: scope) { inside[Int(node)] = true } }
        var kinds = [Int](repeating: 0, count: graph.nodeKinds.count)
        var levels = [Int](repeating: 0, count: RegionLevel.allCases.count)
        var types: [String: Int] = [:], categories: [String: Int] = [:]
        for node in 0..<graph.nodeCount where inside[node] {
            kinds[Int(graph.nodeKindIndices[node])] += 1
            if let level = graph.level(of: node) { levels[level.rank] += 1 }
            switch graph.kind(of: node) {
            case NodeKind.organization:
                if let type = graph.attribute(WellKnownAttribute.type, of: node)?.description { types[type, default: 0] += 1 }
            case NodeKind.figure:
                if let category = graph.attribute(WellKnownAttribute.category, of: node)?.description {
                    categories[category, default: 0] += 1
                }
            default: break
            }
        }
        var edges = [Int](repeating: 0, count: graph.edgeKinds.count)
        for edge in 0..<graph.edgeCount where inside[graph.source(of: edge)] && inside[graph.target(of: edge)] {
            edges[Int(graph.edgeKindIndices[edge])] += 1
        }
        func tallies(_ names: [String], _ counts: [Int]) -> [Tally] {
            zip(names, counts).filter { $0.1 > 0 }.map { Tally($0, $1) }
        }
        func ranked(_ counts: [String: Int]) -> [Tally] {
            counts.map { Tally($0.key, $0.value) }.sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        }
        return Summary(
            nodeKinds: tallies(graph.nodeKinds, kinds),
            edgeKinds: tallies(graph.edgeKinds, edges),
            levels: tallies(RegionLevel.allCases.map(\.rawValue), levels),
            organizationTypes: ranked(types),
            figureCategories: ranked(categories),
            warnings: graph.warnings.prefix(warningLimit).map(\.description),
            warningCount: graph.warnings.count,
            metadata: graph.metadata.keys.sorted().map { (key: $0, value: graph.metadata[$0]!.description) }
        )
    }
}
