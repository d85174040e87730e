import Testing
@testable import TongxinReport

@Suite struct PageComponentsTests {
    @Test func rateBuckets() {
        #expect(PageComponents.bucket(nil) == "qn")
        #expect(PageComponents.bucket(0) == "qz")
        #expect(PageComponents.bucket(0.001) == "q0")
        #expect(PageComponents.bucket(0.49) == "q0")
        #expect(PageComponents.bucket(0.5) == "q1")
        #expect(PageComponents.bucket(0.9) == "q2")
        #expect(PageComponents.bucket(0.99) == "q3")
        #expect(PageComponents.bucket(1) == "q4")
    }

    @Test func sortKeysParseAsNumbers() {
        #expect(PageComponents.sortKey(0.5) == "0.5")
        #expect(PageComponents.sortKey(nil) == "")
        #expect(Double(PageComponents.sortKey(1.0 / 3.0)) == 1.0 / 3.0)
    }
}
