import TongxinAnalysis
import TongxinGraph

extension ReportBuilder {
    /// A pairing programme the graph holds: `paired_with` edges from nodes of kind `left` to nodes of
    /// kind `right`.
    public struct PairingQuestion: Sendable, Equatable {
        public var left: String
        public var right: String
        /// How many `paired_with` edges run from `left` to `right` into the scope.
        public var edges: Int
    }

    /// The programmes in the graph: every (source kind, target kind) of `paired_with` edges whose
    /// target is in scope, most edges first.
    ///
    /// - Complexity: O(E).
    public func pairingQuestions() -> [PairingQuestion] {
        guard let pairedWith = graph.edgeKindIndex(EdgeKind.pairedWith) else { return [] }
        var counts: [[Int]] = Array(repeating: Array(repeating: 0, count: graph.nodeKinds.count), count: graph.nodeKinds.count)
        for edge in 0..<graph.edgeCount where graph.edgeKindIndices[edge] == pairedWith && inScope(graph.target(of: edge)) {
            counts[Int(graph.nodeKindIndices[graph.source(of: edge)])][Int(graph.nodeKindIndices[graph.target(of: edge)])] += 1
        }
        var questions: [PairingQuestion] = []
        for (left, row) in counts.enumerated() {
            for (right, count) in row.enumerated() where count > 0 {
                questions.append(PairingQuestion(left: graph.nodeKinds[left], right: graph.nodeKinds[right], edges: count))
            }
        }
        return questions.sorted { ($1.edges, $0.left, $0.right) < ($0.edges, $1.left, $1.right) }
    }

    /// Answers `question` with ``Pairing`` by breakdown region (when that level is city, county or
    /// town), and proposes partners for the unpaired right nodes with ``TongxinAnalysis/PairingSuggestion``
    /// (one new partner per left node) unless the two sides overlap. Lists at most `listLimit` unpaired
    /// nodes per region and `listLimit` suggestions.
    ///
    /// - Throws: ``PairingError`` when the scope is not a region.
    public func pairing(_ question: PairingQuestion, listLimit: Int = 2_000) throws(PairingError) -> PairingProgramme {
        let by: RegionLevel? = [.city, .county, .town].contains(breakdownLevel) ? breakdownLevel : nil
        let result = try Pairing(
            of: graph, left: NodeSelector(kind: question.left), right: NodeSelector(kind: question.right),
            edge: EdgeKind.pairedWith, by: by, within: scope
        )
        let title = frame().title
        let rows = result.regions.map { region in
            PairingRow(
                region: region.node.map(reference) ?? NodeReference(id: "", name: title), level: region.level,
                left: region.left, right: region.right, pairs: region.pairs, density: region.density,
                leftPaired: region.leftPaired, rightPaired: region.rightPaired, leftShare: region.leftShare,
                rightShare: region.rightShare, maxMatching: region.maxMatching,
                unpaired: region.unpaired.prefix(listLimit).map(reference), unpairedCount: region.unpaired.count
            )
        }
        var suggestions: [SuggestedPartner] = []
        if let proposals = try? TongxinAnalysis.PairingSuggestion(for: result, in: graph, capacity: 1) {
            suggestions = proposals.proposals.prefix(listLimit).map { proposal in
                SuggestedPartner(right: reference(proposal.right), left: reference(proposal.left),
                                                cost: proposal.cost, shared: proposal.shared)
            }
        }
        return PairingProgramme(left: question.left, right: question.right, edge: EdgeKind.pairedWith,
                                rows: rows, suggestions: suggestions)
    }
}
