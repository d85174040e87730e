import Testing
@testable import TongxinReport

@Suite struct FormattingTests {
    @Test func groupedThousands() {
        #expect(Formatting.grouped(0) == "0")
        #expect(Formatting.grouped(999) == "999")
        #expect(Formatting.grouped(1898) == "1,898")
        #expect(Formatting.grouped(1_234_567) == "1,234,567")
        #expect(Formatting.grouped(-26000) == "-26,000")
    }

    @Test func percentages() {
        #expect(Formatting.percent(1) == "100.0%")
        #expect(Formatting.percent(0) == "0.0%")
        // 117 of 129 towns = 0.906976… → 90.7%.
        #expect(Formatting.percent(117.0 / 129.0) == "90.7%")
        #expect(Formatting.percent(0.00049) == "0.0%")
        #expect(Formatting.percent(0.0005) == "0.1%")
        #expect(Formatting.percent(nil) == "—")
        #expect(Formatting.percent(.nan) == "—")
    }

    @Test func significantDigits() {
        // 1,319 pairs among 1,173 × 1,319 possible = 1 / 1,173 = 0.000852514…
        #expect(Formatting.significant(1.0 / 1173.0) == "0.000853")
        #expect(Formatting.significant(12.345) == "12.3")
        #expect(Formatting.significant(0.5) == "0.500")
        #expect(Formatting.significant(1234.5) == "1235")
        #expect(Formatting.significant(0) == "0")
        #expect(Formatting.significant(-0.25, digits: 2) == "-0.25")
        #expect(Formatting.significant(0.123456, digits: 4) == "0.1235")
        #expect(Formatting.significant(nil) == "—")
    }

    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(Formatting.fixed(2.5, decimals: 0) == "3")
        #expect(Formatting.fixed(0.05, decimals: 2) == "0.05")
        #expect(Formatting.fixed(-0.001, decimals: 1) == "0.0")
        #expect(Formatting.fixed(7, decimals: 3) == "7.000")
    }

    @Test func rateBuckets() {
        #expect(Formatting.bucket(nil) == "qn")
        #expect(Formatting.bucket(0) == "qz")
        #expect(Formatting.bucket(0.001) == "q0")
        #expect(Formatting.bucket(0.49) == "q0")
        #expect(Formatting.bucket(0.5) == "q1")
        #expect(Formatting.bucket(0.9) == "q2")
        #expect(Formatting.bucket(0.99) == "q3")
        #expect(Formatting.bucket(1) == "q4")
    }

    @Test func sortKeysParseAsNumbers() {
        #expect(Formatting.sortKey(0.5) == "0.5")
        #expect(Formatting.sortKey(nil) == "")
        #expect(Double(Formatting.sortKey(1.0 / 3.0)) == 1.0 / 3.0)
    }
}
