import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `tongxin serve` started as a user starts it (the built binary, port 0), and plain HTTP requests
/// to it: the server side of the CLI-versus-API comparisons.
final class ServedTongxin: @unchecked Sendable {
    let process = Process()
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    let base: String
    /// The token the server printed in its address, if any.
    let token: String?
    private let scratch: URL

    /// Starts `tongxin serve ARGUMENTS --port 0` and waits for the address it prints: up to 300 s, as a
    /// debug build under ThreadSanitizer on a busy machine took over 60 s to load the Hubei graph.
    init(_ arguments: [String]) throws {
        guard let path = BuiltTongxin.path else { throw CocoaError(.fileNoSuchFile) }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent("stdout"), errors = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = BuiltTongxin.cacheFolder
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        var line: String?
        while line == nil, Date() < deadline, process.isRunning {
            line = String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self).split(separator: "\n").first.map(String.init)
            if line == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let line, let url = URLComponents(string: line), let port = url.port else {
            let printed = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(printed)"])
        }
        base = "http://127.0.0.1:\(port)"
        token = url.queryItems?.first { $0.name == "token" }?.value
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: scratch)
    }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    /// `GET /api/COMMAND` with `parameters` percent-encoded (everything but letters, digits and `-._~`).
    func api(_ command: String, _ parameters: [(String, String)] = [], headers: [String: String] = [:]) async throws -> Answer {
        let query = parameters.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await get("/api/\(command)" + (query.isEmpty ? "" : "?" + query), headers: headers)
    }

    /// `GET TARGET` as written (already encoded).
    func get(_ target: String, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: base + target)!)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.timeoutInterval = 120
        let (data, http): (Data, HTTPURLResponse) = try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                guard let http = response as? HTTPURLResponse else {
                    return continuation.resume(throwing: error ?? URLError(.badServerResponse))
                }
                continuation.resume(returning: (data ?? Data(), http))
            }.resume()
        }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"))!
    }
}
