import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// A comparison of two versions (``TongxinAnalysis/GraphDiff``, with ``CoverageChange`` and
/// ``PairingChange`` when asked) with names resolved: DESIGN.md's diff JSON, one long CSV table
/// (a row per fact), and the terminal text.
public struct DiffReport: ResultDocument {
    public let old: Graph
    public let new: Graph
    public let diff: GraphDiff
    public let coverage: CoverageChange?
    public let pairing: PairingChange?

    public init(old: Graph, new: Graph, diff: GraphDiff, coverage: CoverageChange?, pairing: PairingChange?) {
        self.old = old
        self.new = new
        self.diff = diff
        self.coverage = coverage
        self.pairing = pairing
    }

    /// How many entries of each list the table shows; JSON and CSV show all.
    static let listLimit = 20

    // MARK: Names

    private func regionID(_ old: Int?, _ new: Int?) -> String { new.map(self.new.id(of:)) ?? old.map(self.old.id(of:)) ?? "" }
    private func regionName(_ old: Int?, _ new: Int?) -> String {
        new.map(self.new.name(of:)) ?? old.map(self.old.name(of:)) ?? self.new.name
    }
    private func path(_ graph: Graph, _ node: Int) -> [String] { graph.hierarchy.ancestors(of: node).reversed().map(graph.name(of:)) }

    // MARK: JSON

    public var json: JSONValue {
        var object: [(String, JSONValue)] = [
            ("old", .string(old.name)),
            ("new", .string(new.name)),
            (
                "nodes",
                [
                    "added": .array(diff.addedNodes.map { .object(nodeJSON(new, $0)) }),
                    "removed": .array(diff.removedNodes.map { .object(nodeJSON(old, $0)) }),
                    "changed": .array(
                        diff.changedNodes.map { change in
                            var entry = nodeJSON(new, change.new)
                            entry.append(
                                (
                                    "changes",
                                    .array(
                                        change.changes.map { field in
                                            var pairs: [(String, JSONValue)] = [
                                                ("field", .string(field.field)), ("old", JSONValue(field.old)),
                                                ("new", JSONValue(field.new))
                                            ]
                                            if field.field == "parent" {
                                                pairs.append(("old_path", .array(path(old, change.old).map(JSONValue.string))))
                                                pairs.append(("new_path", .array(path(new, change.new).map(JSONValue.string))))
                                            }
                                            return .object(pairs)
                                        })
                                ))
                            return .object(entry)
                        })
                ]
            ),
            (
                "edges",
                [
                    "added": kindCounts(diff.edgeKinds, diff.edgeTallies.map(\.added)),
                    "removed": kindCounts(diff.edgeKinds, diff.edgeTallies.map(\.removed))
                ]
            ),
            (
                "counts",
                [
                    "nodes": .object(
                        zip(diff.nodeKinds, diff.nodeTallies).filter { !$1.isEmpty }.map { kind, tally in
                            (kind, ["added": .int(tally.added), "removed": .int(tally.removed), "changed": .int(tally.changed)])
                        }),
                    "level": .string(diff.level.rawValue),
                    "regions": .array(
                        diff.regions.map { region in
                            [
                                "id": .string(regionID(region.old, region.new)), "name": .string(regionName(region.old, region.new)),
                                "in_old": .bool(region.old != nil), "in_new": .bool(region.new != nil),
                                "nodes": [
                                    "added": kindCounts(diff.nodeKinds, region.nodes.map(\.added)),
                                    "removed": kindCounts(diff.nodeKinds, region.nodes.map(\.removed)),
                                    "changed": kindCounts(diff.nodeKinds, region.nodes.map(\.changed))
                                ],
                                "edges": [
                                    "added": kindCounts(diff.edgeKinds, region.edges.map(\.added)),
                                    "removed": kindCounts(diff.edgeKinds, region.edges.map(\.removed))
                                ]
                            ]
                        })
                ]
            )
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
        let totalDelta: Double? =
            before.units == 0 || after.units == 0
            ? nil
            : Double(after.covered) / Double(after.units) - Double(before.covered) / Double(before.units)
        return [
            "unit": .string(after.unit.rawValue),
            "selector": .string(after.selectors.map(\.description).joined(separator: " | ")),
            "via": .array(after.via.map(JSONValue.string)),
            "before": figures(before.units, before.covered),
            "after": figures(after.units, after.covered),
            "delta_rate": number(totalDelta),
            "regions": .array(
                change.regions.map { region in
                    [
                        "id": .string(regionID(region.old, region.new)), "name": .string(regionName(region.old, region.new)),
                        "level": .string(region.level.rawValue),
                        "before": region.before.map { figures($0.units, $0.covered) } ?? .null,
                        "after": region.after.map { figures($0.units, $0.covered) } ?? .null,
                        "delta_rate": number(region.deltaRate)
                    ]
                }),
            "newly_covered": .array(change.newlyCovered.map(unitJSON)),
            "newly_uncovered": .array(change.newlyUncovered.map(unitJSON))
        ]
    }

    private func pairingJSON(_ change: PairingChange) -> JSONValue {
        func figures(_ r: Pairing.Region?) -> JSONValue {
            guard let r else { return .null }
            return [
                "left": .int(r.left), "right": .int(r.right), "pairs": .int(r.pairs), "density": number(r.density),
                "left_paired": .int(r.leftPaired), "right_paired": .int(r.rightPaired),
                "left_share": number(r.leftShare), "right_share": number(r.rightShare),
                "max_matching": .int(r.maxMatching), "unpaired": .int(r.unpaired.count)
            ]
        }
        func couples(_ graph: Graph, _ list: [PairingChange.Couple]) -> JSONValue {
            .array(
                list.map { c in
                    [
                        "left": .string(graph.id(of: c.left)), "left_name": .string(graph.name(of: c.left)),
                        "right": .string(graph.id(of: c.right)), "right_name": .string(graph.name(of: c.right))
                    ]
                })
        }
        let after = change.after
        return [
            "left": .string(after.left.description), "right": .string(after.right.description), "edge": .string(after.edge),
            "by": after.by.map { .string($0.rawValue) } ?? .null,
            "regions": .array(
                change.regions.enumerated().map { index, region in
                    let whole = index == 0 && region.new == nil && region.old == nil
                    return [
                        "id": whole ? .null : .string(regionID(region.old, region.new)),
                        "name": .string(regionName(region.old, region.new)),
                        "level": (region.after ?? region.before)?.level.map { .string($0.rawValue) } ?? .null,
                        "before": figures(region.before), "after": figures(region.after),
                        "delta_pairs": region.delta { Double($0.pairs) }.map { .int(Int($0)) } ?? .null,
                        "delta_density": number(region.delta(\.density)),
                        "delta_right_share": number(region.delta(\.rightShare))
                    ]
                }),
            "newly_paired": .array(change.newlyPaired.map(unitJSON)),
            "newly_unpaired": .array(change.newlyUnpaired.map(unitJSON)),
            "new_pairings": couples(new, change.newPairings),
            "ended_pairings": couples(old, change.endedPairings)
        ]
    }

    // MARK: CSV

    /// One long table, a row per fact: `section,id,name,kind,field,old,new`.
    public var tables: [ResultTable] {
        var table = TextRows(["section", "id", "name", "kind", "field", "old", "new"], name: "diff")
        for node in diff.addedNodes { table.append(["node_added", new.id(of: node), new.name(of: node), new.kind(of: node), "", "", ""]) }
        for node in diff.removedNodes {
            table.append(["node_removed", old.id(of: node), old.name(of: node), old.kind(of: node), "", "", ""])
        }
        for change in diff.changedNodes {
            for field in change.changes {
                table.append([
                    "node_changed", new.id(of: change.new), new.name(of: change.new), new.kind(of: change.new),
                    field.field, field.old?.description ?? "", field.new?.description ?? ""
                ])
            }
        }
        for (kind, tally) in zip(diff.edgeKinds, diff.edgeTallies) where !tally.isEmpty {
            table.append(["edges_removed_added", "", "", kind, "count", String(tally.removed), String(tally.added)])
        }
        if let coverage {
            for region in coverage.regions {
                let id = regionID(region.old, region.new), name = regionName(region.old, region.new)
                for (field, value) in [
                    ("units", { (r: Coverage.Region) in String(r.units) }), ("covered", { String($0.covered) }),
                    ("rate", { $0.rate.map { String($0) } ?? "" })
                ] {
                    table.append([
                        "coverage_region", id, name, region.level.rawValue, field,
                        region.before.map(value) ?? "", region.after.map(value) ?? ""
                    ])
                }
            }
            for (section, units) in [("newly_covered", coverage.newlyCovered), ("newly_uncovered", coverage.newlyUncovered)] {
                for node in units {
                    table.append([
                        section, new.id(of: node), new.name(of: node), coverage.after.unit.rawValue, "path", "",
                        path(new, node).joined(separator: " / ")
                    ])
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
                    ("max_matching", { String($0.maxMatching) }), ("unpaired", { String($0.unpaired.count) })
                ]
                for (field, value) in fields {
                    table.append(["pairing_region", id, name, level, field, region.before.map(value) ?? "", region.after.map(value) ?? ""])
                }
            }
            for (section, nodes) in [("newly_paired", pairing.newlyPaired), ("newly_unpaired", pairing.newlyUnpaired)] {
                for node in nodes {
                    table.append([
                        section, new.id(of: node), new.name(of: node), new.kind(of: node), "path", "",
                        path(new, node).joined(separator: " / ")
                    ])
                }
            }
            for c in pairing.newPairings {
                table.append(["new_pairing", new.id(of: c.right), new.name(of: c.right), pairing.after.edge, "left", "", new.id(of: c.left)]
                )
            }
            for c in pairing.endedPairings {
                table.append([
                    "ended_pairing", old.id(of: c.right), old.name(of: c.right), pairing.before.edge, "left", old.id(of: c.left), ""
                ])
            }
        }
        return [table.table]
    }

    // MARK: Text

    public func text() -> String {
        var output =
            "changes from \(old.name) to \(new.name): \(diff.addedNodes.count) nodes added, "
            + "\(diff.removedNodes.count) removed, \(diff.changedNodes.count) changed; "
            + "\(diff.addedEdges.count) edges added, \(diff.removedEdges.count) removed\n"
        if diff.isEmpty { return output + "no differences\n" }
        var kinds = TextRows(["node kind", "added", "removed", "changed"], numeric: ["added", "removed", "changed"])
        for (kind, tally) in zip(diff.nodeKinds, diff.nodeTallies) where !tally.isEmpty {
            kinds.append([kind, String(tally.added), String(tally.removed), String(tally.changed)])
        }
        output += "\n" + kinds.text()
        var edges = TextRows(["edge kind", "added", "removed"], numeric: ["added", "removed"])
        for (kind, tally) in zip(diff.edgeKinds, diff.edgeTallies) where !tally.isEmpty {
            edges.append([kind, String(tally.added), String(tally.removed)])
        }
        output += "\n" + edges.text()
        if !diff.regions.isEmpty {
            var regions = TextRows(
                [diff.level.rawValue, "nodes +", "nodes −", "nodes ~", "edges +", "edges −"],
                numeric: ["nodes +", "nodes −", "nodes ~", "edges +", "edges −"])
            for region in diff.regions {
                let note = region.new == nil ? " (old only)" : region.old == nil ? " (new only)" : ""
                regions.append([
                    regionName(region.old, region.new) + note,
                    String(region.nodes.reduce(0) { $0 + $1.added }), String(region.nodes.reduce(0) { $0 + $1.removed }),
                    String(region.nodes.reduce(0) { $0 + $1.changed }), String(region.edges.reduce(0) { $0 + $1.added }),
                    String(region.edges.reduce(0) { $0 + $1.removed })
                ])
            }
            output += "\n" + regions.text()
        }
        output += list("added nodes", diff.addedNodes.map { [new.id(of: $0), new.kind(of: $0), new.name(of: $0), ""] })
        output += list("removed nodes", diff.removedNodes.map { [old.id(of: $0), old.kind(of: $0), old.name(of: $0), ""] })
        output += list(
            "changed nodes",
            diff.changedNodes.map { change in
                [
                    new.id(of: change.new), new.kind(of: change.new), new.name(of: change.new),
                    change.changes.map { "\($0.field): \($0.old?.description ?? "—") → \($0.new?.description ?? "—")" }.joined(
                        separator: "; ")
                ]
            })
        if let coverage { output += coverageText(coverage) }
        if let pairing { output += pairingText(pairing) }
        return output
    }

    /// A titled list of (id, kind, name, detail) rows, at most ``listLimit`` of them.
    private func list(_ title: String, _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        var table = TextRows(["id", "kind", "name", "change"])
        for row in rows.prefix(Self.listLimit) { table.append(row) }
        let more = rows.count > Self.listLimit ? "… and \(rows.count - Self.listLimit) more (--format json lists all)\n" : ""
        return "\n\(title) (\(rows.count)):\n" + table.text() + more
    }

    private func unitRows(_ nodes: [Int]) -> [[String]] {
        nodes.map { [new.id(of: $0), new.kind(of: $0), new.name(of: $0), path(new, $0).joined(separator: " / ")] }
    }

    private func coverageText(_ change: CoverageChange) -> String {
        func figures(_ region: Coverage.Region?) -> String {
            region.map { "\($0.covered)/\($0.units) \(NumberFormat.percent($0.rate))" } ?? "(absent)"
        }
        var output =
            "\ncoverage of \(change.after.unit.rawValue) units by "
            + change.after.selectors.map(\.description).joined(separator: " | ") + ": "
            + "\(change.before.covered)/\(change.before.units) → \(change.after.covered)/\(change.after.units)\n"
        var table = TextRows(["region", "level", "before", "after", "change"], numeric: ["before", "after", "change"])
        let top = change.regions.first?.level.rank ?? 0
        for region in change.regions {
            table.append([
                String(repeating: "  ", count: max(0, region.level.rank - top)) + regionName(region.old, region.new),
                region.level.rawValue, figures(region.before), figures(region.after), NumberFormat.points(region.deltaRate)
            ])
        }
        output += table.text()
        output += list("newly covered", unitRows(change.newlyCovered))
        output += list("newly uncovered", unitRows(change.newlyUncovered))
        return output
    }

    private func pairingText(_ change: PairingChange) -> String {
        func figures(_ r: Pairing.Region?) -> String {
            r.map { "\($0.pairs) pairs, \(NumberFormat.significant($0.density, digits: 4)), \(NumberFormat.percent($0.rightShare))" }
                ?? "(absent)"
        }
        var output =
            "\npairing of \(change.after.left) with \(change.after.right) by \(change.after.edge) edges "
            + "(pairs, density, right share)\n"
        var table = TextRows(["region", "before", "after", "pairs", "right share"], numeric: ["pairs", "right share"])
        for region in change.regions {
            let pairs = region.delta { Double($0.pairs) }.map { Int($0) }.map { ($0 >= 0 ? "+" : "") + String($0) } ?? "—"
            table.append([
                regionName(region.old, region.new), figures(region.before), figures(region.after), pairs,
                NumberFormat.points(region.delta(\.rightShare))
            ])
        }
        output += table.text()
        output += list("newly paired", unitRows(change.newlyPaired))
        output += list("newly unpaired", unitRows(change.newlyUnpaired))
        output += list(
            "new pairings",
            change.newPairings.map {
                [new.id(of: $0.left), new.kind(of: $0.left), new.name(of: $0.left), "→ " + new.name(of: $0.right)]
            })
        output += list(
            "ended pairings",
            change.endedPairings.map {
                [old.id(of: $0.left), old.kind(of: $0.left), old.name(of: $0.left), "→ " + old.name(of: $0.right)]
            })
        return output
    }
}

/// A result table built from rows of text, for the diff's listings: every cell text, the columns
/// named in `numeric` right-aligned.
private struct TextRows {
    var table: ResultTable

    init(_ headers: [String], numeric: Set<String> = [], name: String = "") {
        table = ResultTable(name, columns: headers.map { numeric.contains($0) ? .numeric($0) : Column($0) })
    }

    mutating func append(_ row: [String]) { table.append(row.map(Cell.text)) }

    func text() -> String { table.text() }
}
