#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a graph as a CSV folder, `nodes.csv` (`id,kind,name,...`) and `edges.csv`
/// (`source,target,kind,weight,...`), which ``CSVReader`` reads back to the same graph (name and
/// metadata aside: the folder has no place for them).
///
/// Fields are quoted by ``CSVField`` (RFC 4180), an empty string too (an empty unquoted cell means
/// "absent"). Doubles keep a fraction or exponent (`2.0`, `1e-07`) so
/// they read back as doubles; integral weights are written as integers. A string column whose values
/// would all read as numbers or bools gets a `:string` type in its header (`code:string`).
///
/// - Complexity: O(V + E + number of attribute values); output is streamed.
public enum CSVWriter {
    /// Writes `nodes.csv` and `edges.csv` into `directory`, creating it when needed; each file is
    /// written atomically.
    ///
    /// - Throws: ``DiagnosticList`` when the folder cannot be created or a file cannot be written.
    public static func write(_ graph: Graph, toDirectory directory: String) throws(DiagnosticList) {
        if mkdir(directory, 0o777) != 0 && errno != EEXIST {
            throw AtomicFile.failure("cannot create folder '\(directory)': \(AtomicFile.systemError())")
        }
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        try AtomicFile.write(to: folder + "/nodes.csv") { (sink: inout ByteSink) throws(DiagnosticList) in writeNodes(graph, to: &sink) }
        try AtomicFile.write(to: folder + "/edges.csv") { (sink: inout ByteSink) throws(DiagnosticList) in writeEdges(graph, to: &sink) }
    }

    /// The text of `nodes.csv`.
    public static func writeNodes(_ graph: Graph, to sink: inout ByteSink) {
        let attributes = graph.nodeAttributes
        writeHeader(CSVHeader.nodeColumns, attributes, to: &sink)
        for node in 0..<graph.nodeCount {
            CSVField.append(graph.ids[node], to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            CSVField.append(graph.kind(of: node), to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            if let name = graph.names[node] { CSVField.append(name, to: &sink.buffer, quotingEmpty: true) }
            appendAttributes(attributes, row: node, to: &sink.buffer)
            sink.buffer.append(0x0A)
            sink.flushIfFull()
        }
    }

    /// The text of `edges.csv`.
    public static func writeEdges(_ graph: Graph, to sink: inout ByteSink) {
        let attributes = graph.edgeAttributes
        writeHeader(CSVHeader.edgeColumns, attributes, to: &sink)
        for edge in 0..<graph.edgeCount {
            CSVField.append(graph.ids[graph.source(of: edge)], to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            CSVField.append(graph.ids[graph.target(of: edge)], to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            CSVField.append(graph.kind(ofEdge: edge), to: &sink.buffer, quotingEmpty: true)
            sink.buffer.append(UInt8(ascii: ","))
            let weight = graph.weight(of: edge)
            if weight == weight.rounded() && abs(weight) < 1e15 {
                sink.buffer.append(contentsOf: String(Int(weight)).utf8)
            } else {
                JSONText.appendDouble(weight, to: &sink.buffer)
            }
            appendAttributes(attributes, row: edge, to: &sink.buffer)
            sink.buffer.append(0x0A)
            sink.flushIfFull()
        }
    }

    private static func writeHeader(_ fixed: [String], _ attributes: AttributeColumns, to sink: inout ByteSink) {
        sink.write(fixed.joined(separator: ","))
        for (column, name) in attributes.names.enumerated() {
            sink.buffer.append(UInt8(ascii: ","))
            let type = attributes.types[column]
            let values = (0..<attributes.count).lazy.compactMap { attributes.value(column: column, at: $0)?.description[...] }
            let header = type == .string && CSVHeader.infer(values) != .string ? name + ":string" : name
            CSVField.append(header, to: &sink.buffer, quotingEmpty: true)
        }
        sink.buffer.append(0x0A)
    }

    private static func appendAttributes(_ attributes: AttributeColumns, row: Int, to output: inout [UInt8]) {
        for column in attributes.names.indices {
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
}

/// Quoting of one CSV field (RFC 4180), the one quoter of the package: graph files and result
/// tables both write through it.
///
/// A field is quoted when it holds `,` `"` `\r` or `\n`, or starts or ends with a space (which a
/// reader may trim); quotes inside are doubled. Graph files also quote an empty string, because an
/// empty unquoted cell there means "absent".
///
/// ```swift
/// CSVField.quoted("a,b")   // "\"a,b\""
/// CSVField.quoted(" x")    // "\" x\""
/// ```
///
/// - Complexity: O(n) in the field's UTF-8 bytes.
public enum CSVField {
    /// `text` as a field of a result table: an empty string stays empty, and text a spreadsheet
    /// would run as a formula is neutralised by a leading `'` (``CSVInjection``; graph folders are
    /// written exactly, for round trips).
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        append(CSVInjection.neutralized(text), to: &output, quotingEmpty: false)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as one field, quoted when needed; `quotingEmpty` quotes an empty string too.
    public static func append(_ text: String, to output: inout [UInt8], quotingEmpty: Bool) {
        var text = text
        text.withUTF8 { bytes in
            let space = UInt8(ascii: " ")
            let needsQuotes =
                (bytes.isEmpty && quotingEmpty) || bytes.first == space || bytes.last == space
                || bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { output.append(contentsOf: bytes); return }
            output.append(UInt8(ascii: "\""))
            for byte in bytes {
                output.append(byte)
                if byte == UInt8(ascii: "\"") { output.append(byte) }
            }
            output.append(UInt8(ascii: "\""))
        }
    }
}
