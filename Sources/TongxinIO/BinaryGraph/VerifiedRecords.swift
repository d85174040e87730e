#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `.txg` files have had every section's XXH64 verified, so that opening the same unchanged
/// file again skips hashing it: the checksums are verified on a file's first open, not on every one.
///
/// A record is a small file in ``folder`` named by the hash of the `.txg` file's absolute path,
/// holding the file's device, inode, size, modification and status-change times (nanoseconds) and
/// its header checksum. A record counts only when all of these still match: any write, truncation,
/// replacement or rename onto the path changes the inode, size, or times (the status-change time
/// cannot be set back by a program), so a changed file is verified again. A file is recorded only
/// once it has not changed for two seconds, so a change within one tick of the clock cannot hide.
///
/// The trade-off, stated: a flip of bits below the file system (a failing disk, a write to the raw
/// device) that leaves every time stamp alone is not caught on later opens, only on the first. The
/// structural validation (every offset, index, length and the hierarchy) runs on every open
/// regardless, so a skipped checksum can let a wrong value through, never an out-of-bounds read.
/// What it saves: hashing every byte (XXH64 at about 5 GB/s here) and faulting in the pages no
/// check reads (attribute payloads and strings, names), which are then mapped only when used.
///
/// - Complexity: a lookup is one `stat`-sized read; recording is one small atomic write.
public struct VerifiedRecords: Sendable {
    /// The folder records are kept in (created on the first record).
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Whether the file at `path`, whose status is `status`, was verified in this very state.
    func contains(_ path: String, _ status: stat, headerChecksum: UInt64) -> Bool {
        let record = recordPath(path)
        let descriptor = open(record, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        return buffer[..<count].elementsEqual(Self.contents(status, headerChecksum: headerChecksum).utf8)
    }

    /// Records that the file at `path` with `status` was verified, if it has not changed for two
    /// seconds: a file changed again within one tick of the file system's clock could keep its times,
    /// so a fresh file is verified on every open until it is old enough (Git's "racy" entries, the
    /// same remedy). Failures are ignored: without a record the next open verifies again.
    func record(_ path: String, _ status: stat, headerChecksum: UInt64) {
        #if canImport(Darwin)
        let newest = max(status.st_mtimespec.tv_sec, status.st_ctimespec.tv_sec)
        #else
        let newest = max(status.st_mtim.tv_sec, status.st_ctim.tv_sec)
        #endif
        guard newest + 2 <= time(nil) else { return }
        guard (try? GraphCache.makeFolder(folder)) != nil else { return }
        try? AtomicFile.write(to: recordPath(path), durable: false) { (sink: inout ByteSink) throws(DiagnosticList) in
            sink.write(Self.contents(status, headerChecksum: headerChecksum))
        }
    }

    private func recordPath(_ path: String) -> String {
        var absolute = path.hasPrefix("/") ? path : (currentDirectory() + "/" + path)
        let hash = absolute.withUTF8 { XXH64.hash(UnsafeRawBufferPointer($0)) }
        return "\(folder)/\(String(hash, radix: 16)).verified"
    }

    private static func contents(_ status: stat, headerChecksum: UInt64) -> String {
        #if canImport(Darwin)
        let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
        let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        return "txg-verified 1 \(status.st_dev) \(status.st_ino) \(status.st_size) \(modified.tv_sec).\(modified.tv_nsec) "
            + "\(changed.tv_sec).\(changed.tv_nsec) \(String(headerChecksum, radix: 16))\n"
    }
}
