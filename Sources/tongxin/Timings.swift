import Foundation

/// The wall time of a command's phases, printed to standard error by `--timings`: `read` (the
/// graph, from text or `.txg`), then whatever phases the command marks (`view`, `kernel`), and the
/// rest of the run as `output`.
enum Timings {
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds
    nonisolated(unsafe) private static var phases: [(name: String, nanoseconds: UInt64)] = []

    /// Starts timing the run from now.
    static func start() {
        enabled = true
        last = DispatchTime.now().uptimeNanoseconds
        phases = []
    }

    /// Ends the current phase under `name` (a no-op unless timing).
    static func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, now - last))
        last = now
    }

    /// Ends the last phase as `output` and prints every phase, one line, to standard error.
    static func finish() {
        guard enabled else { return }
        mark("output")
        enabled = false
        let total = phases.reduce(0) { $0 + $1.nanoseconds }
        let parts = (phases + [("total", total)]).map { "\($0.name) \(milliseconds($0.nanoseconds)) ms" }
        Console.error("timings: " + parts.joined(separator: ", ") + "\n")
    }

    private static func milliseconds(_ nanoseconds: UInt64) -> String {
        let tenths = (nanoseconds + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
