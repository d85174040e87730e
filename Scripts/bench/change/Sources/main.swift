import Foundation
import TongxinAnalysis
import TongxinIO

// diff-bench OLD NEW [--repeat N]
//
// Loads both graphs once, then times N times (default 3) what `tongxin diff OLD NEW --coverage
// --unit village --by figure --via liaison_for --pairing --left enterprise --right village
// --pairing-by city` computes, and prints one JSON object with the best thread CPU time of each
// step and of their sum, in seconds (all timed code is single-threaded).

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
if let at = arguments.firstIndex(of: "--repeat"), at + 1 < arguments.count {
    repeats = Int(arguments[at + 1]) ?? 3
    arguments.removeSubrange(at...at + 1)
}
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: bench-change OLD NEW [--repeat N]\n".utf8))
    exit(1)
}

/// CPU time of this thread, in seconds: on a shared, loaded machine it leaves out the time spent
/// waiting for a core, which wall time would count.
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = cpuSeconds()
    try body()
    return cpuSeconds() - start
}

var old = Graph(), new = Graph()
let load = try seconds {
    old = try GraphFile.read(arguments[0])
    new = try GraphFile.read(arguments[1])
}
let figure = NodeSelector(kind: NodeKind.figure)
let enterprise = NodeSelector(kind: NodeKind.enterprise), village = NodeSelector(kind: NodeKind.village)

var best = [Double](repeating: .infinity, count: 4)
var summary = ""
for _ in 0..<repeats {
    var diff: GraphDiff!
    let times = try [
        seconds { diff = GraphDiff(old: old, new: new) },
        seconds {
            let before = try Coverage(of: old, unit: .village, by: [figure], via: [EdgeKind.liaisonFor])
            let after = try Coverage(of: new, unit: .village, by: [figure], via: [EdgeKind.liaisonFor])
            let change = CoverageChange(before: before, of: old, after: after, of: new, matching: diff.matching)
            summary = "newly covered \(change.newlyCovered.count), newly uncovered \(change.newlyUncovered.count)"
        },
        seconds {
            let before = try Pairing(of: old, left: enterprise, right: village, by: .city)
            let after = try Pairing(of: new, left: enterprise, right: village, by: .city)
            let change = PairingChange(before: before, of: old, after: after, of: new, diff: diff)
            summary += ", newly paired \(change.newlyPaired.count), new pairings \(change.newPairings.count)"
        },
    ]
    for (step, time) in (times + [times.reduce(0, +)]).enumerated() { best[step] = min(best[step], time) }
    summary = "nodes +\(diff.addedNodes.count) -\(diff.removedNodes.count) ~\(diff.changedNodes.count), "
        + "edges +\(diff.addedEdges.count) -\(diff.removedEdges.count); " + summary
}
let fields = [("load_both", load), ("graph_diff", best[0]), ("coverage_change", best[1]), ("pairing_change", best[2]),
              ("total_after_load", best[3])]
print("{" + fields.map { "\"\($0.0)\": \(String(format: "%.4f", $0.1))" }.joined(separator: ", ")
      + ", \"nodes\": [\(old.nodeCount), \(new.nodeCount)], \"edges\": [\(old.edgeCount), \(new.edgeCount)], "
      + "\"result\": \"\(summary)\"}")
