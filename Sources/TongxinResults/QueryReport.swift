import TongxinGraph
import TongxinIO
import TongxinQuery

/// A query's result (`tongxin query`): `{"columns": [...], "rows": [[...]]}` as JSON, one table, the
/// text. In tables a node prints as `name (id)`, a relationship as `(source)-[:kind]->(target)`
/// (``TongxinQuery/QueryResult/text(_:)``); numbers stay numbers, so a column of them right-aligns.
public struct QueryReport: ResultDocument {
    public let result: QueryResult

    public init(_ result: QueryResult) {
        self.result = result
    }

    /// Nodes as `{"id", "kind", "name", attributes…}`, relationships as `{"source", "target", "kind",
    /// "weight", attributes…}`, paths as `{"nodes": [...], "relationships": [...]}`.
    public var json: JSONValue {
        .object([
            ("columns", .array(result.columns.map(JSONValue.string))),
            ("rows", .array(result.rows.map { .array($0.map(json)) }))
        ])
    }

    private func json(_ value: QueryValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let truth): .bool(truth)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .list(let items): .array(items.map(json))
        case .map(let entries): .object(entries.map { ($0.key, json($0.value)) })
        case .node(let index): node(Int(index))
        case .relationship(let edge): relationship(Int(edge))
        case .path(let path):
            .object([
                ("nodes", .array(path.nodes.map { node(Int($0)) })),
                ("relationships", .array(path.relationships.map { relationship(Int($0)) }))
            ])
        }
    }

    private func node(_ index: Int) -> JSONValue {
        let graph = result.graph
        var pairs: [(String, JSONValue)] = [
            ("id", .string(graph.ids[index])), ("kind", .string(graph.kind(of: index))),
            ("name", .string(graph.name(of: index)))
        ]
        for (name, value) in graph.nodeAttributes.values(at: index) { pairs.append((name, JSONValue(value))) }
        return .object(pairs)
    }

    private func relationship(_ edge: Int) -> JSONValue {
        let graph = result.graph
        var pairs: [(String, JSONValue)] = [
            ("source", .string(graph.ids[graph.source(of: edge)])), ("target", .string(graph.ids[graph.target(of: edge)])),
            ("kind", .string(graph.kind(ofEdge: edge))), ("weight", .double(graph.weight(of: edge)))
        ]
        for (name, value) in graph.edgeAttributes.values(at: edge) { pairs.append((name, JSONValue(value))) }
        return .object(pairs)
    }

    /// The rows as cells; a column whose every value is a number or null (and that has rows) is
    /// right-aligned.
    public var tables: [ResultTable] {
        let cells = result.rows.map { $0.map(cell) }
        let columns = result.columns.indices.map { column in
            !cells.isEmpty && cells.allSatisfy { $0[column].isNumeric }
                ? Column.numeric(result.columns[column]) : Column(result.columns[column])
        }
        var table = ResultTable("query", columns: columns)
        for row in cells { table.append(row) }
        return [table]
    }

    private func cell(_ value: QueryValue) -> Cell {
        switch value {
        case .null: .null
        case .int(let number): .integer(number)
        case .double(let number): .number(number, digits: nil)
        default: .text(result.text(value))
        }
    }

    public func text() -> String { tables[0].text() }
}
