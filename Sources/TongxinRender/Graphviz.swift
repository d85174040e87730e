import CGraphviz
import Foundation
import TongxinIO

/// A Graphviz layout engine.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Layered drawing: the clearest for trees and small hierarchies; slow beyond a few hundred nodes.
    case dot
    /// Stress majorization: general graphs up to about a thousand nodes.
    case neato
    /// Multiscale force-directed: the only engine that stays fast at thousands of nodes.
    case sfdp
    /// Force-directed with clusters.
    case fdp
    /// Circular layout.
    case circo
    /// Radial layout around a root.
    case twopi

    /// Whether the engine draws `cluster` subgraphs as boxes around their members.
    public var drawsClusters: Bool { self == .dot || self == .fdp }
}

/// An output format for a laid-out diagram.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg
    /// PNG through cairo (the `gd` renderer drops CJK text, GRAPHVIZ.md).
    case png
    /// PDF through cairo.
    case pdf
    /// The Graphviz input itself, unlaid-out.
    case dot

    /// The format for a file name's extension (`.gv` is DOT), or `nil`.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }

    /// The `format:renderer` name Graphviz's `gvRenderData` takes.
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        }
    }
}

/// Why Graphviz could not draw a diagram.
public enum GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DOT text did not parse; the message is cgraph's.
    case syntax(String)
    /// The layout engine failed.
    case layout(engine: String, message: String)
    /// The renderer failed.
    case render(format: String, message: String)
    /// The layout ran past its time limit and its worker was stopped.
    case timedOut(seconds: Double)
    /// The worker process died or could not be started.
    case worker(String)

    public var description: String {
        switch self {
        case .syntax(let message): "Graphviz could not read the diagram: \(message)"
        case .layout(let engine, let message): "Graphviz layout '\(engine)' failed: \(message)"
        case .render(let format, let message): "Graphviz could not render \(format): \(message)"
        case .timedOut(let seconds):
            "the layout took longer than \(Self.format(seconds)) s and was stopped: collapse the graph, "
                + "draw one node's neighbourhood or pick a faster layout (sfdp)"
        case .worker(let message): "the Graphviz worker failed: \(message)"
        }
    }

    /// The error for a problem of the serialized entry.
    init(_ problem: GraphvizLibrary.Problem) {
        switch problem {
        case .syntax(let message): self = .syntax(message)
        case .noContext: self = .worker("gvContext() failed")
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// Layout and rendering by the linked Graphviz libraries, inside TongxinIO's one serialized
/// entry (``TongxinIO/GraphvizLibrary``): Graphviz is not thread-safe.
///
/// In-process calls cannot be interrupted: a runaway layout holds the lock until it finishes, and a
/// Graphviz assertion aborts the process. Large or untrusted input belongs in a ``GraphvizWorker``.
public enum Graphviz {
    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// For ``RenderFormat/dot`` the text is parsed (so errors surface the same way) and returned as is.
    ///
    /// - Complexity: that of the engine (dot grows steeply past a few hundred nodes).
    /// - Throws: ``GraphvizError/syntax(_:)``, ``GraphvizError/layout(engine:message:)`` or
    ///   ``GraphvizError/render(format:message:)``.
    public static func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(GraphvizError) -> [UInt8] {
        try GraphvizLibrary.withGraph(dot, failure: GraphvizError.init) { (gvc, graph) throws(GraphvizError) -> [UInt8] in
            if format == .dot { return Array(dot.utf8) }
            guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
                throw .layout(engine: engine.rawValue, message: GraphvizLibrary.lastError())
            }
            defer { gvFreeLayout(gvc, graph) }
            var buffer: UnsafeMutablePointer<CChar>? = nil
            var length: UInt32 = 0
            let status = gvRenderData(gvc, graph, format.graphvizName, &buffer, &length)
            // gvRenderData may allocate the buffer even when it fails: free it on every path.
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else { throw .render(format: format.rawValue, message: GraphvizLibrary.lastError()) }
            return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }
}
