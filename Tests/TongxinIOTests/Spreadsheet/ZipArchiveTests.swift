import Foundation
import Testing
@testable import TongxinIO

/// The zip reader under workbooks: what ZipBuilder (ZIPFoundation) writes reads back, and archives whose
/// directory lies about an entry are errors that say how, in one bounded step (a deflate stream cut
/// short once made the reader loop at the end of the file).
@Suite struct ZipArchiveTests {
    static let text = Array(String(repeating: "县乡村 coverage ", count: 400).utf8)

    /// An archive of a deflated `sheet.xml` and a stored `note.txt`, with `patch` applied to its bytes.
    static func archive(_ patch: (inout [UInt8], _ sheetHeader: Int) -> Void = { _, _ in }) throws -> [UInt8] {
        let zip = try ZipBuilder()
        try zip.add("sheet.xml", text)
        try zip.add("note.txt", Array("hi".utf8), compressed: false)
        var bytes = zip.bytes
        patch(&bytes, centralHeader(of: "sheet.xml", in: bytes))
        return bytes
    }

    /// The offset of the central directory header that names `name`.
    static func centralHeader(of name: String, in bytes: [UInt8]) -> Int {
        let signature: [UInt8] = [0x50, 0x4b, 0x01, 0x02], named = Array(name.utf8)
        for at in 0..<(bytes.count - 46) where Array(bytes[at..<(at + 4)]) == signature {
            let length = Int(bytes[at + 28]) | Int(bytes[at + 29]) << 8
            if Array(bytes[(at + 46)..<(at + 46 + length)]) == named { return at }
        }
        fatalError("no header for \(name)")
    }

    static func put32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    /// The error reading `sheet.xml` from the archive `patch` makes, or `nil` when it reads.
    static func error(_ patch: @escaping (inout [UInt8], Int) -> Void) throws -> String? {
        let bytes = try archive(patch)
        do {
            let zip = try ZipArchive(bytes: bytes, maximumEntries: 10)
            _ = try zip.read(zip.entries.first { $0.name == "sheet.xml" }!)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsWhatTheBuilderWrote() throws {
        let zip = try ZipArchive(bytes: try Self.archive(), maximumEntries: 10)
        #expect(zip.entries.map(\.name) == ["sheet.xml", "note.txt"])
        #expect(zip.entries.map(\.method) == [8, 0])
        #expect(try zip.read(zip.entries[0]) == Self.text)
        #expect(try zip.read(zip.entries[1]) == Array("hi".utf8))
    }

    @Test func aDeflateStreamCutShortIsAnError() throws {
        let error = try Self.error { bytes, header in Self.put32(20, at: header + 20, in: &bytes) }
        #expect(error?.hasPrefix("its deflate data ends before the stream does") == true, "\(error ?? "read")")
    }

    @Test func compressedBytesOutsideTheFileAreAnError() throws {
        let error = try Self.error { bytes, header in Self.put32(0xFFFF_FF00, at: header + 20, in: &bytes) }
        #expect(error?.hasPrefix("its 4294967040 compressed bytes at byte ") == true, "\(error ?? "read")")
        #expect(error?.hasSuffix("lie outside the file (\(try Self.archive().count) bytes)") == true, "\(error ?? "read")")
    }

    @Test func aSizeOrChecksumThatDisagreesIsAnError() throws {
        let smaller = try Self.error { bytes, header in Self.put32(100, at: header + 24, in: &bytes) }
        #expect(smaller == "it holds more bytes (at least 101) than the archive's directory says (100)")
        let larger = try Self.error { bytes, header in Self.put32(UInt32(Self.text.count + 5), at: header + 24, in: &bytes) }
        #expect(larger == "it inflates to \(Self.text.count) bytes but the directory says \(Self.text.count + 5)")
        let checksum = try Self.error { bytes, header in Self.put32(0x1234_5678, at: header + 16, in: &bytes) }
        #expect(checksum?.hasSuffix("but the directory says 0x12345678") == true, "\(checksum ?? "read")")
    }

    @Test func aDirectoryOutsideTheFileIsAnError() throws {
        let moved = try Self.archive { bytes, _ in Self.put32(UInt32(bytes.count), at: bytes.count - 22 + 16, in: &bytes) }
        #expect(throws: ZipArchive.Damage.self) { try ZipArchive(bytes: moved, maximumEntries: 10) }
        #expect(throws: ZipArchive.Damage.self) { try ZipArchive(bytes: try Self.archive(), maximumEntries: 1) }
        #expect(throws: ZipArchive.Damage.self) { try ZipArchive(bytes: [], maximumEntries: 10) }
        #expect(throws: ZipArchive.Damage.self) { try ZipArchive(bytes: Array(try Self.archive().prefix(40)), maximumEntries: 10) }
    }
}
