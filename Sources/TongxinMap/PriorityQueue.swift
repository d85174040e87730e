/// A binary min-heap of payloads ordered by a `Double` key, for the map's two greedy algorithms
/// (Visvalingam–Whyatt removes the smallest area first, polylabel visits the most promising cell
/// first). Entries are never updated in place: callers push a new entry and skip stale ones.
///
/// - Complexity: O(log n) per push and pop, n entries in the heap.
struct PriorityQueue<Payload> {
    private var keys: [Double] = []
    private var payloads: [Payload] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func push(_ key: Double, _ payload: Payload) {
        keys.append(key)
        payloads.append(payload)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            payloads.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the entry with the smallest key.
    mutating func pop() -> (key: Double, payload: Payload)? {
        guard let key = keys.first else { return nil }
        let payload = payloads[0]
        let lastKey = keys.removeLast(), lastPayload = payloads.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            payloads[0] = lastPayload
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < keys.count && keys[left] < keys[smallest] { smallest = left }
                if right < keys.count && keys[right] < keys[smallest] { smallest = right }
                guard smallest != parent else { break }
                keys.swapAt(parent, smallest)
                payloads.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (key, payload)
    }
}
