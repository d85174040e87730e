extension Graph {
    /// Which nodes match any of `selectors`: a flag per node index. A node matching several selectors
    /// is flagged once.
    ///
    /// - Complexity: O(V · S · F), S selectors with at most F attribute filters each; filters are only
    ///   evaluated on nodes of the selector's kind.
    func matchMask(_ selectors: [NodeSelector]) -> [Bool] {
        var mask = [Bool](repeating: false, count: nodeCount)
        nodeKindIndices.withUnsafeBufferPointer { kinds in
            mask.withUnsafeMutableBufferPointer { mask in
                for selector in selectors {
                    if let kind = selector.kind {
                        guard let kindIndex = nodeKindIndex(kind) else { continue }
                        if selector.filters.isEmpty {
                            for node in 0..<kinds.count where kinds[node] == kindIndex { mask[node] = true }
                        } else {
                            let matches = selector.matcher(in: self)
                            for node in 0..<kinds.count where !mask[node] && kinds[node] == kindIndex && matches(node) {
                                mask[node] = true
                            }
                        }
                    } else {
                        let matches = selector.matcher(in: self)
                        for node in 0..<kinds.count where !mask[node] && matches(node) { mask[node] = true }
                    }
                }
            }
        }
        return mask
    }
}
