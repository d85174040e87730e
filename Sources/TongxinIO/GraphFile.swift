#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The graph file formats (DESIGN.md, "Files"), chosen by a path's extension.
public enum GraphFormat: String, Sendable, CaseIterable {
    /// The native Tongxin JSON graph (`.json`).
    case json
    /// GraphML (`.graphml`).
    case graphml
    /// A folder holding `nodes.csv` and `edges.csv`.
    case csv
    /// GEXF for Gephi (`.gexf`).
    case gexf
    /// Graphviz DOT (`.dot`, `.gv`).
    case dot
    /// Cytoscape JSON (`.cyjs`), for Cytoscape desktop and Cytoscape.js.
    case cyjs
    /// A folder in the CSV layout of `neo4j-admin database import`, with Neo4j and Kùzu scripts.
    case neo4j
    /// Tongxin's binary graph (`.txg`), memory-mapped on reading (DESIGN.md, "The .txg binary graph").
    case txg

    /// The format a path names: by its extension (any case), and a folder — an existing directory,
    /// a path ending in `/`, or a name without an extension — is a CSV folder, or a Neo4j folder when
    /// it exists and holds `nodes-*.csv` files rather than `nodes.csv` or `edges.csv`. `nil` for an
    /// unknown extension.
    public init?(path: String) {
        var status = stat()
        if path.hasSuffix("/") || (stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR) {
            self = Neo4jCSVReader.looksLikeLayout(path) ? .neo4j : .csv
            return
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .csv
            return
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "graphml": self = .graphml
        case "csv": self = .csv
        case "gexf": self = .gexf
        case "dot", "gv": self = .dot
        case "cyjs": self = .cyjs
        case "txg": self = .txg
        default: return nil
        }
    }

    /// The formats `tongxin` names in messages, with their extensions.
    static let extensionsHelp = ".json, .graphml, .txg, .gexf, .cyjs, .dot/.gv, or a folder for CSV or Neo4j"
}

/// Reads and writes graph files, choosing the format from the path (``GraphFormat/init(path:)``).
///
/// ```swift
/// let graph = try GraphFile.read("Graphs/examples/tiny.json")
/// try GraphFile.write(graph, to: "out/tiny.graphml")
/// ```
public enum GraphFile {
    /// Reads the graph at `path`.
    ///
    /// - Throws: ``DiagnosticList``: the file cannot be read, its format is unknown or cannot be read
    ///   by this module, or every problem found in its contents, each at `FILE:LINE:COL`.
    public static func read(_ path: String) throws(DiagnosticList) -> Graph {
        guard let format = GraphFormat(path: path) else {
            throw AtomicFile.failure("cannot tell the format of '\(path)' from its extension (\(GraphFormat.extensionsHelp))")
        }
        return try read(path, as: format)
    }

    /// Reads the graph at `path` in `format`.
    public static func read(_ path: String, as format: GraphFormat) throws(DiagnosticList) -> Graph {
        switch format {
        case .json:
            return try NativeJSONReader.read(InputFile.read(path))
        case .csv:
            // `folder/nodes.csv` or `folder/edges.csv` stands for its folder.
            let isFile = path.lowercased().hasSuffix(".csv") && !path.hasSuffix("/")
            return try CSVReader.read(directory: isFile ? AtomicFile.directory(of: path) : path)
        case .graphml:
            return try GraphMLReader.read(InputFile.read(path))
        case .txg:
            return try BinaryGraphReader.read(path: path)
        case .gexf:
            return try GEXFReader.read(InputFile.read(path))
        case .cyjs:
            return try CytoscapeJSONReader.read(InputFile.read(path))
        case .neo4j:
            return try Neo4jCSVReader.read(directory: path)
        case .dot:
            return try DOTReader.read(InputFile.read(path))
        }
    }

    /// Writes `graph` to `path` atomically (a temporary file renamed into place), in `format` or the
    /// one the path names. With `styling`, GEXF gets viz colours and sizes and GraphML yEd's graphics
    /// (other formats have no place for them).
    ///
    /// - Throws: ``DiagnosticList`` when the format is unknown or the file cannot be written; the
    ///   destination is then untouched.
    public static func write(_ graph: Graph, to path: String, as format: GraphFormat? = nil, styling: NodeStyling? = nil)
        throws(DiagnosticList)
    {
        guard let format = format ?? GraphFormat(path: path) else {
            throw AtomicFile.failure("cannot tell the format of '\(path)' from its extension (\(GraphFormat.extensionsHelp))")
        }
        switch format {
        case .json:
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in NativeJSONWriter.write(graph, to: &sink) }
        case .csv:
            guard !path.lowercased().hasSuffix(".csv") else {
                throw AtomicFile.failure("cannot write '\(path)': a CSV graph is a folder of nodes.csv and edges.csv; give a folder name")
            }
            try CSVWriter.write(graph, toDirectory: path)
        case .graphml:
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in
                GraphMLWriter.write(graph, yEd: styling, to: &sink)
            }
        case .gexf:
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in
                GEXFWriter.write(graph, styling: styling, to: &sink)
            }
        case .cyjs:
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in CytoscapeJSONWriter.write(graph, to: &sink) }
        case .neo4j:
            guard !path.lowercased().hasSuffix(".csv") else {
                throw AtomicFile.failure("cannot write '\(path)': a Neo4j export is a folder of CSV files and scripts; give a folder name")
            }
            try Neo4jCSVWriter.write(graph, toDirectory: path)
        case .dot:
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in DOTWriter.write(graph, to: &sink) }
        case .txg:
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in BinaryGraphWriter.write(graph, to: &sink) }
        }
    }
}
