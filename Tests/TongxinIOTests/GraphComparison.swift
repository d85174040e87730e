import Testing
import TongxinIO

/// Everything a graph holds, in a form that compares with `==`: node and edge order, ids, kinds,
/// names, attributes with their types (attribute column order aside), weights, name and metadata.
struct GraphContents: Equatable, CustomStringConvertible {
    struct Node: Equatable {
        var id: String, kind: String, name: String?
        var attributes: [String: AttributeValue]
    }

    struct Edge: Equatable {
        var source: String, target: String, kind: String, weight: Double
        var attributes: [String: AttributeValue]
    }

    var name: String
    var metadata: [String: AttributeValue]
    var nodes: [Node]
    var edges: [Edge]
    var nodeAttributeTypes: [String: AttributeType]
    var edgeAttributeTypes: [String: AttributeType]

    init(_ graph: Graph) {
        name = graph.name
        metadata = graph.metadata
        nodes = (0..<graph.nodeCount).map { node in
            Node(id: graph.ids[node], kind: graph.kind(of: node), name: graph.names[node],
                 attributes: Dictionary(uniqueKeysWithValues: graph.nodeAttributes.values(at: node).map { ($0.name, $0.value) }))
        }
        edges = (0..<graph.edgeCount).map { edge in
            Edge(source: graph.ids[graph.source(of: edge)], target: graph.ids[graph.target(of: edge)],
                 kind: graph.kind(ofEdge: edge), weight: graph.weight(of: edge),
                 attributes: Dictionary(uniqueKeysWithValues: graph.edgeAttributes.values(at: edge).map { ($0.name, $0.value) }))
        }
        nodeAttributeTypes = Dictionary(uniqueKeysWithValues: zip(graph.nodeAttributes.names, graph.nodeAttributes.types))
        edgeAttributeTypes = Dictionary(uniqueKeysWithValues: zip(graph.edgeAttributes.names, graph.edgeAttributes.types))
    }

    var description: String { "\(nodes.count) nodes, \(edges.count) edges" }
}

/// The message list a failing read produced, one description per line; "" when it succeeded.
func readErrors(_ read: () throws(DiagnosticList) -> Graph) -> String {
    do {
        _ = try read()
        return ""
    } catch {
        return error.description
    }
}
