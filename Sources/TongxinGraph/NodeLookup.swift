import Dispatch

/// Finds nodes by what people type: an id, a division code, a place's full or short name, or another
/// node's name. The one resolver behind every option that names a node or region and behind the
/// ledger importer.
///
/// Rules, in order (DESIGN.md, "Place names"):
/// 1. an exact node id wins;
/// 2. a division code of 2, 4, 6, 9 or 12 digits matches the region or village whose id is that code
///    (420100 and 4201 are the same city);
/// 3. a place's exact full name wins over short forms (恩施市 is the city even though 恩施 is short for
///    the prefecture too);
/// 4. otherwise every place whose short form is the text is a candidate (``PlaceNames/shortForms(of:)``);
///    one candidate is the answer, several are an error listing each with its code and path — no level
///    is preferred, so 恩施 names both 恩施土家族苗族自治州 (4228) and 恩施市 (422801);
/// 5. other nodes are found by their exact name.
///
/// Within a parent, only places below it are candidates, and among them the ones nearest the parent
/// win (a town in its county's column is the town, not a village of the same short name).
///
/// The index is built once per graph, on the first lookup, in O(V·L) for names of length L; a lookup
/// is O(L) expected, plus the candidates. An unknown name is compared with every place name
/// (O(V·L²)) to suggest the closest ones.
public final class NodeLookup: @unchecked Sendable {
    /// Every lookup key (full names, short forms, canonical codes, other names) → the nodes it names.
    private var fullNames: [String: [Int32]] = [:]
    private var shortNames: [String: [Int32]] = [:]
    private var codes: [String: Int32] = [:]
    private var otherNames: [String: [Int32]] = [:]
    private var placeNames: [(name: [Unicode.Scalar], base: [Unicode.Scalar], node: Int32)] = []
    private var isBuilt = false
    private let lock = DispatchSemaphore(value: 1)

    init() {}

    /// Builds the index for `graph` the first time it is needed; later calls return at once.
    fileprivate func built(for graph: Graph) -> NodeLookup {
        lock.wait()
        defer { lock.signal() }
        if !isBuilt {
            for node in 0..<graph.nodeCount {
                let name = graph.names[node]
                guard graph.level(of: node) != nil else {
                    if let name { otherNames[name, default: []].append(Int32(node)) }
                    continue
                }
                if let code = PlaceNames.canonicalCode(graph.ids[node]) { codes[code] = codes[code] ?? Int32(node) }
                guard let name else { continue }
                fullNames[name, default: []].append(Int32(node))
                for form in PlaceNames.shortForms(of: name) { shortNames[form, default: []].append(Int32(node)) }
                placeNames.append((Array(name.unicodeScalars), Array(PlaceNames.base(of: name).unicodeScalars), Int32(node)))
            }
            isBuilt = true
        }
        return self
    }

    /// The places (regions and villages) that `text` names, by rules 2–4, restricted to `parent`'s
    /// subtree when given. Empty when none.
    fileprivate func places(_ text: String, within parent: Int?, in graph: Graph) -> [Int] {
        func inside(_ nodes: [Int32]) -> [Int] {
            guard let parent else { return nodes.map(Int.init) }
            let below = nodes.map(Int.init).filter { $0 != parent && graph.hierarchy.contains(parent, $0) }
            guard let nearest = below.map({ graph.hierarchy.depth(of: $0) }).min() else { return [] }
            return below.filter { graph.hierarchy.depth(of: $0) == nearest }
        }
        if let code = PlaceNames.canonicalCode(text), let node = codes[code] {
            let found = inside([node])
            if !found.isEmpty { return found }
        }
        let full = inside(fullNames[text] ?? [])
        if !full.isEmpty { return full }
        return inside(shortNames[text] ?? [])
    }

    fileprivate func others(_ text: String) -> [Int] { (otherNames[text] ?? []).map(Int.init) }

    /// Up to `limit` place names closest to `text` by edit distance (at most half its length, at least
    /// one), ranked by the distance between the names without their level words (小溪塔镇 is nearest
    /// 小溪塔街道), then between the full names, then by name; only places below `parent` when given.
    fileprivate func closestNames(to text: String, within parent: Int?, in graph: Graph, limit: Int = 3) -> [String] {
        let wanted = Array(text.unicodeScalars), wantedBase = Array(PlaceNames.base(of: text).unicodeScalars)
        let bound = max(1, wanted.count / 2)
        var scored: [(base: Int, distance: Int, name: String)] = []
        for (name, base, node) in placeNames {
            if let parent, Int(node) == parent || !graph.hierarchy.contains(parent, Int(node)) { continue }
            guard abs(name.count - wanted.count) <= bound else { continue }
            let distance = PlaceNames.editDistance(wanted, name)
            if distance <= bound {
                scored.append((PlaceNames.editDistance(wantedBase, base), distance, String(String.UnicodeScalarView(name))))
            }
        }
        scored.sort { ($0.base, $0.distance, $0.name) < ($1.base, $1.distance, $1.name) }
        var names: [String] = []
        for (_, _, name) in scored where !names.contains(name) {
            names.append(name)
            if names.count == limit { break }
        }
        return names
    }
}

/// One node an ambiguous name could mean: its id (a division code for places) and the names from the
/// root down to it.
public struct NodeCandidate: Equatable, Sendable, CustomStringConvertible {
    public var id: String
    public var path: [String]

    public init(id: String, path: [String]) {
        self.id = id
        self.path = path
    }

    /// `恩施土家族苗族自治州 4228 (湖北省/恩施土家族苗族自治州)`.
    public var description: String { "\(path.last ?? id) \(id) (\(path.joined(separator: "/")))" }
}

/// Why a node could not be found by id, code or name.
public enum NodeLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing has that id, code or name; `suggestions` are the closest place names.
    case notFound(String, kind: String?, within: String?, suggestions: [String])
    /// Several nodes answer to the name.
    case ambiguous(String, candidates: [NodeCandidate])

    public var description: String {
        switch self {
        case .notFound(let text, let kind, let parent, let suggestions):
            "no \(kind ?? "node") with id, code or name '\(text)'" + (parent.map { " in \($0)" } ?? "")
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        case .ambiguous(let text, let candidates):
            "'\(text)' names \(candidates.count) nodes: "
                + candidates.prefix(8).map(\.description).joined(separator: "; ")
                + (candidates.count > 8 ? "; …" : "") + "; give a full name or a code"
        }
    }
}

extension Graph {
    /// The graph's lookup index, built on first use and shared by every copy of the graph.
    public var lookup: NodeLookup { lookupStorage.built(for: self) }

    /// Finds a node by id, division code, place name (full or short) or name, by ``NodeLookup``'s
    /// rules; restricted to nodes of `kind` and to `parent`'s subtree when given. With `suggest`
    /// false, a name not found carries no suggestions (a caller that handles it saves their cost).
    ///
    /// - Complexity: O(L) expected after the index is built (O(V·L), once per graph), plus the
    ///   candidates; an unknown name costs O(V·L²) to find suggestions.
    /// - Throws: ``NodeLookupError`` when nothing matches, or when several nodes do.
    public func resolve(_ text: String, kind: String? = nil, within parent: Int? = nil, suggest: Bool = true) throws(NodeLookupError) -> Int
    {
        func fits(_ node: Int) -> Bool {
            (kind == nil || self.kind(of: node) == kind)
                && (parent.map { $0 != node && hierarchy.contains($0, node) } ?? true)
        }
        if let node = index(of: text), fits(node) { return node }
        let cleaned = PlaceNames.cleaned(text)
        let index = lookup
        var matches = index.places(cleaned, within: parent, in: self).filter(fits)
        if matches.isEmpty { matches = index.others(cleaned).filter(fits) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw .notFound(
                text, kind: kind, within: parent.map { name(of: $0) },
                suggestions: suggest && (kind == nil || kind == NodeKind.region || kind == NodeKind.village)
                    ? index.closestNames(to: cleaned, within: parent, in: self) : [])
        }
        throw .ambiguous(text, candidates: matches.sorted { ids[$0] < ids[$1] }.map(candidate))
    }

    /// The node as a candidate in an ambiguity error: its id and the names from its root down to it.
    public func candidate(_ node: Int) -> NodeCandidate {
        NodeCandidate(id: ids[node], path: (hierarchy.ancestors(of: node).reversed() + [node]).map { name(of: $0) })
    }
}
