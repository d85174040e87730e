// Times Tongxin's kernels on one graph and prints one JSON object {kernel: seconds, …}.
//
//     bench-centrality GRAPH.json [--exact] [--linear-only] [--only KERNEL,…]
//
// Each time is recorded with the process CPU time of the same run (`NAME_cpu`): the machine may be
// shared, and CPU time says what the work cost whatever the load.
// --exact adds exact betweenness and closeness (meant for the 0.1× graph); --linear-only leaves out
// sampled betweenness (meant for the 10× graph, where the peers would take many minutes). Every kernel runs on a
// view built once; fast kernels take the best of three runs. Also measured: the machine's streaming
// read bandwidth and PageRank's time per iteration, for the bandwidth bound.
import Foundation
import TongxinAnalysis
import TongxinIO

/// The process's CPU time so far (every thread), in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The CPU time of the run `seconds` or `best` timed last.
nonisolated(unsafe) var lastCPU = 0.0

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds, cpu = cpuSeconds()
    try body()
    lastCPU = cpuSeconds() - cpu
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(of runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var result = Double.infinity, cpu = 0.0
    for _ in 0..<runs {
        let wall = try seconds(body)
        if wall < result { result = wall; cpu = lastCPU }
    }
    lastCPU = cpu
    return result
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: bench-centrality GRAPH.json [--exact] [--linear-only]\n".utf8))
    exit(1)
}
let exact = arguments.contains("--exact")
let linearOnly = arguments.contains("--linear-only")
/// `--only a,b`: time only these kernels (components, bfs, pagerank, coreness, betweenness, louvain, leiden).
let only = arguments.firstIndex(of: "--only").map { arguments[$0 + 1].split(separator: ",").map(String.init) }
func wanted(_ kernel: String) -> Bool { only?.contains(kernel) ?? true }
var results: [(String, Double)] = []
/// Moves buffers into the gather floor's threads.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
@MainActor func record(_ name: String, _ value: Double, cpu: Bool = true) {
    results.append((name, value))
    if cpu { results.append((name + "_cpu", lastCPU)) }
    FileHandle.standardError.write(Data("  tongxin \(name): \(String(format: "%.4f", value))\n".utf8))
}

var graph = Graph()
record("load", try seconds { graph = try GraphFile.read(arguments[1]) })
var view = MeasureGraph(Graph())
record("view", best { view = MeasureGraph(graph) })
if wanted("components") { record("components", best { _ = view.weakComponents() }) }
if wanted("bfs") { record("bfs", best { _ = view.neighborhood(of: 0, depth: Int(Int32.max)) }) }
if wanted("pagerank") {
record("pagerank", try best { _ = try view.pageRank() })
// At igraph's tolerance: PRPACK solves to 1e-10 whatever it is asked, Tongxin's default is 1e-13.
record("pagerank_1e-10", try best { _ = try view.pageRank(options: IterationOptions(tolerance: 1e-10)) })
// 50 steps that cannot converge: the time of one product-and-update step.
let steps = 50
let stepTime = best {
    _ = try? view.pageRank(options: IterationOptions(tolerance: .leastNonzeroMagnitude, maxIterations: steps))
} / Double(steps)
lastCPU /= Double(steps)
record("pagerank_iteration", stepTime)
// Bytes one step must move at least: offsets (8 per node), in-arcs (4 per arc), the scaled vector,
// the previous vector and the new one (8 per node each).
let bytes = Double(8 * (view.nodeCount + 1) + 4 * view.incoming.count + 3 * 8 * view.nodeCount)
record("pagerank_iteration_bytes", bytes, cpu: false)
// The floor of one step: a bare pull product `r[v] = Σ_{u → v} x[u]` on two threads over the same
// in-arcs (the gather of PageRank's step, without its other vectors), split by arcs as the lanes are.
let gatherTime = view.incoming.offsets.withUnsafeBufferPointer { offsets in
    view.incoming.targets.withUnsafeBufferPointer { tails in
        let n = view.nodeCount
        let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let r = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { x.deallocate(); r.deallocate() }
        x.initialize(repeating: 1 / Double(n))
        let middle = offsets.firstIndex { $0 >= tails.count / 2 } ?? n
        let shared = Unchecked((offsets, tails, x, r))
        return best {
            for _ in 0..<steps {
                DispatchQueue.concurrentPerform(iterations: 2) { lane in
                    let (offsets, tails, x, r) = shared.value
                    for v in (lane == 0 ? 0..<middle : middle..<n) {
                        var sum = 0.0
                        for i in offsets[v]..<offsets[v + 1] { sum += x[Int(tails[i])] }
                        r[v] = sum
                    }
                }
            }
        } / Double(steps)
    }
}
lastCPU /= Double(steps)
record("pagerank_gather", gatherTime)
let stream = [Double](repeating: 1, count: 1 << 25)  // 256 MiB, far beyond the caches
var sink = 0.0
let streamTime = best {
    stream.withUnsafeBufferPointer { buffer in
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0
        var i = 0
        while i < buffer.count { a += buffer[i]; b += buffer[i + 1]; c += buffer[i + 2]; d += buffer[i + 3]; i += 4 }
        sink += a + b + c + d
    }
}
record("bandwidth_bytes_per_second", Double(stream.count * 8) / streamTime, cpu: false)
if sink == 0 { print("") }  // keeps the bandwidth loop from being optimized away
}
if wanted("coreness") { record("coreness", best { _ = view.coreNumbers() }) }
if !linearOnly && wanted("betweenness") {
    let sources = view.sampleSources(256, seed: 1)
    record("betweenness_sampled_256", try best(of: 1) { _ = try view.betweennessCentrality(sources: sources) })
}
if exact && wanted("betweenness") {
    record("betweenness_exact", try best(of: 1) { _ = try view.betweennessCentrality() })
    record("closeness", try best(of: 1) { _ = try view.closenessCentrality() })
}
/// How many communities of `partition` induce a disconnected subgraph.
func disconnected(_ partition: Components, in view: MeasureGraph) -> Int {
    view.connectedParts(of: partition.labels).count - partition.count
}
if wanted("louvain") {
var louvainResult: Communities?
record("louvain", try best(of: 1) { louvainResult = try view.louvain() })
let quality = louvainResult!.modularity
record("louvain_modularity", quality, cpu: false)
record("louvain_disconnected", Double(disconnected(louvainResult!.partition, in: view)), cpu: false)
}
if wanted("leiden") {
var leidenResult: Communities?
record("leiden", try best(of: 1) { leidenResult = try view.leiden(seed: 1) })
record("leiden_modularity", leidenResult!.modularity, cpu: false)
record("leiden_disconnected", Double(disconnected(leidenResult!.partition, in: view)), cpu: false)
}
print("{" + results.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
