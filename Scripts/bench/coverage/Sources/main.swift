import Foundation
import TongxinAnalysis
import TongxinIO

// coverage-bench GRAPH [--pairs-out FILE] [--repeat N]
//
// Loads GRAPH once, then times each analysis N times (default 3) and prints one JSON object on
// stdout with the best thread CPU time of each, in seconds: the coverage and pairing commands' library calls,
// the suggestion, and Hopcroft–Karp alone on the whole graph's enterprise–village pair graph. With
// --pairs-out, writes that pair graph as "u v" lines (u: village, v: enterprise, local indices) so
// NetworkX can match the very same graph.

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(at...at + 1) }
    return arguments[at + 1]
}
let pairsOut = option("--pairs-out")
let repeats = option("--repeat").flatMap(Int.init) ?? 3
guard arguments.count == 1 else {
    FileHandle.standardError.write(Data("usage: bench-coverage GRAPH [--pairs-out FILE] [--repeat N]\n".utf8))
    exit(1)
}

/// CPU time of this thread, in seconds: on a shared, loaded machine it leaves out the time spent
/// waiting for a core, which wall time would count. (All timed code is single-threaded.)
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

@MainActor func best(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats { times.append(try seconds(body)) }
    return times.min()!
}

var graph = Graph()
let load = try seconds { graph = try GraphFile.read(arguments[0]) }
let chamber = try NodeSelector(parsing: "organization[type=商会]")
let figure = NodeSelector(kind: NodeKind.figure)
let enterprise = NodeSelector(kind: NodeKind.enterprise), village = NodeSelector(kind: NodeKind.village)

var covered = 0
let coverageVillages = try best {
    covered = try Coverage(of: graph, unit: .village, by: [chamber, figure]).covered
}
let coverageTowns = try best { _ = try Coverage(of: graph, unit: .town, by: [chamber]) }
var pairing: Pairing!
let pairingCounties = try best {
    pairing = try Pairing(of: graph, left: enterprise, right: village, by: .county)
}
let pairingWhole = try best { _ = try Pairing(of: graph, left: enterprise, right: village) }
var suggestion: PairingSuggestion!
let suggest = try best { suggestion = try PairingSuggestion(for: pairing, in: graph, capacity: 1) }

// The whole graph's pair graph, villages as u, enterprises as v, in local indices.
let isEnterprise = graph.nodes(matching: enterprise), isVillage = graph.nodes(matching: village)
var localEnterprise = [Int32](repeating: -1, count: graph.nodeCount)
for (local, node) in isEnterprise.enumerated() { localEnterprise[node] = Int32(local) }
var localVillage = [Int32](repeating: -1, count: graph.nodeCount)
for (local, node) in isVillage.enumerated() { localVillage[node] = Int32(local) }
var lists = [[Int32]](repeating: [], count: isVillage.count)
let pairedWith = graph.edgeKindIndex(EdgeKind.pairedWith)
for edge in 0..<graph.edgeCount where graph.edgeKindIndices[edge] == pairedWith {
    let s = graph.source(of: edge), t = graph.target(of: edge)
    if localEnterprise[s] >= 0 && localVillage[t] >= 0 { lists[Int(localVillage[t])].append(localEnterprise[s]) }
    if localEnterprise[t] >= 0 && localVillage[s] >= 0 { lists[Int(localVillage[s])].append(localEnterprise[t]) }
}
var offsets = [0], neighbors: [Int32] = []
for list in lists {
    neighbors += Set(list).sorted()
    offsets.append(neighbors.count)
}
var matchingSize = 0
let matching = best {
    matchingSize = BipartiteMatching(uCount: lists.count, vCount: isEnterprise.count, offsets: offsets,
                                     neighbors: neighbors).size
}
if let pairsOut {
    var text = "\(lists.count) \(isEnterprise.count)\n"
    for u in 0..<lists.count { for slot in offsets[u]..<offsets[u + 1] { text += "\(u) \(neighbors[slot])\n" } }
    try text.write(toFile: pairsOut, atomically: true, encoding: .utf8)
}

let result: [(String, Any)] = [
    ("nodes", graph.nodeCount), ("edges", graph.edgeCount), ("load", load),
    ("coverage_villages", coverageVillages), ("coverage_towns", coverageTowns),
    ("pairing_by_county", pairingCounties), ("pairing_whole", pairingWhole), ("suggest", suggest),
    ("matching", matching), ("matching_size", matchingSize), ("pair_edges", neighbors.count),
    ("covered_villages", covered), ("proposals", suggestion.proposals.count),
    ("whole_max_matching", pairing.regions[0].maxMatching),
]
print("{" + result.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
