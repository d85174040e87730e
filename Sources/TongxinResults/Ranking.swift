/// The order every ranked list of Tongxin is shown in: highest score first, ties by id, so equal
/// scores always list in the same order (DESIGN.md, "Deterministic output").
///
/// ```swift
/// let ids = ["b", "c", "a"]
/// Ranking.order([0.5, 2, 0.5]) { ids[$0] }   // [1, 2, 0]
/// ```
public enum Ranking {
    /// The positions `0..<scores.count`, by score descending, then by `id(position)` ascending.
    ///
    /// - Complexity: O(n log n) comparisons.
    public static func order<Score: Comparable>(_ scores: [Score], id: (Int) -> String) -> [Int] {
        scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : id($0) < id($1) }
    }
}
