import TongxinGraph

extension ReportPage {
    /// For each kind, the leaders by the measure, with where they are and which regions their ties
    /// reach into: what they bridge.
    func centralSection() -> [HTML] {
        guard !content.central.isEmpty else { return [note(labels(.centralNone))] }
        var parts: [HTML] = [note(labels(.centralNote))]
        if let samples = content.central.first?.sampledSources {
            parts.append(note(labels(.sampledNote, Formatting.grouped(samples))))
        }
        for (index, group) in content.central.enumerated() {
            parts.append(.element("h3", ["id": "central-\(index + 1)"],
                                  text: labels(.centralTitle, labels.kind(group.kind), labels.measure(group.measure))))
            parts.append(PageComponents.table(
                columns: [.number(labels(.rank)), .text(labels(.name)), .text(labels(.category)),
                          .text(labels(.location)), .number(labels(.score)), .number(labels(.connections)),
                          .text(labels(.bridges))],
                rows: group.nodes.enumerated().map { rank, node in
                    [.count(rank + 1), .text(node.node.name), .text(node.category ?? ""),
                     .text(node.location.joined(separator: " › ")),
                     .decimal(node.score, shown: Formatting.significant(node.score, digits: 4)),
                     .count(node.degree), .text(Self.bridgeText(node.bridges))]
                }
            ))
        }
        parts.append(sortHint())
        return parts
    }

    /// `宜昌市 12 · 恩施州 3 · …`: the regions a node's ties reach, most first, at most five named.
    static func bridgeText(_ bridges: [Tally]) -> String {
        var text = bridges.prefix(5).map { "\($0.label) \(Formatting.grouped($0.count))" }.joined(separator: " · ")
        if bridges.count > 5 { text += " · …" }
        return text
    }

    /// Each diagram as a figure with its title and caption, the SVG inline.
    func diagramSection() -> [HTML] {
        guard !content.diagrams.isEmpty else { return [note(labels(.diagramsNone))] }
        return content.diagrams.enumerated().map { index, diagram in
            .element("figure", ["class": "diagram", "id": "diagram-\(index + 1)"], [
                .element("figcaption", [], [.element("strong", text: diagram.title), .text(diagram.caption)]),
                .element("div", ["class": "svg"], [.trusted(Self.inlineSVG(diagram.svg))]),
            ])
        }
    }

    /// The `<svg>` element of an SVG document: the XML declaration, doctype and comments before it
    /// have no place inside HTML.
    static func inlineSVG(_ document: String) -> String {
        guard let start = document.firstRange(of: "<svg") else { return "" }
        return String(document[start.lowerBound...])
    }
}
