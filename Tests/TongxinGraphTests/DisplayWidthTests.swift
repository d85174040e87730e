import Testing
import TongxinGraph

@Suite struct DisplayWidthTests {
    @Test func wideNarrowAndZeroWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("湖北省") == 6)
        #expect(DisplayWidth.of("ｱＡ") == 3)  // halfwidth katakana 1, fullwidth A 2
        #expect(DisplayWidth.of("e\u{301}") == 1)  // a combining accent takes no column
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
        #expect(DisplayWidth.of("\t") == 0)
        #expect(DisplayWidth.of("한글") == 4)
    }
}
