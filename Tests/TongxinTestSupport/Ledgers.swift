import Foundation

/// A folder of ledger files (a mapping and its sheets) written for one test, and the small
/// roster the importer and `tongxin import` tests share.
public struct Ledgers {
    public let folder: String

    /// Writes `files` (name → text) into a new temporary folder.
    public init(_ files: [String: String]) throws {
        folder = NSTemporaryDirectory() + "tongxin-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    }

    public static let mapping = """
        sheets:
          - file: roster.csv
            nodes:
              f: {kind: figure, key: [姓名, 联系电话], name: 姓名, attrs: {category: =统战联络员, phone: 联系电话}}
              v: {place: [市州, 县（市、区）, 乡镇（街道）, 村（社区）]}
            edges:
              - {source: f, target: v, kind: liaison_for}
        """

    public static let roster = """
        宜昌市村（社区）统战联络员名册,,,,,,
        序号,市州,县(市、区),"乡镇
        （街道）",村（社区）,姓名,联系电话
        1,宜昌,夷陵,小溪塔,新坪村,张三,13800000001
        2,宜昌,夷陵,小溪塔,新坪村,李四,13800000002
        3,宜昌,夷陵,小溪塔,旧坪社区,张三,13800000001
        4,宜昌市,长阳,龙舟坪镇,,,
        ,,,,,,
        """
}
