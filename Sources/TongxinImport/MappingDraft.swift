import Foundation
import TongxinGraph
import TongxinIO

/// A starting mapping guessed from ledgers' headers, for a person to edit: the usual Chinese column
/// names for places (市州, 县（市、区）, 乡镇（街道）, 村（社区）…), people (姓名, 联系电话), enterprises
/// (企业名称, 统一社会信用代码) and organizations (商会名称, 组织名称).
///
/// Per sheet: the header is the first of the top rows with two or more recognised columns; place
/// columns are ordered broad to narrow; when two groups of place columns exist (企业所在… and 结对…),
/// the first locates the named node and the second is the place it is paired with.
public enum MappingDraft {
    /// The level a place header names, by the words in it, or `nil`.
    static func placeLevel(_ header: String) -> Int? {
        let h = HeaderText.folded(header)
        if h.count > 12 || h.contains("代码") || h.contains("名称") || h.contains("电话") { return nil }
        if h.contains("村") || h.contains("社区") { return 4 }
        if h.contains("乡镇") || h.contains("街道") || h == "镇" || h == "乡" { return 3 }
        if h.contains("县") || h.hasSuffix("区") || h.contains("(市、区)") { return 2 }
        if h.contains("市州") || h.contains("地市") || h.contains("市(州)") || h == "市" || h == "州" { return 1 }
        if h == "省" || h.contains("省份") { return 0 }
        return nil
    }

    /// The node a name header stands for: (kind, the header) by the first match.
    static let nameHeaders: [(word: String, kind: String)] = [
        ("企业名称", NodeKind.enterprise), ("单位名称", NodeKind.enterprise), ("商会名称", NodeKind.organization),
        ("组织名称", NodeKind.organization), ("名称", NodeKind.organization), ("姓名", NodeKind.figure)
    ]

    /// Attribute names for the usual other columns.
    static let attributeHeaders: [(word: String, attribute: String)] = [
        ("信用代码", "credit_code"), ("电话", "phone"), ("手机", "phone"), ("职务", "title"), ("性别", "gender"),
        ("类别", "category"), ("类型", "type"), ("民族", "ethnicity"), ("项目数", "projects"), ("金额", "amount")
    ]

    /// The draft for `sheets`, as YAML text.
    public static func draft(_ sheets: [Worksheet], paths: [String: String]) -> String {
        var text = "# A starting mapping guessed from the headers: check every line, then run\n"
        text += "#   tongxin import THIS.yaml --out graph.json\n# The contract: Docs/DESIGN.md, \"Importing ledgers\".\nsheets:\n"
        for sheet in sheets {
            text += sheetDraft(sheet, file: paths[sheet.file] ?? sheet.file)
        }
        return text
    }

    static func sheetDraft(_ sheet: Worksheet, file: String) -> String {
        var headerRow = 0
        var headers: [String] = []
        for row in stride(from: 1, through: min(sheet.rowCount, SheetLayout.headerSearchRows), by: 1) {
            var cells: [String] = []
            for column in stride(from: 1, through: sheet.columnCount, by: 1) {
                // A merged title repeats across its cells: each distinct text once.
                if let text = sheet.value(row: row, column: column).map({ PlaceNames.cleaned($0.text) }), !text.isEmpty,
                    !cells.contains(text)
                {
                    cells.append(text)
                }
            }
            let known = cells.filter { header in
                placeLevel(header) != nil || nameHeaders.contains { header.contains($0.word) }
                    || attributeHeaders.contains { header.contains($0.word) }
            }
            if known.count >= 2 {
                headerRow = row
                headers = cells
                break
            }
        }
        var text = "  - file: \(scalar(file))\n    sheet: \(scalar(sheet.name))\n"
        guard headerRow > 0 else {
            return text
                + "    # no row of the first \(SheetLayout.headerSearchRows) names usual columns: write nodes and edges by hand\n    nodes: {}\n"
        }
        text += "    header: \(headerRow)\n    nodes:\n"
        // Place columns in groups: a new group starts when the level does not grow.
        var groups: [[String]] = []
        var lastLevel = Int.max
        for header in headers {
            guard let level = placeLevel(header) else { continue }
            if level <= lastLevel { groups.append([]) }
            groups[groups.count - 1].append(header)
            lastLevel = level
        }
        let named = headers.lazy.compactMap { header in nameHeaders.first { header.contains($0.word) }.map { (header, $0.kind) } }.first
        var attributes: [(String, String)] = []
        for header in headers where placeLevel(header) == nil && header != named?.0 {
            if let attribute = attributeHeaders.first(where: { header.contains($0.word) })?.attribute,
                !attributes.contains(where: { $0.0 == attribute })
            {
                attributes.append((attribute, header))
            }
        }
        let list = { (items: [String]) in "[" + items.map(scalar).joined(separator: ", ") + "]" }
        if let (nameHeader, kind) = named {
            let variable = String(kind.prefix(1))
            var key = [nameHeader]
            if let credit = attributes.first(where: { $0.0 == "credit_code" }) {
                key = [credit.1]
            } else if let phone = attributes.first(where: { $0.0 == "phone" }) {
                key.append(phone.1)
            }
            var line = "      \(variable): {kind: \(kind), key: \(list(key)), name: \(scalar(nameHeader))"
            if groups.count >= 2 || (groups.count == 1 && kind != NodeKind.figure) { line += ", place: \(list(groups[0]))" }
            if !attributes.isEmpty { line += ", attrs: {" + attributes.map { "\($0.0): \(scalar($0.1))" }.joined(separator: ", ") + "}" }
            text += line + "}\n"
            let target = groups.count >= 2 ? groups[1] : (kind == NodeKind.figure ? groups.first : nil)
            if let target {
                let edgeKind = groups.count >= 2 ? EdgeKind.pairedWith : EdgeKind.liaisonFor
                text += "      p: {place: \(list(target))}\n    edges:\n"
                text += "      - {source: \(variable), target: p, kind: \(edgeKind)}   # or another edge kind (DOMAIN.md)\n"
            }
        } else if let places = groups.first {
            text += "      p: {place: \(list(places))}\n"
        } else {
            text += "      # no name or place columns recognised among: \(headers.joined(separator: ", "))\n"
        }
        return text
    }

    /// `text` as a YAML scalar: plain when that reads back the same, else single-quoted.
    static func scalar(_ text: String) -> String {
        let anywhere: Set<Unicode.Scalar> = [":", "#", "[", "]", "{", "}", ",", "'", "\""]
        let leading: Set<Unicode.Scalar> = ["&", "*", "!", "|", ">", "%", "@", "`", "=", "-", "?"]
        let plain =
            !text.isEmpty && !text.unicodeScalars.contains { anywhere.contains($0) || $0.value < 0x20 }
            && !leading.contains(text.unicodeScalars.first!) && text.first != " " && text.last != " " && Double(text) == nil
            && !["true", "false", "null", "yes", "no", "~"].contains(text.lowercased())
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
