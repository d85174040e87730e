import Testing
@testable import TongxinIO

@Suite struct JSONValueTests {
    @Test func compactKeepsKeyOrderAndNumberForms() {
        let value: JSONValue = ["b": 1, "a": 2.0, "c": 0.1, "d": 1e-7, "e": [true, nil, "湖北"], "f": [:], "g": []]
        #expect(value.serialized() == #"{"b":1,"a":2.0,"c":0.1,"d":1e-07,"e":[true,null,"湖北"],"f":{},"g":[]}"#)
    }

    @Test func prettyIndentsByTwo() {
        let value: JSONValue = ["measure": "degree", "nodes": [["id": "v1", "score": 2]]]
        #expect(
            value.serialized(pretty: true) == """
                {
                  "measure": "degree",
                  "nodes": [
                    {
                      "id": "v1",
                      "score": 2
                    }
                  ]
                }
                """)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        let value = JSONValue.string("a\"b\\c\nd\te\u{1}f/村")
        #expect(value.serialized() == #""a\"b\\c\nd\te\u0001f/村""#)
    }

    @Test func nonFiniteDoublesAreNull() {
        #expect(JSONValue.double(.infinity).serialized() == "null")
        #expect(JSONValue.double(.nan).serialized() == "null")
    }

    @Test func doublesRoundTripInShortestForm() throws {
        for number in [0.1, 1.0 / 3, 2.5e-300, 1e20, -0.0, 123456789.125] {
            let text = JSONValue.double(number).serialized()
            #expect(try JSONValue(parsing: text) == .double(number), "\(text)")
        }
    }

    @Test func parsesWhatItWrites() throws {
        let value: JSONValue = ["a": [1, -2, 3.5, "x\u{2028}y", ["z": false]], "b": nil, "c": "😀\u{0}"]
        #expect(try JSONValue(parsing: value.serialized(pretty: true)) == value)
        #expect(try JSONValue(parsing: #""\ud83d\ude00""#) == "😀")
    }

    @Test(arguments: [
        ("", "<input>:1:1: error: the text is empty"),
        ("[1,]", "<input>:1:4: error: expected a value, found ']'"),
        ("{\"a\" 1}", "<input>:1:6: error: expected ':' after the key, found '1'"),
        ("[01]", "<input>:1:2: error: a number must not have leading zeros"),
        ("\"\\ud800\"", "<input>:1:2: error: unpaired surrogate \\uD800"),
        ("[1]\n x", "<input>:2:2: error: expected the end of the text, found 'x'"),
        ("[\"ab", "<input>:1:2: error: unterminated string"),
        ("tru", "<input>:1:1: error: expected a value, found 't'")
    ])
    func syntaxErrorsArePositioned(text: String, message: String) {
        #expect(throws: DiagnosticList.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    /// Strings are scanned eight bytes at a time: a quote, backslash, control character or
    /// non-ASCII byte at every position of a word, and across word ends, is still found.
    @Test func stringsScannedByWordsFindEverySpecialByte() throws {
        for before in 0..<19 {
            let lead = String(repeating: "a", count: before)
            for (written, decoded) in [(#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), ("村", "村"), (#"\u6751"#, "村")] {
                for after in [0, 1, 7, 8, 9] {
                    let tail = String(repeating: "b", count: after)
                    let value = try JSONValue(parsing: "[\"\(lead)\(written)\(tail)\"]")
                    #expect(value == .array([.string(lead + decoded + tail)]), "\(before) \(written) \(after)")
                }
            }
            let control = "[\"\(lead)\u{1}bbbbbbbbb\"]"
            #expect(throws: DiagnosticList.self) { try JSONValue(parsing: control) }
            do throws(DiagnosticList) {
                _ = try JSONValue(parsing: control, file: "s.json")
            } catch {
                #expect(error.description == "s.json:1:\(before + 3): error: control character 0x1 in a string must be escaped")
            }
            let bytes = Array("[\"\(lead)".utf8) + [0xE6, 0x9D] + Array("bbbbbbbbb\"]".utf8)
            let failure = bytes.withUnsafeBufferPointer { buffer -> JSONScanner.Failure? in
                var scanner = JSONScanner(buffer)
                do throws(JSONScanner.Failure) {
                    _ = try scanner.readValue()
                    return nil
                } catch {
                    return error
                }
            }
            #expect(failure?.offset == before + 2 && failure?.message == "invalid UTF-8 byte 0xE6")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        do {
            _ = try JSONValue(parsing: text)
            Issue.record("parsed")
        } catch {
            #expect(error.description == "<input>:1:513: error: nested too deeply (more than 512 levels)")
        }
    }
}
