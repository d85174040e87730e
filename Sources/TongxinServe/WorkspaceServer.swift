import Foundation
import Hummingbird
import NIOCore
import TongxinIO

/// The `tongxin serve` HTTP layer: the served graphs, the command API, the embedded pages, and the
/// guards every request passes first.
///
/// Routes (all GET):
/// - `/` and any embedded file (``StaticAssets``) — the pages;
/// - `/api/graphs` — the served graphs' names and sizes;
/// - `/api/search`, `/api/entity` — the pages' search and entity answers (``EntityAPI``);
/// - `/api/COMMAND?option=value…` — `tongxin COMMAND` run in-process by the ``CommandRunner``,
///   its parameters translated by ``CommandSpec/arguments(for:graphPath:)``.
///
/// Every request is checked in this order: the request line is at most 8 KiB and carries no body
/// (else 413); the method is GET (else 405); the token when one is configured (else 401); the path
/// decodes strictly and has no dot segment, encoded slash or second encoding (else 400).
public struct WorkspaceServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The secret every request must carry; `nil` on loopback without `--token`.
        public var token: String?
        /// Heavy commands (query, render, map, centrality, diff, report) running at once.
        public var heavySlots: Int
        /// Other commands running at once.
        public var lightSlots: Int
        /// How long a request waits for a slot before it is answered 503.
        public var slotWait: Duration

        public init(
            host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, heavySlots: Int = 2,
            lightSlots: Int = 4, slotWait: Duration = .seconds(10)
        ) {
            self.host = host
            self.port = port
            self.token = token
            self.heavySlots = heavySlots
            self.lightSlots = lightSlots
            self.slotWait = slotWait
        }
    }

    /// The longest request line (path and query) accepted.
    public static let maxTargetBytes = 8 << 10
    /// The cookie a `token=` parameter sets, so that the pages' own requests carry the token.
    public static let tokenCookie = "tongxin_token"

    public let configuration: Configuration
    public let graphs: GraphRegistry
    public let runner: any CommandRunner
    private let heavy: WorkLimiter
    private let light: WorkLimiter
    private let entities: EntityAPI

    public init(configuration: Configuration, graphs: GraphRegistry, runner: any CommandRunner) {
        self.configuration = configuration
        self.graphs = graphs
        self.runner = runner
        heavy = WorkLimiter(slots: configuration.heavySlots, wait: configuration.slotWait)
        light = WorkLimiter(slots: configuration.lightSlots, wait: configuration.slotWait)
        entities = EntityAPI(graphs: graphs)
    }

    /// Whether `host` is a loopback address, where the server may run without a token.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The Hummingbird application; `onRunning` is given the port it listens on.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let server = self
        return Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in await server.respond(to: request) },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
    }

    // MARK: Answering

    /// The response to `request`: never throws, every failure is a JSON error with its status.
    public func respond(to request: Request) async -> Response {
        let target = request.head.path ?? "/"
        var setCookie: String?
        do {
            guard target.utf8.count <= Self.maxTargetBytes else {
                throw APIError(status: 413, "the request is longer than \(Self.maxTargetBytes) bytes")
            }
            let length = request.headers[.contentLength].flatMap { Int($0) } ?? 0
            guard length == 0, request.headers[.transferEncoding] == nil else {
                throw APIError(status: 413, "requests have no body here: everything is asked with GET and a query string")
            }
            guard request.method == .get else { throw APIError(status: 405, "only GET is answered (this server is read-only)") }
            let (rawPath, rawQuery) = Self.split(target)
            let parsed = Result { () throws(APIError) in try QueryString.parameters(rawQuery) }
            if let token = configuration.token {
                let given = (try? parsed.get())?.last { $0.name == "token" }?.value
                guard Self.authorized(request, parameter: given, token: token) else {
                    throw APIError(status: 401, "this server needs its token: open the address it printed, with ?token=…")
                }
                if given != nil { setCookie = "\(Self.tokenCookie)=\(token); HttpOnly; SameSite=Strict; Path=/" }
            }
            var parameters = try parsed.get()
            parameters.removeAll { $0.name == "token" }
            let path = try QueryString.decodePath(rawPath)
            var response = try await route(path, parameters: parameters)
            if let setCookie { response.headers[.setCookie] = setCookie }
            return response
        } catch {
            return Self.response(error)
        }
    }

    private func route(_ path: String, parameters: [(name: String, value: String)]) async throws(APIError) -> Response {
        if path == "/api/graphs" {
            let list = JSONValue.array(
                graphs.graphs.map {
                    .object([("name", .string($0.name)), ("nodes", .int($0.graph.nodeCount)), ("edges", .int($0.graph.edgeCount))])
                })
            return Self.response(status: 200, body: Self.json(.object([("graphs", list)])), contentType: "application/json; charset=utf-8")
        }
        if EntityAPI.paths.contains(path) {
            let entities = self.entities
            let answer = try await light.run { () throws(APIError) in try entities.answer(path, parameters: parameters) }
            return Self.response(status: 200, body: Self.json(answer), contentType: "application/json; charset=utf-8")
        }
        if path.hasPrefix("/api/") {
            let name = String(path.dropFirst("/api/".count))
            guard let spec = runner.commands[name] else {
                throw APIError.notFound(
                    "no API command '\(name)' (there are: \(runner.commands.keys.sorted().joined(separator: ", ")), graphs)")
            }
            return try await run(spec, parameters: parameters)
        }
        guard parameters.isEmpty else { throw APIError.badRequest("pages take no parameters") }
        guard let asset = StaticAssets.shared.asset(at: path == "/" ? "/index.html" : path) else {
            throw APIError.notFound("no page at '\(path)'")
        }
        return Self.response(status: 200, body: asset.bytes, contentType: asset.contentType)
    }

    /// Runs a command through its worker pool and serves what it gave, by its output kind and format.
    private func run(_ spec: CommandSpec, parameters: [(name: String, value: String)]) async throws(APIError) -> Response {
        let graphs = self.graphs
        let arguments = try spec.arguments(for: parameters) { name throws(APIError) in try graphs.graph(named: name).path }
        let runner = self.runner
        let bytes = try await (spec.heavy ? heavy : light).run { () throws(APIError) in try runner.run(arguments, graphs: graphs) }
        let format = parameters.last { $0.name == "format" }?.value ?? "json"
        var response: Response
        switch spec.output {
        case .svg: response = Self.response(status: 200, body: bytes, contentType: "image/svg+xml; charset=utf-8")
        case .html:
            response = Self.response(status: 200, body: bytes, contentType: "text/html; charset=utf-8")
            response.headers[.contentSecurityPolicy] = Self.reportContentSecurityPolicy
        case .document:
            let contentType =
                switch format {
                case "csv": "text/csv; charset=utf-8"
                case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                case "table": "text/plain; charset=utf-8"
                default: "application/json; charset=utf-8"
                }
            response = Self.response(status: 200, body: bytes, contentType: contentType)
            if format == "csv" || format == "xlsx" {
                response.headers[.contentDisposition] = "attachment; filename=\"\(spec.name).\(format)\""
            }
        }
        return response
    }

    // MARK: Guards

    /// The path and the query string of a request target.
    static func split(_ target: String) -> (path: Substring, query: Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target[...], "") }
        return (target[..<mark], target[target.index(after: mark)...])
    }

    /// Whether the request carries the token: `Authorization: Bearer T`, the `token` parameter, or
    /// the cookie it set. Compared in constant time.
    static func authorized(_ request: Request, parameter: String?, token: String) -> Bool {
        var offered: [String] = []
        if let parameter { offered.append(parameter) }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") { offered.append(String(header.dropFirst(7))) }
        for cookies in request.headers[values: .cookie] {
            for cookie in cookies.split(separator: ";") {
                let pair = cookie.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix(tokenCookie + "=") { offered.append(String(pair.dropFirst(tokenCookie.count + 1))) }
            }
        }
        return offered.contains { constantTimeEqual($0, token) }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Responses

    /// What every response carries: no script or style from elsewhere, no sniffing, no framing.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    /// What the HTML report carries instead: it is one self-contained page whose style sheet and
    /// script are inline, so those are allowed — in a sandbox (an opaque origin: no cookie, no
    /// storage, no request to the server or anywhere else), with scripts for its sortable tables and
    /// modals for printing.
    static let reportContentSecurityPolicy =
        "sandbox allow-scripts allow-modals; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func response(status: Int, body: [UInt8], contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func response(_ error: any Error) -> Response {
        let error = error as? APIError ?? APIError(status: 500, "internal error")
        var response = response(status: error.status, body: error.body, contentType: "application/json; charset=utf-8")
        if error.status == 405 { response.headers[.allow] = "GET" }
        return response
    }

    static func json(_ value: JSONValue) -> [UInt8] {
        var bytes: [UInt8] = []
        value.write(to: &bytes)
        bytes.append(0x0A)
        return bytes
    }
}
