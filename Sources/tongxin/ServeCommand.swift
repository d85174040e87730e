import ArgumentParser
import Dispatch
import Foundation
import TongxinIO
import TongxinServe

/// `tongxin serve G [G2 …]`: the local web workspace — the pages, and every command's answer at
/// `/api/COMMAND` (DESIGN.md, "tongxin serve").
struct ServeCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the graphs to a web browser: the workspace pages and the commands' answers as JSON, CSV, xlsx or SVG.",
        discussion: """
            Each graph is read once (through the .txg cache) and masked by --mask; requests are \
            answered from memory and nothing is written. GET /api/COMMAND?option=value… answers \
            what `tongxin COMMAND GRAPH --option value … --format json` prints; graph=FILE picks \
            one of the served graphs by its file name (default: the first).

            The server listens on 127.0.0.1 unless --host names another address; then every \
            request must carry the token (--token, or one made up and printed with the address), \
            as ?token=…, a cookie that sets, or an `Authorization: Bearer` header.

            Examples:
              tongxin serve Graphs/hubei.json
              tongxin serve Graphs/hubei-2023.json Graphs/hubei.json --port 8081
              tongxin serve Graphs/hubei.json --mask public --mask-key key.txt
              curl 'http://127.0.0.1:8080/api/coverage?unit=town&by=organization%5Btype%3D商会%5D'
            """)

    @Argument(
        help: ArgumentHelp(
            "The graphs to serve (any format `info` reads); requests pick them by file name.",
            valueName: "graph"), completion: .file())
    var graphs: [String]

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "n"))
    var port: Int = 8080

    @Option(help: ArgumentHelp("The address to listen on; any but loopback needs a token.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(
        help: ArgumentHelp(
            "The secret every request must carry (default off loopback: a random one, printed).",
            valueName: "token"))
    var token: String?

    @OptionGroup var masking: MaskOptions

    func validate() throws {
        if graphs.isEmpty { throw ValidationError("give at least one graph to serve") }
        if !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if let token, token.utf8.count < 16 || !token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--token must be at least 16 letters, digits, '-' or '_'")
        }
        let names = graphs.map { ($0 as NSString).lastPathComponent }
        if Set(names).count != names.count { throw ValidationError("two served graphs have the same file name; requests pick them by it") }
    }

    mutating func execute() throws {
        let clock = ContinuousClock(), start = clock.now
        let loaded = try graphs.map { path in try GraphOptions.parse(["--", path]).load() }
        let masked = try masking.apply(to: loaded)
        let registry = GraphRegistry(zip(graphs, masked).map { ServedGraph(path: $0, graph: $1) })
        let secret = token ?? (WorkspaceServer.isLoopback(host) ? nil : Self.randomToken())
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let server = WorkspaceServer(
            configuration: .init(host: host, port: port, token: secret, heavySlots: max(2, cores), lightSlots: max(4, 2 * cores)),
            graphs: registry, runner: CommandAPI())
        let loadTime = clock.now - start
        let host = self.host
        let application = server.application { port in
            let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/" + (secret.map { "?token=\($0)" } ?? "")
            let sizes = registry.graphs.map { "\($0.name) (\($0.graph.nodeCount) nodes, \($0.graph.edgeCount) edges)" }
            Console.error("serving \(sizes.joined(separator: ", ")); ready in \(Self.milliseconds(loadTime)) ms\n")
            Console.out("\(address)\n")
        }
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Task {
            do { try await application.runService() } catch { failure = error }
            finished.signal()
        }
        finished.wait()
        if let failure { throw DiagnosticList([Diagnostic(.error, "the server stopped: \(failure)")]) }
    }

    /// 32 random bytes as 64 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
