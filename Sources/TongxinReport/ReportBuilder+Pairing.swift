import TongxinAnalysis
import TongxinGraph
import TongxinResults

extension ReportBuilder {
    /// A pairing programme the graph holds: `paired_with` edges between two sides, each a node kind
    /// narrowed by its category or type.
    public struct PairingQuestion: Sendable, Equatable {
        public var left: NodeSelector
        public var right: NodeSelector
        /// How many `paired_with` edges of the programme end in scope.
        public var edges: Int
    }

    /// The side a node stands for in a programme: its kind, narrowed by `category` (figures) or
    /// `type` (organizations, enterprises…); villages and regions by kind alone (a community is
    /// paired as a village is).
    func side(of node: Int) -> NodeSelector {
        let kind = graph.kind(of: node)
        if kind == NodeKind.village || kind == NodeKind.region { return NodeSelector(kind: kind) }
        let attribute = kind == NodeKind.figure ? WellKnownAttribute.category : WellKnownAttribute.type
        guard let value = graph.attribute(attribute, of: node)?.description else { return NodeSelector(kind: kind) }
        return NodeSelector(kind: kind, filters: [.init(attribute: attribute, value: value)])
    }

    /// The programmes in the graph: the distinct (source side, target side) of `paired_with` edges
    /// whose target is in scope, most edges first.
    ///
    /// - Complexity: O(E) plus O(P log P) for P programmes.
    public func pairingQuestions() -> [PairingQuestion] {
        guard let pairedWith = graph.edgeKindIndex(EdgeKind.pairedWith) else { return [] }
        struct Key: Hashable {
            var left: NodeSelector
            var right: NodeSelector
        }
        var counts: [Key: Int] = [:]
        for edge in 0..<graph.edgeCount where graph.edgeKindIndices[edge] == pairedWith && inScope(graph.target(of: edge)) {
            counts[Key(left: side(of: graph.source(of: edge)), right: side(of: graph.target(of: edge))), default: 0] += 1
        }
        return counts.map { PairingQuestion(left: $0.key.left, right: $0.key.right, edges: $0.value) }
            .sorted { ($1.edges, $0.left.description, $0.right.description) < ($0.edges, $1.left.description, $1.right.description) }
    }

    /// Answers `question` with ``Pairing`` by breakdown region (when that level is city, county or
    /// town) and proposes partners for the unpaired right nodes with
    /// ``TongxinAnalysis/PairingSuggestion`` (one new partner per left node). Unpaired nodes and
    /// proposals are listed for the regions where something is paired, at most `listLimit` of each.
    ///
    /// - Throws: ``PairingError`` when the scope is not a region.
    public func pairing(_ question: PairingQuestion, listLimit: Int = 1_000) throws(PairingError) -> PairingProgramme {
        let by: RegionLevel? = [.city, .county, .town].contains(breakdownLevel) ? breakdownLevel : nil
        let result = try Pairing(
            of: graph, left: question.left, right: question.right, edge: EdgeKind.pairedWith,
            by: by, within: scope)
        var budget = listLimit
        let listed = result.regions.count > 1 ? result.regions.dropFirst() : result.regions[...]
        var lists: [Int?: [NodeReference]] = [:]
        for region in listed where region.rightPaired > 0 {
            lists[region.node] = region.unpaired.prefix(budget).map(reference)
            budget -= lists[region.node]!.count
        }
        let rows = result.regions.enumerated().map { index, region in
            PairingRow(
                region: region.node.map(reference) ?? NodeReference(id: "", name: title), level: region.level,
                left: region.left, right: region.right, pairs: region.pairs, density: region.density,
                leftPaired: region.leftPaired, rightPaired: region.rightPaired, leftShare: region.leftShare,
                rightShare: region.rightShare, maxMatching: region.maxMatching,
                unpaired: index == 0 && result.regions.count > 1 ? [] : lists[region.node] ?? [],
                unpairedCount: region.unpaired.count
            )
        }
        var suggestions: [SuggestedPartner] = []
        // The two sides overlap (figures paired with figures of the same category) only when the
        // programme pairs a side with itself; then no partner is proposed.
        if let proposals = try? TongxinAnalysis.PairingSuggestion(for: result, in: graph, capacity: 1) {
            let inactive = Set(listed.filter { $0.rightPaired == 0 }.compactMap { $0.node.map(Int32.init) })
            suggestions = proposals.proposals.lazy.filter { !inactive.contains(breakdownRegion[$0.right]) }
                .prefix(listLimit).map { proposal in
                    SuggestedPartner(
                        right: reference(proposal.right), left: reference(proposal.left),
                        cost: proposal.cost, shared: proposal.shared)
                }
        }
        func label(_ selector: NodeSelector) -> String { selector.filters.first?.value ?? selector.kind ?? "*" }
        return PairingProgramme(
            leftLabel: label(question.left), left: question.left.description,
            rightLabel: label(question.right), right: question.right.description,
            edge: EdgeKind.pairedWith, rows: rows, suggestions: suggestions
        )
    }
}
