import Testing
import TongxinResults
@testable import TongxinReport

@Suite struct HTMLTableTests {
    /// Each typed cell shows by the one number format and sorts by its exact value.
    @Test func cellsShowFormattedAndSortExactly() {
        func html(_ cell: Cell, header: Bool = false, _ dressing: HTMLTable.Dressing? = nil) -> String {
            HTMLTable.cell(cell, header: header, dressing).render()
        }
        #expect(html(.text("甲市")) == "<td>甲市</td>")
        #expect(html(.text("甲市"), header: true) == "<th scope=\"row\">甲市</th>")
        #expect(html(.id("c1")) == "<td>c1</td>")
        #expect(html(.integer(1898)) == "<td class=\"num\" data-sort=\"1898\">1,898</td>")
        #expect(html(.integer(3), header: true) == "<th class=\"num\" data-sort=\"3\">3</th>")
        #expect(html(.number(2.0 / 3.0, digits: 3)) == "<td class=\"num\" data-sort=\"\(2.0 / 3.0)\">0.667</td>")
        #expect(html(.number(nil, digits: 3)) == "<td class=\"num\" data-sort=\"\">—</td>")
        #expect(html(.rate(0.99996)) == "<td class=\"rate q3\" data-sort=\"0.99996\">99.9%</td>")
        #expect(html(.rate(nil)) == "<td class=\"rate qn\" data-sort=\"\">—</td>")
        #expect(html(.null) == "<td></td>")
    }

    @Test func dressingAddsLinksTooltipsAndShownText() {
        let link = HTMLTable.Dressing(markup: .element("a", ["href": "#x"], text: "甲 & 乙"))
        #expect(
            HTMLTable.cell(.text("甲 & 乙"), header: true, link).render()
                == "<th scope=\"row\" data-sort=\"甲 &amp; 乙\"><a href=\"#x\">甲 &amp; 乙</a></th>")
        #expect(
            HTMLTable.cell(.rate(0.5), header: false, .init(tooltip: "1 / 2")).render()
                == "<td class=\"rate q1\" data-sort=\"0.5\" title=\"1 / 2\">50.0%</td>")
        #expect(
            HTMLTable.cell(.number(2, digits: nil), header: false, .init(shown: "2 · 同县")).render()
                == "<td class=\"num\" data-sort=\"2.0\">2 · 同县</td>")
    }

    /// Numeric columns sort as numbers; the last `footerRows` rows stay in the footer.
    @Test func tableHasHeaderBodyAndFooter() {
        var table = ResultTable("t", columns: [Column("区域"), .numeric("单位")])
        table.append([.text("甲市"), .integer(2)])
        table.append([.text("湖北省"), .integer(3)])
        #expect(
            HTMLTable(table, caption: "表", footerRows: 1).html().render()
                == "<div class=\"table-wrap\"><table class=\"sortable\"><caption>表</caption><thead><tr>"
                + "<th scope=\"col\" tabindex=\"0\">区域</th>"
                + "<th scope=\"col\" tabindex=\"0\" data-type=\"number\" class=\"num\">单位</th></tr></thead>"
                + "<tbody><tr><th scope=\"row\">甲市</th><td class=\"num\" data-sort=\"2\">2</td></tr></tbody>"
                + "<tfoot><tr><th scope=\"row\">湖北省</th><td class=\"num\" data-sort=\"3\">3</td></tr></tfoot>"
                + "</table></div>")
    }
}
