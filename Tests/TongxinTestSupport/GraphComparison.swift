import Testing
import TongxinIO

/// Everything a graph holds, in a form that compares with `==`: node and edge order, ids, kinds,
/// names, attributes with their types (attribute column order aside), weights, name and metadata.
public struct GraphContents: Equatable, CustomStringConvertible {
    public struct Node: Equatable {
        public var id: String, kind: String, name: String?
        public var attributes: [String: AttributeValue]
    }

    public struct Edge: Equatable {
        public var source: String, target: String, kind: String, weight: Double
        public var attributes: [String: AttributeValue]
    }

    public var name: String
    public var metadata: [String: AttributeValue]
    public var nodes: [Node]
    public var edges: [Edge]
    public var nodeAttributeTypes: [String: AttributeType]
    public var edgeAttributeTypes: [String: AttributeType]

    public init(_ graph: Graph) {
        name = graph.name
        metadata = graph.metadata
        nodes = (0..<graph.nodeCount).map { node in
            Node(
                id: graph.ids[node], kind: graph.kind(of: node), name: graph.names[node],
                attributes: Dictionary(uniqueKeysWithValues: graph.nodeAttributes.values(at: node).map { ($0.name, $0.value) }))
        }
        edges = (0..<graph.edgeCount).map { edge in
            Edge(
                source: graph.ids[graph.source(of: edge)], target: graph.ids[graph.target(of: edge)],
                kind: graph.kind(ofEdge: edge), weight: graph.weight(of: edge),
                attributes: Dictionary(uniqueKeysWithValues: graph.edgeAttributes.values(at: edge).map { ($0.name, $0.value) }))
        }
        nodeAttributeTypes = Dictionary(uniqueKeysWithValues: zip(graph.nodeAttributes.names, graph.nodeAttributes.types))
        edgeAttributeTypes = Dictionary(uniqueKeysWithValues: zip(graph.edgeAttributes.names, graph.edgeAttributes.types))
    }

    public var description: String { "\(nodes.count) nodes, \(edges.count) edges" }
}

/// The message list a failing read produced, one description per line; "" when it succeeded.
public func readErrors(_ read: () throws(DiagnosticList) -> Graph) -> String {
    do {
        _ = try read()
        return ""
    } catch {
        return error.description
    }
}
