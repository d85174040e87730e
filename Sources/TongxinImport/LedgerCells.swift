import TongxinGraph
import TongxinIO

/// A cell's value as the text a person sees: numbers without a spurious `.0` (a phone stored as a
/// number reads 13807170001), dates as ISO text.
enum CellText {
    static func text(_ value: SheetValue) -> String {
        switch value {
        case .text(let text): return text
        case .date(let iso): return iso
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
            return number.description
        }
    }
}

/// Headers as written in ledgers, folded so that the mapping's spelling matches: blanks and line
/// breaks removed, full-width brackets and colons made ASCII (`县（市、区）` = `县(市、区)` = `县（市、\n区）`).
enum HeaderText {
    static let folds: [Unicode.Scalar: Unicode.Scalar] = ["（": "(", "）": ")", "［": "[", "］": "]", "【": "[", "】": "]", "：": ":"]

    static func folded(_ text: String) -> String {
        var result = ""
        for scalar in PlaceNames.cleaned(text).unicodeScalars { result.unicodeScalars.append(folds[scalar] ?? scalar) }
        return result
    }
}

/// Where a cell is, for messages: `FILE:SHEET!D17`.
enum LedgerCell {
    static func location(_ sheet: Worksheet, row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: sheet.file, sheet: sheet.name, row: row, column: column)
    }

    /// The cell's A1 reference (D17).
    static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var rest = column
        while rest > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + letters
            rest = (rest - 1) / 26
        }
        return "\(letters)\(row)"
    }
}
