import Foundation

/// The number formats of every table, page and sheet Tongxin shows: one rule for each kind of
/// number, independent of the machine's locale, so outputs are byte-for-byte reproducible.
///
/// ```swift
/// NumberFormat.grouped(1898)                      // "1,898"
/// NumberFormat.percent(0.99996)                   // "99.99%" (below 1 never shows as 100%)
/// NumberFormat.percent(117.0 / 129.0, decimals: 1) // "90.7%"
/// NumberFormat.significant(1.0 / 1173.0, digits: 3) // "0.000853"
/// ```
public enum NumberFormat {
    /// An integer with thousands separators: `1898` → `1,898`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = value < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// A fraction as a percentage with `decimals` places, rounded half away from zero, except that a
    /// fraction below 1 never shows as 100% and one above 0 never as 0%: "100.00%" promises that
    /// every unit is covered, and a reader acts on that promise. `nil` or not finite → `—`.
    ///
    /// `percent(0.99996)` is `99.99%`, `percent(0.00001)` is `0.01%`, `percent(1)` is `100.00%`.
    public static func percent(_ fraction: Double?, decimals: Int = 2) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        let decimals = min(max(decimals, 0), 12)
        let scale = power10(decimals + 2)
        var steps = (fraction.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        if fraction.magnitude < 1 { steps = min(steps, scale - 1) }
        if fraction.magnitude > 0 { steps = max(steps, 1) }
        return (fraction < 0 ? "-" : "") + point(steps, decimals: decimals) + "%"
    }

    /// `value` with at most `digits` significant digits, trailing zeros dropped, in plain notation
    /// unless it is below 10⁻⁴ or has more than `digits` integer digits (C's `%g`): `0.0011235` → `0.00112`
    /// with 3 digits, `0.5` → `0.5`, `1.5e-07` → `1.5e-07`. `nil` → `—`.
    public static func significant(_ value: Double?, digits: Int) -> String {
        guard let value else { return "—" }
        return String(format: "%.\(max(digits, 1))g", value)
    }

    /// A change in a rate as signed percentage points with `decimals` places (`+12.50 pp`, `-0.25 pp`),
    /// without the unit when `unit` is false (`+12.5`); a change that rounds to zero has no sign
    /// (`0.00 pp`, never `-0.00` or `+0.00`); `nil` → `—`.
    public static func points(_ change: Double?, decimals: Int = 2, unit: Bool = true) -> String {
        guard let change, change.isFinite else { return "—" }
        let digits = fixed((change * 100).magnitude, decimals: decimals)
        let sign = digits.contains(where: { $0 != "0" && $0 != "." }) ? (change > 0 ? "+" : "-") : ""
        return sign + digits + (unit ? " pp" : "")
    }

    /// `value` rounded half away from zero to `decimals` places (at most 12), in plain notation.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = min(max(decimals, 0), 12)
        let scaled = (value.magnitude * power10(decimals)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(value) }
        return (value < 0 && scaled != 0 ? "-" : "") + point(scaled, decimals: decimals)
    }

    /// A double exactly, in the shortest form that reads back to it (`0.1`, `2.0`, `1e-07`), as
    /// CSV cells and machine-readable keys hold it; `NaN`, `Infinity`, `-Infinity`.
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    private static func power10(_ exponent: Int) -> Double {
        var scale = 1.0
        for _ in 0..<exponent { scale *= 10 }
        return scale
    }

    /// A whole number of `10^-decimals` steps, written with a decimal point.
    private static func point(_ steps: Double, decimals: Int) -> String {
        let whole = String(Int64(steps))
        guard decimals > 0 else { return whole }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - whole.count)) + whole
        return padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }
}
