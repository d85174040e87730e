import CGraphviz
import Foundation

/// The one serialized entry to the linked Graphviz libraries: DOT files are parsed by cgraph here
/// (``DOTReader``) and diagrams laid out and rendered by gvc in TongxinRender, both through
/// ``withGraph(_:failure:_:)``.
///
/// Graphviz is not thread-safe (`man 3 cgraph`; crashes were measured with one context per thread
/// as well as with a shared one), so every cgraph and gvc call — parse, layout, render, free — runs
/// inside one process-wide lock, with one `GVC_t` created on first use and reused (each new context
/// leaks its configuration). Pointers never leave the locked region.
///
/// In-process calls cannot be interrupted: a runaway layout holds the lock until it finishes, and a
/// Graphviz assertion aborts the process. Large or untrusted input belongs in a worker process.
public enum GraphvizLibrary {
    /// Why a graph could not be handed over.
    public enum Problem: Error, Sendable {
        /// cgraph rejected the text; its message.
        case syntax(String)
        /// gvc could not create its context.
        case noContext
    }

    /// Held around every Graphviz call.
    private static let lock = NSLock()
    /// The reused context, created on first use; read and written only while holding ``lock``.
    nonisolated(unsafe) private static var context: OpaquePointer?

    /// Parses `dot` with cgraph and hands the context and the graph to `body` inside the lock;
    /// closes the graph afterwards. `failure` makes the caller's error from a ``Problem``.
    ///
    /// - Throws: `failure(problem)` when the text does not parse or there is no context, or what
    ///   `body` throws.
    /// - Complexity: O(length of `dot`) to parse, plus `body`.
    public static func withGraph<T, Failure: Error>(
        _ dot: String, failure: (Problem) -> Failure,
        _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws(Failure) -> T
    ) throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        let gvc: OpaquePointer
        if let existing = context {
            gvc = existing
        } else {
            // Keep errors and warnings instead of printing them; read them with aglasterr().
            agseterr(AGMAX)
            guard let created = gvContext() else { throw failure(.noContext) }
            context = created
            gvc = created
        }
        agreseterrors()
        // cgraph's line counter runs on from the previous parse, which also counts the newlines that
        // followed its graph when the next parse starts: reset it, and parse without trailing space.
        agreadline(1)
        var end = dot.utf8.endIndex
        while end > dot.utf8.startIndex, [0x20, 0x0A, 0x0D, 0x09].contains(dot.utf8[dot.utf8.index(before: end)]) {
            end = dot.utf8.index(before: end)
        }
        guard let graph = agmemread(String(dot.utf8[..<end])!) else { throw failure(.syntax(lastError())) }
        defer { agclose(graph) }
        return try body(gvc, graph)
    }

    /// cgraph's last error message, trimmed; call only inside ``withGraph(_:failure:_:)``.
    /// (`aglasterr` returns a copy the caller frees: found leaking by LeakSanitizer under libFuzzer.)
    public static func lastError() -> String {
        guard agerrors() > 0, let text = aglasterr() else { return "unknown error" }
        defer { free(text) }
        var message = String(cString: text)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }
}
