import TongxinGraph
import TongxinIO

/// The two answers of the workspace that are not CLI commands: `GET /api/search?q=TEXT[&limit=N]`
/// (``EntitySearch``) and `GET /api/entity?node=ID|CODE|NAME[&limit=N]` (``EntityDetail``), each with
/// `graph=` to pick a served graph. Their JSON is specified in DESIGN.md ("The web workspace's
/// pages").
///
/// The search index of every served graph is built once, when the server starts (O(V·L)).
public struct EntityAPI: Sendable {
    /// The search index of each served graph, in the registry's order.
    private let indexes: [EntitySearch]
    private let graphs: GraphRegistry

    /// The most results a kind (search) or other ends a group (entity) a request may ask for.
    public static let maximumLimit = 1_000

    /// The paths answered here.
    public static let paths: Set<String> = ["/api/search", "/api/entity"]

    public init(graphs: GraphRegistry) {
        self.graphs = graphs
        indexes = graphs.graphs.map { EntitySearch(graph: $0.graph) }
    }

    /// The answer to `path`, one of ``paths``.
    ///
    /// - Throws: ``APIError``: 400 for an unknown, repeated or missing parameter, a bad limit or a
    ///   name that means several nodes (listing them); 404 for an unknown graph or node, or a path
    ///   not answered here.
    public func answer(_ path: String, parameters: [(name: String, value: String)]) throws(APIError) -> JSONValue {
        switch path {
        case "/api/search":
            let values = try Self.values(parameters, allowed: ["q", "limit", "graph"], command: "search")
            let index = try servedIndex(values["graph"])
            return indexes[index].json(for: values["q"] ?? "", limit: try Self.limit(values["limit"], default: EntitySearch.defaultLimit))
        case "/api/entity":
            let values = try Self.values(parameters, allowed: ["node", "limit", "graph"], command: "entity")
            let graph = graphs.graphs[try servedIndex(values["graph"])].graph
            guard let text = values["node"], !text.isEmpty else {
                throw APIError.badRequest("entity needs the parameter node (an id, a code or a name)")
            }
            let node: Int
            do {
                node = try graph.resolve(text)
            } catch {
                switch error {
                case .notFound: throw APIError.notFound(error.description)
                case .ambiguous: throw APIError.badRequest(error.description)
                }
            }
            return EntityDetail.json(for: node, in: graph, limit: try Self.limit(values["limit"], default: EntityDetail.defaultLimit))
        default:
            throw APIError.notFound("no API answer at '\(path)'")
        }
    }

    /// The position of the graph named `name` (the first for `nil`) in the registry.
    private func servedIndex(_ name: String?) throws(APIError) -> Int {
        let served = try graphs.graph(named: name)
        return graphs.graphs.firstIndex { $0.name == served.name } ?? 0
    }

    /// The parameters by name; each at most once, and only those `allowed`.
    static func values(_ parameters: [(name: String, value: String)], allowed: [String], command: String) throws(APIError) -> [String:
        String]
    {
        var values: [String: String] = [:]
        for (name, value) in parameters {
            guard allowed.contains(name) else {
                throw APIError.badRequest("\(command) has no parameter '\(name)' (it has: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard values.updateValue(value, forKey: name) == nil else { throw APIError.badRequest("\(name) is given twice") }
        }
        return values
    }

    /// `text` as a limit from 1 to ``maximumLimit``, or `fallback` when absent.
    static func limit(_ text: String?, default fallback: Int) throws(APIError) -> Int {
        guard let text else { return fallback }
        guard let limit = Int(text), (1...maximumLimit).contains(limit) else {
            throw APIError.badRequest("limit must be a whole number from 1 to \(maximumLimit), not '\(text)'")
        }
        return limit
    }
}
