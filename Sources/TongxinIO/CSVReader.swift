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
        let files = try files(in: directory)
        return try read(nodes: files.nodes, edges: files.edges, name: files.name)
    }

    /// The two files of the CSV folder `directory` (either may be absent, not both) and the graph's
    /// name (the folder's).
    static func files(in directory: String) throws(DiagnosticList) -> (nodes: InputFile?, edges: InputFile?, name: String) {
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
        return (hasNodes ? try InputFile.read(nodesPath) : nil, hasEdges ? try InputFile.read(edgesPath) : nil, name)
    }

    /// Reads a graph from the contents of `nodes.csv` and `edges.csv` (either may be absent).
    public static func read(nodes: InputFile?, edges: InputFile?, name: String) throws(DiagnosticList) -> Graph {
        try read(nodes: nodes, edges: edges, name: name, threadsAbove: 8 << 20)
    }

    /// - Parameter threadsAbove: files larger than this many bytes are read with two threads
    ///   (tests lower it to cover that path with small files).
    static func read(nodes: InputFile?, edges: InputFile?, name: String, threadsAbove: Int) throws(DiagnosticList) -> Graph {
        var builder = GraphBuilder(name: name)
        let nodeRows = nodes.map(Self.lineCount) ?? 0, edgeRows = edges.map(Self.lineCount) ?? 0
        // Room for the nodes is made by `readNodes`, which hands the builder its id table.
        builder.reserveCapacity(nodes: 0, edges: edgeRows)
        var table = IDTable(capacity: nodes == nil ? edgeRows : nodeRows)
        if let nodes { try readFile(nodes, role: .nodes(rows: nodeRows), into: &builder, table: &table, threadsAbove: threadsAbove) }
        if let edges {
            try readFile(edges, role: .edges, into: &builder, table: &table, nodesGiven: nodes != nil, threadsAbove: threadsAbove)
        }
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
        /// `rows`: how many rows to make room for.
        case nodes(rows: Int)
        case edges
    }

    private static func readFile(
        _ file: InputFile, role: Role, into builder: inout GraphBuilder, table: inout IDTable,
        nodesGiven: Bool = true, threadsAbove: Int
    ) throws(DiagnosticList) {
        let decoded = try TextDecoding.utf8(file)
        if let warning = decoded.warning { builder.warning(warning.message, at: nil) }
        let failure: CSVTokenizer.Failure? = decoded.bytes.withUnsafeBufferPointer { buffer in
            var reader = FileReader(tokenizer: CSVTokenizer(buffer, start: decoded.start), file: file.path, threadsAbove: threadsAbove)
            do throws(CSVTokenizer.Failure) {
                switch role {
                case .nodes(let rows): try reader.readNodes(into: &builder, table: &table, expectedRows: rows)
                case .edges: try reader.readEdges(into: &builder, table: &table, addingNodes: !nodesGiven)
                }
                return nil
            } catch {
                builder.error(
                    error.message,
                    at: reader.locate(
                        error.offset, inRecordAt: reader.tokenizer.recordLine,
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
        guard !text.isEmpty,
            text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 | 0x20 == 0x65 })
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

    /// Files larger than this are read with two threads.
    var threadsAbove: Int

    init(tokenizer: CSVTokenizer, file: String, threadsAbove: Int) {
        self.tokenizer = tokenizer
        self.file = file
        self.threadsAbove = threadsAbove
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
            builder.error(
                "the file is empty (expected a header row: \(wanted.joined(separator: ",")),...)",
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
        builder.error(
            "this row has \(fields.count) fields, the header has \(width)",
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

    /// Reads the node rows into the builder. Each id is hashed once, into `table`, which the
    /// builder then takes as its id index. For a large file the table is filled on a second thread
    /// meanwhile, from its own pass over the id column, skipping the same rows (wrong width, empty
    /// id), so its indices are the builder's; should that pass meet a repeated id, the rows are read
    /// again on one thread, which reports it in its place.
    mutating func readNodes(into builder: inout GraphBuilder, table: inout IDTable, expectedRows: Int) throws(CSVTokenizer.Failure) {
        let (restart, before) = (tokenizer, builder)
        // After the copy above, so the arrays reserved are this builder's own, not shared with it.
        builder.reserveCapacity(nodes: expectedRows, edges: 0, indexingIDs: false)
        guard let (positions, extras, width) = try header(CSVHeader.nodeColumns, required: ["id"], builder: &builder) else { return }
        let idColumn = positions[0]!, kindColumn = positions[1], nameColumn = positions[2]
        var kinds = KindCache(fallback: NodeKind.generic)
        var rows = ExtraCells(count: extras.count)
        let helper = tokenizer.bytes.count - tokenizer.position > threadsAbove ? TableFiller(table: table) : nil
        let group = DispatchGroup()
        if let helper {
            let start = UncheckedTokenizer(tokenizer: tokenizer)
            DispatchQueue.global().async(group: group) { helper.fill(from: start.tokenizer, idColumn: idColumn, width: width) }
        }
        // The helper reads the buffer, which is valid only while this function runs.
        defer { group.wait() }
        while try tokenizer.nextRecord(into: &fields) {
            guard rowFits(width, builder: &builder) else { continue }
            let idField = fields[idColumn]
            guard idField.end > idField.start else {
                builder.error("empty id", at: here(idColumn))
                continue
            }
            let id = tokenizer.string(idField)
            if helper == nil {
                guard IDTable.insert(idField, into: &table, tokenizer) == nil else {
                    builder.error("duplicate node id '\(id)'", at: here(idColumn))
                    continue
                }
            }
            let kind = kinds.kind(optional(kindColumn), tokenizer)
            let name = optional(nameColumn).map { tokenizer.string($0) }
            let node = builder.appendNode(id: id, kind: kind, name: name)
            if !extras.isEmpty { rows.append(row: node, fields: fields, extras: extras, tokenizer: tokenizer) }
        }
        if let helper {
            group.wait()
            if helper.repeated {
                (tokenizer, builder, threadsAbove) = (restart, before, .max)
                return try readNodes(into: &builder, table: &table, expectedRows: expectedRows)
            }
            table = helper.table
        }
        builder.adoptIDs(table)
        setAttributes(extras, rows) {
            builder.setAttribute($0, $1, ofNode: $2)
        } error: {
            builder.error($0, at: $1)
        }
    }

    // MARK: Edges

    /// Reads the edge rows — on two threads when the file is large and has no quoted fields (so a
    /// line break always ends a row and the file can be cut at one) — then adds them in file order.
    mutating func readEdges(into builder: inout GraphBuilder, table: inout IDTable, addingNodes: Bool) throws(CSVTokenizer.Failure) {
        guard let (positions, extras, width) = try header(CSVHeader.edgeColumns, required: ["source", "target"], builder: &builder)
        else { return }
        let columns = EdgeColumns(
            source: positions[0]!, target: positions[1]!, kind: positions[2], weight: positions[3],
            width: width, extras: extras)
        let bytes = tokenizer.bytes, start = tokenizer.position, file = self.file
        var cuts = [(start: start, line: tokenizer.line)]
        if !addingNodes && bytes.count - start > threadsAbove && InputFile.find(UInt8(ascii: "\""), in: bytes, from: start) == nil,
            let newline = InputFile.find(0x0A, in: bytes, from: start + (bytes.count - start) / 2), newline + 1 < bytes.count
        {
            var lines = 0, scan = start
            while let next = InputFile.find(0x0A, in: UnsafeBufferPointer(rebasing: bytes[..<(newline + 1)]), from: scan) {
                lines += 1
                scan = next + 1
            }
            cuts.append((newline + 1, tokenizer.line + lines))
        }
        let ends = cuts.dropFirst().map(\.start) + [bytes.count]
        var chunks = [EdgeRows](repeating: EdgeRows(extras: extras.count), count: cuts.count)
        if cuts.count == 1 {
            var chunkTokenizer = CSVTokenizer(bytes, start: start, line: cuts[0].line)
            chunks[0].read(&chunkTokenizer, columns, table: &table, addingNodes: addingNodes, file: file)
        } else {
            let shared = SharedInput(bytes: bytes)
            let frozen = table, parts = cuts
            chunks.withUnsafeMutableBufferPointer { results in
                let output = SharedOutput(results: results)
                DispatchQueue.concurrentPerform(iterations: cuts.count) { chunk in
                    var chunkTokenizer = CSVTokenizer(
                        UnsafeBufferPointer(rebasing: shared.bytes[..<ends[chunk]]),
                        start: parts[chunk].start, line: parts[chunk].line)
                    var lookup = frozen
                    output.results[chunk].read(&chunkTokenizer, columns, table: &lookup, addingNodes: false, file: file)
                }
            }
        }
        var rows = ExtraCells(count: extras.count)
        for chunk in chunks {
            for id in chunk.newNodes { builder.addNode(id: id, kind: NodeKind.generic) }
            for diagnostic in chunk.diagnostics.diagnostics { builder.error(diagnostic.message, at: diagnostic.location) }
            let base = builder.edgeCount
            var within = chunk.withinLocations.makeIterator(), nextWithin = within.next()
            for row in chunk.sources.indices {
                var location: SourceLocation?
                if let (withinRow, place) = nextWithin, withinRow == row {
                    location = place
                    nextWithin = within.next()
                }
                builder.addEdge(
                    from: Int(chunk.sources[row]), to: Int(chunk.targets[row]), kind: chunk.kindNames[Int(chunk.kinds[row])],
                    weight: chunk.weights?[row] ?? 1, at: location)
            }
            rows.append(contentsOf: chunk.extras, ownerOffset: base)
        }
        setAttributes(extras, rows) {
            builder.setAttribute($0, $1, ofEdge: $2)
        } error: {
            builder.error($0, at: $1)
        }
    }

    // MARK: Attributes

    /// Types each extra column (declared, or inferred from its cells) and sets its values, column by
    /// column, so attribute columns keep the header's order.
    func setAttributes(
        _ extras: [Extra], _ rows: ExtraCells,
        set: (String, AttributeValue, Int) -> Void, error: (String, SourceLocation) -> Void
    ) {
        for (column, extra) in extras.enumerated() {
            let type = extra.type ?? CSVHeader.infer(rows.texts(column: column))
            for row in 0..<rows.owners.count {
                guard let text = rows.text(row: row, column: column) else { continue }
                let value = type == .number && extra.type == nil ? CSVHeader.number(text) : AttributeValue.parse(text, as: type)
                guard let value else {
                    let info = rows.records[row]
                    let location = tokenizer.location(
                        of: rows.cells[row * rows.count + column].start,
                        recordLine: info.line, recordStart: info.start, file: file)
                    error("'\(text)' is not a \(type.rawValue) (column '\(extra.name)')", location)
                    continue
                }
                set(extra.name, value, rows.owners[row])
            }
        }
    }
}

/// The columns of `edges.csv`.
private struct EdgeColumns: Sendable {
    var source: Int
    var target: Int
    var kind: Int?
    var weight: Int?
    var width: Int
    var extras: [FileReader.Extra]
}

/// The edge rows of one part of `edges.csv`, resolved to node indices, with the problems found in it.
private struct EdgeRows {
    var sources: [Int32] = []
    var targets: [Int32] = []
    /// Indices into ``kindNames``.
    var kinds: [Int32] = []
    var kindNames: [String] = []
    /// `nil` while every weight is 1.
    var weights: [Double]?
    /// Where each `within` edge's row is (by row), for hierarchy errors.
    var withinLocations: [(row: Int, location: SourceLocation)] = []
    var diagnostics = DiagnosticList()
    var extras: ExtraCells
    /// Nodes first named here (when there is no `nodes.csv`), in order.
    var newNodes: [String] = []

    init(extras: Int) {
        self.extras = ExtraCells(count: extras)
    }

    /// Reads rows until the tokenizer's end; a malformed quoted field ends the part with an error.
    mutating func read(_ tokenizer: inout CSVTokenizer, _ columns: EdgeColumns, table: inout IDTable, addingNodes: Bool, file: String) {
        var fields: [CSVTokenizer.Field] = []
        var kindCache = KindCache(fallback: EdgeKind.tie)
        var lastKind = -1
        func here(_ column: Int) -> SourceLocation {
            let field = fields[column]
            return tokenizer.location(
                of: field.start - (field.quoted ? 1 : 0), recordLine: tokenizer.recordLine,
                recordStart: tokenizer.recordStart, file: file)
        }
        while true {
            do throws(CSVTokenizer.Failure) {
                guard try tokenizer.nextRecord(into: &fields) else { return }
            } catch {
                diagnostics.error(
                    error.message,
                    at: tokenizer.location(
                        of: error.offset, recordLine: tokenizer.recordLine,
                        recordStart: tokenizer.recordStart, file: file))
                return
            }
            guard fields.count == columns.width else {
                diagnostics.error(
                    "this row has \(fields.count) fields, the header has \(columns.width)",
                    at: tokenizer.location(
                        of: tokenizer.recordStart, recordLine: tokenizer.recordLine,
                        recordStart: tokenizer.recordStart, file: file))
                continue
            }
            var endpoints: (Int32, Int32) = (-1, -1)
            for endpoint in 0..<2 {
                let isSource = endpoint == 0
                let column = isSource ? columns.source : columns.target
                let field = fields[column]
                var node: Int32?
                if addingNodes && field.end > field.start {
                    // One hash: the id's index, or a new node for an id not seen before.
                    node = IDTable.insert(field, into: &table, tokenizer)
                    if node == nil {
                        node = Int32(table.count - 1)
                        newNodes.append(tokenizer.string(field))
                    }
                } else {
                    node = IDTable.find(field, in: table, tokenizer)
                }
                guard let node else {
                    let id = tokenizer.string(field), role = isSource ? "source" : "target"
                    diagnostics.error(
                        id.isEmpty ? "empty edge \(role)" : "edge \(role) '\(id)' is not a node of the graph", at: here(column))
                    continue
                }
                if isSource { endpoints.0 = node } else { endpoints.1 = node }
            }
            var weight = 1.0
            if let column = columns.weight, fields[column].end > fields[column].start || fields[column].quoted {
                let text = tokenizer.string(fields[column])
                guard let value = CSVHeader.number(Substring(text))?.number else {
                    diagnostics.error("weight '\(text)' is not a number", at: here(column))
                    continue
                }
                weight = value
            }
            guard endpoints.0 >= 0 && endpoints.1 >= 0 else { continue }
            let kind = kindCache.kind(columns.kind.map { fields[$0] }, tokenizer)
            if lastKind < 0 || kindNames[lastKind] != kind {
                lastKind = kindNames.firstIndex(of: kind) ?? kindNames.count
                if lastKind == kindNames.count { kindNames.append(kind) }
            }
            if kind == EdgeKind.within { withinLocations.append((sources.count, here(columns.source))) }
            if weight != 1 && weights == nil { weights = [Double](repeating: 1, count: sources.count) }
            weights?.append(weight)
            sources.append(endpoints.0)
            targets.append(endpoints.1)
            kinds.append(Int32(lastKind))
            if !columns.extras.isEmpty {
                extras.append(row: sources.count - 1, fields: fields, extras: columns.extras, tokenizer: tokenizer)
            }
        }
    }
}

/// Fills an id table from the id column of `nodes.csv` on a second thread (see `readNodes`).
private final class TableFiller: @unchecked Sendable {
    var table: IDTable
    /// Whether an id was met twice.
    var repeated = false

    init(table: IDTable) {
        self.table = table
    }

    func fill(from start: CSVTokenizer, idColumn: Int, width: Int) {
        var tokenizer = start
        var fields: [CSVTokenizer.Field] = []
        while (try? tokenizer.nextRecord(into: &fields)) == true {
            let field = fields[idColumn]
            guard fields.count == width, field.end > field.start else { continue }
            if IDTable.insert(field, into: &table, tokenizer) != nil { repeated = true }
        }
    }
}

/// A tokenizer handed to the table-filling thread; the buffer it reads outlives that thread.
private struct UncheckedTokenizer: @unchecked Sendable {
    let tokenizer: CSVTokenizer
}

/// The input buffer and the per-part results, handed to the two reading threads: each thread reads
/// the buffer and writes only its own result slot.
private struct SharedInput: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

private struct SharedOutput: @unchecked Sendable {
    let results: UnsafeMutableBufferPointer<EdgeRows>
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

    /// Appends another part's cells, its owners shifted by `ownerOffset`.
    mutating func append(contentsOf other: ExtraCells, ownerOffset: Int) {
        cells += other.cells
        owners += other.owners.map { $0 + ownerOffset }
        records += other.records
        texts += other.texts
    }

    func text(row: Int, column: Int) -> Substring? { texts[row * count + column] }

    func texts(column: Int) -> some Sequence<Substring> {
        stride(from: column, to: texts.count, by: count).lazy.compactMap { texts[$0] }
    }
}

extension IDTable {
    /// The index of the node a CSV field names, straight from the field's bytes.
    @inline(__always)
    static func find(_ field: CSVTokenizer.Field, in table: IDTable, _ tokenizer: CSVTokenizer) -> Int32? {
        if field.hasEscapes {
            var id = tokenizer.string(field)
            return id.withUTF8 { table.find(UnsafeRawBufferPointer($0)) }
        }
        return table.find(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(tokenizer.bytes)[field.start..<field.end]))
    }

    /// Adds the id a CSV field names, straight from the field's bytes (one hash, as
    /// ``insert(_:)-(UnsafeRawBufferPointer)``): the index it already had, or `nil` when it is new.
    @inline(__always)
    static func insert(_ field: CSVTokenizer.Field, into table: inout IDTable, _ tokenizer: CSVTokenizer) -> Int32? {
        if field.hasEscapes {
            var id = tokenizer.string(field)
            return id.withUTF8 { table.insert(UnsafeRawBufferPointer($0)) }
        }
        return table.insert(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(tokenizer.bytes)[field.start..<field.end]))
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
