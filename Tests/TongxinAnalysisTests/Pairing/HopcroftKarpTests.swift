import Testing
import TongxinAnalysis
import TongxinTestSupport

@Suite struct HopcroftKarpTests {
    /// A bipartite graph as adjacency lists from each u.
    static func matching(_ lists: [[Int32]], vCount: Int) -> BipartiteMatching {
        var offsets = [0]
        for list in lists { offsets.append(offsets.last! + list.count) }
        return BipartiteMatching(uCount: lists.count, vCount: vCount, offsets: offsets, neighbors: lists.flatMap { $0 })
    }

    /// Checks that `m` is a matching of `lists` and returns its size.
    static func checkedSize(_ m: BipartiteMatching, _ lists: [[Int32]]) -> Int {
        var used = Set<Int32>()
        for (u, mate) in m.mates.enumerated() where mate >= 0 {
            #expect(lists[u].contains(mate))
            #expect(used.insert(mate).inserted)
        }
        #expect(used.count == m.size)
        return m.size
    }

    /// The largest matching by trying every choice for every u (tiny graphs only).
    static func bruteForce(_ lists: [[Int32]], from u: Int = 0, used: Set<Int32> = []) -> Int {
        guard u < lists.count else { return 0 }
        var best = bruteForce(lists, from: u + 1, used: used)
        for v in Set(lists[u]) where !used.contains(v) {
            best = max(best, 1 + bruteForce(lists, from: u + 1, used: used.union([v])))
        }
        return best
    }

    @Test func documentedExample() {
        // u0–v0, u1–v0, u1–v1, u2–v1: two v's, so at most 2; u0–v0 and u1–v1 (or u2–v1) gives 2.
        let m = BipartiteMatching(uCount: 3, vCount: 2, offsets: [0, 1, 3, 4], neighbors: [0, 0, 1, 1])
        #expect(m.size == 2)
        #expect(Self.checkedSize(m, [[0], [0, 1], [1]]) == 2)
    }

    @Test func edgeCases() {
        #expect(BipartiteMatching(uCount: 0, vCount: 0, offsets: [0], neighbors: []).size == 0)
        #expect(BipartiteMatching(uCount: 3, vCount: 0, offsets: [0, 0, 0, 0], neighbors: []).size == 0)
        // Repeated neighbors change nothing: u0–v0 twice, u1–v0.
        #expect(Self.matching([[0, 0], [0]], vCount: 1).size == 1)
    }

    @Test func greedyTrapNeedsAugmenting() {
        // Greedy gives u0 its first neighbor v0, leaving u1 (only v0) free; augmenting
        // u1–v0–u0–v1 reaches the perfect matching of size 2.
        let lists: [[Int32]] = [[0, 1], [0]]
        #expect(Self.checkedSize(Self.matching(lists, vCount: 2), lists) == 2)
        // A long chain: u_i – v_i and u_i – v_{i-1}; greedy takes v_{i-1} for each u_i > 0 if listed
        // first, and one augmenting path of length 2n-1 fixes it. 5000 deep checks the iterative search.
        let n = 5000
        let chain: [[Int32]] = (0..<n).map { $0 == 0 ? [0] : [Int32($0 - 1), Int32($0)] }
        let reversed: [[Int32]] = chain.reversed()
        #expect(Self.checkedSize(Self.matching(reversed, vCount: n), reversed) == n)
    }

    @Test(arguments: 0..<200) func agreesWithBruteForce(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let uCount = Int.random(in: 0...6, using: &rng), vCount = Int.random(in: 0...6, using: &rng)
        let lists: [[Int32]] = (0..<uCount).map { _ in
            vCount == 0 ? [] : (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int32.random(in: 0..<Int32(vCount), using: &rng) }
        }
        let m = Self.matching(lists, vCount: vCount)
        #expect(Self.checkedSize(m, lists) == Self.bruteForce(lists), "seed \(seed)")
    }

    @Test(arguments: 0..<20) func largerGraphsAreMaximumByKoenig(seed: UInt64) {
        // By Kőnig's theorem a matching is maximum when a vertex cover of the same size exists: from
        // the free u's, alternating search marks reachable u's Z_U and v's Z_V; the cover is
        // (U \ Z_U) ∪ Z_V. Its size equals the matching exactly when no augmenting path exists.
        var rng = SplitMix64(seed: seed)
        let uCount = Int.random(in: 50...400, using: &rng), vCount = Int.random(in: 50...400, using: &rng)
        let lists: [[Int32]] = (0..<uCount).map { _ in
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int32.random(in: 0..<Int32(vCount), using: &rng) }
        }
        let m = Self.matching(lists, vCount: vCount)
        let size = Self.checkedSize(m, lists)
        var mateOfV = [Int32](repeating: -1, count: vCount)
        for (u, v) in m.mates.enumerated() where v >= 0 { mateOfV[Int(v)] = Int32(u) }
        var reachedU = m.mates.map { $0 < 0 }, reachedV = [Bool](repeating: false, count: vCount)
        var queue = (0..<uCount).filter { reachedU[$0] }
        while let u = queue.popLast() {
            for v in lists[u] where !reachedV[Int(v)] {
                reachedV[Int(v)] = true
                let w = mateOfV[Int(v)]
                #expect(w >= 0, "augmenting path left over, seed \(seed)")
                if w >= 0 && !reachedU[Int(w)] {
                    reachedU[Int(w)] = true
                    queue.append(Int(w))
                }
            }
        }
        let cover = reachedU.filter { !$0 }.count + reachedV.filter { $0 }.count
        #expect(cover == size, "seed \(seed)")
    }
}
