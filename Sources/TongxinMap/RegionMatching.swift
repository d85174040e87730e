import TongxinGraph
import TongxinIO

/// Which boundary feature draws which region.
///
/// Regions match features first by division code (``DivisionCode``: the region's `code` attribute
/// or its id, against the feature's `gb`, `adcode`, `code` or `id`), then through the renamed
/// units' codes (``DivisionCode/renamed``), then by name: a feature's `name` that equals a region's
/// name, its renamed form, or that ``Graph/resolve(_:kind:)`` finds among the regions drawn. Each
/// feature draws at most one region and each region one feature.
///
/// Features *in scope* are those whose code lies inside the scope region's code (`42…` for 湖北省)
/// or, without codes, all of them; only those are reported unmatched, so a file of all China drawn
/// for one province does not list the other 2,795 counties.
///
/// - Complexity: O(R + F) expected for R regions and F features (hash lookups), plus O(V) for each
///   name that has to be resolved in a graph of V nodes.
public struct RegionMatching: Sendable {
    /// How a region found its feature.
    public enum Rule: String, Sendable {
        case code, renamedCode = "renamed code", name, renamedName = "renamed name"
    }

    /// For each region drawn (in the order given), its feature index, or `nil`.
    public let features: [Int?]
    /// For each region drawn, how it matched.
    public let rules: [Rule?]
    /// In-scope features that no region took, in file order.
    public let unmatchedFeatures: [Int]

    /// The codes a feature carries, in the order tried.
    static let codeKeys = ["gb", "adcode", "code", "GB", "ADCODE", "CODE"]
    /// The names a feature carries, in the order tried.
    static let nameKeys = ["name", "NAME", "名称", "fullname"]

    public static func code(of feature: GeoFeature) -> String? {
        for key in codeKeys { if let value = feature.property(key), let code = DivisionCode.feature(value) { return code } }
        return feature.id.flatMap(DivisionCode.feature)
    }

    public static func name(of feature: GeoFeature) -> String? {
        for key in nameKeys { if let value = feature.property(key), !value.isEmpty { return value } }
        return nil
    }

    /// The code of region `node`: its `code` attribute, else its id, when either is a division code.
    public static func code(of node: Int, in graph: Graph) -> String? {
        if let value = graph.attribute("code", of: node)?.string, let code = DivisionCode.region(value) { return code }
        return DivisionCode.region(graph.id(of: node))
    }

    /// Matches `regions` (node indices) of `graph` with `collection`'s features.
    ///
    /// - Parameter scope: the region whose inside the map shows, for deciding which unmatched
    ///   features to report; `nil` reports every unmatched feature.
    public init(regions: [Int], in graph: Graph, features collection: GeoFeatureCollection, scope: Int?) {
        let features = collection.features
        let codes = features.map(Self.code(of:))
        let names = features.map(Self.name(of:))
        var byCode: [String: Int] = [:], byName: [String: [Int]] = [:]
        for (index, code) in codes.enumerated() { if let code, byCode[code] == nil { byCode[code] = index } }
        for (index, name) in names.enumerated() { if let name { byName[name, default: []].append(index) } }
        var taken = [Bool](repeating: false, count: features.count)
        var result = [Int?](repeating: nil, count: regions.count)
        var rules = [Rule?](repeating: nil, count: regions.count)
        func take(_ slot: Int, _ feature: Int?, _ rule: Rule) {
            guard result[slot] == nil, let feature, !taken[feature] else { return }
            result[slot] = feature
            rules[slot] = rule
            taken[feature] = true
        }
        for (slot, node) in regions.enumerated() {
            guard let code = Self.code(of: node, in: graph) else { continue }
            take(slot, byCode[code], .code)
        }
        for (slot, node) in regions.enumerated() where result[slot] == nil {
            guard let code = Self.code(of: node, in: graph), let other = DivisionCode.counterpart(of: code) else { continue }
            take(slot, byCode[other], .renamedCode)
        }
        let scopePrefix = scope.flatMap { Self.code(of: $0, in: graph) }.map(DivisionCode.prefix(of:))
        func inScope(_ feature: Int) -> Bool {
            guard let scopePrefix, let code = codes[feature] else { return true }
            return code.hasPrefix(scopePrefix)
        }
        func free(_ name: String) -> Int? {
            byName[name]?.first { !taken[$0] && inScope($0) }
        }
        for (slot, node) in regions.enumerated() where result[slot] == nil {
            let name = graph.name(of: node)
            take(slot, free(name), .name)
            if let other = DivisionCode.counterpart(ofName: name) { take(slot, free(other), .renamedName) }
        }
        // Features still free: their names resolved among the regions drawn.
        if result.contains(where: { $0 == nil }) {
            let slotOf = Dictionary(regions.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for feature in features.indices where !taken[feature] && inScope(feature) {
                guard let name = names[feature], let node = try? graph.resolve(name, kind: NodeKind.region),
                    let slot = slotOf[node]
                else { continue }
                take(slot, feature, .name)
            }
        }
        self.features = result
        self.rules = rules
        unmatchedFeatures = features.indices.filter { !taken[$0] && inScope($0) }
    }
}
