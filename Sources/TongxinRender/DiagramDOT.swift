import Foundation

/// Writes a ``Diagram`` as Graphviz DOT: synthetic node ids (`n0`, `n1`, …) with user text only in
/// escaped labels and tooltips, the font named on graph, nodes and edges, styles from
/// ``DiagramStyle``, region clusters (for engines that draw them) and a legend as the graph's label.
///
/// The output depends only on the diagram and the engine, with numbers formatted by
/// ``DOTText/number(_:digits:)``, so it can be compared with golden files.
///
/// - Complexity: O(nodes + edges + label text).
public enum DiagramDOT {
    /// The DOT text of `diagram` for `engine`, labels wrapped at `labelWidth` columns, the drawing
    /// scaled down to `maxInches` square when given.
    public static func write(_ diagram: Diagram, engine: LayoutEngine, labelWidth: Int = 16, maxInches: Double? = nil) -> String {
        let font = DOTText.quoted(DiagramStyle.font)
        var out = "digraph tongxin {\n"
        var graphAttributes = [
            "fontname=\(font)", "layout=\(engine.rawValue)", "bgcolor=white", "pad=0.3",
            "outputorder=edgesfirst", "labelloc=b", "labeljust=l"
        ]
        switch engine {
        case .dot: graphAttributes += ["rankdir=LR", "ranksep=0.6", "nodesep=0.15"]
        case .neato, .sfdp, .fdp: graphAttributes += ["overlap=false", "sep=\"+4\""]
        case .twopi:
            graphAttributes += ["overlap=false", "ranksep=1.4"]
            if let root = root(of: diagram) { graphAttributes.append("root=n\(root)") }
        case .circo: graphAttributes += ["overlap=false"]
        }
        if let maxInches {
            graphAttributes.append("size=\"\(DOTText.number(maxInches, digits: 2)),\(DOTText.number(maxInches, digits: 2))\"")
        }
        graphAttributes.append("label=<\(legend(diagram))>")
        out += "  graph [\(graphAttributes.joined(separator: ", "))]\n"
        out += "  node [fontname=\(font), fontsize=11, style=filled, penwidth=0.8, margin=\"0.1,0.05\"]\n"
        out += "  edge [fontname=\(font), fontsize=9, arrowsize=0.6]\n"
        let range = diagram.measure.map { $0.max - $0.min } ?? 0
        for (index, node) in diagram.nodes.enumerated() {
            var attributes = nodeAttributes(node, diagram: diagram, range: range, labelWidth: labelWidth)
            if index == diagram.focus { attributes += ", color=\"\(DiagramStyle.focus)\", penwidth=3" }
            out += "  n\(index) [\(attributes)]\n"
        }
        if engine.drawsClusters {
            for cluster in diagram.clusters.indices {
                let members = diagram.nodes.indices.filter { diagram.nodes[$0].cluster == cluster }
                out += "  subgraph cluster_\(cluster) {\n"
                out += "    graph [label=\"\", style=\"rounded,filled\", fillcolor=\"#f7f7f7\", color=\"#d9d9d9\"]\n"
                out += "    " + members.map { "n\($0)" }.joined(separator: "; ") + "\n"
                out += "  }\n"
            }
        }
        for edge in diagram.edges {
            let look = DiagramStyle.edge(edge.kind)
            var attributes = ["color=\"\(look.color)\""]
            if look.style != "solid" { attributes.append("style=\(look.style)") }
            let width = min(look.width * (1 + log2(Double(edge.count))), 8)
            if width != 1 { attributes.append("penwidth=\(DOTText.number(width, digits: 2))") }
            if !look.arrow || diagram.undirectedLinks { attributes.append("dir=none") }
            if edge.count > 1 { attributes.append("label=\"\(edge.count)\", fontcolor=\"\(look.color)\"") }
            out += "  n\(edge.source) -> n\(edge.target) [\(attributes.joined(separator: ", "))]\n"
        }
        out += "}\n"
        return out
    }

    /// The centre of a radial layout: the first of the highest regions drawn, if any.
    static func root(of diagram: Diagram) -> Int? {
        let regions = diagram.nodes.indices.filter { diagram.nodes[$0].kind == NodeKind.region }
        return regions.min { (diagram.nodes[$0].level?.rank ?? 9, $0) < (diagram.nodes[$1].level?.rank ?? 9, $1) }
    }

    private static func nodeAttributes(_ node: Diagram.Node, diagram: Diagram, range: Double, labelWidth: Int) -> String {
        let look = DiagramStyle.node(node.kind)
        var lines = DOTText.wrap(node.name, width: labelWidth)
        if !node.members.isEmpty {
            lines += DOTText.wrap(node.members, width: max(labelWidth, 24))
        }
        var fill = look.fill
        switch node.coverage {
        case .covered?: fill = DiagramStyle.covered
        case .uncovered?: fill = DiagramStyle.uncovered
        case .rate(let rate, let units)?:
            fill = DiagramStyle.rateColor(rate)
            lines.append(diagram.language.coveredShare(percent: DOTText.number(rate * 100, digits: 0), of: units))
        case nil: break
        }
        var attributes = ["label=\(DOTText.quotedLines(lines))", "shape=\(look.shape)"]
        if look.rounded { attributes.append("style=\"rounded,filled\"") }
        attributes.append("fillcolor=\"\(fill)\"")
        if node.memberCount > 0 { attributes.append("peripheries=2") }
        var tooltip = node.id ?? node.name
        if let score = node.score, let measure = diagram.measure {
            tooltip += "\n\(measure.name) = \(DOTText.number(score, digits: 6))"
            let t = KindPalette.sizeFraction(score, low: measure.min, high: measure.max)
            attributes.append("width=\(DOTText.number(0.6 + 1.4 * t, digits: 2))")
            attributes.append("height=\(DOTText.number(0.35 + 0.65 * t, digits: 2))")
            attributes.append("fontsize=\(DOTText.number(10 + 8 * t, digits: 1))")
        }
        attributes.append("tooltip=\(DOTText.quoted(tooltip))")
        return attributes.joined(separator: ", ")
    }

    /// The legend, an HTML-like table of one text line per row (Graphviz stretches nested tables to
    /// the widest row, so swatches are coloured ■ glyphs, not cells): the title, the node kinds and
    /// edge kinds drawn, the size measure's range and the coverage scale.
    static func legend(_ diagram: Diagram) -> String {
        func swatch(_ color: String, _ text: String) -> String {
            "<FONT COLOR=\"\(color)\">■</FONT> \(DOTText.html(text))"
        }
        let gap = "   "
        var rows: [String] = ["<B>\(DOTText.html(diagram.title))</B>"]
        var kinds: [String] = []
        for node in diagram.nodes where !kinds.contains(node.kind) { kinds.append(node.kind) }
        var items = kinds.map { kind -> String in
            let look = DiagramStyle.node(kind)
            return swatch(look.fill, diagram.language.legendKind(kind, shape: look.shape))
        }
        if diagram.nodes.contains(where: { $0.memberCount > 0 }) {
            items.append(DOTText.html(diagram.language.collapsedRegionNote))
        }
        if diagram.focus != nil {
            items.append("<FONT COLOR=\"\(DiagramStyle.focus)\">\(diagram.language.focusNote)</FONT>\(diagram.language.focusNoteSuffix)")
        }
        rows.append(items.joined(separator: gap))
        var edgeKinds: [String] = []
        for edge in diagram.edges where !edgeKinds.contains(edge.kind) { edgeKinds.append(edge.kind) }
        if !edgeKinds.isEmpty {
            var links = edgeKinds.map { kind -> String in
                let look = DiagramStyle.edge(kind)
                let line = look.style == "dashed" ? "– – –" : look.style == "dotted" ? "·····" : "———"
                return "<FONT COLOR=\"\(look.color)\">\(line) \(DOTText.html(diagram.language.legendEdge(kind)))</FONT>"
            }
            if diagram.edges.contains(where: { $0.count > 1 }) { links.append(diagram.language.edgeCountNote) }
            rows.append(links.joined(separator: gap))
        }
        if let measure = diagram.measure {
            rows.append(
                diagram.language.size(
                    by: DOTText.html(measure.name), from: DOTText.number(measure.min, digits: 4),
                    to: DOTText.number(measure.max, digits: 4)))
        }
        if let selector = diagram.coverage {
            var scale = [
                diagram.language.coverage(by: DOTText.html(selector)),
                swatch(DiagramStyle.covered, diagram.language.covered),
                swatch(DiagramStyle.uncovered, diagram.language.uncovered)
            ]
            if diagram.nodes.contains(where: { if case .rate? = $0.coverage { true } else { false } }) {
                scale.append(diagram.language.shareCovered)
                scale += DiagramStyle.rateStops.map {
                    swatch(DiagramStyle.rateColor($0), "\(DOTText.number($0 * 100, digits: 0))%")
                }
            }
            rows.append(scale.joined(separator: gap))
        }
        return "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
            + rows.map { "<TR><TD ALIGN=\"LEFT\">\($0)</TD></TR>" }.joined() + "</TABLE>"
    }
}
