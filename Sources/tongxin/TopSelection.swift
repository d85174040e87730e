/// The first `limit` of `items` in the order `precedes` defines, in that order, without sorting
/// them all: a bounded binary heap holding the best `limit` seen so far (worst at its root).
///
/// - Complexity: O(n log k) time and O(k) space for n items and k = `limit`; a full sort,
///   O(n log n), when `limit` is `nil` or at least n.
func topSelection(_ items: [Int], limit: Int?, by precedes: (Int, Int) -> Bool) -> [Int] {
    guard let limit, limit < items.count else { return items.sorted(by: precedes) }
    guard limit > 0 else { return [] }
    // Max-heap under `precedes`: the root is the item every other kept one precedes.
    var heap: [Int] = []
    heap.reserveCapacity(limit)
    func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count && precedes(heap[worst], heap[left]) { worst = left }
            if right < heap.count && precedes(heap[worst], heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
    for item in items {
        if heap.count < limit {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard precedes(heap[parent], heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if precedes(item, heap[0]) {
            heap[0] = item
            siftDown(0)
        }
    }
    return heap.sorted(by: precedes)
}
