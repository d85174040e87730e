extension Graph {
    /// Which nodes match any of `selectors`: a flag per node index. A node matching several selectors
    /// is flagged once.
    ///
    /// - Complexity: O(V · S · F), S selectors with at most F attribute filters each; filters are only
    ///   evaluated on nodes of the selector's kind.
    func matchMask(_ selectors: [NodeSelector]) -> [Bool] {
        var mask = [Bool](repeating: false, count: nodeCount)
        for selector in selectors {
            let matches = selector.matcher(in: self)
            if let kind = selector.kind {
                guard let kindIndex = nodeKindIndex(kind) else { continue }
                for node in 0..<nodeCount where !mask[node] && nodeKindIndices[node] == kindIndex && matches(node) {
                    mask[node] = true
                }
            } else {
                for node in 0..<nodeCount where !mask[node] && matches(node) { mask[node] = true }
            }
        }
        return mask
    }
}
