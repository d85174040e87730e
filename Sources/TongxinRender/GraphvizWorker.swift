import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs Graphviz in a child process with a time limit, so that a runaway layout or a Graphviz
/// assertion (which aborts its process) cannot hang or take down the caller.
///
/// The child is any executable that, given ``arguments`` followed by `ENGINE FORMAT INPUT OUTPUT`,
/// calls ``GraphvizWorker/serve(_:)``: the `tongxin` binary does so in its hidden `graphviz-worker`
/// mode. DOT goes to the child through a temporary file and the rendered bytes come back the same
/// way; its standard error carries the error, if any. Workers share no state, so several may run at
/// once (the in-process ``Graphviz`` entry serializes).
///
/// - Complexity: the layout's, plus starting a process (a few milliseconds).
public struct GraphvizWorker: Sendable {
    /// The worker program's path.
    public var executable: String
    /// Arguments placed before `ENGINE FORMAT INPUT OUTPUT` (e.g. `["graphviz-worker"]`).
    public var arguments: [String]
    /// Wall-clock seconds after which the worker is killed and ``GraphvizError/timedOut(seconds:)``
    /// thrown.
    public var timeLimit: Double

    public init(executable: String, arguments: [String], timeLimit: Double) {
        self.executable = executable
        self.arguments = arguments
        self.timeLimit = timeLimit
    }

    /// Lays out and renders `dot` in a worker process.
    ///
    /// - Throws: ``GraphvizError/timedOut(seconds:)`` when the limit passes (the worker is killed),
    ///   ``GraphvizError/worker(_:)`` when it cannot start or dies by a signal, and the worker's own
    ///   ``GraphvizError`` otherwise.
    public func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(GraphvizError) -> [UInt8] {
        let directory: URL
        do {
            directory = try FileManager.default.url(
                for: .itemReplacementDirectory, in: .userDomainMask,
                appropriateFor: FileManager.default.temporaryDirectory, create: true)
        } catch {
            throw .worker("cannot create a temporary directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.dot")
        let output = directory.appendingPathComponent("out")
        let errors = directory.appendingPathComponent("stderr")
        do {
            try Data(dot.utf8).write(to: input)
        } catch {
            throw .worker("cannot write \(input.path): \(error.localizedDescription)")
        }
        let status = try run([engine.rawValue, format.rawValue, input.path, output.path], stderr: errors.path)
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        switch status {
        case .exited(0):
            guard let bytes = try? Data(contentsOf: output) else { throw .worker("the worker wrote no output") }
            return [UInt8](bytes)
        case .exited:
            throw Self.decode(message)
        case .signalled(let signal):
            let detail = message.isEmpty ? "" : ": " + message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw .worker("the worker was killed by signal \(signal)\(signal == SIGABRT ? " (a Graphviz assertion)" : "")\(detail)")
        case .timedOut:
            throw .timedOut(seconds: timeLimit)
        }
    }

    private enum Status {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// Spawns the worker with `extra` arguments, standard error to `stderrPath`, and waits up to the
    /// time limit, polling; past it the worker is killed with SIGKILL and reaped.
    private func run(_ extra: [String], stderr stderrPath: String) throws(GraphvizError) -> Status {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = [executable] + arguments + extra
        var cArguments = argv.map { strdup($0) }
        cArguments.append(nil)
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw .worker("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        let deadline = monotonicSeconds() + timeLimit
        var pause: UInt32 = 1_000  // microseconds, doubling up to 20 ms
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                // WIFEXITED / WEXITSTATUS / WTERMSIG are macros: decode the wait status by hand.
                let signal = status & 0x7f
                return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            }
            if reaped < 0 && errno != EINTR { throw .worker("waitpid failed: \(String(cString: strerror(errno)))") }
            if monotonicSeconds() >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    private func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    // MARK: The worker side

    /// The worker's entry: `ENGINE FORMAT INPUT OUTPUT` → reads DOT from INPUT, renders it through the
    /// in-process ``Graphviz`` entry and writes OUTPUT. Returns the exit status (0, or 1 after writing
    /// the error to standard error in the form ``render(dot:engine:format:)`` decodes).
    public static func serve(_ arguments: [String]) -> Int32 {
        guard arguments.count == 4, let engine = LayoutEngine(rawValue: arguments[0]),
            let format = RenderFormat(rawValue: arguments[1])
        else {
            FileHandle.standardError.write(Data("worker\nusage: ENGINE FORMAT INPUT OUTPUT\n".utf8))
            return 2
        }
        do {
            let dot = try String(contentsOfFile: arguments[2], encoding: .utf8)
            let bytes = try Graphviz.render(dot: dot, engine: engine, format: format)
            try Data(bytes).write(to: URL(fileURLWithPath: arguments[3]))
            return 0
        } catch let error as GraphvizError {
            FileHandle.standardError.write(Data(encode(error).utf8))
            return 1
        } catch {
            FileHandle.standardError.write(Data("worker\n\(error.localizedDescription)".utf8))
            return 1
        }
    }

    /// The error as a first line naming its case and a message.
    static func encode(_ error: GraphvizError) -> String {
        switch error {
        case .syntax(let message): "syntax\n\(message)"
        case .layout(let engine, let message): "layout \(engine)\n\(message)"
        case .render(let format, let message): "render \(format)\n\(message)"
        case .timedOut(let seconds): "timeout \(seconds)\n"
        case .worker(let message): "worker\n\(message)"
        }
    }

    /// The inverse of ``encode(_:)``.
    static func decode(_ text: String) -> GraphvizError {
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let head = parts.first.map(String.init) ?? ""
        let message = parts.count > 1 ? String(parts[1]) : ""
        let words = head.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first {
        case "syntax": return .syntax(message)
        case "layout" where words.count == 2: return .layout(engine: words[1], message: message)
        case "render" where words.count == 2: return .render(format: words[1], message: message)
        case "timeout" where words.count == 2: return .timedOut(seconds: Double(words[1]) ?? 0)
        case "worker": return .worker(message)
        default: return .worker(text.isEmpty ? "the worker failed without a message" : text)
        }
    }
}
