#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a `.txg` binary graph file (``BinaryGraphLayout``) by mapping it into memory: the graph's
/// columns are views of the mapping, so opening allocates nothing per node or edge.
///
/// Everything is validated before the graph is handed out, so a truncated, corrupted or hostile file
/// is one diagnostic naming the section and byte offset, never a crash or an out-of-bounds read: the
/// header and table (magic, version, byte order, bounds, alignment, XXH64 checksums), each section's
/// XXH64, its length against the node and edge counts, and its contents — string-table and CSR
/// offsets start at 0, never decrease and end at their column's length; every node, edge and kind
/// index is in range; the id index has an empty slot; the hierarchy's parents, depths, preorder,
/// positions and subtree ends agree (which also rules out cycles); attribute tags match their
/// column's type.
///
/// - Complexity: O(file size) for validation (one pass over every byte for the checksums, one over
///   every index); no allocation proportional to V or E.
public enum BinaryGraphReader: GraphReader {
    /// Maps and opens the file at `path`.
    ///
    /// - Parameters:
    ///   - verifyingChecksums: whether to hash every section (the structural checks run regardless,
    ///     so skipping this cannot make a read unsafe, only let a flipped value through).
    ///   - records: where files already verified are recorded (``VerifiedRecords``): a file recorded
    ///     in its present state is opened without hashing its sections and without faulting in the
    ///     pages no check reads; one not recorded is verified and then recorded.
    /// - Throws: ``DiagnosticList`` with one error naming the file, section and byte offset.
    public static func read(path: String, verifyingChecksums: Bool = true, records: VerifiedRecords? = nil) throws(DiagnosticList) -> Graph
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicFile.failure("cannot read '\(path)': \(AtomicFile.systemError())") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw AtomicFile.failure("cannot read '\(path)': \(AtomicFile.systemError())") }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw AtomicFile.failure("cannot read '\(path)': it is a directory") }
        let size = Int(status.st_size)
        guard size >= BinaryGraphLayout.headerSize else {
            throw AtomicFile.failure(
                "\(path): header at byte 0: the file has \(size) bytes, fewer than the \(BinaryGraphLayout.headerSize)-byte header")
        }
        var header = [UInt8](repeating: 0, count: BinaryGraphLayout.headerSize)
        let headerRead = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let headerChecksum =
            headerRead == header.count ? header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 56, as: UInt64.self) } : 0
        let verifying = verifyingChecksums && !(records?.contains(path, status, headerChecksum: headerChecksum) ?? false)
        #if os(Linux)
        // Hashing touches every page: mapping them in one call is cheaper than faulting each. Without
        // hashing, pages are faulted in as checks and queries read them.
        let flags = verifying ? MAP_PRIVATE | MAP_POPULATE : MAP_PRIVATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let mapping = mmap(nil, size, PROT_READ, flags, descriptor, 0), mapping != MAP_FAILED else {
            throw AtomicFile.failure("cannot map '\(path)': \(AtomicFile.systemError())")
        }
        let region = StorageRegion(base: UnsafeRawPointer(mapping), byteCount: size) { base, count in
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        }
        var opener = BinaryGraphOpener(region: region, path: path, verifyingChecksums: verifying)
        let graph = try opener.graph()
        if verifying { records?.record(path, status, headerChecksum: headerChecksum) }
        return graph
    }

    /// Opens a `.txg` file already in memory (copied once into an aligned region).
    public static func read(_ file: InputFile) throws(DiagnosticList) -> Graph {
        let region = StorageRegion(allocating: file.bytes.count)
        file.bytes.withUnsafeBytes { bytes in
            if let source = bytes.baseAddress {
                UnsafeMutableRawPointer(mutating: region.base).copyMemory(from: source, byteCount: bytes.count)
            }
        }
        var opener = BinaryGraphOpener(region: region, path: file.path, verifyingChecksums: true)
        return try opener.graph()
    }
}

/// One opening of a mapped file: the table, and typed views checked against it.
private struct BinaryGraphOpener {
    struct Entry {
        var kind: UInt32, part: UInt32, offset: Int, length: Int, checksum: UInt64, tableOffset: Int
    }

    let region: StorageRegion
    let path: String
    let verifyingChecksums: Bool
    var entries: [UInt64: Entry] = [:]
    var nodeCount = 0, edgeCount = 0

    init(region: StorageRegion, path: String, verifyingChecksums: Bool) {
        self.region = region
        self.path = path
        self.verifyingChecksums = verifyingChecksums
    }

    func failure(_ place: String, _ offset: Int, _ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, "\(path): \(place) at byte \(offset): \(message)")])
    }

    func failure(_ section: BinaryGraphSection, part: UInt32 = 0, _ offset: Int, _ message: String) -> DiagnosticList {
        failure("section '\(section.name)'" + (section.isPerColumn ? " (column \(part))" : ""), offset, message)
    }

    func load<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        T(littleEndian: region.base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    func bytes(_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: region.base + offset, count: count)
    }

    mutating func readHeader() throws(DiagnosticList) {
        let size = region.byteCount
        guard size >= BinaryGraphLayout.headerSize else {
            throw failure("header", 0, "the file has \(size) bytes, fewer than the \(BinaryGraphLayout.headerSize)-byte header")
        }
        guard bytes(0, 8).elementsEqual(BinaryGraphLayout.magic) else {
            throw failure("header", 0, "not a Tongxin binary graph (the magic bytes are not 'TONGXIN\\x1A')")
        }
        let version = load(UInt32.self, at: 8)
        guard version == BinaryGraphLayout.version else {
            throw failure(
                "header", 8,
                "format version \(version); this Tongxin reads version \(BinaryGraphLayout.version) (re-create the file with 'tongxin convert')"
            )
        }
        guard load(UInt32.self, at: 12) == BinaryGraphLayout.byteOrderMark else {
            throw failure("header", 12, "the byte-order mark is wrong: the file is not little-endian or is corrupt")
        }
        guard XXH64.hash(bytes(0, 56)) == load(UInt64.self, at: 56) else {
            throw failure("header", 56, "the header checksum does not match: the file is corrupt")
        }
        guard load(UInt32.self, at: 16) == UInt32(BinaryGraphLayout.headerSize) else {
            throw failure("header", 16, "header size \(load(UInt32.self, at: 16)), expected \(BinaryGraphLayout.headerSize)")
        }
        let sections = Int(load(UInt32.self, at: 20))
        let nodes = load(UInt64.self, at: 24), edges = load(UInt64.self, at: 32), fileSize = load(UInt64.self, at: 40)
        guard nodes < UInt64(Int32.max) else { throw failure("header", 24, "\(nodes) nodes: more than 32-bit indices allow") }
        guard edges < UInt64(Int32.max) else { throw failure("header", 32, "\(edges) edges: more than 32-bit indices allow") }
        guard fileSize == UInt64(size) else {
            throw failure("header", 40, "the file should have \(fileSize) bytes but has \(size): it is truncated or was extended")
        }
        nodeCount = Int(nodes)
        edgeCount = Int(edges)
        let tableStart = BinaryGraphLayout.headerSize
        guard sections <= (size - tableStart) / BinaryGraphLayout.entrySize else {
            throw failure("header", 20, "\(sections) sections do not fit in the file")
        }
        guard XXH64.hash(bytes(tableStart, sections * BinaryGraphLayout.entrySize)) == load(UInt64.self, at: 48) else {
            throw failure("section table", tableStart, "the table checksum does not match: the file is corrupt")
        }
        for index in 0..<sections {
            let at = tableStart + index * BinaryGraphLayout.entrySize
            let kind = load(UInt32.self, at: at), part = load(UInt32.self, at: at + 4)
            let offset = load(UInt64.self, at: at + 8), length = load(UInt64.self, at: at + 16)
            guard BinaryGraphSection(rawValue: kind) != nil else {
                throw failure("section table", at, "unknown section kind \(kind)")
            }
            guard offset % 8 == 0, offset <= UInt64(size), length <= UInt64(size) - offset else {
                throw failure(
                    "section table", at + 8,
                    "section '\(BinaryGraphSection(rawValue: kind)!.name)' (offset \(offset), \(length) bytes) lies outside the \(size)-byte file or is misaligned"
                )
            }
            let entry = Entry(
                kind: kind, part: part, offset: Int(offset), length: Int(length),
                checksum: load(UInt64.self, at: at + 24), tableOffset: at)
            guard entries.updateValue(entry, forKey: UInt64(kind) << 32 | UInt64(part)) == nil else {
                throw failure("section table", at, "section '\(BinaryGraphSection(rawValue: kind)!.name)' appears twice")
            }
        }
    }

    /// The entry of a section, checksum verified; `nil` for an absent optional section.
    func entry(_ kind: BinaryGraphSection, part: UInt32 = 0, required: Bool = true) throws(DiagnosticList) -> Entry? {
        guard let entry = entries[UInt64(kind.rawValue) << 32 | UInt64(part)] else {
            if required { throw failure(kind, part: part, BinaryGraphLayout.headerSize, "the section is missing from the table") }
            return nil
        }
        if verifyingChecksums && XXH64.hash(bytes(entry.offset, entry.length)) != entry.checksum {
            throw failure(kind, part: part, entry.offset, "the checksum does not match: the file is corrupt")
        }
        return entry
    }

    /// A section as an array of `count` elements (any count when `nil`).
    func array<T: BitwiseCopyable>(_ kind: BinaryGraphSection, part: UInt32 = 0, count: Int?, as type: T.Type = T.self)
        throws(DiagnosticList) -> FlatArray<T>
    {
        guard let entry = try entry(kind, part: part) else { return FlatArray() }
        return try array(entry, kind, part: part, count: count)
    }

    func array<T: BitwiseCopyable>(_ entry: Entry, _ kind: BinaryGraphSection, part: UInt32 = 0, count: Int?) throws(DiagnosticList)
        -> FlatArray<T>
    {
        let stride = MemoryLayout<T>.stride
        guard entry.length % stride == 0, count.map({ $0 * stride == entry.length }) ?? true else {
            let expected = count.map { "\($0 * stride) bytes (\($0) × \(stride))" } ?? "a multiple of \(stride) bytes"
            throw failure(kind, part: part, entry.offset, "\(entry.length) bytes where \(expected) were expected")
        }
        return FlatArray(region: region, byteOffset: entry.offset, count: entry.length / stride)
    }

    /// A string table from its two sections, `count` strings (any count when `nil`).
    func strings(_ offsetsKind: BinaryGraphSection, _ bytesKind: BinaryGraphSection, part: UInt32 = 0, count: Int?) throws(DiagnosticList)
        -> StringTable
    {
        let offsets: FlatArray<Int> = try array(offsetsKind, part: part, count: count.map { $0 + 1 })
        let bytes: FlatArray<UInt8> = try array(bytesKind, part: part, count: nil)
        let start = entries[UInt64(offsetsKind.rawValue) << 32 | UInt64(part)]!.offset
        guard !offsets.isEmpty, offsets[0] == 0 else {
            throw failure(offsetsKind, part: part, start, "a string table's offsets must start with 0")
        }
        if let bad = offsets.firstDecrease() { throw failure(offsetsKind, part: part, start + 8 * bad, "string offsets decrease") }
        guard offsets[offsets.count - 1] == bytes.count else {
            throw failure(
                offsetsKind, part: part, start + 8 * (offsets.count - 1),
                "the last offset is \(offsets[offsets.count - 1]) but the strings have \(bytes.count) bytes")
        }
        return StringTable(offsets: offsets, bytes: bytes)
    }

    /// Checks every entry of `indices` is in `lower ..< upper`.
    func checkRange(_ indices: FlatArray<Int32>, _ kind: BinaryGraphSection, _ lower: Int32, _ upper: Int, what: String)
        throws(DiagnosticList)
    {
        if let bad = indices.firstIndex(outside: lower, upper) {
            throw failure(
                kind, entries[UInt64(kind.rawValue) << 32]!.offset + 4 * bad,
                "\(indices[bad]) is not a valid \(what) (expected \(lower) ..< \(upper))")
        }
    }

    func adjacency(_ kinds: [BinaryGraphSection], nodes: Int, entries count: Int, indexBound: Int, neighborBound: Int)
        throws(DiagnosticList) -> Adjacency
    {
        let offsets: FlatArray<Int> = try array(kinds[0], count: nodes + 1)
        let neighbors: FlatArray<Int32> = try array(kinds[1], count: count)
        let edges: FlatArray<Int32> = try array(kinds[2], count: count)
        let start = entries[UInt64(kinds[0].rawValue) << 32]!.offset
        guard offsets[0] == 0, offsets[nodes] == count else {
            throw failure(kinds[0], start, "offsets must run from 0 to \(count)")
        }
        if let (column, position) = Adjacency.firstProblem(offsets: offsets, indices: neighbors, below: neighborBound) {
            throw column == .offsets
                ? failure(kinds[0], start + 8 * position, "offsets decrease")
                : failure(kinds[1], entries[UInt64(kinds[1].rawValue) << 32]!.offset + 4 * position, "node index out of range")
        }
        try checkRange(edges, kinds[2], 0, max(indexBound, 0), what: "index")
        return Adjacency(offsets: offsets, neighbors: neighbors, edges: edges)
    }

    func attributes(_ block: BinaryGraphSection.Block, rows: Int) throws(DiagnosticList) -> AttributeColumns {
        let section = { (index: UInt32) in BinaryGraphSection.attribute(block, index) }
        let names = try strings(section(0), section(1), count: nil)
        let codes: FlatArray<UInt8> = try array(section(2), count: names.count)
        var types: [AttributeType] = [], packed: [PackedAttributeColumn] = []
        var seen = Set<String>()
        for column in 0..<names.count {
            guard let type = BinaryGraphCodes.type(of: codes[column]) else {
                throw failure(
                    section(2), entries[UInt64(section(2).rawValue) << 32]!.offset + column, "unknown attribute type code \(codes[column])")
            }
            guard seen.insert(names[column]).inserted else {
                throw failure(
                    section(0), entries[UInt64(section(0).rawValue) << 32]!.offset + 8 * column,
                    "attribute '\(names[column])' appears twice")
            }
            let part = UInt32(column)
            let values = PackedAttributeColumn(
                tags: try array(section(3), part: part, count: rows), payloads: try array(section(4), part: part, count: rows),
                strings: try strings(section(5), section(6), part: part, count: nil))
            if let row = values.firstInvalidRow(type: type) {
                throw failure(
                    section(3), part: part, entries[UInt64(section(3).rawValue) << 32 | UInt64(part)]!.offset + row,
                    "row \(row) holds a value that is not a \(type.rawValue) (tag \(values.tags[row]))")
            }
            types.append(type)
            packed.append(values)
        }
        return AttributeColumns(names: Array(names), types: types, packed: packed, rows: rows)
    }

    mutating func graph() throws(DiagnosticList) -> Graph {
        try readHeader()
        let n = nodeCount, m = edgeCount
        let nameEntry = try entry(.graphName)!
        let name = String(decoding: bytes(nameEntry.offset, nameEntry.length), as: UTF8.self)
        let ids = try strings(.idOffsets, .idBytes, count: n)
        let slots: FlatArray<Int32> = try array(.idIndex, count: nil)
        let slotStart = entries[UInt64(BinaryGraphSection.idIndex.rawValue) << 32]!.offset
        guard slots.count > n, slots.count & (slots.count - 1) == 0 else {
            throw failure(.idIndex, slotStart, "\(slots.count) slots for \(n) ids: the index needs a power of two above the node count")
        }
        try checkRange(slots, .idIndex, -1, n, what: "node index")
        guard slots.contains(-1) else { throw failure(.idIndex, slotStart, "the id index has no empty slot") }
        let names = OptionalStringTable(
            strings: try strings(.nameOffsets, .nameBytes, count: n),
            present: try array(.namePresent, count: n))
        let nodeKinds = try strings(.nodeKindOffsets, .nodeKindBytes, count: nil)
        let nodeKindIndices: FlatArray<Int32> = try array(.nodeKinds, count: n)
        try checkRange(nodeKindIndices, .nodeKinds, 0, nodeKinds.count, what: "node kind")
        let sources: FlatArray<Int32> = try array(.sources, count: m)
        try checkRange(sources, .sources, 0, n, what: "node index")
        let targets: FlatArray<Int32> = try array(.targets, count: m)
        try checkRange(targets, .targets, 0, n, what: "node index")
        let edgeKinds = try strings(.edgeKindOffsets, .edgeKindBytes, count: nil)
        let edgeKindIndices: FlatArray<Int32> = try array(.edgeKinds, count: m)
        try checkRange(edgeKindIndices, .edgeKinds, 0, edgeKinds.count, what: "edge kind")
        let weights: FlatArray<Double>? = try entry(.weights, required: false).map { (entry) throws(DiagnosticList) in
            try array(entry, .weights, count: m)
        }
        let outgoing = try adjacency([.outOffsets, .outNeighbors, .outEdges], nodes: n, entries: m, indexBound: m, neighborBound: n)
        let incoming = try adjacency([.inOffsets, .inNeighbors, .inEdges], nodes: n, entries: m, indexBound: m, neighborBound: n)
        let childCount = (try entry(.childNodes)!).length / 4
        let children = try adjacency(
            [.childOffsets, .childNodes, .childNumbers], nodes: n, entries: childCount, indexBound: childCount, neighborBound: n)
        let hierarchy = Hierarchy(
            parents: try array(.parents, count: n), depths: try array(.depths, count: n), preorder: try array(.preorder, count: n),
            positions: try array(.positions, count: n), subtreeEnds: try array(.subtreeEnds, count: n), childLists: children)
        if let node = hierarchy.firstInconsistentNode() {
            let offset = entries[UInt64(BinaryGraphSection.parents.rawValue) << 32]!.offset + 4 * max(node, 0)
            throw failure(
                .parents, offset,
                node < 0
                    ? "the hierarchy's arrays disagree in length or child lists"
                    : "the hierarchy is inconsistent at node \(node) (parent, depth, preorder position or subtree end)")
        }
        let nodeAttributes = try attributes(.node, rows: n)
        let edgeAttributes = try attributes(.edge, rows: m)
        let metadataColumns = try attributes(.metadata, rows: 1)
        var metadata: [String: AttributeValue] = [:]
        for (column, key) in metadataColumns.names.enumerated() { metadata[key] = metadataColumns.value(column: column, at: 0) }
        return Graph(
            name: name, metadata: metadata, ids: ids, names: names, nodeKinds: Array(nodeKinds),
            nodeKindIndices: nodeKindIndices, nodeAttributes: nodeAttributes, sources: sources, targets: targets,
            edgeKinds: Array(edgeKinds), edgeKindIndices: edgeKindIndices, weights: weights, edgeAttributes: edgeAttributes,
            outgoing: outgoing, incoming: incoming, hierarchy: hierarchy, idIndex: IDIndex(slots: slots),
            warnings: try warnings())
    }

    func warnings() throws(DiagnosticList) -> [Diagnostic] {
        let texts = try strings(.warningTextOffsets, .warningTextBytes, count: nil)
        guard texts.count % 3 == 0 else {
            throw failure(
                .warningTextOffsets, entries[UInt64(BinaryGraphSection.warningTextOffsets.rawValue) << 32]!.offset,
                "warnings are stored as three strings each")
        }
        let places: FlatArray<Int64> = try array(.warningPlaces, count: texts.count)
        return stride(from: 0, to: texts.count, by: 3).map { first in
            let location =
                places[first] == 0
                ? nil
                : SourceLocation(file: texts[first + 2], line: Int(places[first + 1]), column: Int(places[first + 2]))
            return Diagnostic(Diagnostic.Severity(rawValue: texts[first]) ?? .warning, texts[first + 1], at: location)
        }
    }
}
