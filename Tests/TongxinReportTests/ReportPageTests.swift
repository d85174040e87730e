import Testing
import TongxinGraph
import TongxinResults
@testable import TongxinReport

/// Hand-made content shaped like a province report: two cities, one coverage measure, one pairing
/// programme, one central figure and one diagram. Names include markup to check escaping.
enum SampleContent {
    static func province() -> ReportContent {
        let hb = NodeReference(id: "hb", name: "湖北省")
        let c1 = NodeReference(id: "c1", name: "甲市"), c2 = NodeReference(id: "c2", name: "乙市<b>")
        let summary = Summary(
            nodeKinds: [Tally("region", 6), Tally("village", 5), Tally("organization", 2)],
            edgeKinds: [Tally("within", 11), Tally("paired_with", 2)],
            levels: [Tally("province", 1), Tally("city", 2), Tally("town", 3), Tally("village", 5)],
            organizationTypes: [Tally("商会", 2)],
            warnings: ["g.json:3:5: warning: region 'x' has no level"], warningCount: 3,
            metadata: [(key: "synthetic", value: "villages & enterprises")]
        )
        // Towns with a 商会: 甲市 has 1 of 2, 乙市 1 of 1; the province 2 of 3.
        let coverage = CoverageMeasure(
            label: "商会", selector: NodeSelector(kind: "organization", filters: [.init(attribute: "type", value: "商会")]), unit: .town,
            via: ["within", "serves"],
            regions: [
                CoverageRow(region: hb, level: .province, units: 3, covered: 2, rate: 2.0 / 3.0),
                CoverageRow(region: c1, level: .city, units: 2, covered: 1, rate: 0.5),
                CoverageRow(region: c2, level: .city, units: 1, covered: 1, rate: 1)
            ],
            uncovered: [UncoveredUnit(unit: NodeReference(id: "t2", name: "乙镇"), group: "甲市", path: ["湖北省", "甲市"])],
            uncoveredCount: 1
        )
        let pairing = PairingProgramme(
            leftLabel: "enterprise", left: "enterprise", rightLabel: "village", right: "village", edge: "paired_with",
            rows: [
                PairingRow(
                    region: NodeReference(id: "", name: "tiny"), level: nil, left: 1, right: 5, pairs: 2,
                    density: 0.4, leftPaired: 1, rightPaired: 2, leftShare: 1, rightShare: 0.4, maxMatching: 1,
                    unpaired: [
                        NodeReference(id: "v1", name: "一村"), NodeReference(id: "v4", name: "四村"),
                        NodeReference(id: "v5", name: "五村")
                    ]),
                PairingRow(
                    region: c1, level: .city, left: 1, right: 3, pairs: 2, density: 2.0 / 3.0, leftPaired: 1,
                    rightPaired: 2, leftShare: 1, rightShare: 2.0 / 3.0, maxMatching: 1,
                    unpaired: [NodeReference(id: "v1", name: "一村")]),
                PairingRow(
                    region: c2, level: .city, left: 0, right: 2, pairs: 0, density: nil, leftPaired: 0,
                    rightPaired: 0, leftShare: nil, rightShare: 0, maxMatching: 0,
                    unpaired: [NodeReference(id: "v4", name: "四村"), NodeReference(id: "v5", name: "五村")])
            ],
            suggestions: [
                SuggestedPartner(
                    right: NodeReference(id: "v1", name: "一村"),
                    left: NodeReference(id: "e1", name: "某茶业公司"), cost: 2, shared: .city)
            ]
        )
        let central = CentralGroup(
            kind: "figure", measure: "betweenness",
            nodes: [
                CentralNode(
                    node: NodeReference(id: "f1", name: "张三"), category: "联络员", location: ["甲市", "甲镇"],
                    score: 0.123456, degree: 4, bridges: [Tally("甲市", 3), Tally("乙市<b>", 1)])
            ])
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg width="62pt" height="44pt" viewBox="0 0 62 44"><g id="graph0"><text>甲市</text></g></svg>
            """
        return ReportContent(
            title: "湖北省", summary: summary, coverage: [coverage], pairing: [pairing], central: [central],
            diagrams: [DiagramFigure(title: "全省", caption: "按市汇总", svg: svg)]
        )
    }
}

@Suite struct ReportPageTests {
    let content = SampleContent.province()

    /// The text of every element with `tag`, in document order (tags without attributes or nesting).
    func texts(of tag: String, in page: String) -> [String] {
        var result: [String] = []
        var rest = page[...]
        while let open = rest.firstRange(of: "<\(tag)>"), let close = rest[open.upperBound...].firstRange(of: "</\(tag)>") {
            result.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }

    @Test func chineseIsTheDefault() {
        let page = ReportPage(content).render()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"))
        #expect(texts(of: "h1", in: page) == ["湖北省统战网络分析报告"])
        #expect(texts(of: "h2", in: page) == ["概况", "覆盖率", "结对", "地图", "关键人物与组织", "网络图"])
        #expect(texts(of: "title", in: page) == ["湖北省统战网络分析报告"])
    }

    @Test func englishLabelsEverywhere() {
        let page = ReportPage(content, options: ReportOptions(language: .en)).render()
        #expect(page.contains("<html lang=\"en\">"))
        #expect(texts(of: "h2", in: page) == ["Summary", "Coverage", "Pairing", "Maps", "Central figures and organizations", "Diagrams"])
        #expect(page.contains("<h3 id=\"coverage-1\">商会 · town coverage</h3>"))
        // No Chinese label leaks into the English page. (Labels of one or two characters are skipped:
        // they occur inside data, as 联络 does in the category 联络员.)
        for label in Label.allCases {
            let zh = Labels.zh[label]!
            if zh.count > 2 && zh != Labels.en[label]! && !zh.contains("{") {
                #expect(!page.contains(zh), "Chinese label \(label) on the English page")
            }
        }
    }

    @Test func sectionsCanBeChosenAndKeepPageOrder() {
        let options = ReportOptions(sections: [.central, .summary])
        let page = ReportPage(content, options: options)
        #expect(page.sections == [.summary, .central])
        let html = page.render()
        #expect(texts(of: "h2", in: html) == ["概况", "关键人物与组织"])
        #expect(html.contains("<section id=\"summary\" class=\"report-section\">"))
        #expect(!html.contains("id=\"coverage\""))
        #expect(html.contains("<a href=\"#central\">关键人物与组织</a>"))
        #expect(!html.contains("href=\"#pairing\""))
    }

    /// The measure's question in words (``QuestionWording``), then its selector.
    @Test func measuresSayTheirQuestionInWords() {
        let html = ReportPage(content).render()
        #expect(html.contains("统计对象：商会覆盖的乡镇（经 隶属/位于、服务）<span class=\"sep\"></span><code>organization[type=商会]</code>"))
        let english = ReportPage(content, options: ReportOptions(language: .en)).render()
        #expect(english.contains("towns covered by organizations of type 商会 (via within, serves)"))
    }

    @Test func dataIsEscaped() {
        let html = ReportPage(content).render()
        #expect(html.contains("乙市&lt;b&gt;"))
        #expect(!html.contains("乙市<b>"))
        #expect(html.contains("villages &amp; enterprises"))
    }

    @Test func tablesCarrySortAttributes() {
        let html = ReportPage(content).render()
        // Numeric headers sort as numbers; text headers have no type.
        #expect(html.contains("<th scope=\"col\" tabindex=\"0\" data-type=\"number\" class=\"num\">覆盖率</th>"))
        #expect(html.contains("<th scope=\"col\" tabindex=\"0\">区域</th>"))
        // Rates sort by their exact value and show a rounded percentage on their colour bucket.
        #expect(html.contains("<td class=\"rate q1\" data-sort=\"0.5\" title=\"1 / 2\">50.0%</td>"))
        #expect(html.contains("<td class=\"rate q4\" data-sort=\"1.0\" title=\"1 / 1\">100.0%</td>"))
        // A missing density sorts last (empty key) and shows a dash.
        #expect(html.contains("<td class=\"num\" data-sort=\"\">—</td>"))
        // The overview: one row per measure, linking to it; the scope first, then each city.
        #expect(
            html.contains(
                "<tr><th scope=\"row\" data-sort=\"商会 · 乡镇（街道）覆盖\"><a href=\"#coverage-1\">商会 · 乡镇（街道）覆盖</a></th>"
                    + "<td class=\"rate q1\" data-sort=\"\(2.0 / 3.0)\" title=\"2 / 3\">66.7%</td>"
                    + "<td class=\"rate q1\" data-sort=\"0.5\" title=\"1 / 2\">50.0%</td>"
                    + "<td class=\"rate q4\" data-sort=\"1.0\" title=\"1 / 1\">100.0%</td></tr>"))
        // Totals stay in the footer, outside the sorted body.
        #expect(html.contains("<tfoot><tr><th scope=\"row\">湖北省</th><td>省</td><td class=\"num\" data-sort=\"3\">3</td>"))
        #expect(html.contains("<table class=\"sortable\">"))
        #expect(html.contains("<table class=\"sortable matrix\">"))
    }

    @Test func coverageShowsChartsAndCollapsedUncoveredUnits() {
        let html = ReportPage(content).render()
        #expect(html.contains("<figcaption>各市（州）乡镇（街道）覆盖率</figcaption>"))
        #expect(html.contains("<span class=\"fill q1\" style=\"width:50.00%\"></span>"))
        #expect(
            html.contains(
                "<details><summary>未覆盖的乡镇（街道）（1 个）</summary><details><summary>甲市（1）</summary><ul class=\"units\"><li>乙镇</li></ul></details></details>"
            ))
    }

    @Test func pairingListsUnpairedAndSuggestions() {
        let html = ReportPage(content).render()
        #expect(html.contains("<h3 id=\"pairing-1\">企业与村（社区）结对（结对）</h3>"))
        #expect(html.contains("<summary>未结对村（社区）（3）</summary>"))
        #expect(html.contains("<summary>甲市（1）</summary><ul class=\"units\"><li>一村</li></ul>"))
        // 乙市 pairs nothing: its villages are named as a region, not listed one by one.
        #expect(html.contains("以下市（州）尚无任何结对，其村（社区）不逐一列出：乙市&lt;b&gt;。"))
        #expect(html.contains("<p class=\"meta\">结对双方：<code>enterprise</code> — <code>village</code>"))
        #expect(html.contains("<summary>建议结对（1 项）</summary>"))
        #expect(html.contains("<th scope=\"row\">一村</th><td>某茶业公司</td><td class=\"num\" data-sort=\"2.0\">2 · 同一市（州）</td>"))
        #expect(html.contains("<tfoot><tr><th scope=\"row\">合计（tiny）</th>"))
        // Density 2/3 with three significant digits.
        #expect(html.contains(">0.667</td>"))
    }

    @Test func centralNodesShowWhatTheyBridge() {
        let html = ReportPage(content).render()
        #expect(html.contains("<h3 id=\"central-1\">人物（按中介中心性）</h3>"))
        #expect(html.contains("<td>甲市 3 · 乙市&lt;b&gt; 1</td>"))
        #expect(html.contains(">0.1235</td>"))
        #expect(ReportPage.bridgeText((1...7).map { Tally("c\($0)", 8 - $0) }) == "c1 7 · c2 6 · c3 5 · c4 4 · c5 3 · …")
    }

    @Test func diagramsAreInlineSVGWithoutProlog() {
        let html = ReportPage(content).render()
        #expect(html.contains("<div class=\"svg\"><svg width=\"62pt\""))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<!DOCTYPE svg"))
        #expect(ReportPage.inlineSVG("no svg here", idPrefix: "d1-") == "")
        // Ids are made unique per diagram, references included.
        #expect(html.contains("<g id=\"diagram-1-graph0\"><text>甲市</text></g>"))
        #expect(
            ReportPage.inlineSVG("<svg><g id=\"a\" fill=\"url(#b)\"><a xlink:href=\"#c\"/></g></svg>", idPrefix: "d2-")
                == "<svg><g id=\"d2-a\" fill=\"url(#d2-b)\"><a xlink:href=\"#d2-c\"/></g></svg>")
    }

    @Test func pageIsSelfContained() {
        let html = ReportPage(content).render()
        for external in ["<link", " src=", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(external), "page references \(external)")
        }
        #expect(html.contains("<style>") && html.contains("<script>"))
        #expect(html.contains("new Intl.Collator('zh'"))
        #expect(html.contains("details::details-content{content-visibility:visible;display:block}"))
    }

    @Test func emptyContentSaysSo() {
        let page = ReportPage(ReportContent(title: "空"), options: ReportOptions(language: .en)).render()
        #expect(page.contains("The graph has no organizations or liaisons to measure coverage by."))
        #expect(page.contains("The graph has no pairing relationships."))
        #expect(page.contains("No diagram could be drawn."))
        #expect(page.contains("<h3>Data warnings</h3><p>None</p>"))
    }

    @Test func renderingIsDeterministic() {
        #expect(ReportPage(content).render() == ReportPage(content).render())
    }
}
