import TongxinAnalysis
import TongxinGraph
import TongxinRender
import TongxinResults

extension ReportBuilder {
    /// The report's diagrams, drawn by `renderer` as SVG: the scope collapsed to the breakdown
    /// level and coloured by the coverage question that reaches the most units; each pairing
    /// programme in the breakdown region where it has the most pairs; and the neighbourhood
    /// (depth 2, cut to the nearest 60 nodes) of each of the `figures`.
    ///
    /// - Parameters:
    ///   - labels: the language of titles and captions.
    ///   - coverage: the coverage questions (the first with the most covered units colours the
    ///     overview); none leaves it uncoloured.
    ///   - programmes: the pairing programmes to draw.
    ///   - figures: the figures whose neighbourhoods are drawn (node indices).
    ///   - overview: whether to draw the overview; a report with maps leaves it out, since the map
    ///     shows the same rates by region more plainly.
    ///   - renderer: how Graphviz runs (in this process, or in a worker with a time limit).
    /// - Throws: ``RenderError`` when Graphviz fails, and ``CoverageError`` or ``PairingError`` from
    ///   the analyses the diagrams show.
    /// - Complexity: O(V + E) per diagram to build its view, plus Graphviz's layout time, which
    ///   ``TongxinRender/DiagramPlan`` bounds by collapsing or cutting.
    public func diagrams(
        labels: Labels, coverage: [CoverageQuestion], programmes: [PairingQuestion], figures: [Int],
        overview drawsOverview: Bool = true, renderer: DiagramRenderer
    ) throws -> [DiagramFigure] {
        var figuresDrawn: [DiagramFigure] = []
        if drawsOverview { figuresDrawn.append(try overview(labels: labels, coverage: coverage, renderer: renderer)) }
        for programme in programmes {
            if let figure = try programmeDiagram(programme, labels: labels, renderer: renderer) {
                figuresDrawn.append(figure)
            }
        }
        for figure in figures {
            let options = DiagramOptions(focus: .init(node: figure, depth: 2), maxNodes: 60, language: labels.diagramLanguage)
            let svg = try renderer.render(graph, options: options, format: .svg).bytes
            figuresDrawn.append(
                DiagramFigure(
                    title: labels(.neighbourhoodTitle, graph.name(of: figure)),
                    caption: labels(.neighbourhoodCaption), svg: String(decoding: svg, as: UTF8.self)))
        }
        return figuresDrawn
    }

    /// The scope collapsed to the breakdown level, each region coloured by its coverage rate.
    private func overview(labels: Labels, coverage: [CoverageQuestion], renderer: DiagramRenderer) throws -> DiagramFigure {
        var options = DiagramOptions(collapse: breakdownLevel, region: scope, language: labels.diagramLanguage)
        var caption = labels(.overviewCaption, labels.level(breakdownLevel))
        var best: (question: CoverageQuestion, result: Coverage)?
        for question in coverage {
            let result = try Coverage(of: graph, unit: question.unit, by: [question.selector], via: question.via, within: scope)
            if best == nil || result.covered > best!.result.covered { best = (question, result) }
        }
        if let (question, result) = best {
            options.colorBy = .init(
                selector: "\(question.label) · \(labels.level(question.unit))", unit: question.unit,
                uncovered: result.uncovered.map(\.node), in: graph, within: scope)
            caption += labels(.overviewColours, question.label, labels.level(question.unit))
        }
        let svg = try renderer.render(graph, options: options, format: .svg).bytes
        return DiagramFigure(
            title: labels(.overviewTitle, title, labels.level(breakdownLevel)), caption: caption,
            svg: String(decoding: svg, as: UTF8.self))
    }

    /// One programme in the breakdown region with the most of its pairs: a graph of that region's
    /// hierarchy, the programme's two sides inside it or paired into it, and their pairing edges,
    /// collapsed to the region's counties (or towns). `nil` when the programme has no pair in scope.
    private func programmeDiagram(_ question: PairingQuestion, labels: Labels, renderer: DiagramRenderer) throws -> DiagramFigure? {
        let by: RegionLevel? = [.city, .county, .town].contains(breakdownLevel) ? breakdownLevel : nil
        let pairing = try Pairing(of: graph, left: question.left, right: question.right, by: by, within: scope)
        let regions = pairing.regions.count > 1 ? Array(pairing.regions.dropFirst()) : pairing.regions
        guard let busiest = regions.max(by: { ($0.pairs, $1.node ?? 0) < ($1.pairs, $0.node ?? 0) }), busiest.pairs > 0
        else { return nil }
        let region = busiest.node ?? scope
        let isLeft = question.left.matcher(in: graph), isRight = question.right.matcher(in: graph)
        var keep = [Bool](repeating: false, count: graph.nodeCount)
        let inside = region.map { Array(graph.hierarchy.subtree(of: $0).map(Int.init)) } ?? Array(0..<graph.nodeCount)
        for node in inside where graph.level(of: node) != nil || isLeft(node) || isRight(node) { keep[node] = true }
        var edges: [Int] = []
        for edge in 0..<graph.edgeCount where graph.kind(ofEdge: edge) == EdgeKind.pairedWith {
            let source = graph.source(of: edge), target = graph.target(of: edge)
            guard isLeft(source) && isRight(target), region.map({ graph.hierarchy.contains($0, target) }) ?? true else { continue }
            keep[source] = true
            edges.append(edge)
        }
        // Collapsed to the level just below the region (a city's counties, or its towns when it has
        // none): enterprises and villages of one county become one node, pairings one line per two.
        let childLevels = region.map { graph.hierarchy.children(of: $0).compactMap { graph.level(of: Int($0)) } } ?? []
        let collapse = childLevels.contains(.county) ? RegionLevel.county : childLevels.contains(.town) ? .town : nil
        let subgraph = try self.subgraph(keeping: keep, pairingEdges: edges)
        let svg = try renderer.render(subgraph, options: DiagramOptions(collapse: collapse, language: labels.diagramLanguage), format: .svg)
            .bytes
        let left = labels.kind(question.left.filters.first?.value ?? question.left.kind ?? "*")
        let right = labels.kind(question.right.filters.first?.value ?? question.right.kind ?? "*")
        let place = region.map(graph.name(of:)) ?? title
        return DiagramFigure(
            title: labels(.programmeDiagramTitle, place, left, right),
            caption: labels(.programmeDiagramCaption, NumberFormat.grouped(busiest.pairs), left, right),
            svg: String(decoding: svg, as: UTF8.self))
    }

    /// A graph of the kept nodes with their names and well-known attributes, the `within` edges
    /// among them and the given pairing edges.
    func subgraph(keeping keep: [Bool], pairingEdges: [Int]) throws -> Graph {
        var builder = GraphBuilder(name: graph.name)
        var index = [Int](repeating: -1, count: graph.nodeCount)
        for node in 0..<graph.nodeCount where keep[node] {
            guard let added = builder.addNode(id: graph.id(of: node), kind: graph.kind(of: node), name: graph.names[node])
            else { continue }
            index[node] = added
            for attribute in WellKnownAttribute.all {
                if let value = graph.nodeAttributes.value(attribute, at: node) { builder.setAttribute(attribute, value, ofNode: added) }
            }
        }
        for edge in 0..<graph.edgeCount where graph.kind(ofEdge: edge) == EdgeKind.within {
            let source = index[graph.source(of: edge)], target = index[graph.target(of: edge)]
            if source >= 0 && target >= 0 { _ = builder.addEdge(from: source, to: target, kind: EdgeKind.within) }
        }
        for edge in pairingEdges {
            _ = builder.addEdge(from: index[graph.source(of: edge)], to: index[graph.target(of: edge)], kind: EdgeKind.pairedWith)
        }
        return try builder.build()
    }
}

extension Labels {
    /// The language the report's diagrams are drawn in: the report's own.
    var diagramLanguage: DiagramLanguage { language == .zh ? .zh : .en }
}
