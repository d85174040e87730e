/// The layout of a `.txg` binary graph file (DESIGN.md, "The .txg binary graph"): a 64-byte header,
/// a table of sections, then the sections, each starting on a 64-byte boundary.
///
/// Header (all integers little-endian): magic `TONGXIN` + 0x1A (8 bytes); format version (UInt32,
/// ``version``); byte-order mark 0x0A0B0C0D (UInt32, so a reader on another byte order refuses the
/// file); header size (UInt32, 64); section count (UInt32); node count, edge count, file size
/// (UInt64 each); XXH64 of the section table; XXH64 of header bytes 0 ..< 56.
///
/// A table entry is 32 bytes: section kind (UInt32, ``BinaryGraphSection``), part (UInt32: the
/// attribute column, else 0), offset and length in bytes (UInt64 each), and the section's XXH64.
enum BinaryGraphLayout {
    static let magic: [UInt8] = Array("TONGXIN".utf8) + [0x1A]
    /// Bumped whenever the layout or the meaning of a section changes (the id hash included); a
    /// reader opens only its own version.
    static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0A0B_0C0D
    static let headerSize = 64
    static let entrySize = 32
    static let alignment = 64
}

/// The sections of a `.txg` file. Attribute blocks (node, edge, metadata) repeat one pattern of
/// seven sections at ``attributeBase(_:)``; their per-column sections carry the column in `part`.
enum BinaryGraphSection: UInt32, CaseIterable {
    case graphName = 1
    case idOffsets, idBytes, idIndex
    case nameOffsets, nameBytes, namePresent
    case nodeKindOffsets, nodeKindBytes, nodeKinds
    case sources, targets, edgeKindOffsets, edgeKindBytes, edgeKinds, weights
    case outOffsets, outNeighbors, outEdges, inOffsets, inNeighbors, inEdges
    case parents, depths, preorder, positions, subtreeEnds, childOffsets, childNodes, childNumbers
    case nodeColumnNameOffsets = 32, nodeColumnNameBytes, nodeColumnTypes, nodeTags, nodePayloads, nodeStringOffsets, nodeStringBytes
    case edgeColumnNameOffsets = 40, edgeColumnNameBytes, edgeColumnTypes, edgeTags, edgePayloads, edgeStringOffsets, edgeStringBytes
    case metadataNameOffsets = 48, metadataNameBytes, metadataTypes, metadataTags, metadataPayloads, metadataStringOffsets,
        metadataStringBytes
    case warningTextOffsets = 56, warningTextBytes, warningPlaces

    /// The three attribute blocks.
    enum Block: UInt32 {
        case node = 32, edge = 40, metadata = 48
    }

    /// Section `index` (0 names' offsets, 1 names' bytes, 2 types, 3 tags, 4 payloads, 5 string
    /// offsets, 6 string bytes) of an attribute block.
    static func attribute(_ block: Block, _ index: UInt32) -> BinaryGraphSection {
        BinaryGraphSection(rawValue: block.rawValue + index)!
    }

    /// Whether the section is one attribute column's (its `part` is the column).
    var isPerColumn: Bool { rawValue >= Block.node.rawValue && rawValue < Self.warningTextOffsets.rawValue && rawValue % 8 >= 3 }

    /// The name diagnostics use.
    var name: String { String(describing: self) }
}

/// XXH64 (Yann Collet, xxHash specification, https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md),
/// the checksum of `.txg` header, table and sections: four 64-bit lanes, about 1 byte per cycle
/// per core here, so verifying a file costs roughly the time to read it from memory once.
///
/// - Complexity: O(n).
enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    /// The hash of `bytes` with seed 0.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4 = 0 &- prime1
            while offset + 32 <= count {
                v1 = round(v1, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                v2 = round(v2, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                v3 = round(v3, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                v4 = round(v4, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(merge(merge(merge(hash, v1), v2), v3), v4)
        } else {
            hash = prime5
        }
        hash &+= UInt64(count)
        while offset + 8 <= count {
            hash ^= round(0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            hash ^= UInt64(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(bytes[offset]) &* prime5
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }
}
