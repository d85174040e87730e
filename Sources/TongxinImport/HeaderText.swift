import TongxinGraph

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
