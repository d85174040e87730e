extension MeasureGraph {
    /// Newman's modularity of a partition of an undirected view (Newman and Girvan 2004,
    /// doi:10.1103/PhysRevE.69.026113; with resolution γ, Reichardt and Bornholdt 2006,
    /// doi:10.1103/PhysRevE.74.016110), as NetworkX's `community.modularity`:
    /// Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], with m the total edge weight, L_c the weight of edges inside
    /// community c and d_c the summed strengths of its nodes. Weights are strengths when the view has
    /// them (``WeightUse/strength``), 1 otherwise. A graph without edges scores 0.
    ///
    /// - Parameter labels: each node's community, any non-negative integers.
    /// - Complexity: O(V + E).
    ///
    /// Example: two triangles joined by one edge, split into the triangles: m = 7, L = 3 + 3,
    /// d = 7 + 7, so Q = 6/7 − 2 · (7/14)² = 5/14 ≈ 0.357.
    public func modularity(_ labels: [Int32], resolution: Double = 1) -> Double {
        precondition(labels.count == nodeCount && !isDirected, "one label per node of an undirected view")
        let communities = Int(labels.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: communities)
        var degrees = [Double](repeating: 0, count: communities)
        var total = 0.0
        for u in 0..<nodeCount {
            let c = Int(labels[u])
            for i in outgoing.offsets[u]..<outgoing.offsets[u + 1] {
                let w = outgoing.weights?[i] ?? 1
                degrees[c] += w
                total += w
                if labels[Int(outgoing.targets[i])] == labels[u] { inside[c] += w }
            }
        }
        guard total > 0 else { return 0 }
        // Each undirected edge was seen from both ends: total = 2m and inside[c] = 2 L_c.
        var q = 0.0
        for c in 0..<communities {
            q += inside[c] / total - resolution * (degrees[c] / total) * (degrees[c] / total)
        }
        return q
    }
}
