@testable import TongxinIO

/// Rewrites a `.txg` file's checksums as a hostile writer would, so that damaged contents reach the
/// structural checks (used by `BinaryGraphTests` and the libFuzzer target, `Scripts/fuzz`).
public enum BinaryGraphSealing {
    /// `input` with every section checksum in bounds, the table's and the header's recomputed;
    /// unchanged when it is shorter than a header or its table runs past the end.
    public static func resealed(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        guard bytes.count >= 64 else { return bytes }
        let count = Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 20, as: UInt32.self) })
        guard count <= 1 << 16, 64 + 32 * count <= bytes.count else { return bytes }
        for index in 0..<count {
            let at = 64 + 32 * index
            let (offset, length) = bytes.withUnsafeBytes {
                ($0.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self), $0.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            }
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            let sum = bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)])) }
            withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(at + 24..<at + 32, with: $0) }
        }
        let table = bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[64..<64 + 32 * count])) }
        withUnsafeBytes(of: table.littleEndian) { bytes.replaceSubrange(48..<56, with: $0) }
        let header = bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<56])) }
        withUnsafeBytes(of: header.littleEndian) { bytes.replaceSubrange(56..<64, with: $0) }
        return bytes
    }
}
