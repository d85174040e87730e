import Foundation

/// The `tongxin` binary SwiftPM builds beside the test bundle, and a way to run it end to end.
public enum BuiltTongxin {
    /// The binary's path, or `nil` when it has not been built (suites are then disabled, not failed).
    public static let path: String? = {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        return [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("tongxin").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The `.txg` cache folder runs use (their `XDG_CACHE_HOME`): one per test process, so tests
    /// exercise the cache without touching the user's.
    public static let cacheFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("tongxin-test-cache-\(ProcessInfo.processInfo.processIdentifier)").path

    /// What a run left: its exit status and everything it printed.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// Standard output read as a JSON object (empty when it is not one).
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// Runs `tongxin` with `arguments` in `directory` (default: the current one), with no standard
    /// input, and waits for it.
    ///
    /// Output goes to temporary files rather than pipes: a child that fills one pipe while the other
    /// is read would block, and on Linux a read interrupted by the child's exit signal crashes
    /// Foundation's FileHandle.
    public static func run(_ arguments: [String], in directory: String? = nil) throws -> Run {
        guard let path else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "tongxin"]) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tongxin-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cacheFolder
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }
}
