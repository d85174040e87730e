import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV folder: `nodes.csv` (`id,kind,name,...`) and `edges.csv` (`source,target,kind,weight,...`),
/// each with a header row (DESIGN.md, "Files").
///
/// ```
/// nodes.csv                          edges.csv
/// id,kind,name,level,households      source,target,kind,weight,since
/// hb,region,湖北省,province,          v1,hb,within,,
/// v1,village,"一村, 新区",,120         e1,v1,paired_with,2.5,2019
/// ```
///
/// - Columns may come in any order; `id` (nodes) and `source`, `target` (edges) are required, `kind`,
///   `name` and `weight` optional. Every other column is an attribute, of one type for the whole
///   column: number when every non-empty cell is a number, bool when every one is `true` or `false`,
///   string otherwise. A header may fix the type as Neo4j's import does (`code:string`, `pop:number`,
///   `active:bool`); the writer does that where inference would guess wrong.
/// - An empty cell is an absent value; a quoted empty cell (`""`) is the empty string.
/// - Without `nodes.csv`, the nodes are the ids the edges name, kind `node`, in order of appearance.
/// - Files are UTF-8 (a byte-order mark is skipped) with `\n` or `\r\n` line ends; a GB18030/GBK
///   file (Excel on Chinese Windows) is decoded, with a warning.
///
/// The graph is named after the folder. Every problem is collected (up to ``DiagnosticList/limit``)
/// at `FILE:LINE:COL`.
///
/// - Complexity: O(bytes + V + E): one pass over each file, byte by byte.
public enum CSVReader {
    /// Reads the folder at `directory`.
    ///
    /// - Throws: ``DiagnosticList`` when the folder holds neither file, a file cannot be read, or for
    ///   every problem in their contents.
    public static func read(directory: String) throws(DiagnosticList) -> Graph {
        let folder = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let nodesPath = folder + "/nodes.csv", edgesPath = folder + "/edges.csv"
        let hasNodes = access(nodesPath, F_OK) == 0, hasEdges = access(edgesPath, F_OK) == 0
        guard hasNodes || hasEdges else {
            var status = stat()
            if stat(folder, &status) != 0 {
                throw AtomicFile.failure("cannot read '\(directory)': \(AtomicFile.systemError())")
            }
            throw AtomicFile.failure("'\(directory)' holds neither nodes.csv nor edges.csv (a CSV graph is a folder with both)")
        }
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        return try read(nodes: hasNodes ? InputFile.read(nodesPath) : nil,
                        edges: hasEdges ? InputFile.read(edgesPath) : nil, name: name)
    }

    /// Reads a graph from the contents of `nodes.csv` and `edges.csv` (either may be absent).
    public static func read(nodes: InputFile?, edges: InputFile?, name: String) throws(DiagnosticList) -> Graph {
        var builder = GraphBuilder(name: name)
        let nodeRows = nodes.map(Self.lineCount) ?? 0, edgeRows = edges.map(Self.lineCount) ?? 0
        builder.reserveCapacity(nodes: nodeRows, edges: edgeRows)
        var table = IDTable(capacity: nodes == nil ? edgeRows : nodeRows)
        if let nodes { try readFile(nodes, role: .nodes, into: &builder, table: &table) }
        if let edges { try readFile(edges, role: .edges, into: &builder, table: &table, nodesGiven: nodes != nil) }
        return try builder.build()
    }

    /// How many lines the file has, to reserve room: one `memchr` pass.
    static func lineCount(_ file: InputFile) -> Int {
        file.bytes.withUnsafeBufferPointer { buffer in
            var count = 0, start = 0
            while let newline = InputFile.find(0x0A, in: buffer, from: start) {
                count += 1
                start = newline + 1
            }
            return count
        }
    }

    enum Role {
        case nodes
        case edges
    }

    private static func readFile(_ file: InputFile, role: Role, into builder: inout GraphBuilder, table: inout IDTable,
                                 nodesGiven: Bool = true) throws(DiagnosticList) {
        let decoded = try TextDecoding.utf8(file)
        if let warning = decoded.warning { builder.warning(warning.message, at: nil) }
        let failure: CSVTokenizer.Failure? = decoded.bytes.withUnsafeBufferPointer { buffer in
            var reader = FileReader(tokenizer: CSVTokenizer(buffer, start: decoded.start), file: file.path)
            do throws(CSVTokenizer.Failure) {
                switch role {
                case .nodes: try reader.readNodes(into: &builder, table: &table)
                case .edges: try reader.readEdges(into: &builder, table: &table, addingNodes: !nodesGiven)
                }
                return nil
            } catch {
                builder.error(error.message, at: reader.locate(error.offset, inRecordAt: reader.tokenizer.recordLine,
                                                               reader.tokenizer.recordStart))
                return error
            }
        }
        if failure != nil { throw builder.diagnostics }
    }
}

/// The well-known column names and the type suffixes a header may carry.
enum CSVHeader {
    static let nodeColumns = ["id", "kind", "name"]
    static let edgeColumns = ["source", "target", "kind", "weight"]

    /// The attribute type a header suffix names (`:string`, `:int`, `:float`, `:number`, `:bool` …).
    static func type(suffix: Substring) -> AttributeType? {
        switch suffix.lowercased() {
        case "string", "str", "text": .string
        case "number", "int", "integer", "long", "float", "double": .number
        case "bool", "boolean": .bool
        default: nil
        }
    }

    /// Whether an untyped cell reads as a number: decimal digits with an optional sign, point and
    /// exponent (no `inf`, `nan` or hexadecimal), finite.
    static func number(_ text: Substring) -> AttributeValue? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 | 0x20 == 0x65 })
        else { return nil }
        return AttributeValue.parse(text, as: .number)
    }

    /// The type inferred for a column from its non-empty cells.
    static func infer(_ cells: some Sequence<Substring>) -> AttributeType {
        var allNumbers = true, allBools = true, any = false
        for cell in cells {
            any = true
            if allNumbers && number(cell) == nil { allNumbers = false }
            if allBools && cell != "true" && cell != "false" { allBools = false }
            if !allNumbers && !allBools { return .string }
        }
        return !any || allNumbers ? (any ? .number : .string) : .bool
    }
}

private struct FileReader {
    var tokenizer: CSVTokenizer
    let file: String
    var fields: [CSVTokenizer.Field] = []

    /// An attribute column: its position in the row, name and declared type.
    struct Extra {
        var field: Int
        var name: String
        var type: AttributeType?
    }

    init(tokenizer: CSVTokenizer, file: String) {
        self.tokenizer = tokenizer
        self.file = file
    }

    func locate(_ offset: Int, inRecordAt line: Int, _ start: Int) -> SourceLocation {
        tokenizer.location(of: offset, recordLine: line, recordStart: start, file: file)
    }

    /// Where field `index` of the current record starts.
    func here(_ index: Int) -> SourceLocation {
        let field = fields[index]
        return locate(field.start - (field.quoted ? 1 : 0), inRecordAt: tokenizer.recordLine, tokenizer.recordStart)
    }

    /// Reads the header row: the positions of `wanted` columns (`nil` when absent) and the extra ones.
    mutating func header(_ wanted: [String], required: [String], builder: inout GraphBuilder) throws(CSVTokenizer.Failure)
        -> (positions: [Int?], extras: [Extra], width: Int)?
    {
        guard try tokenizer.nextRecord(into: &fields) else {
            builder.error("the file is empty (expected a header row: \(wanted.joined(separator: ",")),...)",
                          at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        var positions = [Int?](repeating: nil, count: wanted.count)
        var extras: [Extra] = []
        var seen = Set<String>()
        var valid = true
        for index in fields.indices {
            var name = tokenizer.string(fields[index]).trimmingCharacters(in: .whitespaces)
            var type: AttributeType?
            if let colon = name.lastIndex(of: ":"), let declared = CSVHeader.type(suffix: name[name.index(after: colon)...]) {
                type = declared
                name = String(name[..<colon])
            }
            guard !name.isEmpty else {
                builder.error("column \(index + 1) has no name", at: here(index))
                valid = false
                continue
            }
            guard seen.insert(name).inserted else {
                builder.error("duplicate column '\(name)'", at: here(index))
                valid = false
                continue
            }
            if let known = wanted.firstIndex(of: name) {
                positions[known] = index
            } else {
                extras.append(Extra(field: index, name: name, type: type))
            }
        }
        for name in required where positions[wanted.firstIndex(of: name)!] == nil {
            builder.error("the header has no '\(name)' column (expected \(wanted.joined(separator: ",")),...)", at: here(0))
            valid = false
        }
        return valid ? (positions, extras, fields.count) : nil
    }

    /// Checks the current record's width against the header's.
    func rowFits(_ width: Int, builder: inout GraphBuilder) -> Bool {
        guard fields.count != width else { return true }
        builder.error("this row has \(fields.count) fields, the header has \(width)",
                      at: locate(tokenizer.recordStart, inRecordAt: tokenizer.recordLine, tokenizer.recordStart))
        return false
    }

    /// The text of an optional cell: `nil` for an absent column or an empty unquoted cell.
    func optional(_ index: Int?) -> CSVTokenizer.Field? {
        guard let index else { return nil }
        let field = fields[index]
        return field.start == field.end && !field.quoted ? nil : field
    }

    // MARK: Nodes

    mutating func readNodes(into builder: inout GraphBuilder, table: inout IDTable) throws(CSVTokenizer.Failure) {
        guard let (positions, extras, width) = try header(CSVHeader.nodeColumns, required: ["id"], builder: &builder) else { return }
        let idColumn = positions[0]!, kindColumn = positions[1], nameColumn = positions[2]
        var kinds = KindCache(fallback: NodeKind.generic)
        var rows = ExtraCells(count: extras.count)
        while try tokenizer.nextRecord(into: &fields) {
            guard rowFits(width, builder: &builder) else { continue }
            let idField = fields[idColumn]
            guard idField.end > idField.start else {
                builder.error("empty id", at: here(idColumn))
                continue
            }
            let id = tokenizer.string(idField)
            guard insert(id, into: &table) else {
                builder.error("duplicate node id '\(id)'", at: here(idColumn))
                continue
            }
            let kind = kinds.kind(optional(kindColumn), tokenizer)
            let name = optional(nameColumn).map { tokenizer.string($0) }
            let node = builder.addNode(id: id, kind: kind, name: name)!
            if !extras.isEmpty { rows.append(row: node, fields: fields, extras: extras, tokenizer: tokenizer) }
        }
        setAttributes(extras, rows) { builder.setAttribute($0, $1, ofNode: $2) } error: { builder.error($0, at: $1) }
    }

    // MARK: Edges

    mutating func readEdges(into builder: inout GraphBuilder, table: inout IDTable, addingNodes: Bool) throws(CSVTokenizer.Failure) {
        guard let (positions, extras, width) = try header(CSVHeader.edgeColumns, required: ["source", "target"], builder: &builder)
        else { return }
        let sourceColumn = positions[0]!, targetColumn = positions[1]!, kindColumn = positions[2], weightColumn = positions[3]
        var kinds = KindCache(fallback: EdgeKind.tie)
        var rows = ExtraCells(count: extras.count)
        while try tokenizer.nextRecord(into: &fields) {
            guard rowFits(width, builder: &builder) else { continue }
            var endpoints = (-1, -1)
            for column in [sourceColumn, targetColumn] {
                let field = fields[column]
                var node = find(field, in: table)
                if node == nil && addingNodes && field.end > field.start {
                    let id = tokenizer.string(field)
                    _ = insert(id, into: &table)
                    node = Int32(builder.addNode(id: id, kind: NodeKind.generic)!)
                }
                guard let node else {
                    let id = tokenizer.string(field), role = column == sourceColumn ? "source" : "target"
                    builder.error(id.isEmpty ? "empty edge \(role)" : "edge \(role) '\(id)' is not a node of the graph", at: here(column))
                    continue
                }
                if column == sourceColumn { endpoints.0 = Int(node) } else { endpoints.1 = Int(node) }
            }
            let kind = kinds.kind(optional(kindColumn), tokenizer)
            var weight = 1.0
            if let field = optional(weightColumn) {
                let text = tokenizer.string(field)
                guard let value = CSVHeader.number(Substring(text))?.number else {
                    builder.error("weight '\(text)' is not a number", at: here(weightColumn!))
                    continue
                }
                weight = value
            }
            guard endpoints.0 >= 0 && endpoints.1 >= 0 else { continue }
            let edge = builder.addEdge(from: endpoints.0, to: endpoints.1, kind: kind, weight: weight,
                                       at: kind == EdgeKind.within ? here(sourceColumn) : nil)
            if !extras.isEmpty { rows.append(row: edge, fields: fields, extras: extras, tokenizer: tokenizer) }
        }
        setAttributes(extras, rows) { builder.setAttribute($0, $1, ofEdge: $2) } error: { builder.error($0, at: $1) }
    }

    /// Adds the id to `table`; `false` when it is there already.
    func insert(_ id: String, into table: inout IDTable) -> Bool {
        var id = id
        return id.withUTF8 { table.insert(UnsafeRawBufferPointer($0)) == nil }
    }

    /// The index of the node a field names, straight from the field's bytes.
    @inline(__always)
    func find(_ field: CSVTokenizer.Field, in table: IDTable) -> Int32? {
        if field.hasEscapes {
            var id = tokenizer.string(field)
            return id.withUTF8 { table.find(UnsafeRawBufferPointer($0)) }
        }
        return table.find(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(tokenizer.bytes)[field.start..<field.end]))
    }

    // MARK: Attributes

    /// Types each extra column (declared, or inferred from its cells) and sets its values, column by
    /// column, so attribute columns keep the header's order.
    func setAttributes(_ extras: [Extra], _ rows: ExtraCells,
                       set: (String, AttributeValue, Int) -> Void, error: (String, SourceLocation) -> Void) {
        for (column, extra) in extras.enumerated() {
            let type = extra.type ?? CSVHeader.infer(rows.texts(column: column))
            for row in 0..<rows.owners.count {
                guard let text = rows.text(row: row, column: column) else { continue }
                let value = type == .number && extra.type == nil ? CSVHeader.number(text) : AttributeValue.parse(text, as: type)
                guard let value else {
                    let info = rows.records[row]
                    let location = tokenizer.location(of: rows.cells[row * rows.count + column].start,
                                                      recordLine: info.line, recordStart: info.start, file: file)
                    error("'\(text)' is not a \(type.rawValue) (column '\(extra.name)')", location)
                    continue
                }
                set(extra.name, value, rows.owners[row])
            }
        }
    }
}

/// The cells of the attribute columns, kept until every row is read so each column's type can be
/// inferred from all its cells.
private struct ExtraCells {
    let count: Int
    var cells: [CSVTokenizer.Field] = []
    /// The node or edge each row belongs to.
    var owners: [Int] = []
    /// Where each row starts, for error positions.
    var records: [(line: Int, start: Int)] = []
    /// The texts, decoded once.
    private var texts: [Substring?] = []

    init(count: Int) {
        self.count = count
    }

    mutating func append(row owner: Int, fields: [CSVTokenizer.Field], extras: [FileReader.Extra], tokenizer: CSVTokenizer) {
        owners.append(owner)
        records.append((tokenizer.recordLine, tokenizer.recordStart))
        for extra in extras {
            let field = fields[extra.field]
            cells.append(field)
            texts.append(field.start == field.end && !field.quoted ? nil : Substring(tokenizer.string(field)))
        }
    }

    func text(row: Int, column: Int) -> Substring? { texts[row * count + column] }

    func texts(column: Int) -> some Sequence<Substring> {
        stride(from: column, to: texts.count, by: count).lazy.compactMap { texts[$0] }
    }
}

/// Reuses the last kind's string while the kind column repeats (files list nodes and edges in runs of
/// one kind), so a row costs no string creation for its kind.
private struct KindCache {
    let fallback: String
    private var lastBytes: [UInt8] = []
    private var last = ""

    init(fallback: String) {
        self.fallback = fallback
    }

    mutating func kind(_ field: CSVTokenizer.Field?, _ tokenizer: CSVTokenizer) -> String {
        guard let field, field.end > field.start else { return fallback }
        if tokenizer.equals(field, lastBytes) { return last }
        last = tokenizer.string(field)
        lastBytes = Array(last.utf8)
        return last
    }
}
