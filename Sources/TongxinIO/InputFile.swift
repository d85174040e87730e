#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input file, read with a single `read(2)` loop into one buffer (no per-line
/// strings), for the byte-level readers.
public struct InputFile: Sendable {
    /// The path as the user gave it; diagnostics name the file this way.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Reads the whole file at `path`.
    ///
    /// - Throws: ``DiagnosticList`` with one error (`cannot read 'PATH': No such file or directory`,
    ///   `… is a directory`, …).
    /// - Complexity: O(file size), one copy from the kernel.
    public static func read(_ path: String) throws(DiagnosticList) -> InputFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicFile.failure("cannot read '\(path)': \(AtomicFile.systemError())") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw AtomicFile.failure("cannot read '\(path)': \(AtomicFile.systemError())")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw AtomicFile.failure("cannot read '\(path)': it is a directory") }
        var bytes: [UInt8] = []
        var chunkSize = max(Int(status.st_size), 1 << 16)
        var failure: Int32 = 0
        while true {
            let size = chunkSize
            let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                var filled = 0
                while filled < size {
                    let result = systemRead(descriptor, buffer.baseAddress! + filled, size - filled)
                    if result < 0 && errno == EINTR { continue }
                    if result < 0 { failure = errno; break }
                    if result == 0 { break }
                    filled += result
                }
                initialized = filled
            }
            if failure != 0 { throw AtomicFile.failure("cannot read '\(path)': \(String(cString: strerror(failure)))") }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if chunk.count < size { break }
            chunkSize = 1 << 16
        }
        return InputFile(path: path, bytes: bytes)
    }

    /// The text of line `line` (1-based) around column `column`, cut to at most `width` Unicode
    /// scalars so a 50 MB single-line file still prints a short excerpt; `nil` when the line does not
    /// exist or is not valid UTF-8.
    ///
    /// - Returns: the excerpt, the caret's position in it (0-based, in scalars), and whether text was
    ///   cut off before and after it.
    public func excerpt(line: Int, column: Int, width: Int = 100) -> SourceExcerpt? {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0, current = 1
            while current < line {
                guard let newline = Self.find(0x0A, in: buffer, from: start) else { return nil }
                start = newline + 1
                current += 1
            }
            var end = Self.find(0x0A, in: buffer, from: start) ?? buffer.count
            if end > start && buffer[end - 1] == 0x0D { end -= 1 }
            // Walk to the caret's byte offset, counting scalars.
            var caretOffset = start, scalars = 1
            while caretOffset < end && scalars < column {
                caretOffset += 1
                while caretOffset < end && buffer[caretOffset] & 0xC0 == 0x80 { caretOffset += 1 }
                scalars += 1
            }
            // A line that fits is shown whole; a longer one keeps half the width before the caret.
            var total = scalars
            var scan = caretOffset
            while scan < end && total <= width {
                scan += 1
                while scan < end && buffer[scan] & 0xC0 == 0x80 { scan += 1 }
                total += 1
            }
            let fits = total <= width
            var from = caretOffset, before = 0
            while from > start && (fits || before < width / 2) {
                from -= 1
                while from > start && buffer[from] & 0xC0 == 0x80 { from -= 1 }
                before += 1
            }
            var to = caretOffset, after = 0
            while to < end && (fits || before + after < width) {
                to += 1
                while to < end && buffer[to] & 0xC0 == 0x80 { to += 1 }
                after += 1
            }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: buffer[from..<to]), as: UTF8.self)
            else { return nil }
            return SourceExcerpt(text: text, caret: before, cutBefore: from > start, cutAfter: to < end)
        }
    }

    /// The index of the first `byte` at or after `start`, or `nil`.
    static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress,
            let found = memchr(base + start, Int32(byte), buffer.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// Turns byte offsets into 1-based lines and columns (columns count Unicode scalars), scanning
/// from the last answer, so a reader that asks in roughly increasing order pays O(file size) in all.
/// A reference, so a location evaluated lazily (an autoclosure handed to ``GraphBuilder`` while the
/// reader's builder is being changed) still advances the one scan.
final class Locator {
    let file: String
    private var offset = 0
    private var line = 1
    private var column = 1

    init(file: String) {
        self.file = file
    }

    func location(at target: Int, in buffer: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        // Backward: step back; crossing a line break recounts that line's columns.
        while target < offset {
            offset -= 1
            let byte = buffer[offset]
            if byte == 0x0A {
                line -= 1
                var lineStart = offset
                while lineStart > 0 && buffer[lineStart - 1] != 0x0A { lineStart -= 1 }
                column = 1
                for index in lineStart..<offset where buffer[index] & 0xC0 != 0x80 { column += 1 }
            } else if byte & 0xC0 != 0x80 {
                column -= 1
            }
        }
        // Forward: whole lines are skipped with memchr; columns are counted on the last line only.
        let end = min(target, buffer.count)
        let window = UnsafeBufferPointer(rebasing: buffer[..<end])
        while let newline = InputFile.find(0x0A, in: window, from: offset) {
            line += 1
            column = 1
            offset = newline + 1
        }
        while offset < end {
            if buffer[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// UTF-8 validation that reports where the first bad byte is.
enum UTF8Check {
    /// The offset of the first byte in `range` that does not begin or continue a valid UTF-8
    /// sequence (overlong forms, surrogates and values above U+10FFFF are invalid), or `nil`.
    ///
    /// - Complexity: O(range length), 8 ASCII bytes at a time.
    static func firstInvalid(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let end = range.upperBound
        guard let base = buffer.baseAddress else { return nil }
        while index < end {
            if index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
            }
            let byte = buffer[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int, low: UInt8, high: UInt8
            switch byte {
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default: return index
            }
            guard index + 1 < end, (low...high).contains(buffer[index + 1]) else { return index }
            for next in 2..<length {
                guard index + next < end, buffer[index + next] & 0xC0 == 0x80 else { return index }
            }
            index += length
        }
        return nil
    }
}
