/// What to draw and how: the view (whole graph, one region's subtree, or a neighbourhood), the
/// collapse level, the layout engine, and the per-node data that sizes and colours nodes.
public struct DiagramOptions: Sendable {
    /// A neighbourhood: the nodes within `depth` hops of `node`, edges taken in either direction.
    public struct Focus: Sendable, Equatable {
        public var node: Int
        public var depth: Int

        public init(node: Int, depth: Int) {
            self.node = node
            self.depth = depth
        }
    }

    /// A per-node score that sets node sizes (any centrality, or any other measure).
    public struct Measure: Sendable {
        /// The name shown in the legend.
        public var name: String
        /// One score per graph node, by node index.
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// Coverage of units, to colour them: per node, whether it is a unit and whether it is covered.
    public struct Coverage: Sendable {
        /// The selector of what covers, shown in the legend.
        public var selector: String
        /// One state per graph node, by node index.
        public var states: [CoverageState]

        public init(selector: String, states: [CoverageState]) {
            self.selector = selector
            self.states = states
        }

        /// The states of a coverage answer: every node of level `unit` inside `scope` (the whole
        /// graph when `nil`) is covered, except the `uncovered` ones; every other node is no unit.
        ///
        /// - Complexity: O(V).
        public init(selector: String, unit: RegionLevel, uncovered: [Int], in graph: Graph, within scope: Int? = nil) {
            var states = [CoverageState](repeating: .notUnit, count: graph.nodeCount)
            for node in 0..<graph.nodeCount where graph.level(of: node) == unit && scope.map({ graph.hierarchy.contains($0, node) }) ?? true
            {
                states[node] = .covered
            }
            for node in uncovered { states[node] = .uncovered }
            self.init(selector: selector, states: states)
        }
    }

    /// The layout engine, or `nil` to choose from the diagram's size (see ``DiagramPlan``).
    public var layout: LayoutEngine?
    /// Collapse every unit below this level into its region, or `nil` to collapse only when the view
    /// has more than ``maxNodes`` nodes.
    public var collapse: RegionLevel?
    /// Draw only one region's subtree (and the unplaced nodes linked to it).
    public var region: Int?
    /// Draw only a neighbourhood.
    public var focus: Focus?
    /// The most nodes a diagram may have; a larger view is collapsed (or a neighbourhood cut to its
    /// nearest nodes), never drawn as a hairball.
    public var maxNodes: Int
    /// The most links other than `within` a diagram draws: the strongest (largest counts) are kept.
    /// `nil` means every link of an uncollapsed view, and half the nodes (at least 20) of the
    /// aggregated links of a collapsed one.
    public var maxEdges: Int?
    /// Draw only links of these kinds (and the `within` hierarchy); `nil` draws every kind.
    public var edgeKinds: Set<String>?
    /// Node sizes.
    public var sizeBy: Measure?
    /// Node colours by coverage.
    public var colorBy: Coverage?
    /// Label width in columns (a CJK character takes two).
    public var labelWidth: Int
    /// Scale the drawing down to fit a square of this many inches (96 pixels each in PNG), if larger.
    public var maxInches: Double?
    /// The language of the diagram's own words (counts, coverage lines, legend).
    public var language: DiagramLanguage

    public init(
        layout: LayoutEngine? = nil, collapse: RegionLevel? = nil, region: Int? = nil, focus: Focus? = nil,
        maxNodes: Int = 300, maxEdges: Int? = nil, edgeKinds: Set<String>? = nil, sizeBy: Measure? = nil,
        colorBy: Coverage? = nil, labelWidth: Int = 16, maxInches: Double? = nil, language: DiagramLanguage = .en
    ) {
        self.layout = layout
        self.collapse = collapse
        self.region = region
        self.focus = focus
        self.maxNodes = maxNodes
        self.maxEdges = maxEdges
        self.edgeKinds = edgeKinds
        self.sizeBy = sizeBy
        self.colorBy = colorBy
        self.labelWidth = labelWidth
        self.maxInches = maxInches
        self.language = language
    }
}

/// A node's part in a coverage question.
public enum CoverageState: UInt8, Sendable {
    /// Not a unit of the question (a figure, or a region above the unit level).
    case notUnit
    case uncovered
    case covered
}
