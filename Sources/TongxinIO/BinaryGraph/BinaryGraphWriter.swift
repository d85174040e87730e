/// Writes the `.txg` binary graph file (``BinaryGraphLayout``): every column of the ``Graph`` as
/// one section, so ``BinaryGraphReader`` can map the file and view the sections in place.
///
/// The header and table come first, so checksums are computed in a first pass over the columns and
/// the bytes streamed in a second; nothing but the small table is held in extra memory (attribute
/// columns of a graph built in memory are packed first).
///
/// - Complexity: O(file size).
public enum BinaryGraphWriter: GraphWriter {
    /// A section: where it goes in the table and how to produce its bytes.
    private struct Section {
        var kind: BinaryGraphSection
        var part: UInt32 = 0
        var length: Int
        var bytes: ((UnsafeRawBufferPointer) -> Void) -> Void
    }

    public static func write(_ graph: Graph, to sink: inout ByteSink) {
        let sections = sections(of: graph)
        var table: [UInt8] = []
        var offset = BinaryGraphLayout.headerSize + sections.count * BinaryGraphLayout.entrySize
        var starts: [Int] = []
        for section in sections {
            offset = aligned(offset)
            starts.append(offset)
            var checksum: UInt64 = 0
            section.bytes { checksum = XXH64.hash($0) }
            append(UInt32(section.kind.rawValue), to: &table)
            append(section.part, to: &table)
            append(UInt64(offset), to: &table)
            append(UInt64(section.length), to: &table)
            append(checksum, to: &table)
            offset += section.length
        }
        let fileSize = offset
        var header = BinaryGraphLayout.magic
        append(BinaryGraphLayout.version, to: &header)
        append(BinaryGraphLayout.byteOrderMark, to: &header)
        append(UInt32(BinaryGraphLayout.headerSize), to: &header)
        append(UInt32(sections.count), to: &header)
        append(UInt64(graph.nodeCount), to: &header)
        append(UInt64(graph.edgeCount), to: &header)
        append(UInt64(fileSize), to: &header)
        append(table.withUnsafeBytes(XXH64.hash), to: &header)
        append(header.withUnsafeBytes(XXH64.hash), to: &header)
        sink.write(header)
        sink.write(table)
        var written = header.count + table.count
        for (section, start) in zip(sections, starts) {
            sink.write(repeatElement(0, count: start - written))
            section.bytes { bytes in
                // In slices, so a large column never doubles in the sink's buffer.
                var from = 0
                while from < bytes.count {
                    let to = min(bytes.count, from + (1 << 20))
                    sink.write(UnsafeRawBufferPointer(rebasing: bytes[from..<to]))
                    from = to
                }
            }
            written = start + section.length
        }
    }

    private static func aligned(_ offset: Int) -> Int {
        (offset + BinaryGraphLayout.alignment - 1) / BinaryGraphLayout.alignment * BinaryGraphLayout.alignment
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func flat<T>(_ kind: BinaryGraphSection, _ array: FlatArray<T>, part: UInt32 = 0) -> Section {
        Section(kind: kind, part: part, length: array.count * MemoryLayout<T>.stride) { use in array.withUnsafeBytes(use) }
    }

    private static func strings(_ offsets: BinaryGraphSection, _ bytes: BinaryGraphSection, _ table: StringTable, part: UInt32 = 0)
        -> [Section]
    {
        [flat(offsets, table.offsets, part: part), flat(bytes, table.bytes, part: part)]
    }

    private static func sections(of graph: Graph) -> [Section] {
        var sections = strings(.graphName, .graphName, StringTable([graph.name]))
        sections.removeFirst()  // the name's bytes alone: its length is the section's
        sections += strings(.idOffsets, .idBytes, graph.ids)
        sections.append(flat(.idIndex, graph.idIndex.slots))
        sections += strings(.nameOffsets, .nameBytes, graph.names.strings)
        sections.append(flat(.namePresent, graph.names.present))
        sections += strings(.nodeKindOffsets, .nodeKindBytes, StringTable(graph.nodeKinds))
        sections.append(flat(.nodeKinds, graph.nodeKindIndices))
        sections.append(flat(.sources, graph.sources))
        sections.append(flat(.targets, graph.targets))
        sections += strings(.edgeKindOffsets, .edgeKindBytes, StringTable(graph.edgeKinds))
        sections.append(flat(.edgeKinds, graph.edgeKindIndices))
        if let weights = graph.weights { sections.append(flat(.weights, weights)) }
        for (adjacency, kinds) in [
            (graph.outgoing, [BinaryGraphSection.outOffsets, .outNeighbors, .outEdges]),
            (graph.incoming, [.inOffsets, .inNeighbors, .inEdges]),
            (graph.hierarchy.childLists, [.childOffsets, .childNodes, .childNumbers])
        ] {
            sections += [flat(kinds[0], adjacency.offsets), flat(kinds[1], adjacency.neighbors), flat(kinds[2], adjacency.edges)]
        }
        let hierarchy = graph.hierarchy
        sections += [
            flat(.parents, hierarchy.parents), flat(.depths, hierarchy.depths), flat(.preorder, hierarchy.preorder),
            flat(.positions, hierarchy.positions), flat(.subtreeEnds, hierarchy.subtreeEnds)
        ]
        sections += attributes(graph.nodeAttributes, .node)
        sections += attributes(graph.edgeAttributes, .edge)
        sections += attributes(AttributeColumns.singleRow(graph.metadata), .metadata)
        var texts: [String] = [], places: [Int64] = []
        for warning in graph.warnings {
            texts += [warning.severity.rawValue, warning.message, warning.location?.file ?? ""]
            places += [warning.location == nil ? 0 : 1, Int64(warning.location?.line ?? 0), Int64(warning.location?.column ?? 0)]
        }
        sections += strings(.warningTextOffsets, .warningTextBytes, StringTable(texts))
        sections.append(flat(.warningPlaces, FlatArray(places)))
        return sections
    }

    private static func attributes(_ columns: AttributeColumns, _ block: BinaryGraphSection.Block) -> [Section] {
        let section = { (index: UInt32) in BinaryGraphSection.attribute(block, index) }
        var sections = strings(section(0), section(1), StringTable(columns.names))
        sections.append(flat(section(2), FlatArray(columns.types.map { BinaryGraphCodes.code(of: $0) })))
        for column in columns.names.indices {
            let packed = columns.packed(column: column)
            let part = UInt32(column)
            sections += [flat(section(3), packed.tags, part: part), flat(section(4), packed.payloads, part: part)]
            sections += strings(section(5), section(6), packed.strings, part: part)
        }
        return sections
    }
}

/// The one-byte codes of attribute types in a `.txg` file.
enum BinaryGraphCodes {
    static func code(of type: AttributeType) -> UInt8 {
        switch type {
        case .string: 1
        case .number: 2
        case .bool: 3
        }
    }

    static func type(of code: UInt8) -> AttributeType? {
        switch code {
        case 1: .string
        case 2: .number
        case 3: .bool
        default: nil
        }
    }
}
