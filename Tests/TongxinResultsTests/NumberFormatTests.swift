import Testing
import TongxinResults

@Suite struct NumberFormatTests {
    @Test func groupedThousands() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(1898) == "1,898")
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormat.grouped(-26000) == "-26,000")
    }

    /// A rate below 1 never shows as 100%, one above 0 never as 0%: the report used to show
    /// 0.99996 as "100.0%", promising full coverage where a unit was missing.
    @Test func percentagesNeverPromiseAllOrNone() {
        #expect(NumberFormat.percent(1) == "100.00%")
        #expect(NumberFormat.percent(0) == "0.00%")
        #expect(NumberFormat.percent(0.99996) == "99.99%")
        #expect(NumberFormat.percent(0.00001) == "0.01%")
        #expect(NumberFormat.percent(0.99996, decimals: 1) == "99.9%")
        #expect(NumberFormat.percent(0.00049, decimals: 1) == "0.1%")
        // 117 of 129 towns = 0.906976… → 90.70%, 90.7%.
        #expect(NumberFormat.percent(117.0 / 129.0) == "90.70%")
        #expect(NumberFormat.percent(117.0 / 129.0, decimals: 1) == "90.7%")
        #expect(NumberFormat.percent(0.0005, decimals: 1) == "0.1%")
        #expect(NumberFormat.percent(0.5, decimals: 0) == "50%")
        #expect(NumberFormat.percent(nil) == "—")
        #expect(NumberFormat.percent(.nan) == "—")
    }

    @Test func significantDigits() {
        // 1,319 pairs among 1,173 × 1,319 possible = 1 / 1,173 = 0.000852514…
        #expect(NumberFormat.significant(1.0 / 1173.0, digits: 3) == "0.000853")
        #expect(NumberFormat.significant(12.345, digits: 3) == "12.3")
        #expect(NumberFormat.significant(0.5, digits: 3) == "0.5")
        #expect(NumberFormat.significant(0, digits: 3) == "0")
        #expect(NumberFormat.significant(-0.25, digits: 2) == "-0.25")
        #expect(NumberFormat.significant(0.123456, digits: 4) == "0.1235")
        #expect(NumberFormat.significant(0.5219780219780219, digits: 6) == "0.521978")
        #expect(NumberFormat.significant(1.5e-7, digits: 6) == "1.5e-07")
        #expect(NumberFormat.significant(nil, digits: 3) == "—")
    }

    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(NumberFormat.fixed(2.5, decimals: 0) == "3")
        #expect(NumberFormat.fixed(0.05, decimals: 2) == "0.05")
        #expect(NumberFormat.fixed(-0.001, decimals: 1) == "0.0")
        #expect(NumberFormat.fixed(7, decimals: 3) == "7.000")
    }

    @Test func pointsSignOnlyWhatIsShown() {
        #expect(NumberFormat.points(0.125) == "+12.50 pp")
        #expect(NumberFormat.points(-0.0025) == "-0.25 pp")
        #expect(NumberFormat.points(0.032, decimals: 1, unit: false) == "+3.2")
        #expect(NumberFormat.points(-0.0001, decimals: 1, unit: false) == "0.0")
        #expect(NumberFormat.points(0.0001, decimals: 1, unit: false) == "0.0")
        #expect(NumberFormat.points(0) == "0.00 pp")
        #expect(NumberFormat.points(-0.0) == "0.00 pp")
        #expect(NumberFormat.points(nil) == "—")
    }

    @Test func exactReadsBack() {
        #expect(NumberFormat.exact(0.1) == "0.1")
        #expect(NumberFormat.exact(2) == "2.0")
        #expect(NumberFormat.exact(1e-7) == "1e-07")
        #expect(NumberFormat.exact(.nan) == "NaN")
        #expect(NumberFormat.exact(-.infinity) == "-Infinity")
        #expect(Double(NumberFormat.exact(1.0 / 3.0)) == 1.0 / 3.0)
    }
}
