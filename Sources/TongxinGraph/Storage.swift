#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A block of memory that ``FlatArray``s point into: a heap allocation the graph made, or a
/// read-only mapping of a `.txg` file. It is released when the last array viewing it goes away.
///
/// This is the one storage abstraction under ``Graph``: every column is a typed window on a region,
/// so a graph built in memory and one mapped from disk run the same code, and hot loops read plain
/// unsafe buffers with no existential or branch on where the bytes live.
public final class StorageRegion: @unchecked Sendable {
    /// The first byte.
    public let base: UnsafeRawPointer
    /// The region's size in bytes.
    public let byteCount: Int
    private let release: @Sendable (UnsafeRawPointer, Int) -> Void

    /// A region over memory someone else owns; `release` runs once, when the region is freed (a file
    /// mapping passes `munmap` here).
    public init(base: UnsafeRawPointer, byteCount: Int, release: @escaping @Sendable (UnsafeRawPointer, Int) -> Void) {
        self.base = base
        self.byteCount = byteCount
        self.release = release
    }

    /// A zeroed heap region of `byteCount` bytes aligned to 16.
    public convenience init(allocating byteCount: Int) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1), alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 1))
        self.init(base: UnsafeRawPointer(memory), byteCount: byteCount) { base, _ in
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    deinit { release(base, byteCount) }
}

/// A read-only array of plain values stored in a ``StorageRegion``: a Swift array copied into the
/// heap, or a section of a mapped `.txg` file, viewed without copying.
///
/// Reading an element is one bounds check and one load, like `Array`; ``withUnsafeBufferPointer(_:)``
/// hands hot loops the raw buffer. It is a `RandomAccessCollection`, equatable and expressible by an
/// array literal, so code written against `[Int32]` reads the same.
public struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let base: UnsafePointer<Element>?
    public let count: Int
    /// Keeps the memory alive; `nil` only for the empty array.
    @usableFromInline let region: StorageRegion?

    /// The empty array.
    public init() {
        base = nil
        count = 0
        region = nil
    }

    /// A copy of `elements` in a region of its own. O(n).
    public init(_ elements: some Collection<Element>) {
        let count = elements.count
        guard count > 0 else {
            (base, self.count, region) = (nil, 0, nil)
            return
        }
        let region = StorageRegion(allocating: count * MemoryLayout<Element>.stride)
        let typed = UnsafeMutableRawPointer(mutating: region.base).bindMemory(to: Element.self, capacity: count)
        _ = UnsafeMutableBufferPointer(start: typed, count: count).initialize(from: elements)
        (base, self.count, self.region) = (UnsafePointer(typed), count, region)
    }

    /// `count` elements in a region of its own, which `initialize` must initialize in full: for
    /// producers that write their elements in place rather than into an array to be copied. O(n).
    public init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        guard count > 0 else {
            (base, self.count, region) = (nil, 0, nil)
            initialize(UnsafeMutableBufferPointer(start: nil, count: 0))
            return
        }
        let region = StorageRegion(allocating: count * MemoryLayout<Element>.stride)
        let typed = UnsafeMutableRawPointer(mutating: region.base).bindMemory(to: Element.self, capacity: count)
        initialize(UnsafeMutableBufferPointer(start: typed, count: count))
        (base, self.count, self.region) = (UnsafePointer(typed), count, region)
    }

    /// A view of `count` elements at `byteOffset` in `region`, without copying.
    ///
    /// - Precondition: the range lies inside the region and is aligned for `Element` (the `.txg`
    ///   reader checks both and reports a diagnostic otherwise).
    public init(region: StorageRegion, byteOffset: Int, count: Int) {
        precondition(
            byteOffset >= 0 && count >= 0
                && byteOffset + count * MemoryLayout<Element>.stride <= region.byteCount
                && Int(bitPattern: region.base + byteOffset) % MemoryLayout<Element>.alignment == 0,
            "FlatArray outside its region")
        self.base = count == 0 ? nil : (region.base + byteOffset).assumingMemoryBound(to: Element.self)
        self.count = count
        self.region = count == 0 ? nil : region
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Element {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "FlatArray index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// Calls `body` with the elements as a buffer, valid for the duration of the call.
    @inlinable public func withUnsafeBufferPointer<R, E: Error>(
        _ body: (UnsafeBufferPointer<Element>) throws(E) -> R
    ) throws(E) -> R {
        try withExtendedLifetime(region) { () throws(E) -> R in
            try body(UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// The elements as bytes (for writers).
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(region) { try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count))) }
    }
}

extension FlatArray where Element == Int32 {
    /// The position of the first element outside `lower ..< upper`, or `nil`: what validating a
    /// mapped file's index columns asks. Each block of 4,096 is checked without a branch (one
    /// unsigned comparison per element, OR-ed together, so the loop vectorizes), and only a failing
    /// block is searched for the element. O(n).
    public func firstIndex(outside lower: Int32, _ upper: Int) -> Int? {
        let span = UInt32(clamping: Swift.max(upper - Int(lower), 0))
        return withUnsafeBufferPointer { values in
            var start = 0
            while start < values.count {
                let end = Swift.min(start + 4096, values.count)
                var outside: UInt32 = 0
                for position in start..<end { outside |= UInt32(bitPattern: values[position] &- lower) >= span ? 1 : 0 }
                if outside != 0 { return (start..<end).first { UInt32(bitPattern: values[$0] &- lower) >= span } }
                start = end
            }
            return nil
        }
    }
}

extension FlatArray where Element == Int {
    /// The position of the first element smaller than the one before it, or `nil` (offsets must not
    /// decrease). Blockwise without branches, like ``firstIndex(outside:_:)``. O(n).
    public func firstDecrease() -> Int? {
        withUnsafeBufferPointer { values in
            var start = 1
            while start < values.count {
                let end = Swift.min(start + 4096, values.count)
                var decreasing: UInt8 = 0
                for position in start..<end { decreasing |= values[position - 1] > values[position] ? 1 : 0 }
                if decreasing != 0 { return (start..<end).first { values[$0 - 1] > values[$0] } }
                start = end
            }
            return nil
        }
    }
}

extension FlatArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension FlatArray: Equatable where Element: Equatable {
    public static func == (lhs: FlatArray, rhs: FlatArray) -> Bool { lhs.elementsEqual(rhs) }
}

extension FlatArray: CustomStringConvertible {
    public var description: String { Array(self).description }
}

/// A read-only list of strings stored as one UTF-8 byte table and `count + 1` offsets into it, so a
/// million ids cost two allocations (or none, when mapped from a `.txg` file) rather than a million.
///
/// Subscripting decodes the string (invalid UTF-8 from a hostile file is repaired with U+FFFD, never
/// trusted); ``withUTF8(_:_:)`` gives the bytes without decoding.
public struct StringTable: RandomAccessCollection, Sendable {
    /// `offsets[i] ..< offsets[i + 1]` are string `i`'s bytes in ``bytes``; `count + 1` entries.
    public let offsets: FlatArray<Int>
    /// The strings' UTF-8 bytes, back to back.
    public let bytes: FlatArray<UInt8>

    /// A table of `strings`. O(total bytes).
    public init(_ strings: some Collection<String>) {
        var offsets = [Int](), bytes = [UInt8]()
        offsets.reserveCapacity(strings.count + 1)
        offsets.append(0)
        for string in strings {
            var string = string
            string.withUTF8 { bytes.append(contentsOf: $0) }
            offsets.append(bytes.count)
        }
        self.init(offsets: FlatArray(offsets), bytes: FlatArray(bytes))
    }

    /// A table over existing columns.
    ///
    /// - Precondition: `offsets` is non-empty, starts at 0, never decreases and ends at most at
    ///   `bytes.count` (the `.txg` reader checks this before calling).
    public init(offsets: FlatArray<Int>, bytes: FlatArray<UInt8>) {
        precondition(!offsets.isEmpty, "a string table has count + 1 offsets")
        self.offsets = offsets
        self.bytes = bytes
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count - 1 }

    public subscript(position: Int) -> String {
        withUTF8(position) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with string `position`'s UTF-8 bytes.
    @inlinable public func withUTF8<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = offsets[position], end = offsets[position + 1]
        precondition(start <= end && end <= bytes.count, "string table offsets out of range")
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }
}

extension StringTable {
    /// Whether string `a` orders before string `b` by their UTF-8 bytes (Unicode code point order,
    /// which is `String`'s `<` for text in normal form C), without decoding either. O(length).
    public func precedes(_ a: Int, _ b: Int) -> Bool {
        withUTF8(a) { first in
            withUTF8(b) { second in
                let common = Swift.min(first.count, second.count)
                if common > 0 {
                    let order = memcmp(first.baseAddress!, second.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return first.count < second.count
            }
        }
    }
}

extension StringTable: ExpressibleByArrayLiteral, Equatable, CustomStringConvertible {
    public init(arrayLiteral elements: String...) { self.init(elements) }
    public static func == (lhs: StringTable, rhs: StringTable) -> Bool { lhs.elementsEqual(rhs) }
    public var description: String { Array(self).description }
}

/// A ``StringTable`` in which an entry may be absent (`nil`), as node names are.
public struct OptionalStringTable: RandomAccessCollection, Sendable {
    /// The strings; an absent entry is stored as the empty string.
    public let strings: StringTable
    /// 1 where the entry is present, 0 where it is absent.
    public let present: FlatArray<UInt8>

    /// A table of `strings`. O(total bytes).
    public init(_ strings: some Collection<String?>) {
        self.init(strings: StringTable(strings.map { $0 ?? "" }), present: FlatArray(strings.map { $0 == nil ? 0 : 1 }))
    }

    /// A table over existing columns.
    ///
    /// - Precondition: `present` has one entry per string.
    public init(strings: StringTable, present: FlatArray<UInt8>) {
        precondition(strings.count == present.count, "one presence flag per string")
        self.strings = strings
        self.present = present
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { present.count }

    public subscript(position: Int) -> String? {
        present[position] == 0 ? nil : strings[position]
    }
}

extension OptionalStringTable: ExpressibleByArrayLiteral, Equatable {
    public init(arrayLiteral elements: String?...) { self.init(elements) }
    public static func == (lhs: OptionalStringTable, rhs: OptionalStringTable) -> Bool { lhs.elementsEqual(rhs) }
}
