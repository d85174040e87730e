#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Writes files so that a reader never sees a half-written one and a failure never damages what was
/// there: the bytes go to a temporary file in the destination's directory, which is flushed to disk
/// (`fsync`) and then renamed over the destination (`rename(2)` is atomic within a file system).
///
/// On any failure the temporary file is removed and the destination is left exactly as it was
/// (absent, or with its old contents).
///
/// ```swift
/// try AtomicFile.write(to: "out/graph.json") { sink in sink.write("{}\n") }
/// ```
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    ///
    /// - Throws: ``DiagnosticList`` with one error naming the path and the system's reason.
    public static func write(_ bytes: [UInt8], to path: String) throws(DiagnosticList) {
        try write(to: path) { sink in sink.write(bytes) }
    }

    /// Writes a string's UTF-8 bytes to `path` atomically.
    public static func write(_ text: String, to path: String) throws(DiagnosticList) {
        try write(Array(text.utf8), to: path)
    }

    /// Streams the output of `body` into a temporary file, then renames it to `path`.
    ///
    /// `body` writes through the ``ByteSink``, which buffers (64 KiB) so large outputs need no large
    /// buffer in memory. If `body` throws, nothing is renamed and its error is rethrown.
    ///
    /// - Parameter durable: whether to `fsync` the file and its folder, so the new contents survive a
    ///   crash of the machine; a cache, which is validated when read and rebuilt when damaged, skips it.
    /// - Throws: ``DiagnosticList`` when the file cannot be created, written, flushed or renamed, or
    ///   the error `body` throws.
    public static func write(
        to path: String, durable: Bool = true,
        _ body: (inout ByteSink) throws(DiagnosticList) -> Void
    ) throws(DiagnosticList) {
        let directory = Self.directory(of: path)
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard !base.isEmpty else { throw failure("cannot write '\(path)': it names a directory") }
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = (path.contains("/") ? directory + "/" : "") + ".\(base).\(getpid()).\(suffix).\(attempt).tmp"
            // 0666 before the umask, as an ordinary file created by the user would get.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw failure("cannot write '\(path)': \(systemError())") }
        var sink = ByteSink(descriptor: descriptor)
        do throws(DiagnosticList) {
            try body(&sink)
            try sink.flush(path: path)
            if durable && fsync(descriptor) != 0 { throw failure("cannot write '\(path)': \(systemError())") }
            if close(descriptor) != 0 {
                descriptor = -1
                throw failure("cannot write '\(path)': \(systemError())")
            }
            descriptor = -1
            if rename(temporary, path) != 0 { throw failure("cannot write '\(path)': \(systemError())") }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable; a failure here does not undo the write.
        guard durable else { return }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The directory part of `path` (`.` when there is none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func failure(_ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, message)])
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// Where writers put their bytes: memory (``init()``, read ``buffer`` afterwards) or the temporary
/// file of ``AtomicFile/write(to:_:)``, flushed every 64 KiB so large outputs need no large buffer.
///
/// Writers append to ``buffer`` directly (with ``JSONText`` and friends) and call ``flushIfFull()``
/// between records.
public struct ByteSink: ~Copyable {
    /// Bytes not yet written to the file (all of them, for a memory sink).
    public var buffer: [UInt8] = []
    private let descriptor: Int32
    private var failed: Int32 = 0
    private static let capacity = 1 << 16

    /// A sink that keeps everything in ``buffer``.
    public init() {
        descriptor = -1
    }

    fileprivate init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity + Self.capacity / 4)
    }

    /// Appends bytes.
    public mutating func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Appends a string's UTF-8 bytes.
    public mutating func write(_ text: String) {
        write(text.utf8)
    }

    /// Writes the buffer to the file once it holds 64 KiB or more; nothing for a memory sink.
    public mutating func flushIfFull() {
        if descriptor >= 0 && buffer.count >= Self.capacity { drain() }
    }

    private mutating func drain() {
        guard failed == 0 else { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    fileprivate mutating func flush(path: String) throws(DiagnosticList) {
        drain()
        if failed != 0 { throw AtomicFile.failure("cannot write '\(path)': \(String(cString: strerror(failed)))") }
    }
}
