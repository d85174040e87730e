import ArgumentParser
import Foundation
import TongxinAnalysis
import TongxinIO
import TongxinResults

/// `tongxin centrality G --measure M …`: who is central, plus components and communities.
struct CentralityCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Centrality scores, core numbers, components or communities of every node.",
        discussion: """
            Measures see a simple graph: undirected (directions dropped, parallel and reciprocal edges \
            merged, self-loops dropped) unless --directed. With --weighted, a merged edge weighs the \
            minimum of its parts as a distance (betweenness, closeness, harmonic) and the sum as a \
            strength (degree, eigenvector, pagerank, katz, communities). Definitions and default \
            normalizations are NetworkX's: degree / (n − 1); betweenness over (n − 1)(n − 2), halved \
            raw when undirected; closeness with the Wasserman–Faust scaling for disconnected graphs \
            (--raw: 1 / Σ distances); harmonic raw (--normalized: / (n − 1)); eigenvector and katz \
            with Euclidean norm 1; pagerank sums to 1. With --directed, closeness and harmonic use \
            incoming distances, eigenvector and katz in-arcs, in-degree/out-degree their arcs.

            --samples K --seed S: Brandes' source-sampled betweenness over K distinct sources drawn \
            uniformly (Fisher–Yates with SplitMix64 seeded by S), scaled up as NetworkX does with k.
            --bipartite SELECTOR: Borgatti–Everett two-mode normalization of degree, closeness or \
            betweenness, the selector naming one side and every other node the other.
            --measure components: weakly connected (strongly with --directed) components, largest \
            first. --measure communities: Louvain communities (deterministic), or Leiden's with \
            --algorithm leiden (refined, every community connected; seeded by --seed), with \
            --resolution and the partition's modularity.
            --kind restricts the nodes reported, not the graph the measure is computed on; --region \
            computes on the subgraph of the region's subtree.

            Examples:
              tongxin centrality Graphs/hubei.json --measure pagerank --top 20
              tongxin centrality Graphs/hubei.json --measure betweenness --samples 256 --seed 1 --kind enterprise
              tongxin centrality Graphs/hubei.json --measure closeness --region 宜昌市 --format json
              tongxin centrality Graphs/hubei.json --measure degree --bipartite enterprise --kind village
              tongxin centrality Graphs/hubei.json --measure communities --weighted --seed 7 --top 10
              tongxin centrality Graphs/hubei.json --measure communities --algorithm leiden --format json
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("The measure.", valueName: CentralityMeasure.allCases.map(\.rawValue).joined(separator: "|")))
    var measure: CentralityMeasure

    @Flag(help: "Normalized or raw scores (the default is NetworkX's for the measure).")
    var normalization: Normalization?

    @Flag(help: "Use edge weights (distances for path measures, strengths for the others).")
    var weighted = false

    @Flag(help: "Follow edge directions.")
    var directed = false

    @Option(help: ArgumentHelp("Betweenness: sample this many source nodes.", valueName: "k"))
    var samples: Int?

    @Option(help: ArgumentHelp("The seed for --samples and Leiden's refinement.", valueName: "s"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Report only nodes matching KIND or KIND[attr=value,…].", valueName: "selector"))
    var kind: String?

    @Option(help: ArgumentHelp("Report only the first N nodes.", valueName: "n"))
    var top: Int?

    @Option(help: ArgumentHelp("Bipartite normalization, this selector naming one side.", valueName: "selector"))
    var bipartite: String?

    @Option(help: "PageRank: the probability of following an edge.")
    var damping: Double = 0.85

    @Option(help: "Katz: the attenuation factor α (must be below 1 / λ_max).")
    var alpha: Double = 0.1

    @Option(help: "Katz: every node's exogenous weight β.")
    var beta: Double = 1

    @Option(help: "Communities: the resolution γ (above 1: smaller communities).")
    var resolution: Double = 1

    @Option(help: ArgumentHelp("Communities: the method.", valueName: "louvain|leiden"))
    var algorithm: CommunityAlgorithm = .louvain

    @Option(help: "Iterative measures: stop when one step changes the scores by less than this (L1).")
    var tolerance: Double = IterationOptions().tolerance

    @Option(name: .customLong("max-iterations"), help: "Iterative measures: fail after this many steps.")
    var maxIterations: Int = IterationOptions().maxIterations

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top)") }
        if let samples {
            guard measure == .betweenness else { throw ValidationError("--samples applies to --measure betweenness only") }
            guard samples >= 2 else { throw ValidationError("--samples must be at least 2, not \(samples)") }
        }
        if bipartite != nil && !measure.hasBipartiteForm {
            throw ValidationError("--bipartite applies to degree, closeness and betweenness")
        }
        if bipartite != nil && (directed || weighted) {
            throw ValidationError("--bipartite measures are undirected and unweighted")
        }
        if [.inDegree, .outDegree].contains(measure) && !directed {
            throw ValidationError("--measure \(measure.rawValue) needs --directed")
        }
        if measure == .communities && directed {
            throw ValidationError("communities are found on the undirected view: drop --directed")
        }
        if normalization == .raw && [.pagerank, .eigenvector].contains(measure) {
            throw ValidationError("\(measure.rawValue) is always normalized (it is a distribution or a unit vector)")
        }
        if algorithm != .louvain && measure != .communities {
            throw ValidationError("--algorithm applies to --measure communities only")
        }
        if normalization != nil && [.coreness, .components, .communities].contains(measure) {
            throw ValidationError("\(measure.rawValue) has no normalization")
        }
    }

    mutating func execute() throws {
        let selector = try kind.map { try SelectorArgument.parse($0, option: "--kind") }
        let side = try bipartite.map { try SelectorArgument.parse($0, option: "--bipartite") }
        let graph = try graphOptions.load()
        let weightUse = measure.weightUse(weighted: weighted)
        let nodes: [Int]
        let view: MeasureGraph
        if let region = try graphOptions.regionIndex(in: graph) {
            nodes = graph.hierarchy.sortedSubtree(of: region)
            view = MeasureGraph(graph, inducedBy: nodes, directed: directed, weights: weightUse)
        } else {
            nodes = Array(0..<graph.nodeCount)
            view = MeasureGraph(graph, directed: directed, weights: weightUse)
        }
        Timings.mark("view")
        let normalized = normalization.map { $0 == .normalized } ?? measure.normalizedByDefault
        let progress = view.nodeCount >= 5_000 ? Progress.begin(measure.rawValue) : nil
        var parameters = CentralityParameters(
            normalized: normalized, sources: samples.map { view.sampleSources($0, seed: seed) }, damping: damping,
            alpha: alpha, beta: beta, resolution: resolution, algorithm: algorithm, seed: seed,
            options: IterationOptions(tolerance: tolerance, maxIterations: maxIterations)
        ) { done, total in progress?.update(fraction: Double(done) / Double(total)) }
        if let side {
            let matches = side.matcher(in: graph)
            parameters.bipartiteTop = nodes.map { matches($0) }
        }
        let result = try view.centrality(measure, parameters)
        progress?.finish()
        Timings.mark("kernel")
        var report = CentralityReport(
            graph: graph, measure: measure.rawValue, result: result, nodes: nodes,
            normalized: normalized, directed: directed, weighted: weighted,
            matching: selector?.matcher(in: graph), top: top)
        if let samples { report.sampling = (samples, seed) }
        try Console.print(report, as: output)
    }
}

extension CentralityMeasure: ExpressibleByArgument {}

extension CommunityAlgorithm: ExpressibleByArgument {}

/// `--normalized` or `--raw`.
enum Normalization: String, EnumerableFlag {
    case normalized, raw
}
