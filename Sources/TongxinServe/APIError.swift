import TongxinIO

/// An answer that is not a result: an HTTP status and the JSON body `{"error", "line", "column"}`
/// (line and column only when the diagnostic has a place, e.g. a query's syntax error).
public struct APIError: Error, Equatable, Sendable {
    public var status: Int
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(status: Int, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.status = status
        self.message = message
        self.line = line
        self.column = column
    }

    /// 400: a bad option, value or query.
    public static func badRequest(_ message: String, line: Int? = nil, column: Int? = nil) -> APIError {
        APIError(status: 400, message, line: line, column: column)
    }

    /// 404: no such node, graph, command or file.
    public static func notFound(_ message: String) -> APIError { APIError(status: 404, message) }

    /// The body: one JSON object, ending in a newline like the CLI's JSON.
    public var body: [UInt8] {
        var pairs: [(String, JSONValue)] = [("error", .string(message))]
        if let line { pairs.append(("line", .int(line))) }
        if let column { pairs.append(("column", .int(column))) }
        var bytes: [UInt8] = []
        JSONValue.object(pairs).write(to: &bytes)
        bytes.append(0x0A)
        return bytes
    }
}
