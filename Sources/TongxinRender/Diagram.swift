/// What a diagram shows, before any Graphviz syntax: the nodes (graph nodes, or region super-nodes
/// standing for everything collapsed into them), aggregated edges, region clusters and legend data.
///
/// Built by ``Diagram/init(graph:options:)``; written as DOT by ``DiagramDOT``. Every order is
/// deterministic: nodes by graph node index (kind groups last), edges by endpoints then kind.
public struct Diagram: Sendable {
    /// A node of the diagram.
    public struct Node: Sendable, Equatable {
        /// The graph node it shows, or `nil` for a group of unplaced nodes of one kind.
        public var graphNode: Int?
        /// Its kind (for groups, the kind of their members).
        public var kind: String
        /// Its region level, for regions and villages.
        public var level: RegionLevel?
        /// The name shown.
        public var name: String
        /// The graph node's id (for tooltips), or `nil` for a group.
        public var id: String?
        /// How many graph nodes were collapsed into it, itself excluded.
        public var memberCount: Int
        /// What was collapsed into it, e.g. `12 towns · 180 villages`; empty when nothing was.
        public var members: String
        /// Index into ``Diagram/clusters``, or `nil`.
        public var cluster: Int?
        /// The node's score (the largest among what it stands for), with ``Diagram/measure``.
        public var score: Double?
        /// Its coverage mark, with ``Diagram/coverage``.
        public var coverage: CoverageMark?
    }

    /// An aggregated edge: `count` graph edges of one kind between the nodes the diagram merged
    /// their endpoints into.
    public struct Edge: Sendable, Equatable {
        public var source: Int
        public var target: Int
        public var kind: String
        public var count: Int
    }

    /// How a node is coloured by coverage.
    public enum CoverageMark: Sendable, Equatable {
        case covered
        case uncovered
        /// The fraction of the units collapsed into a super-node that are covered.
        case rate(Double, units: Int)
    }

    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// The region node (diagram node index) each cluster is drawn around.
    public var clusters: [Int] = []
    /// The diagram's title: the graph's name and what the view shows.
    public var title: String
    /// The language of the diagram's own words.
    public var language: DiagramLanguage = .en
    /// The measure's name and its range over the diagram's nodes, when sized by one.
    public var measure: (name: String, min: Double, max: Double)?
    /// The coverage selector, when coloured by coverage.
    public var coverage: String?
    /// The diagram node of the neighbourhood's focus, drawn with a thick red border.
    public var focus: Int?
    /// Whether links count both directions together (collapsed views), drawn without arrowheads.
    public var undirectedLinks = false
}

/// Problems with what was asked of the renderer (as opposed to Graphviz's own failures).
public enum DiagramError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The view has more nodes than allowed and no region hierarchy to collapse them into.
    case tooLarge(nodes: Int, maxNodes: Int)
    /// The view is empty.
    case empty

    public var description: String {
        switch self {
        case .tooLarge(let nodes, let maxNodes):
            "the view has \(nodes) nodes (more than the limit of \(maxNodes)) and no regions to collapse "
                + "them into: draw one node's neighbourhood, or raise the limit"
        case .empty:
            "nothing to draw: the view has no nodes"
        }
    }
}
