/// The order every ranked list of Tongxin is shown in: highest score first, ties by id, so equal
/// scores always list in the same order (DESIGN.md, "Deterministic output").
///
/// ```swift
/// let ids = ["b", "c", "a"]
/// Ranking.order([0.5, 2, 0.5]) { ids[$0] }           // [1, 2, 0]
/// Ranking.order([0.5, 2, 0.5], top: 2) { ids[$0] }   // [1, 2]
/// ```
public enum Ranking {
    /// The positions `0..<scores.count` for which `included` holds (all when `nil`), by score
    /// descending, then by `id(position)` ascending; with `top`, only the first `top` of them,
    /// chosen without sorting the rest: a bounded heap holds the best `top` seen so far (Williams
    /// 1964, "Algorithm 232: Heapsort", doi:10.1145/512274.512284), its root the worst of them, and
    /// a position enters only when it ranks before the root. `id` is called only to break ties.
    ///
    /// - Complexity: O(n log n) comparisons without `top`; O(n log k + k log k) with `top` = k, n
    ///   positions.
    public static func order<Score: Comparable>(
        _ scores: [Score], top: Int? = nil, where included: ((Int) -> Bool)? = nil, id: (Int) -> String
    ) -> [Int] {
        func before(_ a: Int, _ b: Int) -> Bool {
            scores[a] != scores[b] ? scores[a] > scores[b] : id(a) < id(b)
        }
        guard let top, top < scores.count else {
            let positions = included.map { included in scores.indices.filter(included) } ?? Array(scores.indices)
            return positions.sorted(by: before).prefix(top ?? positions.count).map { $0 }
        }
        guard top > 0 else { return [] }
        // A max-heap in ranking order: heap[0] ranks last of the positions kept.
        var heap: [Int] = []
        heap.reserveCapacity(top)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                var last = left
                if left + 1 < heap.count && before(heap[last], heap[left + 1]) { last = left + 1 }
                guard before(heap[parent], heap[last]) else { return }
                heap.swapAt(parent, last)
                parent = last
            }
        }
        for position in scores.indices where included?(position) ?? true {
            if heap.count < top {
                heap.append(position)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard before(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if before(position, heap[0]) {
                heap[0] = position
                siftDown(0)
            }
        }
        return heap.sorted(by: before)
    }
}
