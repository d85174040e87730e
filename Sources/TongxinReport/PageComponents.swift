import TongxinResults

/// The page's building blocks — bar charts, collapsible blocks, unit lists, the rate colours and
/// sort keys that ``HTMLTable`` uses — as ``HTML``.
enum PageComponents {
    /// A machine-readable sort key for a number cell: the exact value, empty for `nil`.
    static func sortKey(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberFormat.exact(value)
    }

    /// The colour bucket of a coverage rate; the page's CSS gives each a colour, on a sequential
    /// scale so that a programme not run somewhere reads as absent (grey), not as an alarm.
    /// Buckets: none (`qz`), below 50%, below 80%, below 95%, below 100%, 100%; no units (`qn`).
    static func bucket(_ rate: Double?) -> String {
        guard let rate else { return "qn" }
        switch rate {
        case ...0: return "qz"
        case ..<0.5: return "q0"
        case ..<0.8: return "q1"
        case ..<0.95: return "q2"
        case ..<1: return "q3"
        default: return "q4"
        }
    }

    /// One bar of a chart: a label, a fraction in [0, 1] (or `nil`: no data), and the value shown.
    struct Bar {
        var label: String
        var fraction: Double?
        var tooltip: String
    }

    /// A horizontal bar chart in plain HTML and CSS (it prints, scales with the text and needs no
    /// script): one row per bar, coloured by the coverage buckets.
    static func barChart(caption: String, bars: [Bar]) -> HTML {
        var cells: [HTML] = []
        for bar in bars {
            let width = NumberFormat.fixed(min(max(bar.fraction ?? 0, 0), 1) * 100, decimals: 2)
            cells.append(.element("span", ["class": "l"], text: bar.label))
            cells.append(
                .element(
                    "span", ["class": "track", "title": bar.tooltip],
                    [
                        .element("span", ["class": "fill " + PageComponents.bucket(bar.fraction), "style": "width:\(width)%"])
                    ]))
            cells.append(.element("span", ["class": "v"], text: NumberFormat.percent(bar.fraction, decimals: 1)))
        }
        return .element(
            "figure", ["class": "bars"],
            [
                .element("figcaption", text: caption),
                .element("div", ["class": "bar-rows"], cells)
            ])
    }

    /// The colour key of the coverage buckets.
    static func legend() -> HTML {
        let entries = [("qz", "0%"), ("q0", "< 50%"), ("q1", "50–80%"), ("q2", "80–95%"), ("q3", "95–100%"), ("q4", "100%")]
        return .element(
            "div", ["class": "legend", "aria-hidden": "true"],
            entries.map { bucket, text in
                .element("span", ["style": "--c:var(--\(bucket))"], text: text)
            })
    }

    /// A collapsible block, closed until clicked (and opened when printed).
    static func details(_ summary: String, _ children: [HTML]) -> HTML {
        .element("details", [], [.element("summary", text: summary)] + children)
    }

    /// A list of named units, each with an optional dimmed path.
    static func unitList(_ items: [(name: String, path: String)]) -> HTML {
        .element(
            "ul", ["class": "units"],
            items.map { item in
                var parts: [HTML] = [.text(item.name)]
                if !item.path.isEmpty {
                    parts.append(.text(" "))
                    parts.append(.element("span", ["class": "path"], text: item.path))
                }
                return .element("li", [], parts)
            })
    }

    /// Groups `items` by `key`, keeping the order in which groups first appear.
    static func grouped<Item>(_ items: [Item], by key: (Item) -> String) -> [(key: String, items: [Item])] {
        var order: [String] = []
        var groups: [String: [Item]] = [:]
        for item in items {
            let group = key(item)
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(item)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
