import Foundation
import Testing
import TongxinGraph
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
        #expect(NumberFormat.significant(9.9996, digits: 4) == "10")
        #expect(NumberFormat.significant(123456, digits: 3) == "1.23e+05")
        #expect(NumberFormat.significant(2.5, digits: 1) == "2")
        #expect(NumberFormat.significant(-.infinity, digits: 3) == "-inf")
    }

    /// The formatter without `String(format:)` agrees with C's `%g` (which rounds the exact binary
    /// value) on 200,000 seeded values across magnitudes, on ties and on carries.
    @Test func significantEqualsPrintfG() {
        var random = SplitMix64(seed: 12)
        var values: [Double] = [0.5, 1.5, 2.5, 0.125, 0.0011235, 9.5, 99.95, 0.00099995, 1e-5, 1e15, 123456789012345678]
        for _ in 0..<200_000 {
            let bits = random.next()
            switch bits % 4 {
            case 0: values.append(Double(bitPattern: random.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x3000_0000_0000_0000))
            case 1: values.append(Double(random.next() % 100_000) / Double(1 << (random.next() % 20)))
            case 2: values.append(Double(random.next() % 10_000_000) / 1e6)
            default: values.append(Double(random.next() >> 11) / Double(1 << 53))
            }
        }
        var mismatches: [String] = []
        for (index, value) in values.enumerated() {
            let signed = index % 3 == 0 ? -value : value
            let digits = 1 + index % 15
            let expected = String(format: "%.\(digits)g", signed)
            let got = NumberFormat.significant(signed, digits: digits)
            if got != expected && mismatches.count < 5 { mismatches.append("\(signed) %.\(digits)g: \(got) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
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
