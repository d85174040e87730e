import Foundation
import ZIPFoundation

/// Builds a zip archive in memory, entry by entry, deflated, every entry stamped 1980-01-01 00:00
/// (the first instant a zip can hold) with mode 0644, so the same entries give the same bytes on every
/// machine and day.
///
/// - Complexity: O(total size of the entries).
struct ZipBuilder {
    private let archive: Archive
    private static let stamp = Date(timeIntervalSince1970: 315_532_800)

    init() throws(DiagnosticList) {
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw XLSXPackage.failure("cannot create a zip archive in memory (\(error))")
        }
    }

    /// Appends an entry named `path` holding `bytes`.
    func add(_ path: String, _ bytes: [UInt8], compressed: Bool = true) throws(DiagnosticList) {
        do {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.stamp,
                permissions: 0o644, compressionMethod: compressed ? .deflate : .none, bufferSize: 1 << 18
            ) { position, size in
                let start = Int(position)
                return bytes.withUnsafeBytes { Data($0[start..<(start + size)]) }
            }
        } catch {
            throw XLSXPackage.failure("cannot add \(path) to a zip archive (\(error))")
        }
    }

    /// The archive's bytes.
    var bytes: [UInt8] { Array(archive.data ?? Data()) }
}
