import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TongxinIO
import TongxinServe
import TongxinTestSupport

/// A runner standing in for the CLI: it answers with the argument vector it was given, or fails
/// as asked, so that routing, guards and statuses are tested apart from the commands.
struct EchoRunner: CommandRunner {
    let commands: [String: CommandSpec] = [
        "echo": CommandSpec("echo", positionals: ["node"], options: ["by"], flags: ["directed"]),
        "slow": CommandSpec("slow", options: [], heavy: true),
        "page": CommandSpec("page", options: [], output: .html)
    ]

    /// Signalled when a `slow` request has its worker.
    static let slowStarted = DispatchSemaphore(value: 0)

    func run(_ arguments: [String], graphs: GraphRegistry) throws(APIError) -> [UInt8] {
        if arguments.first == "slow" {
            Self.slowStarted.signal()
            Thread.sleep(forTimeInterval: 2)
        }
        if arguments.last == "missing" { throw APIError.notFound("no node '<script>alert(1)</script>'") }
        if arguments.last == "query" { throw APIError.badRequest("expected ')'", line: 1, column: 14) }
        var bytes: [UInt8] = []
        JSONValue.array(arguments.map { .string($0) }).write(to: &bytes)
        return bytes
    }
}

@Suite struct WorkspaceServerTests {
    static let token = "abcdefghijklmnop0123"

    static func server(token: String? = nil, heavySlots: Int = 2, wait: Duration = .seconds(10)) -> WorkspaceServer {
        WorkspaceServer(
            configuration: .init(host: "127.0.0.1", port: 0, token: token, heavySlots: heavySlots, slotWait: wait),
            graphs: GraphRegistry([
                ServedGraph(path: "/data/tiny.json", graph: SampleGraphs.tinyProvince()),
                ServedGraph(path: "/other/older.json", graph: SampleGraphs.tinyProvince())
            ]),
            runner: EchoRunner())
    }

    static func json(_ response: TestResponse) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
    }

    @Test func servesTheIndexWithItsHeaders() async throws {
        try await Self.server().application().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(Array(buffer: response.body) == StaticAssets.shared.asset(at: "/index.html")?.bytes)
        }
    }

    @Test func servesTheReportInASandbox() async throws {
        try await Self.server().application().test(.router) { client in
            let response = try await client.execute(uri: "/api/page", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let policy = response.headers[.contentSecurityPolicy] ?? ""
            #expect(policy.hasPrefix("sandbox allow-scripts allow-modals; default-src 'none';"))
            #expect(!policy.contains("allow-same-origin"))
        }
    }

    @Test func listsTheServedGraphs() async throws {
        try await Self.server().application().test(.router) { client in
            let response = try await client.execute(uri: "/api/graphs", method: .get)
            let graphs = (Self.json(response) as? [String: Any])?["graphs"] as? [[String: Any]]
            #expect(graphs?.map { $0["name"] as? String } == ["tiny.json", "older.json"])
            #expect(graphs?.first?["nodes"] as? Int == SampleGraphs.tinyProvince().nodeCount)
        }
    }

    @Test func translatesTheQueryStringIntoTheCommandLine() async throws {
        try await Self.server().application().test(.router) { client in
            let response = try await client.execute(
                uri: "/api/echo?by=a&node=%E5%8D%81%E5%A0%B0&by=b&directed=true&graph=older.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(
                Self.json(response) as? [String] == [
                    "echo", "--by=a", "--by=b", "--directed", "--format=json", "--", "/other/older.json", "十堰"
                ])
            let csv = try await client.execute(uri: "/api/echo?node=x&format=csv", method: .get)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"echo.csv\"")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        }
    }

    @Test func errorsAreJSONWithTheirStatusAndPlace() async throws {
        try await Self.server().application().test(.router) { client in
            let missing = try await client.execute(uri: "/api/echo?node=missing", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/json; charset=utf-8")
            // A name holding markup comes back as a JSON string, never as markup.
            #expect((Self.json(missing) as? [String: Any])?["error"] as? String == "no node '<script>alert(1)</script>'")
            let syntax = try await client.execute(uri: "/api/echo?node=query", method: .get)
            let body = Self.json(syntax) as? [String: Any]
            #expect(syntax.status == .badRequest && body?["line"] as? Int == 1 && body?["column"] as? Int == 14)
            for uri in ["/api/nothing", "/api/echo?node=x&graph=nope.json", "/nothing.html", "/api/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(Self.json(response) is [String: Any])
            }
            let unknown = try await client.execute(uri: "/api/echo?node=x&out=/tmp/x", method: .get)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test func refusesTraversalInEveryEncoding() async throws {
        let attempts = [
            "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/..%2f..%2fetc%2fpasswd",
            "/..%2F..%2Fetc/passwd", "/%252e%252e/%252e%252e/etc/passwd", "/..%5c..%5cetc%5cpasswd", "/.%2e/etc/passwd",
            "/index.html/../../etc/passwd", "//etc/passwd", "/./index.html", "/api/../../etc/passwd", "/%c0%ae%c0%ae/etc/passwd",
            "/..\\..\\etc\\passwd", "/%00index.html"
        ]
        try await Self.server().application().test(.router) { client in
            for uri in attempts {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri): \(response.status)")
                #expect(!String(buffer: response.body).contains("root:"))
            }
        }
    }

    @Test func refusesMalformedAndNonUTF8Queries() async throws {
        try await Self.server().application().test(.router) { client in
            for uri in ["/api/echo?node=%FF%FE", "/api/echo?node=%", "/api/echo?node=%G1", "/api/echo?node=a%00b", "/api/echo?=x"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
            }
        }
    }

    @Test func refusesLongRequestsBodiesAndOtherMethods() async throws {
        try await Self.server().application().test(.router) { client in
            let long = try await client.execute(uri: "/api/echo?node=" + String(repeating: "x", count: 9_000), method: .get)
            #expect(long.status == .contentTooLarge)
            let body = try await client.execute(uri: "/api/echo?node=x", method: .get, body: ByteBuffer(string: "x"))
            #expect(body.status == .contentTooLarge)
            let post = try await client.execute(uri: "/api/echo?node=x", method: .post, body: ByteBuffer(string: "{}"))
            #expect(post.status == .contentTooLarge)
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let response = try await client.execute(uri: "/", method: method)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
            }
        }
    }

    @Test func everyRequestNeedsTheTokenWhenOneIsSet() async throws {
        try await Self.server(token: Self.token).application().test(.router) { client in
            for uri in ["/", "/index.html", "/api/graphs", "/api/echo?node=x", "/nothing", "/api/echo?node=x&token=wrong-token-000000"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .unauthorized, "\(uri)")
            }
            let wrongBearer = try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer nope"])
            #expect(wrongBearer.status == .unauthorized)
            let bearer = try await client.execute(uri: "/api/graphs", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(bearer.status == .ok)
            let parameter = try await client.execute(uri: "/?token=\(Self.token)", method: .get)
            #expect(parameter.status == .ok)
            let cookie = try #require(parameter.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let withCookie = try await client.execute(
                uri: "/api/echo?node=x", method: .get,
                headers: [.cookie: String(cookie.prefix { $0 != ";" })])
            #expect(withCookie.status == .ok)
            // The token is not passed on to the command.
            #expect(!(Self.json(withCookie) as? [String] ?? []).contains { $0.contains("token") })
        }
    }

    @Test func busyWorkersAnswer503WhileOthersAreServed() async throws {
        try await Self.server(heavySlots: 1, wait: .milliseconds(100)).application().test(.router) { client in
            async let first = client.execute(uri: "/api/slow", method: .get)
            while EchoRunner.slowStarted.wait(timeout: .now()) != .success { try await Task.sleep(for: .milliseconds(10)) }
            let second = try await client.execute(uri: "/api/slow", method: .get)
            let light = try await client.execute(uri: "/api/echo?node=x", method: .get)
            #expect(second.status == .serviceUnavailable)
            #expect(light.status == .ok)
            #expect(try await first.status == .ok)
        }
    }
}
