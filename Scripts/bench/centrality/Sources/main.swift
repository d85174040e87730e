// Times Tongxin's kernels on one graph and prints one JSON object {kernel: seconds, …}.
//
//     bench-centrality GRAPH.json [--exact] [--linear-only]
//
// --exact adds exact betweenness and closeness (meant for the 0.1× graph); --linear-only leaves out
// sampled betweenness (meant for the 10× graph, where the peers would take many minutes). Every kernel runs on a
// view built once; fast kernels take the best of three runs. Also measured: the machine's streaming
// read bandwidth and PageRank's time per iteration, for the bandwidth bound.
import Foundation
import TongxinAnalysis
import TongxinIO

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(of runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var result = Double.infinity
    for _ in 0..<runs { result = min(result, try seconds(body)) }
    return result
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: bench-centrality GRAPH.json [--exact] [--linear-only]\n".utf8))
    exit(1)
}
let exact = arguments.contains("--exact")
let linearOnly = arguments.contains("--linear-only")
var results: [(String, Double)] = []
@MainActor func record(_ name: String, _ value: Double) {
    results.append((name, value))
    FileHandle.standardError.write(Data("  tongxin \(name): \(String(format: "%.4f", value))\n".utf8))
}

var graph = Graph()
record("load", try seconds { graph = try GraphFile.read(arguments[1]) })
var view = MeasureGraph(Graph())
record("view", best { view = MeasureGraph(graph) })
record("components", best { _ = view.weakComponents() })
record("bfs", best { _ = view.neighborhood(of: 0, depth: Int(Int32.max)) })
record("pagerank", try best { _ = try view.pageRank() })
// 50 steps that cannot converge: the time of one product-and-update step.
let steps = 50
let stepTime = best {
    _ = try? view.pageRank(options: IterationOptions(tolerance: .leastNonzeroMagnitude, maxIterations: steps))
} / Double(steps)
record("pagerank_iteration", stepTime)
// Bytes one step must move at least: offsets (8 per node), in-arcs (4 per arc), the scaled vector,
// the previous vector and the new one (8 per node each).
let bytes = Double(8 * (view.nodeCount + 1) + 4 * view.incoming.count + 3 * 8 * view.nodeCount)
record("pagerank_iteration_bytes", bytes)
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
record("bandwidth_bytes_per_second", Double(stream.count * 8) / streamTime)
record("coreness", best { _ = view.coreNumbers() })
if !linearOnly {
    let sources = view.sampleSources(256, seed: 1)
    record("betweenness_sampled_256", try best(of: 1) { _ = try view.betweennessCentrality(sources: sources) })
}
if exact {
    record("betweenness_exact", try best(of: 1) { _ = try view.betweennessCentrality() })
    record("closeness", try best(of: 1) { _ = try view.closenessCentrality() })
}
var quality = 0.0
record("louvain", try best(of: 1) { quality = try view.louvain(seed: 1).modularity })
record("louvain_modularity", quality)
if sink == 0 { print("") }  // keeps the bandwidth loop from being optimized away
print("{" + results.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
