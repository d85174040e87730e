/// The hash Tongxin uses for byte strings (node ids): 8 bytes at a time, multiply and fold (a
/// wyhash-like mix). It is part of the `.txg` file format (the stored id index is laid out by it), so
/// changing it changes the format version.
///
/// - Complexity: O(key length).
public enum ByteHash {
    @inline(__always)
    public static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: key.count)
        var index = 0
        while index + 8 <= key.count {
            let word = key.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let product = (hash ^ word).multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
            hash = product.low ^ product.high
            index += 8
        }
        if index < key.count {
            let product = (hash ^ word(key, from: index)).multipliedFullWidth(by: 0xE703_7ED1_A0B4_28DB)
            hash = product.low ^ product.high
        }
        let product = hash.multipliedFullWidth(by: 0x8EBC_6AF0_9C88_C6E3)
        return product.low ^ product.high
    }

    /// Up to 8 bytes of `key` from `start`, little-endian, zero-padded.
    @inline(__always)
    public static func word(_ key: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        if start + 8 <= key.count { return key.loadUnaligned(fromByteOffset: start, as: UInt64.self) }
        var word: UInt64 = 0
        var offset = start
        while offset < key.count {
            word |= UInt64(key[offset]) << (8 * UInt64(offset - start))
            offset += 1
        }
        return word
    }
}

/// The frozen id → node index map of a ``Graph``: open addressing with linear probing over a
/// power-of-two array of node indices (-1 empty, at most half full), keyed by ``ByteHash`` of the
/// id's UTF-8 bytes and compared against the graph's id ``StringTable``. Flat, so a `.txg` file
/// stores it and opening the file builds no dictionary.
///
/// - Complexity: built in O(V + id bytes); a lookup is O(id length) expected, and never more than
///   one pass over the slots, even in a hostile file.
public struct IDIndex: Sendable {
    /// Node indices by slot; -1 marks an empty slot. The count is a power of two.
    public let slots: FlatArray<Int32>

    /// The index of `ids`. O(V).
    public init(ids: StringTable) {
        var size = 16
        while size < 2 * ids.count { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for node in ids.indices {
            var slot = ids.withUTF8(node) { Int(truncatingIfNeeded: ByteHash.hash(UnsafeRawBufferPointer($0))) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(node)
        }
        self.slots = FlatArray(slots)
    }

    /// An index over stored slots.
    ///
    /// - Precondition: the count is a power of two (the `.txg` reader checks, with every entry < V).
    public init(slots: FlatArray<Int32>) {
        precondition(slots.count > 0 && slots.count & (slots.count - 1) == 0, "id index size is a power of two")
        self.slots = slots
    }

    /// The node whose id is `id`, or `nil`.
    public func find(_ id: String, in ids: StringTable) -> Int? {
        var id = id
        return id.withUTF8 { key in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: ByteHash.hash(UnsafeRawBufferPointer(key))) & mask
            for _ in 0..<slots.count {
                let node = Int(slots[slot])
                if node < 0 { return nil }
                if node < ids.count, ids.withUTF8(node, { $0.elementsEqual(key) }) { return node }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
