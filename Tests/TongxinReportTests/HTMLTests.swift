import Testing
@testable import TongxinReport

@Suite struct HTMLTests {
    @Test func textIsEscapedForContent() {
        let node = HTML.element("p", text: "a < b && c > \"d\" 'e'")
        // Quotes need no escaping in element content; < > & always do.
        #expect(node.render() == "<p>a &lt; b &amp;&amp; c &gt; \"d\" 'e'</p>")
    }

    @Test func attributeValuesAreEscapedForQuotes() {
        let node = HTML.element("td", ["title": "x\" onclick=\"alert(1)", "data-sort": "<'&'>"], text: "")
        #expect(node.render() == "<td title=\"x&quot; onclick=&quot;alert(1)\" data-sort=\"&lt;&#39;&amp;&#39;&gt;\"></td>")
    }

    @Test func scriptInjectionInDataStaysText() {
        let name = "</td><script>alert('湖北')</script>"
        let rendered = HTML.element("td", text: name).render()
        #expect(!rendered.contains("<script>"))
        #expect(rendered == "<td>&lt;/td&gt;&lt;script&gt;alert('湖北')&lt;/script&gt;</td>")
    }

    @Test func forbiddenControlCharactersBecomeReplacementCharacters() {
        #expect(HTML.text("a\u{0}b\u{7}c\td\ne\r").render() == "a\u{FFFD}b\u{FFFD}c\td\ne\r")
    }

    @Test func chineseAndEmojiPassThrough() {
        #expect(HTML.text("十堰市 · 郧阳区 🏔").render() == "十堰市 · 郧阳区 🏔")
    }

    @Test func voidElementsHaveNoEndTag() {
        #expect(HTML.element("meta", ["charset": "utf-8"]).render() == "<meta charset=\"utf-8\">")
        #expect(HTML.element("br").render() == "<br>")
    }

    @Test func booleanAttributesRenderBare() {
        let node = HTML.element("details", [HTML.Attribute("open", nil)], [.element("summary", text: "x")])
        #expect(node.render() == "<details open><summary>x</summary></details>")
    }

    @Test func trustedMarkupAndFragmentsAreVerbatim() {
        let node = HTML.fragment([.trusted("<svg><g/></svg>"), .text("&")])
        #expect(node.render() == "<svg><g/></svg>&amp;")
    }

    @Test func styleTakesRawContent() {
        let node = HTML.element("style", [], [.trusted("a>b{content:\"&\"}")])
        #expect(node.render() == "<style>a>b{content:\"&\"}</style>")
    }

    @Test func namesAreValidated() {
        #expect(HTML.isName("data-sort"))
        #expect(HTML.isName("h2"))
        #expect(!HTML.isName("2h"))
        #expect(!HTML.isName("on click"))
        #expect(!HTML.isName("a\"b"))
        #expect(!HTML.isName(""))
    }
}
