#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a graph as the CSV layout of `neo4j-admin database import` (Neo4j's bulk importer), with a
/// `LOAD CSV` script for a running Neo4j and a `COPY FROM` script for Kùzu, all in one folder:
///
/// - `nodes-KIND.csv` per node kind: `id:ID,:LABEL,name,` then the attributes any node of that kind
///   has, typed in the header (`population:long`, `share:double`, `active:boolean`; strings untyped).
/// - `relationships-KIND-FROM-TO.csv` per edge kind and the kinds of its endpoints:
///   `:START_ID,:END_ID,:TYPE,` then `weight:double` (when the graph has weights) and the attributes
///   any edge of that kind has. (One file per pair of endpoint kinds, because a Kùzu `COPY` into a
///   relationship table names them; Neo4j takes any number of files.)
/// - `import.cypher`: the `neo4j-admin` command line in a comment, then a uniqueness constraint per
///   label and one `LOAD CSV WITH HEADERS … CREATE` per file, for Neo4j's `cypher-shell`.
/// - `kuzu.cypher`: `CREATE NODE TABLE` per kind (`id` the primary key, `kind` the label, `name`,
///   the attributes), `CREATE REL TABLE` per edge kind with every `FROM … TO …` pair, and a `COPY`
///   per file, for Kùzu run in this folder.
///
/// Numbers are `long` when every value of the kind is an integer, else `double`. A kind in a file
/// name keeps letters and digits of any script, `_` and `.`; other characters are written `%XX`.
/// ``Neo4jCSVReader`` reads the folder back to the same graph, grouped by kind (nodes and edges of
/// one kind keep their order); the graph's name and metadata have no place in the layout.
///
/// - Complexity: O(V + E + number of attribute values); each file is streamed and written atomically.
public enum Neo4jCSVWriter {
    /// The script files written beside the CSV files.
    public static let cypherScript = "import.cypher", kuzuScript = "kuzu.cypher"

    /// One CSV file: its name, the kind, the rows it holds, and its typed property columns.
    struct File {
        var name: String
        var kind: String
        var endpoints: (from: String, to: String)?
        var rows: [Int]
        var columns: [(column: Int, type: String)]
    }

    /// Writes the folder `directory`, creating it when needed.
    ///
    /// - Throws: ``DiagnosticList`` when the folder cannot be created or a file cannot be written.
    public static func write(_ graph: Graph, toDirectory directory: String) throws(DiagnosticList) {
        if mkdir(directory, 0o777) != 0 && errno != EEXIST {
            throw AtomicFile.failure("cannot create folder '\(directory)': \(AtomicFile.systemError())")
        }
        let folder = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let (nodeFiles, relationshipFiles) = layout(graph)
        for file in nodeFiles {
            try AtomicFile.write(to: folder + "/" + file.name) { (sink: inout ByteSink) throws(DiagnosticList) in
                writeNodes(graph, file, to: &sink)
            }
        }
        for file in relationshipFiles {
            try AtomicFile.write(to: folder + "/" + file.name) { (sink: inout ByteSink) throws(DiagnosticList) in
                writeRelationships(graph, file, to: &sink)
            }
        }
        try AtomicFile.write(cypher(graph, nodeFiles, relationshipFiles), to: folder + "/" + cypherScript)
        try AtomicFile.write(kuzu(graph, nodeFiles, relationshipFiles), to: folder + "/" + kuzuScript)
    }

    /// The files of `graph`: one per node kind, one per edge kind and endpoint kinds, in first-seen order.
    static func layout(_ graph: Graph) -> (nodes: [File], relationships: [File]) {
        var nodeRows: [[Int]] = Array(repeating: [], count: graph.nodeKinds.count)
        for node in 0..<graph.nodeCount { nodeRows[Int(graph.nodeKindIndices[node])].append(node) }
        let nodes = graph.nodeKinds.indices.filter { !nodeRows[$0].isEmpty }.map { kind in
            File(
                name: "nodes-\(fileName(graph.nodeKinds[kind])).csv", kind: graph.nodeKinds[kind], rows: nodeRows[kind],
                columns: typedColumns(graph.nodeAttributes, rows: nodeRows[kind]))
        }
        var groups: [String: Int] = [:]
        var relationships: [File] = []
        var kindColumns: [Int32: [(column: Int, type: String)]] = [:]
        var edgesOfKind: [[Int]] = Array(repeating: [], count: graph.edgeKinds.count)
        for edge in 0..<graph.edgeCount { edgesOfKind[Int(graph.edgeKindIndices[edge])].append(edge) }
        for edge in 0..<graph.edgeCount {
            let kindIndex = graph.edgeKindIndices[edge]
            let kind = graph.edgeKinds[Int(kindIndex)]
            let from = graph.kind(of: graph.source(of: edge)), to = graph.kind(of: graph.target(of: edge))
            let key = "\(kind)\u{0}\(from)\u{0}\(to)"
            if let index = groups[key] {
                relationships[index].rows.append(edge)
                continue
            }
            if kindColumns[kindIndex] == nil {
                kindColumns[kindIndex] = typedColumns(graph.edgeAttributes, rows: edgesOfKind[Int(kindIndex)])
            }
            groups[key] = relationships.count
            relationships.append(
                File(
                    name: "relationships-\(fileName(kind))-\(fileName(from))-\(fileName(to)).csv", kind: kind,
                    endpoints: (from, to), rows: [edge], columns: kindColumns[kindIndex]!))
        }
        return (nodes, relationships)
    }

    /// The attribute columns some row of `rows` has, with their Neo4j types.
    static func typedColumns(_ attributes: AttributeColumns, rows: [Int]) -> [(column: Int, type: String)] {
        attributes.names.indices.compactMap { column in
            var present = false, integers = true
            for row in rows {
                guard let value = attributes.value(column: column, at: row) else { continue }
                present = true
                if case .double = value { integers = false }
            }
            guard present else { return nil }
            switch attributes.types[column] {
            case .string: return (column, "string")
            case .bool: return (column, "boolean")
            case .number: return (column, integers ? "long" : "double")
            }
        }
    }

    /// A kind as part of a file name: letters, digits, `_` and `.` kept, other bytes as `%XX`.
    static func fileName(_ kind: String) -> String {
        var name = ""
        for character in kind {
            if character.isLetter || character.isNumber || character == "_" || (character == "." && !name.isEmpty) {
                name.append(character)
            } else {
                for byte in String(character).utf8 { name += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            }
        }
        return name.isEmpty ? "%" : name
    }

    /// The header name of a property: untyped for strings (unless the name holds a `:`).
    static func header(_ name: String, _ type: String) -> String {
        type == "string" && !name.contains(":") ? name : "\(name):\(type)"
    }

    static func writeNodes(_ graph: Graph, _ file: File, to sink: inout ByteSink) {
        var fields = ["id:ID", ":LABEL", "name"]
        for (column, type) in file.columns { fields.append(header(graph.nodeAttributes.names[column], type)) }
        writeHeader(fields, to: &sink)
        for node in file.rows {
            CSVField.append(graph.ids[node], to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            CSVField.append(file.kind, to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            if let name = graph.names[node] { CSVField.append(name, to: &sink.buffer, quotingEmpty: true) }
            appendValues(graph.nodeAttributes, file.columns, row: node, to: &sink.buffer)
            sink.buffer.append(0x0A)
            sink.flushIfFull()
        }
    }

    static func writeRelationships(_ graph: Graph, _ file: File, to sink: inout ByteSink) {
        var fields = [":START_ID", ":END_ID", ":TYPE"]
        if graph.weights != nil { fields.append("weight:double") }
        for (column, type) in file.columns { fields.append(header(graph.edgeAttributes.names[column], type)) }
        writeHeader(fields, to: &sink)
        for edge in file.rows {
            CSVField.append(graph.ids[graph.source(of: edge)], to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            CSVField.append(graph.ids[graph.target(of: edge)], to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            CSVField.append(file.kind, to: &sink.buffer, quotingEmpty: true)
            if graph.weights != nil {
                sink.buffer.append(UInt8(ascii: ","))
                JSONText.appendDouble(graph.weight(of: edge), to: &sink.buffer)
            }
            appendValues(graph.edgeAttributes, file.columns, row: edge, to: &sink.buffer)
            sink.buffer.append(0x0A)
            sink.flushIfFull()
        }
    }

    static func writeHeader(_ fields: [String], to sink: inout ByteSink) {
        for (index, field) in fields.enumerated() {
            if index > 0 { sink.buffer.append(UInt8(ascii: ",")) }
            CSVField.append(field, to: &sink.buffer, quotingEmpty: true)
        }
        sink.buffer.append(0x0A)
    }

    static func appendValues(_ attributes: AttributeColumns, _ columns: [(column: Int, type: String)], row: Int, to output: inout [UInt8]) {
        for (column, _) in columns {
            output.append(UInt8(ascii: ","))
            switch attributes.value(column: column, at: row) {
            case nil: break
            case .string(let text): CSVField.append(text, to: &output, quotingEmpty: true)
            case .int(let value): output.append(contentsOf: String(value).utf8)
            case .double(let value): JSONText.appendDouble(value, to: &output)
            case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
            }
        }
    }

    // MARK: Scripts

    /// A name in backticks for Cypher (Neo4j and Kùzu): a backtick inside is doubled.
    static func quoted(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// A Cypher string literal in single quotes.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// The Cypher expression converting a `LOAD CSV` field of `type`.
    static func conversion(_ field: String, _ type: String) -> String {
        let value = "row.\(quoted(field))"
        switch type {
        case "long": return "toInteger(\(value))"
        case "double": return "toFloat(\(value))"
        case "boolean": return "toBoolean(\(value))"
        default: return value
        }
    }

    static func cypher(_ graph: Graph, _ nodes: [File], _ relationships: [File]) -> String {
        var script = """
            // Tongxin graph '\(graph.name)' for Neo4j: \(graph.nodeCount) nodes, \(graph.edgeCount) relationships.
            // Bulk import into a new, empty database (files in this folder):
            //   neo4j-admin database import full \(nodes.map { "--nodes=\($0.name)" }.joined(separator: " ")) \
            \(relationships.map { "--relationships=\($0.name)" }.joined(separator: " ")) neo4j
            // Or load into a running database: copy the CSV files into its import folder, then
            //   cypher-shell -f import.cypher

            """
        for file in nodes {
            script += "CREATE CONSTRAINT IF NOT EXISTS FOR (n:\(quoted(file.kind))) REQUIRE n.id IS UNIQUE;\n"
        }
        for file in nodes {
            var properties = ["id: row.`id:ID`", "name: row.name"]
            for (column, type) in file.columns {
                let name = graph.nodeAttributes.names[column]
                properties.append("\(quoted(name)): \(conversion(header(name, type), type))")
            }
            script += "LOAD CSV WITH HEADERS FROM \(literal("file:///" + file.name)) AS row\n"
            script += "CREATE (:\(quoted(file.kind)) {\(properties.joined(separator: ", "))});\n"
        }
        for file in relationships {
            var properties: [String] = []
            if graph.weights != nil { properties.append("weight: toFloat(row.`weight:double`)") }
            for (column, type) in file.columns {
                let name = graph.edgeAttributes.names[column]
                properties.append("\(quoted(name)): \(conversion(header(name, type), type))")
            }
            script += "LOAD CSV WITH HEADERS FROM \(literal("file:///" + file.name)) AS row\n"
            script +=
                "MATCH (a:\(quoted(file.endpoints!.from)) {id: row.`:START_ID`}), (b:\(quoted(file.endpoints!.to)) {id: row.`:END_ID`})\n"
            script += "CREATE (a)-[:\(quoted(file.kind))\(properties.isEmpty ? "" : " {\(properties.joined(separator: ", "))}")]->(b);\n"
        }
        return script
    }

    /// Kùzu's column type for a Neo4j type.
    static func kuzuType(_ type: String) -> String {
        switch type {
        case "long": "INT64"
        case "double": "DOUBLE"
        case "boolean": "BOOLEAN"
        default: "STRING"
        }
    }

    static func kuzu(_ graph: Graph, _ nodes: [File], _ relationships: [File]) -> String {
        var script = """
            // Tongxin graph '\(graph.name)' for Kùzu: run in this folder, e.g.
            //   kuzu DATABASE < kuzu.cypher   or   conn.execute(open('kuzu.cypher').read()) in Python.
            // Columns follow the CSV files in order: the node label is 'kind', the relationship type 'kind'.

            """
        for file in nodes {
            var columns = ["id STRING", "kind STRING", "name STRING"]
            for (column, type) in file.columns { columns.append("\(quoted(graph.nodeAttributes.names[column])) \(kuzuType(type))") }
            script += "CREATE NODE TABLE \(quoted(file.kind))(\(columns.joined(separator: ", ")), PRIMARY KEY (id));\n"
        }
        var declared: Set<String> = []
        for file in relationships where declared.insert(file.kind).inserted {
            let group = relationships.filter { $0.kind == file.kind }
            var columns = group.map { "FROM \(quoted($0.endpoints!.from)) TO \(quoted($0.endpoints!.to))" }
            columns.append("kind STRING")
            if graph.weights != nil { columns.append("weight DOUBLE") }
            for (column, type) in file.columns { columns.append("\(quoted(graph.edgeAttributes.names[column])) \(kuzuType(type))") }
            script += "CREATE REL TABLE \(quoted(file.kind))(\(columns.joined(separator: ", ")));\n"
        }
        for file in nodes {
            script += "COPY \(quoted(file.kind)) FROM \(literal(file.name)) (header=true);\n"
        }
        for file in relationships {
            script +=
                "COPY \(quoted(file.kind)) FROM \(literal(file.name)) (from=\(literal(file.endpoints!.from)), "
                + "to=\(literal(file.endpoints!.to)), header=true);\n"
        }
        return script
    }
}
