import TongxinGraph
import TongxinIO

/// A table of administrative divisions (`code,name,level,parent_code`, one row per division, parents
/// before or after their children) as the regions of a graph: ids are the codes, `level` is the
/// level, each division is `within` its parent. The importer resolves ledger place names against it.
public struct Divisions: Sendable {
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var level: String
        public var parent: String?
    }

    /// The divisions in table order.
    public let rows: [Row]
    /// The divisions as a graph of regions (and villages, when the table has 12-digit codes).
    public let graph: Graph

    /// Reads the table at `path` (a .csv in any encoding the CSV reader accepts, or a workbook).
    ///
    /// - Throws: ``DiagnosticList`` for a missing column, a level that is not a region level, an
    ///   unknown parent code, a duplicate code — each at its cell.
    public static func read(_ path: String) throws(DiagnosticList) -> Divisions {
        let sheets = try Workbook.read(path: path)
        guard let sheet = sheets.first else {
            throw DiagnosticList([Diagnostic(.error, "the divisions table is empty", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        var problems = DiagnosticList()
        var columns: [String: Int] = [:]
        for column in 1...max(1, sheet.columnCount) {
            if let header = sheet.value(row: 1, column: column).map(\.text) { columns[HeaderText.folded(header)] = column }
        }
        let wanted = ["code", "name", "level", "parent_code"]
        let missing = wanted.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            var problem = Diagnostic(
                .error, "the divisions table needs the columns code,name,level,parent_code; it lacks \(missing.joined(separator: ", "))",
                at: sheet.location(row: 1, column: 1))
            sheet.attachExcerpt(to: &problem)
            throw DiagnosticList([problem])
        }
        var rows: [Row] = []
        var builder = GraphBuilder(name: "divisions")
        for row in stride(from: 2, through: sheet.rowCount, by: 1) {
            func text(_ name: String) -> String {
                sheet.value(row: row, column: columns[name]!).map(\.text).map(PlaceNames.cleaned) ?? ""
            }
            let code = text("code"), name = text("name"), level = text("level"), parent = text("parent_code")
            if code.isEmpty && name.isEmpty { continue }
            let at = sheet.location(row: row, column: columns["code"]!)
            guard let canonical = PlaceNames.canonicalCode(code) else {
                problems.error("'\(code)' is not a division code of 2, 4, 6, 9 or 12 digits", at: at)
                continue
            }
            guard let regionLevel = RegionLevel(rawValue: level) else {
                problems.error(
                    "'\(level)' is not a level (\(RegionLevel.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: sheet.location(row: row, column: columns["level"]!))
                continue
            }
            let parentCode = parent.isEmpty ? nil : PlaceNames.canonicalCode(parent) ?? parent
            rows.append(Row(code: canonical, name: name, level: level, parent: parentCode))
            if regionLevel == .village {
                builder.addNode(id: canonical, kind: NodeKind.village, name: name, at: at)
            } else {
                builder.addNode(
                    id: canonical, kind: NodeKind.region, name: name,
                    attributes: [WellKnownAttribute.level: .string(level)], at: at)
            }
            if let parentCode { builder.addEdge(source: canonical, target: parentCode, kind: EdgeKind.within, at: at) }
        }
        for diagnostic in builder.diagnostics.diagnostics { problems.append(diagnostic) }
        if problems.hasErrors {
            problems.update(from: 0) { sheet.attachExcerpt(to: &$0) }
            throw problems
        }
        let graph = try builder.build()
        return Divisions(rows: rows, graph: graph)
    }
}
