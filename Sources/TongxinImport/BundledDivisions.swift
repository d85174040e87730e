import Foundation

/// The divisions table shipped with Tongxin: Hubei's province, prefectures, counties and towns with
/// their GB/T 2260 codes (`Graphs/sources/hubei-divisions.csv`, linked into this module's resources).
public enum BundledDivisions {
    /// The bundled table's path: in the resource bundle beside the executable, else in the source
    /// tree it was built from; `nil` when neither is there (a binary copied alone).
    public static var path: String? {
        let name = "hubei-divisions.csv"
        let candidates = [
            Bundle.main.bundlePath + "/Tongxin_TongxinImport.resources/" + name,
            Bundle.main.bundlePath + "/Tongxin_TongxinImport.resources/Resources/" + name,
            ((#filePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Resources/" + name)
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
