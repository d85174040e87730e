/// Which arcs a degree counts in a directed view.
public enum DegreeDirection: String, Sendable, CaseIterable {
    case total, incoming, outgoing
}

extension MeasureGraph {
    /// Degree centrality: each node's number of neighbors (or strength, the sum of merged weights,
    /// in a view built with ``WeightUse/strength``), divided by n − 1 when `normalized`, as NetworkX's
    /// `degree_centrality`, `in_degree_centrality` and `out_degree_centrality` do.
    ///
    /// In a directed view `.total` adds in- and out-degree (so it can exceed 1); in an undirected view
    /// the direction is ignored. A graph of one node scores 1, as in NetworkX.
    ///
    /// Example: on the path a–b–c, degrees are 1, 2, 1 and normalized scores 0.5, 1, 0.5.
    ///
    /// - Complexity: O(V + E), V nodes and E edges of the view.
    public func degreeCentrality(_ direction: DegreeDirection = .total, normalized: Bool = true) -> [Double] {
        if nodeCount == 1 && normalized { return [1] }
        var scores: [Double]
        switch (isDirected, direction) {
        case (false, _), (true, .outgoing): scores = outStrengths()
        case (true, .incoming): scores = inStrengths()
        case (true, .total): scores = zip(outStrengths(), inStrengths()).map(+)
        }
        if normalized && nodeCount > 1 {
            let scale = 1 / Double(nodeCount - 1)
            for v in scores.indices { scores[v] *= scale }
        }
        return scores
    }
}
