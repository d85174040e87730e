import TongxinGraph
import TongxinIO

/// Everything the workspace's entity page shows about one node (`GET /api/entity?node=`): its
/// attributes, its place in the region hierarchy, and its links grouped by edge kind and direction.
///
/// Groups come in the order of ``TongxinGraph/EdgeKind/all`` (the graph's own kinds after them, by
/// name), outgoing before incoming; each lists the distinct nodes at the other end, in the order of
/// the adjacency, at most `limit` of them, with the group's full count. A self-loop is listed once,
/// as outgoing.
///
/// ```
/// {"id": "420702", "name": "梁子湖区", "kind": "region", "level": "county",
///  "attributes": {"level": "county"}, "path": [{"id": "42", "name": "湖北省", "level": "province"}, …],
///  "links": [{"kind": "within", "direction": "in", "count": 12, "nodes": [{"id", "name", "kind"}, …]}, …]}
/// ```
///
/// - Complexity: O(d + g log g) for the node's degree d and its g groups, plus its depth for the path.
public enum EntityDetail {
    /// The other ends listed per group by default.
    public static let defaultLimit = 200

    public static func json(for node: Int, in graph: Graph, limit: Int = defaultLimit) -> JSONValue {
        struct Group {
            var kind: Int32
            var outgoing: Bool
            var nodes: [Int32] = []
            var seen: Set<Int32> = []
        }
        var groups: [Group] = []
        func add(_ edges: Slice<FlatArray<Int32>>, _ others: Slice<FlatArray<Int32>>, outgoing: Bool) {
            for (edge, other) in zip(edges, others) {
                if !outgoing && Int(other) == node { continue }
                let kind = graph.edgeKindIndices[Int(edge)]
                let index =
                    groups.firstIndex { $0.kind == kind && $0.outgoing == outgoing }
                    ?? {
                        groups.append(Group(kind: kind, outgoing: outgoing))
                        return groups.count - 1
                    }()
                if groups[index].seen.insert(other).inserted { groups[index].nodes.append(other) }
            }
        }
        add(graph.outgoing.edges(of: node), graph.outgoing.neighbors(of: node), outgoing: true)
        add(graph.incoming.edges(of: node), graph.incoming.neighbors(of: node), outgoing: false)
        func order(_ group: Group) -> (Int, String, Int) {
            let name = graph.edgeKinds[Int(group.kind)]
            return (EdgeKind.all.firstIndex(of: name) ?? EdgeKind.all.count, name, group.outgoing ? 0 : 1)
        }
        groups.sort { order($0) < order($1) }

        func place(_ node: Int) -> JSONValue {
            .object([
                ("id", .string(graph.id(of: node))), ("name", .string(graph.name(of: node))),
                ("level", graph.level(of: node).map { .string($0.rawValue) } ?? .null)
            ])
        }
        return .object([
            ("id", .string(graph.id(of: node))), ("name", .string(graph.name(of: node))), ("kind", .string(graph.kind(of: node))),
            ("level", graph.level(of: node).map { .string($0.rawValue) } ?? .null),
            ("attributes", .object(graph.nodeAttributes.values(at: node).map { ($0.name, JSONValue($0.value)) })),
            ("path", .array(graph.hierarchy.ancestors(of: node).reversed().map(place))),
            (
                "links",
                .array(
                    groups.map { group in
                        .object([
                            ("kind", .string(graph.edgeKinds[Int(group.kind)])), ("direction", .string(group.outgoing ? "out" : "in")),
                            ("count", .int(group.nodes.count)),
                            (
                                "nodes",
                                .array(
                                    group.nodes.prefix(limit).map { other in
                                        .object([
                                            ("id", .string(graph.ids[Int(other)])), ("name", .string(graph.name(of: Int(other)))),
                                            ("kind", .string(graph.kind(of: Int(other))))
                                        ])
                                    })
                            )
                        ])
                    })
            )
        ])
    }
}
