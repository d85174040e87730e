import TongxinGraph
import TongxinResults

extension ReportPage {
    /// For each kind, the leaders by the measure, with where they are and which regions their ties
    /// reach into: what they bridge.
    func centralSection() -> [HTML] {
        guard !content.central.isEmpty else { return [note(labels(.centralNone))] }
        var parts: [HTML] = [note(labels(.centralNote))]
        if let samples = content.central.first?.sampledSources {
            parts.append(note(labels(.sampledNote, NumberFormat.grouped(samples))))
        }
        for (index, group) in content.central.enumerated() {
            parts.append(
                .element(
                    "h3", ["id": "central-\(index + 1)"],
                    text: labels(.centralTitle, labels.kind(group.kind), labels.measure(group.measure))))
            var table = ResultTable(
                "central",
                columns: [
                    .numeric(labels(.rank)), Column(labels(.name)), Column(labels(.category)), Column(labels(.location)),
                    .numeric(labels(.score)), .numeric(labels(.connections)), Column(labels(.bridges))
                ])
            for (rank, node) in group.nodes.enumerated() {
                table.append([
                    .integer(rank + 1), .text(node.node.name), .text(node.category ?? ""),
                    .text(node.location.joined(separator: " › ")), .number(node.score, digits: 4),
                    .integer(node.degree), .text(Self.bridgeText(node.bridges))
                ])
            }
            parts.append(HTMLTable(table).html())
        }
        parts.append(sortHint())
        return parts
    }

    /// `宜昌市 12 · 恩施州 3 · …`: the regions a node's ties reach, most first, at most five named.
    static func bridgeText(_ bridges: [Tally]) -> String {
        var text = bridges.prefix(5).map { "\($0.label) \(NumberFormat.grouped($0.count))" }.joined(separator: " · ")
        if bridges.count > 5 { text += " · …" }
        return text
    }

    /// Each diagram as a figure with its title and caption, the SVG inline.
    func diagramSection() -> [HTML] {
        guard !content.diagrams.isEmpty else { return [note(labels(.diagramsNone))] }
        return content.diagrams.enumerated().map { index, diagram in
            .element(
                "figure", ["class": "diagram", "id": "diagram-\(index + 1)"],
                [
                    .element("figcaption", [], [.element("strong", text: diagram.title), .text(diagram.caption)]),
                    .element("div", ["class": "svg"], [.trusted(Self.inlineSVG(diagram.svg, idPrefix: "diagram-\(index + 1)-"))])
                ])
        }
    }

    /// The `<svg>` element of an SVG document, ready to sit in a page beside others: the XML
    /// declaration, doctype and comments before it dropped (they have no place inside HTML), and its
    /// ids and references to them prefixed with `idPrefix` (Graphviz names every drawing's parts
    /// `graph0`, `node1`, `edge1`…, and ids must be unique in a page). Graphviz escapes `"` in text,
    /// so ` id="` only ever starts an attribute.
    static func inlineSVG(_ document: String, idPrefix: String) -> String {
        guard let start = document.firstRange(of: "<svg") else { return "" }
        return String(document[start.lowerBound...])
            .replacing(" id=\"", with: " id=\"" + idPrefix)
            .replacing("url(#", with: "url(#" + idPrefix)
            .replacing("href=\"#", with: "href=\"#" + idPrefix)
    }
}
