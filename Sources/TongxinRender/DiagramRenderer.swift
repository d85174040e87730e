/// Draws a graph: builds the ``Diagram`` the options ask for, writes it as DOT and has Graphviz lay
/// it out and render it — in this process through the serialized ``Graphviz`` entry, or, when a
/// ``GraphvizWorker`` is given, in a child process with a time limit.
///
/// ```swift
/// let renderer = DiagramRenderer()
/// let (svg, plan) = try renderer.render(graph, options: DiagramOptions(collapse: .county), format: .svg)
/// print(plan.summary)  // render: 10 nodes in view, collapsed to county → 3 nodes, 2 edges; layout dot …
/// ```
public struct DiagramRenderer: Sendable {
    /// Where layouts run: `nil` for in-process.
    public var worker: GraphvizWorker?

    public init(worker: GraphvizWorker? = nil) {
        self.worker = worker
    }

    /// The diagram of `graph` as `format`, and the plan that was followed; `willLayOut` hears the
    /// plan before the layout starts (to tell the user what was chosen even if the layout fails).
    ///
    /// - Complexity: ``Diagram/build(graph:options:)``'s, plus the layout's (see ``DiagramPlan``).
    /// - Throws: ``RenderError``.
    public func render(
        _ graph: Graph, options: DiagramOptions, format: RenderFormat, willLayOut: (DiagramPlan) -> Void = { _ in }
    ) throws(RenderError) -> (bytes: [UInt8], plan: DiagramPlan) {
        let (diagram, plan): (Diagram, DiagramPlan)
        do {
            (diagram, plan) = try Diagram.build(graph: graph, options: options)
        } catch {
            throw .diagram(error)
        }
        let dot = DiagramDOT.write(diagram, engine: plan.engine, labelWidth: options.labelWidth, maxInches: options.maxInches)
        willLayOut(plan)
        return (try render(dot: dot, engine: plan.engine, format: format), plan)
    }

    /// Lays out and renders DOT text.
    public func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(RenderError) -> [UInt8] {
        do {
            if let worker, format != .dot {
                return try worker.render(dot: dot, engine: engine, format: format)
            }
            return try Graphviz.render(dot: dot, engine: engine, format: format)
        } catch {
            throw .graphviz(error)
        }
    }
}

/// Why a diagram could not be drawn.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    case diagram(DiagramError)
    case graphviz(GraphvizError)

    public var description: String {
        switch self {
        case .diagram(let error): error.description
        case .graphviz(let error): error.description
        }
    }
}
