import ArgumentParser
import Dispatch
import Foundation
import TongxinAnalysis
import TongxinIO

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

    @Option(name: .customLong("by"), help: ArgumentHelp(
        "With --coverage: the covering nodes, KIND or KIND[attr=value,…]; repeat for any of several.", valueName: "selector"))
    var selectors: [String] = []

    @Option(help: ArgumentHelp("With --coverage: comma-separated edge kinds that link a covering node to a unit.",
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
            if left == nil || right == nil { throw ValidationError("--pairing needs --left and --right, e.g. --left enterprise --right village") }
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

        let (oldGraph, newGraph) = try Self.loadBoth(old, new, masking: masking)
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
            let before = try Pairing(of: oldGraph, left: leftSelector, right: rightSelector, edge: edge,
                                     by: pairingBy?.level, within: scope.old)
            let after = try Pairing(of: newGraph, left: leftSelector, right: rightSelector, edge: edge,
                                    by: pairingBy?.level, within: scope.new)
            pairingChange = PairingChange(before: before, of: oldGraph, after: after, of: newGraph, diff: diff)
        }
        let report = DiffReport(old: oldGraph, new: newGraph, diff: diff, coverage: coverageChange, pairing: pairingChange)
        switch output.format {
        case .json: Console.printJSON(report.json)
        case .csv: Console.out(report.csv().csv())
        case .xlsx: try output.writeWorkbook(report.csv())
        case .table: Console.out(report.text())
        }
    }

    /// Reads both versions, side by side on two threads, and masks them by `--mask`.
    private static func loadBoth(_ old: String, _ new: String, masking: MaskOptions) throws(DiagnosticList) -> (Graph, Graph) {
        var results: [Result<Graph, DiagnosticList>?] = [nil, nil]
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: 2) { which in
                slots[which] = Result { () throws(DiagnosticList) in try GraphLoader.load(which == 0 ? old : new) }
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
            throw DiagnosticList([Diagnostic(.error, "--region: \(error) in \(file)")])
        }
        guard graph.level(of: node) != nil else {
            throw DiagnosticList([Diagnostic(.error, "--region '\(region)' is a \(graph.kind(of: node)) in \(file), not a region")])
        }
        return node
    }
}

/// A comparison with names resolved, in the three output formats.
struct DiffReport {
    let old: Graph
    let new: Graph
    let diff: GraphDiff
    let coverage: CoverageChange?
    let pairing: PairingChange?

    /// How many entries of each list the table shows; JSON and CSV show all.
    static let listLimit = 20

    // MARK: Names

    private func regionID(_ old: Int?, _ new: Int?) -> String { new.map(self.new.id(of:)) ?? old.map(self.old.id(of:)) ?? "" }
    private func regionName(_ old: Int?, _ new: Int?) -> String {
        new.map(self.new.name(of:)) ?? old.map(self.old.name(of:)) ?? self.new.name
    }
    private func path(_ graph: Graph, _ node: Int) -> [String] { graph.hierarchy.ancestors(of: node).reversed().map(graph.name(of:)) }

    // MARK: JSON

    var json: JSONValue {
        var object: [(String, JSONValue)] = [
            ("old", .string(old.name)),
            ("new", .string(new.name)),
            ("nodes", [
                "added": .array(diff.addedNodes.map { .object(nodeJSON(new, $0)) }),
                "removed": .array(diff.removedNodes.map { .object(nodeJSON(old, $0)) }),
                "changed": .array(diff.changedNodes.map { change in
                    var entry = nodeJSON(new, change.new)
                    entry.append(("changes", .array(change.changes.map { field in
                        var pairs: [(String, JSONValue)] = [("field", .string(field.field)), ("old", JSONValue(field.old)),
                                                            ("new", JSONValue(field.new))]
                        if field.field == "parent" {
                            pairs.append(("old_path", .array(path(old, change.old).map(JSONValue.string))))
                            pairs.append(("new_path", .array(path(new, change.new).map(JSONValue.string))))
                        }
                        return .object(pairs)
                    })))
                    return .object(entry)
                }),
            ]),
            ("edges", [
                "added": kindCounts(diff.edgeKinds, diff.edgeTallies.map(\.added)),
                "removed": kindCounts(diff.edgeKinds, diff.edgeTallies.map(\.removed)),
            ]),
            ("counts", [
                "nodes": .object(zip(diff.nodeKinds, diff.nodeTallies).filter { !$1.isEmpty }.map { kind, tally in
                    (kind, ["added": .int(tally.added), "removed": .int(tally.removed), "changed": .int(tally.changed)])
                }),
                "level": .string(diff.level.rawValue),
                "regions": .array(diff.regions.map { region in
                    [
                        "id": .string(regionID(region.old, region.new)), "name": .string(regionName(region.old, region.new)),
                        "in_old": .bool(region.old != nil), "in_new": .bool(region.new != nil),
                        "nodes": [
                            "added": kindCounts(diff.nodeKinds, region.nodes.map(\.added)),
                            "removed": kindCounts(diff.nodeKinds, region.nodes.map(\.removed)),
                            "changed": kindCounts(diff.nodeKinds, region.nodes.map(\.changed)),
                        ],
                        "edges": [
                            "added": kindCounts(diff.edgeKinds, region.edges.map(\.added)),
                            "removed": kindCounts(diff.edgeKinds, region.edges.map(\.removed)),
                        ],
                    ]
                }),
            ]),
        ]
        if let coverage { object.append(("coverage", coverageJSON(coverage))) }
        if let pairing { object.append(("pairing", pairingJSON(pairing))) }
        return .object(object)
    }

    private func nodeJSON(_ graph: Graph, _ node: Int) -> [(String, JSONValue)] {
        [("id", .string(graph.id(of: node))), ("kind", .string(graph.kind(of: node))), ("name", .string(graph.name(of: node)))]
    }

    /// `{KIND: N}` for the kinds with N > 0, in kind order.
    private func kindCounts(_ kinds: [String], _ counts: [Int]) -> JSONValue {
        .object(zip(kinds, counts).filter { $1 > 0 }.map { ($0, .int($1)) })
    }

    private func unitJSON(_ node: Int) -> JSONValue {
        ["id": .string(new.id(of: node)), "name": .string(new.name(of: node)), "path": .array(path(new, node).map(JSONValue.string))]
    }

    private func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }

    private func coverageJSON(_ change: CoverageChange) -> JSONValue {
        func figures(_ units: Int, _ covered: Int) -> JSONValue {
            ["units": .int(units), "covered": .int(covered), "rate": units == 0 ? .null : .double(Double(covered) / Double(units))]
        }
        let before = change.before, after = change.after
        let totalDelta: Double? = before.units == 0 || after.units == 0 ? nil
            : Double(after.covered) / Double(after.units) - Double(before.covered) / Double(before.units)
        return [
            "unit": .string(after.unit.rawValue),
            "selector": .string(after.selectors.map(\.description).joined(separator: " | ")),
            "via": .array(after.via.map(JSONValue.string)),
            "before": figures(before.units, before.covered),
            "after": figures(after.units, after.covered),
            "delta_rate": number(totalDelta),
            "regions": .array(change.regions.map { region in
                [
                    "id": .string(regionID(region.old, region.new)), "name": .string(regionName(region.old, region.new)),
                    "level": .string(region.level.rawValue),
                    "before": region.before.map { figures($0.units, $0.covered) } ?? .null,
                    "after": region.after.map { figures($0.units, $0.covered) } ?? .null,
                    "delta_rate": number(region.deltaRate),
                ]
            }),
            "newly_covered": .array(change.newlyCovered.map(unitJSON)),
            "newly_uncovered": .array(change.newlyUncovered.map(unitJSON)),
        ]
    }

    private func pairingJSON(_ change: PairingChange) -> JSONValue {
        func figures(_ r: Pairing.Region?) -> JSONValue {
            guard let r else { return .null }
            return [
                "left": .int(r.left), "right": .int(r.right), "pairs": .int(r.pairs), "density": number(r.density),
                "left_paired": .int(r.leftPaired), "right_paired": .int(r.rightPaired),
                "left_share": number(r.leftShare), "right_share": number(r.rightShare),
                "max_matching": .int(r.maxMatching), "unpaired": .int(r.unpaired.count),
            ]
        }
        func couples(_ graph: Graph, _ list: [PairingChange.Couple]) -> JSONValue {
            .array(list.map { c in
                ["left": .string(graph.id(of: c.left)), "left_name": .string(graph.name(of: c.left)),
                 "right": .string(graph.id(of: c.right)), "right_name": .string(graph.name(of: c.right))]
            })
        }
        let after = change.after
        return [
            "left": .string(after.left.description), "right": .string(after.right.description), "edge": .string(after.edge),
            "by": after.by.map { .string($0.rawValue) } ?? .null,
            "regions": .array(change.regions.enumerated().map { index, region in
                let whole = index == 0 && region.new == nil && region.old == nil
                return [
                    "id": whole ? .null : .string(regionID(region.old, region.new)),
                    "name": .string(regionName(region.old, region.new)),
                    "level": (region.after ?? region.before)?.level.map { .string($0.rawValue) } ?? .null,
                    "before": figures(region.before), "after": figures(region.after),
                    "delta_pairs": region.delta { Double($0.pairs) }.map { .int(Int($0)) } ?? .null,
                    "delta_density": number(region.delta(\.density)),
                    "delta_right_share": number(region.delta(\.rightShare)),
                ]
            }),
            "newly_paired": .array(change.newlyPaired.map(unitJSON)),
            "newly_unpaired": .array(change.newlyUnpaired.map(unitJSON)),
            "new_pairings": couples(new, change.newPairings),
            "ended_pairings": couples(old, change.endedPairings),
        ]
    }

    // MARK: CSV

    /// One long table, a row per fact: `section,id,name,kind,field,old,new`.
    func csv() -> Table {
        var table = Table(["section", "id", "name", "kind", "field", "old", "new"])
        for node in diff.addedNodes { table.append(["node_added", new.id(of: node), new.name(of: node), new.kind(of: node), "", "", ""]) }
        for node in diff.removedNodes { table.append(["node_removed", old.id(of: node), old.name(of: node), old.kind(of: node), "", "", ""]) }
        for change in diff.changedNodes {
            for field in change.changes {
                table.append(["node_changed", new.id(of: change.new), new.name(of: change.new), new.kind(of: change.new),
                              field.field, field.old?.description ?? "", field.new?.description ?? ""])
            }
        }
        for (kind, tally) in zip(diff.edgeKinds, diff.edgeTallies) where !tally.isEmpty {
            table.append(["edges_removed_added", "", "", kind, "count", String(tally.removed), String(tally.added)])
        }
        if let coverage {
            for region in coverage.regions {
                let id = regionID(region.old, region.new), name = regionName(region.old, region.new)
                for (field, value) in [("units", { (r: Coverage.Region) in String(r.units) }), ("covered", { String($0.covered) }),
                                       ("rate", { $0.rate.map { String($0) } ?? "" })] {
                    table.append(["coverage_region", id, name, region.level.rawValue, field,
                                  region.before.map(value) ?? "", region.after.map(value) ?? ""])
                }
            }
            for (section, units) in [("newly_covered", coverage.newlyCovered), ("newly_uncovered", coverage.newlyUncovered)] {
                for node in units {
                    table.append([section, new.id(of: node), new.name(of: node), coverage.after.unit.rawValue, "path", "",
                                  path(new, node).joined(separator: " / ")])
                }
            }
        }
        if let pairing {
            for region in pairing.regions {
                let id = region.old == nil && region.new == nil ? "" : regionID(region.old, region.new)
                let name = regionName(region.old, region.new)
                let level = (region.after ?? region.before)?.level?.rawValue ?? ""
                let fields: [(String, (Pairing.Region) -> String)] = [
                    ("left", { String($0.left) }), ("right", { String($0.right) }), ("pairs", { String($0.pairs) }),
                    ("density", { $0.density.map { String($0) } ?? "" }),
                    ("right_share", { $0.rightShare.map { String($0) } ?? "" }),
                    ("max_matching", { String($0.maxMatching) }), ("unpaired", { String($0.unpaired.count) }),
                ]
                for (field, value) in fields {
                    table.append(["pairing_region", id, name, level, field, region.before.map(value) ?? "", region.after.map(value) ?? ""])
                }
            }
            for (section, nodes) in [("newly_paired", pairing.newlyPaired), ("newly_unpaired", pairing.newlyUnpaired)] {
                for node in nodes {
                    table.append([section, new.id(of: node), new.name(of: node), new.kind(of: node), "path", "",
                                  path(new, node).joined(separator: " / ")])
                }
            }
            for c in pairing.newPairings {
                table.append(["new_pairing", new.id(of: c.right), new.name(of: c.right), pairing.after.edge, "left", "", new.id(of: c.left)])
            }
            for c in pairing.endedPairings {
                table.append(["ended_pairing", old.id(of: c.right), old.name(of: c.right), pairing.before.edge, "left", old.id(of: c.left), ""])
            }
        }
        return table
    }

    // MARK: Text

    func text() -> String {
        var output = "changes from \(old.name) to \(new.name): \(diff.addedNodes.count) nodes added, "
            + "\(diff.removedNodes.count) removed, \(diff.changedNodes.count) changed; "
            + "\(diff.addedEdges.count) edges added, \(diff.removedEdges.count) removed\n"
        if diff.isEmpty { return output + "no differences\n" }
        var kinds = Table(["node kind", "added", "removed", "changed"], numeric: ["added", "removed", "changed"])
        for (kind, tally) in zip(diff.nodeKinds, diff.nodeTallies) where !tally.isEmpty {
            kinds.append([kind, String(tally.added), String(tally.removed), String(tally.changed)])
        }
        output += "\n" + kinds.rendered()
        var edges = Table(["edge kind", "added", "removed"], numeric: ["added", "removed"])
        for (kind, tally) in zip(diff.edgeKinds, diff.edgeTallies) where !tally.isEmpty {
            edges.append([kind, String(tally.added), String(tally.removed)])
        }
        output += "\n" + edges.rendered()
        if !diff.regions.isEmpty {
            var regions = Table([diff.level.rawValue, "nodes +", "nodes −", "nodes ~", "edges +", "edges −"],
                                numeric: ["nodes +", "nodes −", "nodes ~", "edges +", "edges −"])
            for region in diff.regions {
                let note = region.new == nil ? " (old only)" : region.old == nil ? " (new only)" : ""
                regions.append([regionName(region.old, region.new) + note,
                                String(region.nodes.reduce(0) { $0 + $1.added }), String(region.nodes.reduce(0) { $0 + $1.removed }),
                                String(region.nodes.reduce(0) { $0 + $1.changed }), String(region.edges.reduce(0) { $0 + $1.added }),
                                String(region.edges.reduce(0) { $0 + $1.removed })])
            }
            output += "\n" + regions.rendered()
        }
        output += list("added nodes", diff.addedNodes.map { [new.id(of: $0), new.kind(of: $0), new.name(of: $0), ""] })
        output += list("removed nodes", diff.removedNodes.map { [old.id(of: $0), old.kind(of: $0), old.name(of: $0), ""] })
        output += list("changed nodes", diff.changedNodes.map { change in
            [new.id(of: change.new), new.kind(of: change.new), new.name(of: change.new),
             change.changes.map { "\($0.field): \($0.old?.description ?? "—") → \($0.new?.description ?? "—")" }.joined(separator: "; ")]
        })
        if let coverage { output += coverageText(coverage) }
        if let pairing { output += pairingText(pairing) }
        return output
    }

    /// A titled list of (id, kind, name, detail) rows, at most ``listLimit`` of them.
    private func list(_ title: String, _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        var table = Table(["id", "kind", "name", "change"])
        for row in rows.prefix(Self.listLimit) { table.append(row) }
        let more = rows.count > Self.listLimit ? "… and \(rows.count - Self.listLimit) more (--format json lists all)\n" : ""
        return "\n\(title) (\(rows.count)):\n" + table.rendered() + more
    }

    private func unitRows(_ nodes: [Int]) -> [[String]] {
        nodes.map { [new.id(of: $0), new.kind(of: $0), new.name(of: $0), path(new, $0).joined(separator: " / ")] }
    }

    private func coverageText(_ change: CoverageChange) -> String {
        func figures(_ region: Coverage.Region?) -> String {
            region.map { "\($0.covered)/\($0.units) \(RateText.percent($0.rate))" } ?? "(absent)"
        }
        var output = "\ncoverage of \(change.after.unit.rawValue) units by "
            + change.after.selectors.map(\.description).joined(separator: " | ") + ": "
            + "\(change.before.covered)/\(change.before.units) → \(change.after.covered)/\(change.after.units)\n"
        var table = Table(["region", "level", "before", "after", "change"], numeric: ["before", "after", "change"])
        let top = change.regions.first?.level.rank ?? 0
        for region in change.regions {
            table.append([String(repeating: "  ", count: max(0, region.level.rank - top)) + regionName(region.old, region.new),
                          region.level.rawValue, figures(region.before), figures(region.after), PointText.delta(region.deltaRate)])
        }
        output += table.rendered()
        output += list("newly covered", unitRows(change.newlyCovered))
        output += list("newly uncovered", unitRows(change.newlyUncovered))
        return output
    }

    private func pairingText(_ change: PairingChange) -> String {
        func figures(_ r: Pairing.Region?) -> String {
            r.map { "\($0.pairs) pairs, \(RateText.number($0.density)), \(RateText.percent($0.rightShare))" } ?? "(absent)"
        }
        var output = "\npairing of \(change.after.left) with \(change.after.right) by \(change.after.edge) edges "
            + "(pairs, density, right share)\n"
        var table = Table(["region", "before", "after", "pairs", "right share"], numeric: ["pairs", "right share"])
        for region in change.regions {
            let pairs = region.delta { Double($0.pairs) }.map { String(format: "%+d", Int($0)) } ?? "—"
            table.append([regionName(region.old, region.new), figures(region.before), figures(region.after), pairs,
                          PointText.delta(region.delta(\.rightShare))])
        }
        output += table.rendered()
        output += list("newly paired", unitRows(change.newlyPaired))
        output += list("newly unpaired", unitRows(change.newlyUnpaired))
        output += list("new pairings", change.newPairings.map {
            [new.id(of: $0.left), new.kind(of: $0.left), new.name(of: $0.left), "→ " + new.name(of: $0.right)]
        })
        output += list("ended pairings", change.endedPairings.map {
            [old.id(of: $0.left), old.kind(of: $0.left), old.name(of: $0.left), "→ " + old.name(of: $0.right)]
        })
        return output
    }
}

/// A change in a rate as signed percentage points (`+12.50 pp`), "—" when there is none.
enum PointText {
    static func delta(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%+.2f pp", value * 100)
    }
}

extension MaskOptions {
    /// Two versions compared under `--mask` must get the same pseudonyms, or every masked id would
    /// differ: a key must be given, not drawn at random for the run.
    func requireStableKey(comparing command: String) throws {
        guard mask != nil, maskKey == nil,
              ProcessInfo.processInfo.environment["TONGXIN_MASK_KEY"]?.isEmpty ?? true else { return }
        throw ValidationError("\(command) with --mask needs --mask-key FILE or TONGXIN_MASK_KEY, so that both versions get the same pseudonyms")
    }
}
