import Testing
import TongxinGraph
import TongxinResults

@Suite struct RankingTests {
    @Test func topSelectsTheFirstOfTheOrder() {
        let ids = ["b", "c", "a", "d"]
        #expect(Ranking.order([0.5, 2, 0.5, 0.1], top: 2) { ids[$0] } == [1, 2])
        #expect(Ranking.order([0.5, 2, 0.5, 0.1], top: 9) { ids[$0] } == [1, 2, 0, 3])
        #expect(Ranking.order([0.5, 2, 0.5, 0.1], top: 0) { ids[$0] } == [])
        #expect(Ranking.order([0.5, 2, 0.5, 0.1], top: 2, where: { $0 != 1 }) { ids[$0] } == [2, 0])
    }

    /// The heap selection equals the full sort's prefix, on seeded scores with many ties (few distinct
    /// values), for every `top` from 1 to past the end, with and without a filter.
    @Test(arguments: 0..<20 as Range<UInt64>)
    func selectionEqualsFullSort(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let n = 1 + random.below(300)
        let scores = (0..<n).map { _ in random.below(7) }
        var ids = (0..<n).map { "n\($0)" }
        random.shuffle(&ids)
        let keep = (0..<n).map { _ in random.below(3) != 0 }
        for top in [1, 2, 3, 10, n / 2, n - 1, n, n + 5] where top >= 1 {
            let full = Ranking.order(scores) { ids[$0] }
            let selected = Ranking.order(scores, top: top) { ids[$0] }
            #expect(selected == Array(full.prefix(top)), "seed \(seed) top \(top)")
            let filtered = Ranking.order(scores, where: { keep[$0] }) { ids[$0] }
            let filteredTop = Ranking.order(scores, top: top, where: { keep[$0] }) { ids[$0] }
            #expect(filteredTop == Array(filtered.prefix(top)), "seed \(seed) top \(top)")
            #expect(filteredTop.allSatisfy { keep[$0] })
        }
    }
}
