extension ReportPage {
    /// The maps, each a figure with its caption; a note instead when the boundaries are missing or
    /// nothing matched.
    func mapSection() -> [HTML] {
        if let unavailable = content.mapsUnavailable { return [note(unavailable)] }
        guard !content.maps.isEmpty else { return [note(labels(.mapsNone))] }
        return content.maps.enumerated().map { index, map in mapFigure(map, id: "map-\(index + 1)") }
    }

    /// A map as a figure with its caption, its SVG inlined with ids prefixed by `id`.
    func mapFigure(_ map: DiagramFigure, id: String) -> HTML {
        .element(
            "figure", ["class": "diagram map", "id": id],
            [
                .element("figcaption", [], [.element("strong", text: map.title), .text(map.caption)]),
                .element("div", ["class": "svg"], [.trusted(Self.inlineSVG(map.svg, idPrefix: id + "-"))])
            ])
    }
}
