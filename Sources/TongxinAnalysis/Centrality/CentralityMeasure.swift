import TongxinGraph

/// The node measures by name — the one place that says which algorithm answers which measure,
/// with which parameters and which default normalization (NetworkX's), shared by the command line,
/// the report, diagram sizing and the web workspace.
public enum CentralityMeasure: String, CaseIterable, Sendable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case betweenness, closeness, harmonic, eigenvector, pagerank, katz, coreness, components, communities

    /// The measures that give one number per node and can size a diagram's nodes (coreness as a
    /// number; not the directed degrees, components or communities).
    public static let nodeSizing: [CentralityMeasure] = [
        .degree, .betweenness, .closeness, .harmonic, .eigenvector, .pagerank, .katz, .coreness
    ]

    /// Whether weights are lengths (path measures) rather than strengths.
    public var usesDistances: Bool { [.betweenness, .closeness, .harmonic].contains(self) }

    /// NetworkX's default for the measure.
    public var normalizedByDefault: Bool { ![.harmonic, .coreness, .components, .communities].contains(self) }

    /// Whether the measure has a two-mode (Borgatti–Everett) normalization.
    public var hasBipartiteForm: Bool { [.degree, .closeness, .betweenness].contains(self) }

    /// How a weighted view uses its weights for this measure: as distances or as strengths.
    public func weightUse(weighted: Bool) -> WeightUse {
        !weighted ? .none : (usesDistances ? .distance : .strength)
    }
}

/// What a node measure produced.
public enum CentralityResult: Sendable {
    case scores([Double])
    case counts([Int])
    /// A partition: components, or communities with their modularity.
    case groups(Components, modularity: Double?)
}

/// How communities are found (`--algorithm`).
public enum CommunityAlgorithm: String, CaseIterable, Sendable {
    /// ``MeasureGraph/louvain(resolution:threshold:)``: deterministic.
    case louvain
    /// ``MeasureGraph/leiden(resolution:iterations:seed:)``: every community connected.
    case leiden
}

/// The parameters of the node measures, NetworkX's defaults unless given.
public struct CentralityParameters {
    /// Normalized or raw scores (ignored by coreness, components and communities).
    public var normalized: Bool
    /// Betweenness sources (Brandes' sampling), or `nil` for all.
    public var sources: [Int]?
    /// PageRank: the probability of following an edge.
    public var damping: Double
    /// Katz: the attenuation factor α and every node's exogenous weight β.
    public var alpha: Double
    public var beta: Double
    /// Communities: the resolution γ, the method, and the seed of Leiden's refinement.
    public var resolution: Double
    public var algorithm: CommunityAlgorithm
    public var seed: UInt64
    /// Iterative measures: tolerance and step limit.
    public var options: IterationOptions
    /// Two-mode normalization: the nodes of the view on one side (`true`), or `nil` for none.
    public var bipartiteTop: [Bool]?
    /// Called now and then with (done, in all) by the measures that take long.
    public var progress: ((Int, Int) -> Void)?

    public init(
        normalized: Bool, sources: [Int]? = nil, damping: Double = 0.85, alpha: Double = 0.1, beta: Double = 1,
        resolution: Double = 1, algorithm: CommunityAlgorithm = .louvain, seed: UInt64 = 0,
        options: IterationOptions = IterationOptions(),
        bipartiteTop: [Bool]? = nil, progress: ((Int, Int) -> Void)? = nil
    ) {
        self.normalized = normalized
        self.sources = sources
        self.damping = damping
        self.alpha = alpha
        self.beta = beta
        self.resolution = resolution
        self.algorithm = algorithm
        self.seed = seed
        self.options = options
        self.bipartiteTop = bipartiteTop
        self.progress = progress
    }
}

/// Brandes–Pich source sampling of betweenness where a picture needs it: the diagrams' node sizes
/// estimate betweenness above ``diagramThreshold`` nodes, the report's central section whenever
/// the scope has more nodes than ``samples``; both from ``samples`` sources drawn with ``seed``,
/// so that pictures are reproducible.
public enum PictureSampling {
    public static let samples = 256
    public static let seed: UInt64 = 1
    public static let diagramThreshold = 5_000
}

extension MeasureGraph {
    /// `measure` on this view with `parameters`: scores, core numbers, components (strong when the
    /// view is directed) or communities (Louvain's or Leiden's); the two-mode form of degree, closeness or
    /// betweenness with ``CentralityParameters/bipartiteTop``.
    ///
    /// - Throws: ``MeasureError`` from the measure (bad parameters, no convergence, negative
    ///   distances, a measure without a two-mode form).
    /// - Complexity: the measure's own (see each one).
    public func centrality(_ measure: CentralityMeasure, _ parameters: CentralityParameters)
        throws(MeasureError) -> CentralityResult
    {
        if let top = parameters.bipartiteTop {
            switch measure {
            case .degree: return .scores(try bipartiteDegreeCentrality(top: top))
            case .closeness:
                return .scores(
                    try bipartiteClosenessCentrality(
                        top: top, normalized: parameters.normalized, progress: parameters.progress))
            case .betweenness: return .scores(try bipartiteBetweennessCentrality(top: top, progress: parameters.progress))
            default: throw .invalidParameter("\(measure.rawValue) has no two-mode form")
            }
        }
        switch measure {
        case .coreness: return .counts(coreNumbers())
        case .components: return .groups(isDirected ? strongComponents() : weakComponents(), modularity: nil)
        case .communities:
            let communities =
                switch parameters.algorithm {
                case .louvain: try louvain(resolution: parameters.resolution)
                case .leiden: try leiden(resolution: parameters.resolution, seed: parameters.seed)
                }
            return .groups(communities.partition, modularity: communities.modularity)
        default:
            return .scores(try scores(measure, parameters))
        }
    }

    /// One score per node of this view for the measures that give scores (every one but
    /// coreness, components and communities), with NetworkX's definitions.
    ///
    /// - Precondition: `measure` gives scores.
    public func scores(_ measure: CentralityMeasure, _ parameters: CentralityParameters) throws(MeasureError) -> [Double] {
        let normalized = parameters.normalized
        switch measure {
        case .degree: return degreeCentrality(normalized: normalized)
        case .inDegree: return degreeCentrality(.incoming, normalized: normalized)
        case .outDegree: return degreeCentrality(.outgoing, normalized: normalized)
        case .betweenness:
            return try betweennessCentrality(normalized: normalized, sources: parameters.sources, progress: parameters.progress)
        case .closeness: return try closenessCentrality(normalized: normalized, progress: parameters.progress)
        case .harmonic: return try harmonicCentrality(normalized: normalized, progress: parameters.progress)
        case .eigenvector: return try eigenvectorCentrality(options: parameters.options)
        case .pagerank: return try pageRank(damping: parameters.damping, options: parameters.options)
        case .katz:
            return try katzCentrality(
                alpha: parameters.alpha, beta: [parameters.beta], normalized: normalized,
                options: parameters.options)
        case .coreness, .components, .communities:
            preconditionFailure("\(measure.rawValue) gives counts or groups, not scores")
        }
    }
}

extension Graph {
    /// One number per graph node for sizing a diagram's nodes: `measure` (one of
    /// ``CentralityMeasure/nodeSizing``) on the simple undirected view of the graph or of the
    /// region's subtree, NetworkX's default normalization, 0 outside the region; betweenness is
    /// estimated from ``PictureSampling`` sources above ``PictureSampling/diagramThreshold`` nodes.
    ///
    /// - Returns: the values, and how many sources estimated them (`nil` when exact).
    /// - Throws: ``MeasureError`` from the measure.
    public func nodeSizes(by measure: CentralityMeasure, region: Int?) throws(MeasureError)
        -> (values: [Double], sampledSources: Int?)
    {
        let nodes = region.map(hierarchy.sortedSubtree(of:)) ?? Array(0..<nodeCount)
        let view = region == nil ? MeasureGraph(self) : MeasureGraph(self, inducedBy: nodes)
        var sampled: Int?
        let values: [Double]
        if measure == .coreness {
            values = view.coreNumbers().map(Double.init)
        } else {
            var parameters = CentralityParameters(normalized: measure.normalizedByDefault)
            if measure == .betweenness && view.nodeCount > PictureSampling.diagramThreshold {
                parameters.sources = view.sampleSources(PictureSampling.samples, seed: PictureSampling.seed)
                sampled = PictureSampling.samples
            }
            values = try view.scores(measure, parameters)
        }
        var sizes = [Double](repeating: 0, count: nodeCount)
        for (position, node) in nodes.enumerated() { sizes[node] = values[position] }
        return (sizes, sampled)
    }
}
