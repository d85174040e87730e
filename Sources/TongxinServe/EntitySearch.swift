import TongxinGraph
import TongxinIO

/// Finds nodes by part of a name or a code, as a person types into the workspace's search box
/// (`GET /api/search?q=`): people, organizations, enterprises and places, best matches first.
///
/// A hit's rank, best first:
/// 0. the node the text names exactly by ``TongxinGraph/Graph/resolve(_:kind:within:suggest:)`` (an
///    id, a division code of 2–12 digits, a place's full or short name: 4201, 恩施州, 梁子湖);
/// 1. a node whose name is the text;
/// 2. a node whose name or id starts with the text;
/// 3. a node whose name contains the text;
/// 4. a node whose id contains the text (a figure's id carries its village's code).
///
/// Within a rank, places come before other nodes and higher levels before lower ones, then shorter
/// names, then ids. The text is cleaned as ``TongxinGraph/PlaceNames/cleaned(_:)`` cleans a ledger
/// cell (blanks dropped) and ASCII letters match either case.
///
/// Names and ids are kept as one UTF-8 buffer each (a zero byte after every entry), so a search is a
/// byte scan: O(B·m) for buffers of B bytes and a text of m bytes — about 1.5 MB for Hubei's 97,039
/// nodes — plus O(V) for the ranks found and O(h log h) to sort the h hits. Matching UTF-8 bytes matches whole characters, since
/// no character's encoding occurs inside another's.
public struct EntitySearch: Sendable {
    /// One node found.
    public struct Hit: Equatable, Sendable {
        public var node: Int
        /// 0 (named exactly) to 4 (id contains the text); see the type's rules.
        public var rank: Int
    }

    /// The answers per kind are cut to this many by default.
    public static let defaultLimit = 20
    /// Texts longer than this many bytes are refused (no name is that long).
    public static let maximumTextLength = 200

    private let graph: Graph
    private let names: Buffer
    private let ids: Buffer

    /// Entries (names or ids) one after another, each followed by a zero byte, lowercased in ASCII.
    private struct Buffer: Sendable {
        var bytes: [UInt8] = []
        /// `starts[node]` is where node's entry begins; `starts[nodeCount]` is the end.
        var starts: [Int32] = []

        init(_ count: Int, _ entry: (Int) -> String) {
            starts.reserveCapacity(count + 1)
            for node in 0..<count {
                starts.append(Int32(bytes.count))
                bytes.append(contentsOf: entry(node).utf8.map(EntitySearch.folded))
                bytes.append(0)
            }
            starts.append(Int32(bytes.count))
        }

        /// The node whose entry holds byte `offset`: binary search over the starts. O(log V).
        func node(at offset: Int) -> Int {
            var low = 0, high = starts.count - 1
            while high - low > 1 {
                let middle = (low + high) / 2
                if Int(starts[middle]) <= offset { low = middle } else { high = middle }
            }
            return low
        }

        /// Every node whose entry contains `text`, with whether it starts with it or is it. O(B·m).
        func matches(_ text: [UInt8]) -> [(node: Int, prefix: Bool, whole: Bool)] {
            guard let first = text.first, bytes.count >= text.count else { return [] }
            var found: [(node: Int, prefix: Bool, whole: Bool)] = []
            var offset = 0
            let last = bytes.count - text.count
            bytes.withUnsafeBufferPointer { buffer in
                while offset <= last {
                    guard buffer[offset] == first else { offset += 1; continue }
                    var same = true
                    for index in 1..<text.count where buffer[offset + index] != text[index] {
                        same = false
                        break
                    }
                    guard same else { offset += 1; continue }
                    let node = self.node(at: offset)
                    let start = Int(starts[node]), end = Int(starts[node + 1]) - 1
                    found.append((node, offset == start, offset == start && end - start == text.count))
                    offset = end + 1  // One hit a node: go on at the next entry.
                }
            }
            return found
        }
    }

    /// Indexes `graph`'s names and ids. O(V·L) time and O(B) memory.
    public init(graph: Graph) {
        self.graph = graph
        names = Buffer(graph.nodeCount) { graph.names[$0] ?? "" }
        ids = Buffer(graph.nodeCount) { graph.ids[$0] }
    }

    /// ASCII letters lowercased, every other byte as it is.
    static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// The nodes `text` finds, ranked; empty for an empty or over-long text.
    ///
    /// - Complexity: O(B·m + V + h log h); see the type.
    public func search(_ text: String) -> [Hit] {
        let cleaned = PlaceNames.cleaned(text)
        let query = Array(cleaned.utf8.map(Self.folded))
        guard !query.isEmpty, query.count <= Self.maximumTextLength, !query.contains(0) else { return [] }
        // The best rank of each node found (UInt8.max: not found), and the nodes in the order found.
        var rankOf = [UInt8](repeating: .max, count: graph.nodeCount)
        var found: [Int] = []
        func offer(_ node: Int, _ rank: UInt8) {
            if rankOf[node] == .max { found.append(node) }
            rankOf[node] = min(rankOf[node], rank)
        }
        if let node = try? graph.resolve(cleaned, suggest: false) { offer(node, 0) }
        for (node, prefix, whole) in names.matches(query) { offer(node, whole ? 1 : prefix ? 2 : 3) }
        for (node, prefix, _) in ids.matches(query) { offer(node, prefix ? 2 : 4) }
        // Each hit's sort key computed once; ids are compared only on a full tie.
        var keyed = found.map { node in
            (rank: Int(rankOf[node]), level: order(node), length: Int(names.starts[node + 1] - names.starts[node]), node: node)
        }
        keyed.sort { a, b in
            let keyA = (a.rank, a.level, a.length), keyB = (b.rank, b.level, b.length)
            return keyA != keyB ? keyA < keyB : graph.ids[a.node] < graph.ids[b.node]
        }
        return keyed.map { Hit(node: $0.node, rank: $0.rank) }
    }

    /// Places first by level (province 0 … village 4), then every other node (5).
    private func order(_ node: Int) -> Int {
        graph.level(of: node)?.rank ?? RegionLevel.allCases.count
    }

    /// The answer of `/api/search` (DESIGN.md, "The web workspace"): `{"query", "total",
    /// "counts": {KIND: N}, "results": [{"id", "name", "kind", "level", "type", "category", "path", "rank"}]}`,
    /// at most `limit` results per kind, in rank order; `path` names the node's places from the root
    /// down to its parent.
    public func json(for text: String, limit: Int = defaultLimit) -> JSONValue {
        let hits = search(text)
        var counts: [(String, Int)] = []
        var kept: [JSONValue] = []
        for hit in hits {
            let kind = graph.kind(of: hit.node)
            let seen: Int
            if let index = counts.firstIndex(where: { $0.0 == kind }) {
                counts[index].1 += 1
                seen = counts[index].1
            } else {
                counts.append((kind, 1))
                seen = 1
            }
            guard seen <= limit else { continue }
            kept.append(
                .object([
                    ("id", .string(graph.id(of: hit.node))), ("name", .string(graph.name(of: hit.node))), ("kind", .string(kind)),
                    ("level", graph.level(of: hit.node).map { .string($0.rawValue) } ?? .null),
                    ("type", JSONValue(graph.nodeAttributes.value(WellKnownAttribute.type, at: hit.node))),
                    ("category", JSONValue(graph.nodeAttributes.value(WellKnownAttribute.category, at: hit.node))),
                    ("path", .array(graph.hierarchy.ancestors(of: hit.node).reversed().map { .string(graph.name(of: $0)) })),
                    ("rank", .int(hit.rank))
                ]))
        }
        return .object([
            ("query", .string(text)), ("total", .int(hits.count)),
            ("counts", .object(counts.map { ($0.0, .int($0.1)) })), ("results", .array(kept))
        ])
    }
}
