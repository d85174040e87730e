import Dispatch

/// Work split over a fixed number of lanes, run in parallel on the machine's cores.
///
/// The split depends only on ``count``, never on how many cores there are or how threads are
/// scheduled: each lane does the same items in the same order and keeps its own accumulator, and the
/// lanes' results are combined in lane order. Results are therefore bit-for-bit the same on one core
/// or many, and from run to run.
enum Lanes {
    /// Lanes used by parallel measures: the target machine has 2 cores.
    static let count = 2

    /// Runs `body(lane)` for every lane in `0 ..< lanes`, in parallel, and returns when all are done.
    static func run(_ lanes: Int = count, _ body: (Int) -> Void) {
        if lanes == 1 { body(0); return }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: lanes) { shared.value($0) }
        }
    }

    /// The half-open range of `0 ..< total` that lane `lane` of `lanes` takes, in contiguous blocks.
    static func range(_ lane: Int, of lanes: Int = count, total: Int) -> Range<Int> {
        (total * lane / lanes)..<(total * (lane + 1) / lanes)
    }
}

/// Moves a value into a `@Sendable` closure. Used only where the lanes write disjoint memory.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
