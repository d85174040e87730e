import Testing
@testable import TongxinRender

@Suite struct DOTTextTests {
    @Test func quotesBackslashesAndNewlines() {
        // GRAPHVIZ.md: `\` → `\\` first, then `"` → `\"`, newline → `\n`, CR dropped.
        #expect(DOTText.quoted(#"a"b"#) == #""a\"b""#)
        #expect(DOTText.quoted(#"a\b"#) == #""a\\b""#)
        #expect(DOTText.quoted(#"end\"#) == #""end\\""#)
        #expect(DOTText.quoted(#"\N \G \n"#) == #""\\N \\G \\n""#)
        #expect(DOTText.quoted("one\r\ntwo") == #""one\ntwo""#)
        // Braces and angle brackets need nothing inside a quoted string; Graphviz decodes entities
        // in labels, so & is written &amp;.
        #expect(DOTText.quoted("{a|b} <c> & d") == "\"{a|b} <c> &amp; d\"")
        #expect(DOTText.quoted("&lt;") == "\"&amp;lt;\"")
        #expect(DOTText.quoted("node") == "\"node\"")
    }

    @Test func htmlEntities() {
        #expect(DOTText.html(#"<b> & "q""#) == "&lt;b&gt; &amp; &quot;q&quot;")
        #expect(DOTText.html("a\nb") == "a<br/>b")
    }

    @Test func numbersAreFixedAndTrimmed() {
        #expect(DOTText.number(1.5) == "1.5")
        #expect(DOTText.number(2) == "2")
        #expect(DOTText.number(1.0 / 3) == "0.333")
        #expect(DOTText.number(-0.0001) == "0")
        #expect(DOTText.number(0.6 + 1.4, digits: 2) == "2")
    }

    @Test func wrapsCJKByWidthAndLatinAtSpaces() {
        // 13 wide characters, 12 columns a line = 6 characters a line.
        #expect(DOTText.wrap("长阳土家族自治县资丘镇商会", width: 12) == ["长阳土家族自", "治县资丘镇商", "会"])
        #expect(DOTText.wrap("Yichang tea company limited", width: 12) == ["Yichang tea", "company", "limited"])
        #expect(DOTText.wrap("abcdefghijklmnop", width: 6) == ["abcdef", "ghijkl", "mnop"])
        #expect(DOTText.wrap("short", width: 16) == ["short"])
        #expect(DOTText.wrap("", width: 16) == [""])
        #expect(DOTText.wrap("一\n二", width: 16) == ["一", "二"])
        // Mixed: "2 villages" kept together by a no-break space.
        #expect(DOTText.wrap("宜昌市 12\u{00A0}towns", width: 12) == ["宜昌市", "12\u{00A0}towns"])
    }
}
