import Foundation

/// Reports a long step on stderr — `reading hubei.json…` then `reading hubei.json… 1.8 s` — only
/// when stderr is a terminal, so piped and redirected runs (and tests) stay quiet.
///
/// ```swift
/// let progress = Progress.begin("betweenness")
/// for (done, source) in sources.enumerated() { …; progress?.update(fraction: Double(done) / total) }
/// progress?.finish()
/// ```
///
/// Updates are throttled to about ten a second and safe to call from several threads.
final class Progress: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var finished = false

    private init(label: String) {
        self.label = label
        Console.error("\(label)…")
    }

    /// Whether progress is shown at all: stderr is a terminal and the command is not run by the server.
    static var isEnabled: Bool { Console.capture == nil && isatty(STDERR_FILENO) != 0 }

    /// Starts reporting `label`; `nil` (report nothing) when stderr is not a terminal.
    static func begin(_ label: String) -> Progress? {
        isEnabled ? Progress(label: label) : nil
    }

    /// Starts reporting `label` only when the file or folder at `path` is larger than `bytes`.
    static func begin(_ label: String, onlyIfBytesExceed bytes: Int, path: String) -> Progress? {
        guard isEnabled else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let isDirectory = (attributes?[.type] as? FileAttributeType) == .typeDirectory
        guard size > bytes || isDirectory else { return nil }
        return Progress(label: label)
    }

    /// Shows how far the step is (0…1).
    func update(fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard !finished, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        Console.error("\r\u{1B}[K\(label)… \(Int((fraction * 100).rounded()))%")
    }

    /// Ends the step, showing how long it took.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        Console.error("\r\u{1B}[K\(label)… \(String(format: "%.1f", Date().timeIntervalSince(start))) s\n")
    }
}
