/// Which number formats show a number as a date or time, and the ISO 8601 text of such a number.
///
/// A spreadsheet stores a date as a serial number of days (the fraction is the time of day) and marks
/// it only by the cell's number format. In the 1900 date system (the default) serial 1 is 1900-01-01
/// and, copying a Lotus 1-2-3 bug, serial 60 is the non-existent 1900-02-29, so from serial 61
/// (1900-03-01) on a day is serial − 25,569 days from 1970-01-01; in the 1904 system
/// (`<workbookPr date1904="1"/>`) serial 0 is 1904-01-01 (ECMA-376 Part 1, §18.17.4.1).
enum CellDates {
    /// What a date format shows.
    enum Kind: Sendable {
        case date
        case time
        case dateTime
    }

    /// The kind of a built-in number format (ECMA-376 Part 1, §18.8.30): 14–17 dates, 18–21 times,
    /// 22 date and time, 45–47 durations shown as times, and the East Asian built-ins (27–36, 50–58)
    /// that Chinese Excel uses for `yyyy"年"m"月"d"日"` and `h"时"mm"分"`.
    static func kind(builtin id: Int) -> Kind? {
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: return .date
        case 18...21, 32...35, 45...47, 55, 56: return .time
        case 22: return .dateTime
        default: return nil
        }
    }

    /// The kind of a custom format code, from its first section: `y`, `d` or a month `m` make it a
    /// date, `h`, `s` or an elapsed `[h]` a time; quoted text, `\`-escaped characters, `_`/`*` padding,
    /// bracketed colours and locales (`[Red]`, `[$-804]`, `[DBNum1]`) and `AM/PM` do not count. An `m`
    /// is a minute when the section has an hour or a second, else a month.
    ///
    /// - Complexity: O(length of the code).
    static func kind(formatCode code: String) -> Kind? {
        var hasDate = false, hasTime = false, hasMonthOrMinute = false
        var scalars = Array(code.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case ";": scalars = []
            case "\"":
                while let next = scalars.popFirst(), next != "\"" {}
            case "\\", "_", "*":
                _ = scalars.popFirst()
            case "[":
                var inside = ""
                while let next = scalars.popFirst(), next != "]" { inside.unicodeScalars.append(next) }
                if !inside.isEmpty, inside.lowercased().allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { hasTime = true }
            case "A", "a":
                // AM/PM and A/P are markers of a 12-hour time, not letters of the format.
                for marker in ["AM/PM", "A/P"] {
                    let text = String(String.UnicodeScalarView([scalar] + scalars.prefix(marker.unicodeScalars.count - 1)))
                    if text.uppercased() == marker { scalars = scalars.dropFirst(marker.unicodeScalars.count - 1); break }
                }
            case "G", "g":
                if String(String.UnicodeScalarView([scalar] + scalars.prefix(6))).lowercased() == "general" {
                    scalars = scalars.dropFirst(6)
                }
            case "y", "Y", "d", "D": hasDate = true
            case "h", "H", "s", "S": hasTime = true
            case "m", "M": hasMonthOrMinute = true
            default: break
            }
        }
        if hasMonthOrMinute && !hasTime { hasDate = true }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return nil
        }
    }

    /// The ISO 8601 text of serial `serial` shown as `kind`: `2024-03-01`, `2024-03-01T08:30:00`, or
    /// `08:30:00` (a time of day; a time format over a serial of a day or more gives date and time).
    /// Times are rounded to the second. `nil` for serials outside 0 ..< 2,958,466 (9999-12-31), which
    /// spreadsheets cannot show as dates either.
    static func iso(serial: Double, kind: Kind, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        let time = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        if kind == .time && days == 0 { return time }
        let date: String
        if !date1904 && days == 60 {
            date = "1900-02-29"
        } else {
            let sinceEpoch = date1904 ? days - 24_107 : days < 60 ? days - 25_568 : days - 25_569
            let (year, month, day) = civil(daysSinceEpoch: sinceEpoch)
            date = String(year) + "-" + pad(month) + "-" + pad(day)
        }
        return kind == .date ? date : date + "T" + time
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01 (Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", `civil_from_days`).
    static func civil(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
