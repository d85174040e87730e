import Testing
@testable import TongxinIO

@Suite struct InputFileTests {
    @Test func shortLinesAreShownWhole() throws {
        let file = InputFile(path: "f", bytes: Array("first\n  {\"id\": \"湖北\", \"x\": 1}\r\nlast".utf8))
        let excerpt = try #require(file.excerpt(line: 2, column: 16))
        #expect(excerpt.text == "  {\"id\": \"湖北\", \"x\": 1}")
        #expect(excerpt.caret == 15 && !excerpt.cutBefore && !excerpt.cutAfter)
        #expect(file.excerpt(line: 4, column: 1) == nil)
    }

    @Test func aHugeLineIsCutAroundTheCaret() throws {
        let line = String(repeating: "村", count: 5_000_000) + "!" + String(repeating: "x", count: 1000)
        let file = InputFile(path: "f", bytes: Array(line.utf8))
        let excerpt = try #require(file.excerpt(line: 1, column: 5_000_001, width: 20))
        #expect(excerpt.text == String(repeating: "村", count: 10) + "!" + String(repeating: "x", count: 9))
        #expect(excerpt.caret == 10 && excerpt.cutBefore && excerpt.cutAfter)
    }

    @Test func locationsCountScalarsAndLines() {
        let bytes = Array("ab\n湖北x\n\ny".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let locator = Locator(file: "f")
            #expect(locator.location(at: 9, in: buffer).description == "f:2:3")  // x
            #expect(locator.location(at: 12, in: buffer).description == "f:4:1")  // y
            #expect(locator.location(at: 1, in: buffer).description == "f:1:2")  // b, going back
            #expect(locator.location(at: 6, in: buffer).description == "f:2:2")  // 北
        }
    }

    @Test func utf8CheckFindsTheFirstBadByte() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii text here".utf8), nil), (Array("湖北省".utf8), nil),
            ([0x61, 0xC0, 0x80], 1),  // overlong
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // a surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            (Array("abcdefgh".utf8) + [0xE6, 0x9D], 8)  // truncated at the end
        ]
        for (bytes, expected) in cases {
            #expect(bytes.withUnsafeBufferPointer { UTF8Check.firstInvalid(in: $0, 0..<$0.count) } == expected, "\(bytes)")
        }
    }
}
