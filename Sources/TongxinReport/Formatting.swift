/// Number formats used everywhere on the page, the same in both languages and independent of the
/// machine's locale, so a report is byte-for-byte reproducible.
enum Formatting {
    /// An integer with thousands separators: `1898` → `1,898`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = value < 0 ? "-" : ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// A fraction as a percentage with one decimal: `0.9147` → `91.5%`; `nil` → `—`.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        return fixed(fraction * 100, decimals: 1) + "%"
    }

    /// `value` with `digits` significant digits in plain notation: `0.0011235` → `0.00112`,
    /// `12.345` → `12.3`, `0` → `0`.
    static func significant(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "—" }
        if value == 0 { return "0" }
        var exponent = 0
        var magnitude = value.magnitude
        while magnitude >= 10 { magnitude /= 10; exponent += 1 }
        while magnitude < 1 { magnitude *= 10; exponent -= 1 }
        return fixed(value, decimals: max(0, digits - 1 - exponent))
    }

    /// `value` rounded half away from zero to `decimals` places (at most 15), in plain notation.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = min(decimals, 15)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(value) }
        let whole = String(Int64(scaled))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - whole.count)) + whole
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }

    /// A machine-readable sort key for a number cell: plain decimal, empty for `nil`.
    static func sortKey(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(value)
    }

    /// The colour bucket of a coverage rate; the page's CSS gives each a colour, on a sequential
    /// scale so that a programme not run somewhere reads as absent (grey), not as an alarm.
    /// Buckets: none (`qz`), below 50%, below 80%, below 95%, below 100%, 100%; no units (`qn`).
    static func bucket(_ rate: Double?) -> String {
        guard let rate else { return "qn" }
        switch rate {
        case ...0: return "qz"
        case ..<0.5: return "q0"
        case ..<0.8: return "q1"
        case ..<0.95: return "q2"
        case ..<1: return "q3"
        default: return "q4"
        }
    }
}
