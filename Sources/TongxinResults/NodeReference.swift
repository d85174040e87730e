import TongxinGraph

/// A node as a result names it: its id and its name, with no graph needed to show it.
public struct NodeReference: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// `node` of `graph`.
    public init(_ node: Int, in graph: Graph) {
        self.init(id: graph.id(of: node), name: graph.name(of: node))
    }
}
