import ArgumentParser
import Dispatch
import Foundation
import TongxinAnalysis
import TongxinIO
import TongxinResults

/// `tongxin diff OLD NEW`: what changed between two versions of a network, and how coverage and
/// pairing moved.
struct DiffCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a graph: nodes and edges added, removed, changed; coverage and pairing before and after.",
        discussion: """
            Nodes are matched by id; edges by source id, target id, kind and, among parallel edges, \
            their order. A node is changed when its kind, name, parent (a move in the hierarchy) or \
            an attribute differs. Changes are counted by kind and by region of --level.

            --coverage (with coverage's --unit, --by, --via) gives every region's units, covered \
            and rate before and after, and the units newly covered and newly uncovered. --pairing \
            (with pairing's --left, --right, --edge, and --pairing-by for its levels) gives every \
            region's pairs, density and right share before and after, the right nodes newly paired \
            and newly unpaired, and the pairing edges added and ended. A region in one version only \
            has no figures on the other side (null in JSON), never zeros.

            Examples:
              tongxin diff Graphs/hubei-2023.json Graphs/hubei.json
              tongxin diff Graphs/hubei-2023.json Graphs/hubei.json --region 十堰市 \\
                  --coverage --unit village --by figure --via liaison_for
              tongxin diff Graphs/hubei-2023.json Graphs/hubei.json --pairing \\
                  --left enterprise --right village --pairing-by city --format json
            """)

    @Argument(help: ArgumentHelp("The earlier version of the graph.", valueName: "old"), completion: .file())
    var old: String

    @Argument(help: ArgumentHelp("The later version of the graph.", valueName: "new"), completion: .file())
    var new: String

    @Option(help: ArgumentHelp("Compare one region's subtree only, by id or name (in both versions).", valueName: "name|id"))
    var region: String?

    @Option(help: "The level of the regions changes are counted in: city, county or town.")
    var level: PairingLevel = .city

    @Flag(help: "Compare coverage (with --unit, --by, --via).")
    var coverage = false

    @Option(help: "With --coverage: the units counted: village, town, county or city.")
    var unit: CoverageUnit?

    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "With --coverage: the covering nodes, KIND or KIND[attr=value,…]; repeat for any of several.", valueName: "selector"))
    var selectors: [String] = []

    @Option(
        help: ArgumentHelp(
            "With --coverage: comma-separated edge kinds that link a covering node to a unit.",
            valueName: "kind,…"))
    var via: String = Coverage.defaultVia.joined(separator: ",")

    @Flag(help: "Compare pairing (with --left, --right, --edge, --pairing-by).")
    var pairing = false

    @Option(help: ArgumentHelp("With --pairing: the pairing side.", valueName: "selector"))
    var left: String?

    @Option(help: ArgumentHelp("With --pairing: the paired side.", valueName: "selector"))
    var right: String?

    @Option(help: ArgumentHelp("With --pairing: the pairing edge kind.", valueName: "kind"))
    var edge: String = EdgeKind.pairedWith

    @Option(name: .customLong("pairing-by"), help: "With --pairing: one entry per region of this level: city, county or town.")
    var pairingBy: PairingLevel?

    @OptionGroup var masking: MaskOptions

    @OptionGroup var cache: CacheOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try masking.requireStableKey(comparing: "diff")
        if coverage {
            if unit == nil { throw ValidationError("--coverage needs --unit, e.g. --unit village") }
            if selectors.isEmpty { throw ValidationError("--coverage needs at least one --by selector, e.g. --by figure") }
        } else if unit != nil || !selectors.isEmpty {
            throw ValidationError("--unit and --by belong to --coverage: add --coverage")
        }
        if pairing {
            if left == nil || right == nil {
                throw ValidationError("--pairing needs --left and --right, e.g. --left enterprise --right village")
            }
        } else if left != nil || right != nil || pairingBy != nil {
            throw ValidationError("--left, --right and --pairing-by belong to --pairing: add --pairing")
        }
    }

    mutating func execute() throws {
        let coverSelectors = try selectors.map { try SelectorArgument.parse($0, option: "--by") }
        let kinds = via.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if coverage && kinds.isEmpty { throw DiagnosticList([Diagnostic(.error, "--via needs at least one edge kind")]) }
        let leftSelector = try left.map { try SelectorArgument.parse($0, option: "--left") }
        let rightSelector = try right.map { try SelectorArgument.parse($0, option: "--right") }

        let (oldGraph, newGraph) = try Self.loadBoth(old, new, cache: cache, masking: masking)
        let scope = (old: try regionIndex(in: oldGraph, file: old), new: try regionIndex(in: newGraph, file: new))
        let diff = GraphDiff(old: oldGraph, new: newGraph, level: level.level, within: scope)
        var coverageChange: CoverageChange?
        if coverage, let unit {
            for selector in coverSelectors { SelectorArgument.warnIfEmpty(selector, option: "--by", in: newGraph) }
            let before = try Coverage(of: oldGraph, unit: unit.level, by: coverSelectors, via: kinds, within: scope.old)
            let after = try Coverage(of: newGraph, unit: unit.level, by: coverSelectors, via: kinds, within: scope.new)
            coverageChange = CoverageChange(before: before, of: oldGraph, after: after, of: newGraph, matching: diff.matching)
        }
        var pairingChange: PairingChange?
        if pairing, let leftSelector, let rightSelector {
            let before = try Pairing(
                of: oldGraph, left: leftSelector, right: rightSelector, edge: edge,
                by: pairingBy?.level, within: scope.old)
            let after = try Pairing(
                of: newGraph, left: leftSelector, right: rightSelector, edge: edge,
                by: pairingBy?.level, within: scope.new)
            pairingChange = PairingChange(before: before, of: oldGraph, after: after, of: newGraph, diff: diff)
        }
        let report = DiffReport(old: oldGraph, new: newGraph, diff: diff, coverage: coverageChange, pairing: pairingChange)
        try Console.print(report, as: output)
    }

    /// Reads both versions, side by side on two threads, each through the `.txg` cache, and masks
    /// them by `--mask` (or takes both from the server's graphs, already masked).
    private static func loadBoth(_ old: String, _ new: String, cache: CacheOptions, masking: MaskOptions) throws(DiagnosticList) -> (
        Graph, Graph
    ) {
        if let served = ServedGraphs.current { return (try served.graph(atPath: old), try served.graph(atPath: new)) }
        var results: [Result<Graph, DiagnosticList>?] = [nil, nil]
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: 2) { which in
                slots[which] = Result { () throws(DiagnosticList) in try cache.read(which == 0 ? old : new) }
            }
        }
        switch (results[0]!, results[1]!) {
        case (.success(let a), .success(let b)): return (try masking.apply(to: a), try masking.apply(to: b))
        case (.failure(let a), .failure(let b)): throw DiagnosticList(a.diagnostics + b.diagnostics)
        case (.failure(let error), _), (_, .failure(let error)): throw error
        }
    }

    /// The `--region` node in one version, or `nil` without the option.
    private func regionIndex(in graph: Graph, file: String) throws(DiagnosticList) -> Int? {
        guard let region else { return nil }
        let node: Int
        do {
            node = try graph.resolve(region)
        } catch {
            throw DiagnosticList([Diagnostic(.error, "--region (in \(file)): \(error)")])
        }
        guard graph.level(of: node) != nil else {
            throw DiagnosticList([Diagnostic(.error, "--region '\(region)' is a \(graph.kind(of: node)) in \(file), not a region")])
        }
        return node
    }
}
