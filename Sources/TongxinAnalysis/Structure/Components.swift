/// A partition of the nodes into components.
public struct Components: Sendable, Equatable {
    /// Each node's component, numbered 0, 1, … in order of each component's smallest node index.
    public let labels: [Int32]
    /// Each component's node count.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    init(labels: [Int32], sizes: [Int]) {
        self.labels = labels
        self.sizes = sizes
    }

    /// Renumbers arbitrary labels in order of first appearance.
    init(rawLabels: [Int32]) {
        var renumber = [Int32](repeating: -1, count: rawLabels.count)
        var sizes: [Int] = []
        var labels = rawLabels
        for v in rawLabels.indices {
            let raw = Int(rawLabels[v])
            if renumber[raw] < 0 {
                renumber[raw] = Int32(sizes.count)
                sizes.append(0)
            }
            labels[v] = renumber[raw]
            sizes[Int(labels[v])] += 1
        }
        self.labels = labels
        self.sizes = sizes
    }
}

extension MeasureGraph {
    /// Weakly connected components (connected components of an undirected view) by breadth-first
    /// search, following arcs both ways.
    ///
    /// Example: edges a→b, c→b, d: components {a, b, c} and {d}.
    ///
    /// - Complexity: O(V + E), V nodes and E arcs of the view.
    public func weakComponents() -> Components {
        let n = nodeCount
        var labels = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        let queue = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        defer { queue.deallocate() }
        labels.withUnsafeMutableBufferPointer { labels in
            func walk(from v: Int, label: Int32, tail: inout Int,
                      _ offsets: UnsafeBufferPointer<Int>, _ targets: UnsafeBufferPointer<Int32>) {
                for i in offsets[v] ..< offsets[v + 1] {
                    let u = Int(targets[i])
                    if labels[u] < 0 { labels[u] = label; queue[tail] = Int32(u); tail += 1 }
                }
            }
            outgoing.offsets.withUnsafeBufferPointer { outOffsets in
                outgoing.targets.withUnsafeBufferPointer { outTargets in
                    incoming.offsets.withUnsafeBufferPointer { inOffsets in
                        incoming.targets.withUnsafeBufferPointer { inTargets in
                            var label: Int32 = 0
                            for root in 0..<n where labels[root] < 0 {
                                labels[root] = label
                                queue[0] = Int32(root)
                                var head = 0, tail = 1
                                while head < tail {
                                    let v = Int(queue[head])
                                    head += 1
                                    walk(from: v, label: label, tail: &tail, outOffsets, outTargets)
                                    if isDirected { walk(from: v, label: label, tail: &tail, inOffsets, inTargets) }
                                }
                                sizes.append(tail)
                                label += 1
                            }
                        }
                    }
                }
            }
        }
        // Roots are taken in index order, so labels already number components by smallest node.
        return Components(labels: labels, sizes: sizes)
    }

    /// Strongly connected components by Tarjan's algorithm (Tarjan 1972, doi:10.1137/0201010), run
    /// with an explicit stack so deep graphs cannot overflow the call stack. In an undirected view they
    /// are the connected components.
    ///
    /// Example: arcs a→b, b→a, b→c: components {a, b} and {c}.
    ///
    /// - Complexity: O(V + E), V nodes and E arcs of the view.
    public func strongComponents() -> Components {
        guard isDirected else { return weakComponents() }
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var labels = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        // The depth-first path: node and the next arc position to explore.
        var path: [(node: Int32, arc: Int)] = []
        var counter: Int32 = 0, label: Int32 = 0
        let offsets = outgoing.offsets, targets = outgoing.targets
        for root in 0..<n where index[root] < 0 {
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            path.append((Int32(root), offsets[root]))
            while let (node, arc) = path.last {
                let v = Int(node)
                if arc < offsets[v + 1] {
                    path[path.count - 1].arc = arc + 1
                    let u = Int(targets[arc])
                    if index[u] < 0 {
                        index[u] = counter; low[u] = counter; counter += 1
                        stack.append(Int32(u)); onStack[u] = true
                        path.append((Int32(u), offsets[u]))
                    } else if onStack[u] {
                        low[v] = min(low[v], index[u])
                    }
                    continue
                }
                path.removeLast()
                if let parent = path.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[v]) }
                if low[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        labels[Int(w)] = label
                        if Int(w) == v { break }
                    }
                    label += 1
                }
            }
        }
        return Components(rawLabels: labels)
    }
}
