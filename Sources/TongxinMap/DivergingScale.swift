import TongxinResults

/// The classed, diverging, colour-blind-safe scale of changes in a rate: seven classes from
/// ColorBrewer's PuOr (orange for a fall, purple for a rise, near-white for about unchanged),
/// symmetric around 0 in percentage points, so a rise and a fall of the same size are drawn
/// equally strong. Orange–purple stays distinct for every common colour-vision deficiency.
///
/// The breaks are `b₁ < b₂ < b₃` points: the classes are ≤ −b₃, (−b₃, −b₂], (−b₂, −b₁], (−b₁, +b₁),
/// [+b₁, +b₂), [+b₂, +b₃), ≥ +b₃. They are the first step of a ladder of round breaks whose b₃ reaches
/// half the largest change drawn, so the largest movers fill the outer classes and small changes
/// stay pale. C. A. Brewer, ColorBrewer 2.0 (https://colorbrewer2.org), PuOr, 7 classes;
/// M. Harrower and C. A. Brewer, The Cartographic Journal 40(1), 2003, doi:10.1179/000870403235002042.
///
/// - Complexity: O(1) per change.
public struct DivergingScale: Sendable, Equatable {
    /// The classes' colours, the largest fall first.
    public static let colours: [MapColour] = [0xb35806, 0xf1a340, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0x998ec3, 0x542788].map(MapColour.init)

    /// The breaks in percentage points.
    public let breaks: (Double, Double, Double)

    public static func == (a: DivergingScale, b: DivergingScale) -> Bool { a.breaks == b.breaks }

    /// The round breaks tried, smallest first.
    static let ladder: [(Double, Double, Double)] = [(0.5, 1, 2), (1, 2, 5), (1, 5, 10), (2, 10, 20), (5, 15, 30), (5, 25, 50)]

    /// The scale for changes whose largest magnitude is `largest` (a fraction: 0.12 is 12 points).
    public init(largest: Double) {
        let points = largest.magnitude * 100
        breaks = Self.ladder.first { $0.2 >= points / 2 } ?? Self.ladder[Self.ladder.count - 1]
    }

    /// The class of a change (a fraction), 0 for the largest fall … 6 for the largest rise.
    public func classIndex(_ change: Double) -> Int {
        let points = change * 100
        let (b1, b2, b3) = breaks
        switch points {
        case ...(-b3): return 0
        case ...(-b2): return 1
        case ...(-b1): return 2
        case ..<b1: return 3
        case ..<b2: return 4
        case ..<b3: return 5
        default: return 6
        }
    }

    public func colour(_ change: Double) -> MapColour { Self.colours[classIndex(change)] }

    /// The legend's class labels: `≤−10`, `−10～−5`, …, `−1～+1`, …, `≥+10`.
    public var labels: [String] {
        let (b1, b2, b3) = breaks
        func number(_ value: Double) -> String { NumberFormat.significant(value, digits: 3) }
        return [
            "≤−\(number(b3))", "−\(number(b3))～−\(number(b2))", "−\(number(b2))～−\(number(b1))", "−\(number(b1))～+\(number(b1))",
            "+\(number(b1))～+\(number(b2))", "+\(number(b2))～+\(number(b3))", "≥+\(number(b3))"
        ]
    }
}
