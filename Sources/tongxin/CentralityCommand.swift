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

    @Option(help: ArgumentHelp("The measure.", valueName: Measure.allCases.map(\.rawValue).joined(separator: "|")))
    var measure: Measure

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
        if bipartite != nil && ![.degree, .closeness, .betweenness].contains(measure) {
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
        let nodes: [Int]
        if let region = try graphOptions.regionIndex(in: graph) {
            nodes = graph.hierarchy.subtree(of: region).map(Int.init).sorted()
        } else {
            nodes = Array(0..<graph.nodeCount)
        }
        let weightUse: WeightUse = !weighted ? .none : (measure.usesDistances ? .distance : .strength)
        let view = MeasureGraph(graph, inducedBy: nodes, directed: directed, weights: weightUse)
        Timings.mark("view")
        let normalized = normalization.map { $0 == .normalized } ?? measure.normalizedByDefault
        let result = try compute(on: view, graph: graph, nodes: nodes, normalized: normalized, side: side)
        Timings.mark("kernel")
        let matcher = selector?.matcher(in: graph)
        var report = CentralityReport(graph: graph, measure: measure.rawValue, result: result, nodes: nodes,
                                      normalized: normalized, directed: directed, weighted: weighted,
                                      matching: matcher, top: top)
        if let samples { report.sampling = (samples, seed) }
        try Console.print(report, as: output)
    }

    private func compute(on view: MeasureGraph, graph: Graph, nodes: [Int], normalized: Bool,
                         side: NodeSelector?) throws -> CentralityResult {
        let options = IterationOptions(tolerance: tolerance, maxIterations: maxIterations)
        let progress = view.nodeCount >= 5_000 ? Progress.begin(measure.rawValue) : nil
        defer { progress?.finish() }
        let report: (Int, Int) -> Void = { done, total in progress?.update(fraction: Double(done) / Double(total)) }
        if let side {
            let matches = side.matcher(in: graph)
            let top = nodes.map { matches($0) }
            switch measure {
            case .degree: return .scores(try view.bipartiteDegreeCentrality(top: top))
            case .closeness:
                return .scores(try view.bipartiteClosenessCentrality(top: top, normalized: normalized, progress: report))
            default: return .scores(try view.bipartiteBetweennessCentrality(top: top, progress: report))
            }
        }
        switch measure {
        case .coreness: return .counts(view.coreNumbers())
        case .components: return .groups(directed ? view.strongComponents() : view.weakComponents(), modularity: nil)
        case .communities:
            let communities = switch algorithm {
            case .louvain: try view.louvain(resolution: resolution)
            case .leiden: try view.leiden(resolution: resolution, seed: seed)
            }
            return .groups(communities.partition, modularity: communities.modularity)
        default:
            let parameters = ScoreParameters(sources: samples.map { view.sampleSources($0, seed: seed) }, damping: damping,
                                             alpha: alpha, beta: beta, options: options, progress: report)
            return .scores(try measure.scores(on: view, normalized: normalized, parameters))
        }
    }
}

/// The `--measure` values.
enum Measure: String, ExpressibleByArgument, CaseIterable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case betweenness, closeness, harmonic, eigenvector, pagerank, katz, coreness, components, communities

    /// Whether weights are lengths (path measures) rather than strengths.
    var usesDistances: Bool { [.betweenness, .closeness, .harmonic].contains(self) }

    /// NetworkX's default for the measure.
    var normalizedByDefault: Bool { ![.harmonic, .coreness, .components, .communities].contains(self) }

    /// One score per node of `view`, for the measures that give scores (every one but coreness,
    /// components and communities), with NetworkX's definitions; shared by `centrality` and
    /// `render --size-by`.
    func scores(on view: MeasureGraph, normalized: Bool, _ parameters: ScoreParameters = ScoreParameters()) throws -> [Double] {
        switch self {
        case .degree: return view.degreeCentrality(normalized: normalized)
        case .inDegree: return view.degreeCentrality(.incoming, normalized: normalized)
        case .outDegree: return view.degreeCentrality(.outgoing, normalized: normalized)
        case .betweenness:
            return try view.betweennessCentrality(normalized: normalized, sources: parameters.sources, progress: parameters.progress)
        case .closeness: return try view.closenessCentrality(normalized: normalized, progress: parameters.progress)
        case .harmonic: return try view.harmonicCentrality(normalized: normalized, progress: parameters.progress)
        case .eigenvector: return try view.eigenvectorCentrality(options: parameters.options)
        case .pagerank: return try view.pageRank(damping: parameters.damping, options: parameters.options)
        case .katz:
            return try view.katzCentrality(alpha: parameters.alpha, beta: [parameters.beta], normalized: normalized,
                                           options: parameters.options)
        case .coreness, .components, .communities:
            preconditionFailure("\(rawValue) gives counts or groups, not scores")
        }
    }
}

/// The parameters of the score measures, NetworkX's defaults unless given.
struct ScoreParameters {
    /// Betweenness sources (Brandes' sampling), or `nil` for all.
    var sources: [Int]? = nil
    var damping = 0.85
    var alpha = 0.1
    var beta = 1.0
    var options = IterationOptions()
    var progress: ((Int, Int) -> Void)? = nil
}

/// `--algorithm`: how communities are found.
enum CommunityAlgorithm: String, ExpressibleByArgument, CaseIterable {
    case louvain, leiden
}

/// `--normalized` or `--raw`.
enum Normalization: String, EnumerableFlag {
    case normalized, raw
}

