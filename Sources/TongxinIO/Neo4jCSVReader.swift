import Foundation

/// Reads a folder in the CSV layout of `neo4j-admin database import`, as ``Neo4jCSVWriter`` writes
/// it and as Neo4j users prepare it: every `.csv` file of the folder, in name order, whose header
/// has an `:ID` field is a node file, and one with `:START_ID` and `:END_ID` a relationship file.
///
/// - Node files: the `:ID` field (`id:ID`, `:ID(Space)`) is the node's id; the first of its `:LABEL`
///   labels (`;`-separated) its kind, the others kept as the attribute `other_labels`; `name` its
///   name; every other field a property whose header type (`:long`, `:int`, `:double`, `:float`,
///   `:boolean`, `:string`; dates and arrays as their text) types it, untyped fields being strings.
///   An empty field is an absent property, `""` the empty string. Node ids are one namespace across ID
///   spaces (a Tongxin node has one id).
/// - Relationship files: `:START_ID` and `:END_ID` (with the ID space their node files declared)
///   name the endpoints, `:TYPE` the kind (default `tie`), `weight` the weight; other fields are
///   properties. A start or end id that is no node, or an ID space no node file declares, is an error
///   at its place. Fields typed `:IGNORE` are skipped.
///
/// - Complexity: O(bytes + V + E).
public enum Neo4jCSVReader {
    /// Whether `directory` holds a file named like a Neo4j node file (`nodes-*.csv`) and no plain
    /// CSV graph (`nodes.csv`, `edges.csv`).
    public static func looksLikeLayout(_ directory: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
        return !names.contains("nodes.csv") && !names.contains("edges.csv")
            && names.contains { $0.hasPrefix("nodes-") && $0.lowercased().hasSuffix(".csv") }
    }

    /// Reads the folder at `directory`.
    ///
    /// - Throws: ``DiagnosticList``: the folder cannot be listed, holds no node file, a file cannot be
    ///   read, or every problem in the files, each at `FILE:LINE:COL`.
    public static func read(directory: String) throws(DiagnosticList) -> Graph {
        let folder = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        } catch {
            throw AtomicFile.failure("cannot read '\(directory)': it is not a readable folder")
        }
        var files: [InputFile] = []
        for name in names { files.append(try InputFile.read(folder + "/" + name)) }
        return try read(files, name: folder.split(separator: "/").last.map(String.init) ?? folder)
    }

    /// Reads a graph from the contents of node and relationship files (told apart by their headers).
    public static func read(_ files: [InputFile], name: String) throws(DiagnosticList) -> Graph {
        var state = Neo4jState(builder: GraphBuilder(name: name))
        var relationshipFiles: [InputFile] = []
        for file in files {
            switch state.role(of: file) {
            case .nodes?: state.read(file, nodes: true)
            case .relationships?: relationshipFiles.append(file)
            case nil:
                state.builder.error(
                    "'\(file.path)' has neither an :ID field (a node file) nor :START_ID and :END_ID "
                        + "(a relationship file)", at: SourceLocation(file: file.path, line: 1, column: 1))
            }
        }
        if files.isEmpty { state.builder.error("no .csv files: a Neo4j import folder holds node and relationship files", at: nil) }
        for file in relationshipFiles { state.read(file, nodes: false) }
        return try state.builder.build()
    }
}

private struct Neo4jState {
    enum Role { case nodes, relationships }

    var builder: GraphBuilder
    /// The ID space of each node id read.
    var spaces: [String: String] = [:]
    /// The ID spaces node files declared.
    var declaredSpaces: Set<String> = []
    var reserved = ReservedKeys()

    /// What the header of `file` says it is.
    func role(of file: InputFile) -> Role? {
        let header = file.bytes.withUnsafeBufferPointer { buffer -> [String] in
            var tokenizer = CSVTokenizer(buffer, start: buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            var fields: [CSVTokenizer.Field] = []
            guard (try? tokenizer.nextRecord(into: &fields)) == true else { return [] }
            return fields.map(tokenizer.string)
        }
        let types = header.map { Self.split($0).type?.uppercased() }
        if types.contains(":ID") || types.contains("ID") { return .nodes }
        if types.contains("START_ID") && types.contains("END_ID") { return .relationships }
        return nil
    }

    /// A header field's name and type: `population:long` → (`population`, `long`); `:ID(Region)` →
    /// (``, `ID`, `Region`).
    static func split(_ field: String) -> (name: String, type: String?, space: String?) {
        guard let colon = field.lastIndex(of: ":") else { return (field, nil, nil) }
        var type = String(field[field.index(after: colon)...])
        var space: String?
        if let open = type.firstIndex(of: "("), type.hasSuffix(")") {
            space = String(type[type.index(after: open)..<type.index(before: type.endIndex)])
            type = String(type[..<open])
        }
        return (String(field[..<colon]), type, space)
    }

    /// One column of a file.
    enum Column {
        case id(space: String), label, start(space: String), end(space: String), type, ignored
        case property(name: String, type: AttributeType)
    }

    mutating func read(_ file: InputFile, nodes: Bool) {
        file.bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(buffer, start: buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            var fields: [CSVTokenizer.Field] = []
            func here(_ offset: Int) -> SourceLocation {
                tokenizer.location(of: offset, recordLine: tokenizer.recordLine, recordStart: tokenizer.recordStart, file: file.path)
            }
            do throws(CSVTokenizer.Failure) {
                guard try tokenizer.nextRecord(into: &fields) else { return }
                var columns: [Column] = []
                for field in fields {
                    let text = tokenizer.string(field)
                    let (name, type, space) = Self.split(text)
                    switch type?.uppercased() {
                    case "ID" where nodes:
                        columns.append(.id(space: space ?? ""))
                        declaredSpaces.insert(space ?? "")
                    case "LABEL" where nodes: columns.append(.label)
                    case "START_ID" where !nodes, "END_ID" where !nodes:
                        let space = space ?? ""
                        if !declaredSpaces.contains(space) {
                            let known = declaredSpaces.sorted().map { $0.isEmpty ? "the global space" : "'\($0)'" }.joined(separator: ", ")
                            builder.error(
                                "ID space '\(space.isEmpty ? "(global)" : space)' is declared by no node file (declared: "
                                    + "\(known.isEmpty ? "none" : known))", at: here(field.start))
                        }
                        columns.append(type!.uppercased() == "START_ID" ? .start(space: space) : .end(space: space))
                    case "TYPE" where !nodes: columns.append(.type)
                    case "IGNORE": columns.append(.ignored)
                    case nil:
                        columns.append(.property(name: text, type: .string))
                    case let suffix?:
                        if let attributeType = CSVHeader.type(suffix: suffix[...]) {
                            columns.append(.property(name: name, type: attributeType))
                        } else if ["DATE", "LOCALTIME", "TIME", "LOCALDATETIME", "DATETIME", "DURATION", "POINT", "CHAR", "SHORT", "BYTE"]
                            .contains(suffix) || suffix.hasSuffix("[]")
                        {
                            let number = suffix == "SHORT" || suffix == "BYTE"
                            columns.append(.property(name: name, type: number ? .number : .string))
                        } else {
                            builder.error(
                                "unknown field type ':\(type!)' in '\(text)' (expected long, double, boolean, string …)",
                                at: here(field.start))
                            columns.append(.ignored)
                        }
                    }
                }
                while try tokenizer.nextRecord(into: &fields) {
                    if fields.count != columns.count {
                        builder.error("\(fields.count) fields where the header has \(columns.count)", at: here(tokenizer.recordStart))
                        continue
                    }
                    nodes ? readNode(fields, columns, tokenizer, here) : readRelationship(fields, columns, tokenizer, here)
                }
            } catch {
                builder.error(error.message, at: here(error.offset))
            }
        }
    }

    /// The values of the property columns of a row.
    mutating func properties(
        _ fields: [CSVTokenizer.Field], _ columns: [Column], _ tokenizer: CSVTokenizer,
        _ here: (Int) -> SourceLocation
    ) -> [ReservedKeys.Value] {
        var values: [ReservedKeys.Value] = []
        for (field, column) in zip(fields, columns) {
            guard case .property(let name, let type) = column else { continue }
            guard field.quoted || field.end > field.start else { continue }
            let text = tokenizer.string(field)
            guard
                let value = AttributeValue.parseXML(type == .string ? text[...] : text.trimmingCharacters(in: .whitespaces)[...], as: type)
            else {
                builder.error("'\(text)' is not a valid \(type == .bool ? "boolean" : type.rawValue) for '\(name)'", at: here(field.start))
                continue
            }
            values.append((name, value, field.start))
        }
        return values
    }

    mutating func readNode(_ fields: [CSVTokenizer.Field], _ columns: [Column], _ tokenizer: CSVTokenizer, _ here: (Int) -> SourceLocation)
    {
        var id: (String, Int, String)?, labels: [String] = []
        var values: [ReservedKeys.Value] = []
        for (field, column) in zip(fields, columns) {
            switch column {
            case .id(let space): id = (tokenizer.string(field), field.start, space)
            case .label:
                labels = tokenizer.string(field).split(separator: ";").map(String.init)
                if let first = labels.first { values.append(("kind", .string(first), field.start)) }
                if labels.count > 1 { values.append(("other_labels", .string(labels.dropFirst().joined(separator: ";")), field.start)) }
            default: continue
            }
        }
        values += properties(fields, columns, tokenizer, here)
        guard let (identifier, offset, space) = id, !identifier.isEmpty else {
            builder.error("a node without an id", at: here(tokenizer.recordStart))
            return
        }
        let (kind, name, rest) = reserved.node(values, graphicsLabel: nil)
        for warning in reserved.takeWarnings() { builder.warning(warning.message, at: here(warning.offset)) }
        guard let node = builder.addNode(id: identifier, kind: kind, name: name, at: here(offset)) else { return }
        spaces[identifier] = space
        for (key, value, at) in rest { builder.setAttribute(key, value, ofNode: node, at: here(at)) }
    }

    mutating func readRelationship(
        _ fields: [CSVTokenizer.Field], _ columns: [Column], _ tokenizer: CSVTokenizer,
        _ here: (Int) -> SourceLocation
    ) {
        var source: (String, Int)?, target: (String, Int)?
        var values: [ReservedKeys.Value] = []
        var valid = true
        for (field, column) in zip(fields, columns) {
            switch column {
            case .start(let space), .end(let space):
                let id = tokenizer.string(field)
                guard let known = spaces[id] else {
                    let role = if case .start = column { "start" } else { "end" }
                    builder.error("relationship \(role) '\(id)' is not a node of the node files", at: here(field.start))
                    valid = false
                    continue
                }
                if known != space && declaredSpaces.contains(space) {
                    builder.error("'\(id)' is a node of ID space '\(known)', not '\(space)'", at: here(field.start))
                    valid = false
                }
                if case .start = column { source = (id, field.start) } else { target = (id, field.start) }
            case .type:
                if field.end > field.start { values.append(("kind", .string(tokenizer.string(field)), field.start)) }
            default: continue
            }
        }
        values += properties(fields, columns, tokenizer, here)
        guard valid, let (from, _) = source, let (to, _) = target else { return }
        let (kind, weight, rest) = reserved.edge(values, graphicsLabel: nil)
        for warning in reserved.takeWarnings() { builder.warning(warning.message, at: here(warning.offset)) }
        let edge = builder.addEdge(source: from, target: to, kind: kind, weight: weight, at: here(tokenizer.recordStart))
        for (key, value, at) in rest { builder.setAttribute(key, value, ofEdge: edge, at: here(at)) }
    }
}
