import CZlibInflate

/// A zip archive in memory: its directory, and its entries' bytes, with every offset and size
/// checked against the file's length (APPNOTE.TXT 6.3.10, §4.3: end of central directory record,
/// Zip64 end record and locator, central directory headers, local headers; stored and deflated
/// entries). A hostile archive is an error, never a read out of bounds or a loop: an entry's
/// compressed bytes must lie within the file, inflating is one bounded call over exactly those bytes,
/// and what comes out must have the directory's size and CRC-32.
///
/// - Complexity: opening O(directory size); reading an entry O(its compressed + uncompressed size).
struct ZipArchive {
    /// One central directory header.
    struct Entry {
        let name: String
        let flags: UInt16
        let method: UInt16
        let crc: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
        /// A folder entry (its name ends with `/`).
        var isFolder: Bool { name.hasSuffix("/") }
    }

    /// Why an archive or an entry cannot be read: `description` is a phrase that completes a message.
    struct Damage: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The archive's bytes.
    private let bytes: [UInt8]
    /// The entries in directory order.
    let entries: [Entry]

    /// Reads the directory of the archive `bytes`, refusing one of more than `maximumEntries` entries.
    ///
    /// - Throws: ``Damage`` when `bytes` are not a well-formed zip archive.
    init(bytes: [UInt8], maximumEntries: Int) throws(Damage) {
        self.bytes = bytes
        entries = try bytes.withUnsafeBytes { file in
            Result { () throws(Damage) in try Self.directory(LittleEndian(file), maximumEntries: maximumEntries) }
        }.get()
    }

    /// The uncompressed bytes of `entry`, which must be one of ``entries``; the caller has bounded its
    /// declared size.
    ///
    /// - Throws: ``Damage`` when the entry is encrypted, uses a method other than stored or deflated,
    ///   lies outside the file, or its data does not match the directory.
    func read(_ entry: Entry) throws(Damage) -> [UInt8] {
        try bytes.withUnsafeBytes { file in Result { () throws(Damage) in try Self.read(entry, in: LittleEndian(file)) } }.get()
    }

    private static func read(_ entry: Entry, in file: LittleEndian) throws(Damage) -> [UInt8] {
        let data = try Self.data(of: entry, in: file)
        let size = Int(entry.uncompressedSize)
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard data.count == size else {
                throw Damage("it is stored with \(data.count) bytes but the directory says \(size)")
            }
            out = Array(data)
        case 8: out = try Self.inflate(data, size: size)
        default: throw Damage("it is compressed with method \(entry.method); only stored (0) and deflated (8) are read")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == entry.crc else { throw Damage("its CRC-32 is \(hex(crc)) but the directory says \(hex(entry.crc))") }
        return out
    }

    // MARK: - Records

    /// Little-endian fields of the file, read only after their range is checked.
    private struct LittleEndian {
        let file: UnsafeRawBufferPointer
        init(_ file: UnsafeRawBufferPointer) { self.file = file }
        var count: Int { file.count }

        /// Whether `length` bytes from `offset` lie within the file (no overflow for any inputs).
        func holds(_ offset: UInt64, _ length: UInt64) -> Bool {
            offset <= UInt64(file.count) && length <= UInt64(file.count) - offset
        }
        func u16(_ at: Int) -> UInt16 { UInt16(file[at]) | UInt16(file[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
    }

    private static let endSignature: UInt32 = 0x0605_4b50
    private static let zip64EndSignature: UInt32 = 0x0606_4b50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    private static let centralSignature: UInt32 = 0x0201_4b50
    private static let localSignature: UInt32 = 0x0403_4b50

    /// The central directory, found through the end record (searched for in the last 64 KiB + 22 bytes,
    /// since a comment may follow it) and, when its fields overflow, the Zip64 end record.
    private static func directory(_ file: LittleEndian, maximumEntries: Int) throws(Damage) -> [Entry] {
        guard file.count >= 22 else { throw Damage("it is too short to be a zip archive (\(file.count) bytes)") }
        var end = file.count - 22
        let lowest = max(0, end - 0xFFFF)
        while end >= lowest && file.u32(end) != endSignature { end -= 1 }
        guard end >= lowest else { throw Damage("it has no end of central directory record: it is not a zip archive") }
        guard file.u16(end + 4) == 0 && file.u16(end + 6) == 0 else { throw Damage("it spans several disks") }
        var count = UInt64(file.u16(end + 10)), size = UInt64(file.u32(end + 12)), start = UInt64(file.u32(end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0 && file.u32(locator) == zip64LocatorSignature else {
                throw Damage("its end record points to a Zip64 record that is missing")
            }
            let record = file.u64(locator + 8)
            guard file.holds(record, 56) && file.u32(Int(record)) == zip64EndSignature else {
                throw Damage("its Zip64 end record (at byte \(record)) is missing or outside the file")
            }
            count = file.u64(Int(record) + 32)
            size = file.u64(Int(record) + 40)
            start = file.u64(Int(record) + 48)
        }
        guard count <= UInt64(maximumEntries) else { throw Damage("it has more than \(maximumEntries) entries") }
        guard file.holds(start, size) else {
            throw Damage("its central directory (\(size) bytes at byte \(start)) lies outside the file (\(file.count) bytes)")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var at = Int(start)
        let limit = Int(start + size)
        for index in 0..<Int(count) {
            guard at <= limit - 46 && file.u32(at) == centralSignature else {
                throw Damage("entry \(index + 1)'s directory header (at byte \(at)) is missing or damaged")
            }
            let nameLength = Int(file.u16(at + 28)), extraLength = Int(file.u16(at + 30)), commentLength = Int(file.u16(at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= limit else { throw Damage("entry \(index + 1)'s directory header runs past the directory's end") }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: file.file[(at + 46)..<(at + 46 + nameLength)]), as: UTF8.self)
            var uncompressed = UInt64(file.u32(at + 24)), compressed = UInt64(file.u32(at + 20))
            var local = UInt64(file.u32(at + 42))
            try zip64Sizes(
                file, extra: (at + 46 + nameLength)..<(at + 46 + nameLength + extraLength), entry: name,
                uncompressed: &uncompressed, compressed: &compressed, local: &local)
            entries.append(
                Entry(
                    name: name, flags: file.u16(at + 8), method: file.u16(at + 10), crc: file.u32(at + 16),
                    compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local))
            at = next
        }
        return entries
    }

    /// Replaces the sizes and offset saturated at 0xFFFFFFFF by the Zip64 extra field's (APPNOTE §4.5.3:
    /// present in that order, only those saturated).
    private static func zip64Sizes(
        _ file: LittleEndian, extra: Range<Int>, entry: String,
        uncompressed: inout UInt64, compressed: inout UInt64, local: inout UInt64
    ) throws(Damage) {
        var at = extra.lowerBound
        while at + 4 <= extra.upperBound {
            let id = file.u16(at), length = Int(file.u16(at + 2))
            guard at + 4 + length <= extra.upperBound else { throw Damage("\(entry)'s extra field runs past its header") }
            if id == 0x0001 {
                var field = at + 4
                func next(_ value: inout UInt64) throws(Damage) {
                    guard value == 0xFFFF_FFFF else { return }
                    guard field + 8 <= at + 4 + length else { throw Damage("\(entry)'s Zip64 extra field is too short") }
                    value = file.u64(field)
                    field += 8
                }
                try next(&uncompressed)
                try next(&compressed)
                try next(&local)
                return
            }
            at += 4 + length
        }
    }

    /// The compressed bytes of `entry`: after its local header, within the file.
    private static func data(of entry: Entry, in file: LittleEndian) throws(Damage) -> UnsafeRawBufferPointer {
        guard entry.flags & 1 == 0 else { throw Damage("it is encrypted") }
        let header = entry.localHeaderOffset
        guard file.holds(header, 30) && file.u32(Int(header)) == localSignature else {
            throw Damage("its local header (at byte \(header)) is missing or outside the file")
        }
        let start = header + 30 + UInt64(file.u16(Int(header) + 26)) + UInt64(file.u16(Int(header) + 28))
        guard file.holds(start, entry.compressedSize) else {
            throw Damage(
                "its \(entry.compressedSize) compressed bytes at byte \(start) lie outside the file (\(file.count) bytes)")
        }
        return UnsafeRawBufferPointer(rebasing: file.file[Int(start)..<Int(start + entry.compressedSize)])
    }

    /// Inflates the raw deflate stream `data` (RFC 1951) that must give exactly `size` bytes: one call
    /// with all the input and room for one byte more, so a stream that is cut short, runs on, or gives
    /// more is an error, and nothing can loop.
    private static func inflate(_ data: UnsafeRawBufferPointer, size: Int) throws(Damage) -> [UInt8] {
        guard data.count <= Int(UInt32.max) && size < Int(UInt32.max) else {
            throw Damage("it is larger than 4 GiB")
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Damage("zlib cannot start inflating")
        }
        defer { inflateEnd(&stream) }
        var status = Z_OK
        let out = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, written in
            stream.next_in = UnsafeMutablePointer(mutating: data.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(data.count)
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(size + 1)
            status = CZlibInflate.inflate(&stream, Z_FINISH)
            written = Int(stream.total_out)
        }
        switch status {
        case Z_STREAM_END where out.count == size: return out
        case Z_STREAM_END:
            throw Damage("it inflates to \(out.count) bytes but the directory says \(size)")
        case Z_DATA_ERROR:
            throw Damage("its deflate data is corrupt (\(stream.msg.map { String(cString: $0) } ?? "zlib"))")
        case Z_MEM_ERROR: throw Damage("zlib ran out of memory inflating it")
        default:
            if out.count > size {
                throw Damage("it holds more bytes (at least \(out.count)) than the archive's directory says (\(size))")
            }
            throw Damage("its deflate data ends before the stream does (\(out.count) of \(size) bytes)")
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
