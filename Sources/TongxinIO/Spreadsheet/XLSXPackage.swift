import Foundation

/// The zip archive of an .xlsx workbook (an Open Packaging Conventions package), read part by part
/// with bounds, so a hostile file is an error rather than a crash, a hang or memory exhausted:
///
/// - at most ``Limits/entries`` entries;
/// - a part expands to at most ``Limits/partBytes`` bytes, all parts read to at most
///   ``Limits/totalBytes``, and a part larger than 1 MiB to at most ``Limits/ratio`` times its
///   compressed size (a zip bomb's ratio is ~1,000; XML compresses 5–50 times). The sizes are checked
///   before inflating, against the archive's directory, and ``ZipArchive`` inflates into exactly the
///   declared size, since a directory can lie;
/// - part names are resolved as OPC says (relative to the part that names them, `..` allowed) and a
///   name that climbs above the archive's root is refused.
///
/// - Complexity: O(size of the parts read).
struct XLSXPackage {
    /// Bounds on what a workbook may make the reader do.
    struct Limits {
        var entries = 10_000
        var partBytes = 512 << 20
        var totalBytes = 1 << 30
        var ratio = 250
        var sharedStrings = 10_000_000
        var mergedCells = 10_000_000
    }

    let path: String
    private let archive: ZipArchive
    /// Entries by lowercased name (OPC part names are case-insensitive).
    private var entries: [String: ZipArchive.Entry] = [:]
    let limits: Limits
    private var bytesRead = 0

    /// Reads the archive at `path` and its directory.
    ///
    /// - Throws: ``DiagnosticList`` when the file cannot be read, is not a zip archive or has too many entries.
    init(path: String, limits: Limits = Limits()) throws(DiagnosticList) {
        self.path = path
        self.limits = limits
        let file = try InputFile.read(path)
        do {
            archive = try ZipArchive(bytes: file.bytes, maximumEntries: limits.entries)
        } catch {
            throw Self.failure("'\(path)' is not a readable .xlsx workbook: \(error)")
        }
        for entry in archive.entries {
            let name = entry.name.lowercased()
            if entries[name] == nil { entries[name] = entry }
        }
    }

    /// The bytes of `part` (a name such as `xl/workbook.xml`), or `nil` when the archive has no such part.
    ///
    /// - Throws: ``DiagnosticList`` when the part is damaged or would exceed the limits.
    mutating func read(_ part: String) throws(DiagnosticList) -> [UInt8]? {
        guard let entry = entries[part.lowercased()] else { return nil }
        guard !entry.isFolder else { throw Self.failure("'\(path)': \(part) is not a file in the archive") }
        let budget = min(limits.partBytes, limits.totalBytes - bytesRead)
        let declared = entry.uncompressedSize, compressed = max(entry.compressedSize, 1)
        if declared > UInt64(budget) {
            throw Self.failure(
                "'\(path)': \(part) expands to more than \(Self.megabytes(budget)) (the limit for one workbook part "
                    + "is \(Self.megabytes(limits.partBytes)), for all parts \(Self.megabytes(limits.totalBytes))); "
                    + "refusing it as a likely zip bomb")
        }
        if declared > 1 << 20 && declared / compressed > UInt64(limits.ratio) {
            throw Self.failure(
                "'\(path)': \(part) expands \(declared / compressed) times its compressed size (more than "
                    + "\(limits.ratio)); refusing it as a likely zip bomb")
        }
        let bytes: [UInt8]
        do {
            bytes = try archive.read(entry)
        } catch {
            throw Self.failure("'\(path)': cannot read \(part) from the archive: \(error)")
        }
        bytesRead += bytes.count
        return bytes
    }

    /// The part that `target` names from within part `source`: relative to `source`'s folder, or from
    /// the root when it starts with `/` (ECMA-376 Part 2, §9.3.2); `\` is read as `/`, as Excel does.
    ///
    /// - Throws: ``DiagnosticList`` when the name climbs above the archive's root.
    func resolve(_ target: String, from source: String) throws(DiagnosticList) -> String {
        let target = target.replacingOccurrences(of: "\\", with: "/")
        var segments: [Substring] = target.hasPrefix("/") ? [] : source.split(separator: "/").dropLast()
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else {
                    throw Self.failure("'\(path)': \(source) points to '\(target)', outside the archive")
                }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    static func failure(_ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, message)])
    }

    private static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}
