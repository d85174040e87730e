/// A syntax error a tokenizer throws: where (a byte offset) and what.
protocol SyntaxFailure: Error {
    var offset: Int { get }
    var message: String { get }
}

extension JSONScanner.Failure: SyntaxFailure {}
extension XMLTokenizer.Failure: SyntaxFailure {}
extension CSVTokenizer.Failure: SyntaxFailure {}

/// What the JSON and GraphML readers share: a builder that collects diagnostics, and offsets turned
/// into `FILE:LINE:COL` by a ``Locator``. A syntax error stops the document; everything else is
/// collected until ``GraphBuilder/build()``.
protocol DocumentReader {
    associatedtype Failure: SyntaxFailure
    var buffer: UnsafeBufferPointer<UInt8> { get }
    var locator: Locator { get set }
    var builder: GraphBuilder { get set }
    mutating func readDocument() throws(Failure)
}

extension DocumentReader {
    func location(_ offset: Int) -> SourceLocation { locator.location(at: offset, in: buffer) }

    /// The reader's offset-to-place translation on its own, so a place can be handed to the
    /// reader's ``GraphBuilder`` lazily (the builder evaluates it only for an error or a `within`
    /// edge) without the closure reaching into the reader while its builder is being changed.
    var places: Places { Places(locator: locator, buffer: buffer) }

    mutating func error(_ message: String, at offset: Int) {
        builder.error(message, at: location(offset))
    }

    /// Reads the document and builds the graph, or returns every diagnostic found.
    mutating func read() -> Result<Graph, DiagnosticList> {
        do throws(Failure) {
            try readDocument()
        } catch {
            builder.error(error.message, at: location(error.offset))
            return .failure(builder.diagnostics)
        }
        do throws(DiagnosticList) {
            return .success(try builder.build())
        } catch {
            return .failure(error)
        }
    }
}

extension AttributeColumns {
    /// Whether a number column holds only integers (so formats with separate integer and float types
    /// can declare it an integer).
    func holdsOnlyIntegers(column: Int) -> Bool {
        (0..<count).allSatisfy {
            if case .double = value(column: column, at: $0) { return false }
            return true
        }
    }
}

extension AttributeValue {
    /// Parses an XML attribute value (GraphML `<data>`, GEXF `<attvalue>`) as `type`: booleans as XML
    /// Schema writes them (`true`, `false`, `1`, `0`, any case), numbers and strings as
    /// ``AttributeValue/parse(_:as:)`` does.
    static func parseXML(_ text: Substring, as type: AttributeType) -> AttributeValue? {
        if type == .bool {
            switch text.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        }
        return AttributeValue.parse(text, as: type)
    }
}

/// Byte offsets of one document to `FILE:LINE:COL` (``DocumentReader/places``).
struct Places {
    let locator: Locator
    let buffer: UnsafeBufferPointer<UInt8>

    func at(_ offset: Int) -> SourceLocation { locator.location(at: offset, in: buffer) }
}

/// A reader of one single-file graph format.
public protocol GraphReader {
    /// Reads the graph in `file`.
    ///
    /// - Throws: ``DiagnosticList`` with every problem found, each at `FILE:LINE:COL`.
    static func read(_ file: InputFile) throws(DiagnosticList) -> Graph
}

extension GraphReader {
    /// Reads a graph from text; `file` names it in diagnostics.
    public static func read(text: String, file: String = "<input>") throws(DiagnosticList) -> Graph {
        try read(InputFile(path: file, bytes: Array(text.utf8)))
    }
}

/// A writer of one graph format.
public protocol GraphWriter {
    /// Streams `graph` in this format to `sink`.
    static func write(_ graph: Graph, to sink: inout ByteSink)
}

extension GraphWriter {
    /// The graph in this format, as bytes.
    public static func serialize(_ graph: Graph) -> [UInt8] {
        var sink = ByteSink()
        write(graph, to: &sink)
        return sink.buffer
    }
}

/// "Did you mean …?" for misspelt keys, as argument parsers do for options.
enum Suggestion {
    /// `" (did you mean 'type'?)"` when one of `candidates` is within two edits of `word` (one for words
    /// shorter than four letters), else the
    /// list of `candidates`: `" (expected id, kind, …)"`.
    static func hint(for word: String, among candidates: [String]) -> String {
        let scored = candidates.map { ($0, distance(Array(word.unicodeScalars), Array($0.unicodeScalars))) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= (word.unicodeScalars.count >= 4 ? 2 : 1) {
            return " (did you mean '\(best.0)'?)"
        }
        return " (expected \(candidates.joined(separator: ", ")))"
    }

    /// Levenshtein distance. O(|a| × |b|).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
