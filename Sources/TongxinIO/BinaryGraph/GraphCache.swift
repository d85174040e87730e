#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a `.txg` copy of each text graph read, keyed by the source's content, so the next read of
/// the same bytes maps the binary file instead of parsing text.
///
/// A source's key is the XXH64 of its bytes (for a CSV folder, of `nodes.csv` then `edges.csv`,
/// each preceded by its length) together with ``BinaryGraphLayout/version``; the key is in the cache
/// file's name, so a changed source or a new format version can never hit an old entry. An entry
/// that fails to open (truncated, corrupt, another build's) is rebuilt, never trusted; entries are
/// written atomically (``AtomicFile``) but not synced to disk (a crash leaves at worst an entry that
/// fails validation and is rebuilt), and older entries for the same source path are removed.
///
/// - Complexity: a hit costs reading and hashing the source (about the time to read it once) plus
///   ``BinaryGraphReader``'s validation; a miss adds the text parse and the `.txg` write.
public struct GraphCache: Sendable {
    /// Where entries go: a folder, or beside each source (`SOURCE.KEY.txg`).
    public enum Place: Sendable, Equatable {
        case folder(String)
        case besideSource
    }

    public let place: Place
    /// Where entries' verified checksums are recorded (``VerifiedRecords``), if anywhere.
    public let records: VerifiedRecords?

    public init(_ place: Place, records: VerifiedRecords? = nil) {
        self.place = place
        self.records = records
    }

    /// `$XDG_CACHE_HOME/tongxin`, else `$HOME/.cache/tongxin`; `nil` when neither variable is set.
    public static func defaultFolder() -> String? {
        if let cache = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), cache.hasPrefix("/") { return cache + "/tongxin" }
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
        return home + "/.cache/tongxin"
    }

    /// How a read went.
    public enum Outcome: Sendable, Equatable {
        /// The cached `.txg` was mapped.
        case hit(String)
        /// The text was parsed and its `.txg` written.
        case stored(String)
        /// The text was parsed; the `.txg` could not be written (the reason).
        case notStored(String)
        /// A cached `.txg` failed to open (the reason) and was rebuilt.
        case rebuilt(String)
    }

    /// Reads the text graph at `path` (`format` one of JSON, GraphML, CSV), through the cache.
    ///
    /// - Throws: ``DiagnosticList`` when the source cannot be read or has errors (a broken cache
    ///   entry is not an error: it is rebuilt).
    public func read(_ path: String, as format: GraphFormat) throws(DiagnosticList) -> (graph: Graph, outcome: Outcome) {
        let source = try Source(path, format: format)
        let entry = entryPath(for: source)
        var damaged: String?
        if access(entry, F_OK) == 0 {
            do throws(DiagnosticList) {
                return (try BinaryGraphReader.read(path: entry, records: records), .hit(entry))
            } catch {
                damaged = error.description
            }
        }
        let graph = try source.parse()
        do throws(DiagnosticList) {
            try Self.makeFolder(AtomicFile.directory(of: entry))
            try AtomicFile.write(to: entry, durable: false) { (sink: inout ByteSink) throws(DiagnosticList) in
                BinaryGraphWriter.write(graph, to: &sink)
            }
        } catch {
            return (graph, .notStored(error.description))
        }
        removeOlderEntries(than: entry, for: source)
        return (graph, damaged.map { .rebuilt($0) } ?? .stored(entry))
    }

    /// A source's bytes, read once for both hashing and parsing.
    private struct Source {
        var path: String, name: String, format: GraphFormat, files: [InputFile?], key: UInt64

        init(_ path: String, format: GraphFormat) throws(DiagnosticList) {
            self.path = path
            self.format = format
            if format == .csv {
                // `folder/nodes.csv` or `folder/edges.csv` stands for its folder.
                let isFile = path.lowercased().hasSuffix(".csv") && !path.hasSuffix("/")
                let folder =
                    isFile ? AtomicFile.directory(of: path) : (path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path)
                self.path = folder
                let csv = try CSVReader.files(in: folder)
                files = [csv.nodes, csv.edges]
                name = csv.name
            } else {
                files = [try InputFile.read(path)]
                name = path.split(separator: "/").last.map(String.init) ?? path
            }
            var key = UInt64(BinaryGraphLayout.version)
            for file in files {
                let bytes = file?.bytes ?? []
                key = key &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
                key = key &* 0x9E37_79B9_7F4A_7C15 ^ bytes.withUnsafeBytes(XXH64.hash)
            }
            self.key = key
        }

        func parse() throws(DiagnosticList) -> Graph {
            switch format {
            case .json: try NativeJSONReader.read(files[0]!)
            case .graphml: try GraphMLReader.read(files[0]!)
            case .csv: try CSVReader.read(nodes: files[0], edges: files[1], name: name)
            default: throw AtomicFile.failure("cannot cache '\(path)': only text graphs are cached")
            }
        }

        /// A hash of the source's full path, so two `hubei.json` in different folders keep
        /// separate entries.
        var pathHash: String {
            var absolute = path.hasPrefix("/") ? path : (currentDirectory() + "/" + path)
            let hash = absolute.withUTF8 { XXH64.hash(UnsafeRawBufferPointer($0)) }
            return String(hash >> 32, radix: 16)
        }
    }

    private func entryPath(for source: Source) -> String {
        let key = String(source.key, radix: 16)
        let version = "v\(BinaryGraphLayout.version)"
        switch place {
        case .folder(let folder):
            return "\(folder)/\(source.name)-\(source.pathHash)-\(key)-\(version).txg"
        case .besideSource:
            return "\(source.path).\(key)-\(version).txg"
        }
    }

    /// Deletes the cache entries of the same source path other than `entry`.
    private func removeOlderEntries(than entry: String, for source: Source) {
        let folder = AtomicFile.directory(of: entry)
        let prefix: String
        switch place {
        case .folder: prefix = "\(source.name)-\(source.pathHash)-"
        case .besideSource: prefix = source.path.split(separator: "/").last.map(String.init).map { $0 + "." } ?? ""
        }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let keep = entry.split(separator: "/").last.map(String.init) ?? entry
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), name != keep else { continue }
            // Only names this cache makes: KEY-vVERSION.txg after the prefix.
            let rest = name.dropFirst(prefix.count)
            guard rest.hasSuffix(".txg"), let dash = rest.firstIndex(of: "-"),
                rest[..<dash].allSatisfy(\.isHexDigit), rest[rest.index(after: dash)...].dropLast(4).first == "v",
                rest[rest.index(after: dash)...].dropLast(4).dropFirst().allSatisfy(\.isNumber)
            else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// Creates `folder` and its missing parents.
    static func makeFolder(_ folder: String) throws(DiagnosticList) {
        var partial = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw AtomicFile.failure("cannot create the cache folder '\(folder)': \(AtomicFile.systemError())")
            }
        }
    }
}

/// The working directory, to make paths absolute.
func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(cString: buffer)
}
