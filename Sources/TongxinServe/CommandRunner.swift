import TongxinGraph

/// A graph the server answers from: loaded (and masked) once at start, by its file name.
public struct ServedGraph: Sendable {
    /// The file name requests pick it by (`graph=hubei.json`).
    public var name: String
    /// The path it was read from, which the commands are given as their graph argument.
    public var path: String
    public var graph: Graph

    public init(path: String, graph: Graph) {
        self.name = path.split(separator: "/").last.map(String.init) ?? path
        self.path = path
        self.graph = graph
    }
}

/// The served graphs, the first being the default.
public struct GraphRegistry: Sendable {
    public let graphs: [ServedGraph]

    /// - Precondition: at least one graph, and no two with the same file name.
    public init(_ graphs: [ServedGraph]) {
        precondition(!graphs.isEmpty, "a server needs a graph")
        self.graphs = graphs
    }

    /// The graph with file name `name`, or the first for `nil`.
    ///
    /// - Throws: ``APIError`` 404 naming the served graphs.
    public func graph(named name: String?) throws(APIError) -> ServedGraph {
        guard let name else { return graphs[0] }
        guard let found = graphs.first(where: { $0.name == name }) else {
            throw APIError.notFound("no served graph is named '\(name)' (served: \(graphs.map(\.name).joined(separator: ", ")))")
        }
        return found
    }
}

/// Runs a `tongxin` command line in-process against the served graphs: the CLI's own commands,
/// behind this protocol so that the HTTP layer does not depend on the command-line parser.
public protocol CommandRunner: Sendable {
    /// The commands served, by name.
    var commands: [String: CommandSpec] { get }

    /// Runs `arguments` (the command's name first, as ``CommandSpec/arguments(for:graphPath:)``
    /// gives them) and returns what it printed, or the file it wrote to its captured `--out`.
    ///
    /// - Throws: ``APIError``: 400 for what the command refuses, 404 for an unknown node, 503 when
    ///   it ran out of its time bound.
    func run(_ arguments: [String], graphs: GraphRegistry) throws(APIError) -> [UInt8]
}
