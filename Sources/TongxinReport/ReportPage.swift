import TongxinGraph

/// How the page is written: its language, which sections it shows, and the graph's source name.
public struct ReportOptions: Sendable, Equatable {
    public var language: ReportLanguage
    /// The sections to show; the page keeps ``ReportSection``'s order whatever the order here.
    public var sections: Set<ReportSection>
    /// What the footer names as the data's origin (the input file), or `nil` for the graph's name.
    public var source: String?

    public init(language: ReportLanguage = .zh, sections: Set<ReportSection> = Set(ReportSection.allCases), source: String? = nil) {
        self.language = language
        self.sections = sections
        self.source = source
    }
}

/// The report as one self-contained HTML page: every style and script inline, every diagram inline
/// SVG, nothing fetched from anywhere.
///
/// The page has a header (title, scope, contents), one `<section>` per chosen ``ReportSection`` with
/// `id` equal to the section's raw value, and a footer. Tables are sortable by clicking a header,
/// long lists are collapsed in `<details>`, and the print style sheet puts each section on its own
/// page with every collapsed block shown.
///
/// ```swift
/// let content = ReportContent(title: "湖北省", summary: Summary(nodeKinds: [Tally("village", 5)]))
/// let page = ReportPage(content, options: ReportOptions(language: .en, sections: [.summary]))
/// page.render()  // "<!DOCTYPE html>\n<html lang=\"en\">…<h2>Summary</h2>…"
/// ```
///
/// - Complexity: O(size of the content + size of the page).
public struct ReportPage: Sendable {
    public let content: ReportContent
    public let options: ReportOptions
    let labels: Labels

    public init(_ content: ReportContent, options: ReportOptions = ReportOptions()) {
        self.content = content
        self.options = options
        labels = Labels(options.language)
    }

    /// The sections shown, in page order (the change section only with an earlier version to compare).
    public var sections: [ReportSection] {
        ReportSection.allCases.filter { options.sections.contains($0) && ($0 != .change || content.change != nil) }
    }

    /// The whole document, doctype included.
    public func render() -> String {
        var output = "<!DOCTYPE html>\n"
        document().render(into: &output)
        output += "\n"
        return output
    }

    /// The `<html>` element.
    public func document() -> HTML {
        let title = labels(.reportTitle, content.title)
        var header: [HTML] = [.element("h1", text: title)]
        if let scope = content.scope { header.append(.element("p", text: labels(.scopeNote, scope.name))) }
        let contents = HTML.element(
            "nav", ["class": "toc", "aria-label": labels(.contents)],
            [
                .element(
                    "ol", [],
                    sections.map { section in
                        .element("li", [], [.element("a", ["href": "#" + section.rawValue], text: labels.title(of: section))])
                    })
            ])
        let footer = labels(.generatedBy, options.source ?? content.title)
        return .element(
            "html", ["lang": options.language.htmlTag],
            [
                .element(
                    "head", [],
                    [
                        .element("meta", ["charset": "utf-8"]),
                        .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                        .element("meta", ["name": "generator", "content": "Tongxin"]),
                        .element("title", text: title),
                        .element("style", [], [.trusted(PageAssets.css)])
                    ]),
                .element(
                    "body", [],
                    [
                        .element("header", ["class": "page"], header),
                        contents,
                        .element("main", [], sections.map(section)),
                        .element("footer", ["class": "page"], [.element("p", text: footer)]),
                        .element("script", [], [.trusted(PageAssets.script)])
                    ])
            ])
    }

    /// One section with its heading.
    func section(_ section: ReportSection) -> HTML {
        let body: [HTML] =
            switch section {
            case .summary: summarySection()
            case .coverage: coverageSection()
            case .pairing: pairingSection()
            case .maps: mapSection()
            case .change: changeSection()
            case .central: centralSection()
            case .diagrams: diagramSection()
            }
        return .element(
            "section", ["id": section.rawValue, "class": "report-section"],
            [
                .element("h2", text: labels.title(of: section))
            ] + body)
    }

    /// A paragraph in the muted note style.
    func note(_ text: String) -> HTML { .element("p", ["class": "note"], text: text) }

    /// The hint that tables sort, shown on screen only.
    func sortHint() -> HTML { .element("p", ["class": "hint"], text: labels(.sortHint)) }

    /// A level's name, or the empty string.
    func levelName(_ level: RegionLevel?) -> String { level.map(labels.level) ?? "" }
}
