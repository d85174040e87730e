#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from node ids, as raw UTF-8 bytes, to node indices: what ``GraphBuilder`` and the CSV
/// reader use to turn ids into indices without creating a `String` or hashing with SipHash.
///
/// Open addressing with linear probing over a power-of-two array of 24-byte slots: the key's first
/// 16 bytes inline, its length, a 24-bit fingerprint of its hash and the node index. Keys of up to 16
/// bytes (most ids) are compared inside the slot, so a lookup costs one cache miss; longer keys are
/// checked against a byte arena. Lookups are read-only and safe from several threads at once.
///
/// - Complexity: insert and lookup O(key length) expected; memory 24 bytes per slot (at most 5/8
///   full) plus the keys' bytes and 8 bytes per key.
package struct IDTable: Sendable {
    private struct Slot {
        var prefix0: UInt64
        var prefix1: UInt64
        /// fingerprint (24 bits) | length, capped at 255 (8 bits) | node index + 1 (32 bits); 0 = empty.
        var meta: UInt64
    }

    private var slots: [Slot]
    private var mask: Int
    private var arena: [UInt8] = []
    private var keyEnds: [Int] = [0]
    package private(set) var count = 0

    package init(capacity: Int) {
        var size = 16
        while size * 5 < capacity * 8 { size <<= 1 }
        slots = [Slot](repeating: Slot(prefix0: 0, prefix1: 0, meta: 0), count: size)
        mask = size - 1
    }

    /// The slot contents `key` would have, without the index.
    @inline(__always)
    private static func probe(_ key: UnsafeRawBufferPointer) -> (hash: UInt64, slot: Slot) {
        let hash = ByteHash.hash(key)
        let meta = (hash >> 40) << 40 | UInt64(min(key.count, 255)) << 32
        return (hash, Slot(prefix0: ByteHash.word(key, from: 0), prefix1: ByteHash.word(key, from: 8), meta: meta))
    }

    /// The index stored for `key`, or `nil`.
    @inline(__always)
    package func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        let (hash, wanted) = Self.probe(key)
        return find(key, hash: hash, wanted: wanted).node
    }

    /// The index stored for `key` (whose ``probe(_:)`` is `hash` and `wanted`), or `nil` and the
    /// empty slot that ends its probe sequence, where an insert puts it.
    @inline(__always)
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64, wanted: Slot) -> (node: Int32?, slot: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry.meta == 0 { return (nil, slot) }
                if entry.meta >> 32 == wanted.meta >> 32 && entry.prefix0 == wanted.prefix0 && entry.prefix1 == wanted.prefix1 {
                    let node = Int32(truncatingIfNeeded: entry.meta) - 1
                    if key.count <= 16 || matches(Int(node), key) { return (node, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `key` → the next index (``count``), unless the key is already there; the key is
    /// hashed once for both the lookup and the insert.
    ///
    /// - Returns: the existing index for a duplicate key, `nil` when the key was added.
    package mutating func insert(_ key: UnsafeRawBufferPointer) -> Int32? {
        if 8 * (count + 1) > 5 * slots.count { grow() }
        var (hash, entry) = Self.probe(key)
        let (existing, slot) = find(key, hash: hash, wanted: entry)
        if let existing { return existing }
        entry.meta |= UInt64(UInt32(count + 1))
        slots[slot] = entry
        if key.count > 16 { arena.append(contentsOf: key) }
        keyEnds.append(arena.count)
        count += 1
        return nil
    }

    /// The index stored for `id`, or `nil`.
    package func find(_ id: String) -> Int32? {
        var id = id
        return id.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }

    /// Adds `id` → the next index (``count``), unless it is already there: then its index.
    package mutating func insert(_ id: String) -> Int32? {
        var id = id
        return id.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
    }

    /// Whether the long key of `node` (kept in the arena) equals `key`.
    @inline(__always)
    private func matches(_ node: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = keyEnds[node], end = keyEnds[node + 1]
        guard end - start == key.count else { return false }
        return arena.withUnsafeBytes { arena in memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(prefix0: 0, prefix1: 0, meta: 0), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.meta != 0 {
            // The hash's top 24 bits are in the fingerprint, not enough to place the slot: rehash.
            var bytes = [entry.prefix0, entry.prefix1]
            let node = Int(Int32(truncatingIfNeeded: entry.meta) - 1)
            let length = Int(entry.meta >> 32 & 0xFF)
            let hash: UInt64
            if keyEnds[node + 1] > keyEnds[node] {
                hash = arena.withUnsafeBytes { ByteHash.hash(UnsafeRawBufferPointer(rebasing: $0[keyEnds[node]..<keyEnds[node + 1]])) }
            } else {
                hash = bytes.withUnsafeBytes { ByteHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
            }
            bytes.removeAll()
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].meta != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
