import TongxinAnalysis
import TongxinGraph
import TongxinIO

/// Coverage in one region, its name resolved: a row of every coverage table (the command's and
/// the report's).
public struct CoverageRow: Sendable, Equatable {
    public var region: NodeReference
    public var level: RegionLevel?
    public var units: Int
    public var covered: Int
    /// covered / units, `nil` when the region has no units.
    public var rate: Double?

    public init(region: NodeReference, level: RegionLevel?, units: Int, covered: Int, rate: Double?) {
        self.region = region
        self.level = level
        self.units = units
        self.covered = covered
        self.rate = rate
    }

    /// `region` of a coverage result.
    public init(_ region: Coverage.Region, in graph: Graph) {
        self.init(
            region: NodeReference(region.node, in: graph), level: region.level, units: region.units,
            covered: region.covered, rate: region.rate)
    }
}

/// A ``TongxinAnalysis/Coverage`` result with names resolved: DESIGN.md's coverage JSON, one CSV
/// table, and the terminal text (regions indented by depth, then the uncovered units).
public struct CoverageReport: ResultDocument {
    public let graph: Graph
    public let coverage: Coverage
    /// The rate every region should reach, when one was asked for.
    public let minRate: Double?
    /// The regions below ``minRate``.
    public let below: [Coverage.Region]

    public init(graph: Graph, coverage: Coverage, minRate: Double? = nil) {
        self.graph = graph
        self.coverage = coverage
        self.minRate = minRate
        below = minRate.map { coverage.regions(below: $0) } ?? []
    }

    /// Every region of the result, names resolved, in hierarchy order.
    public var rows: [CoverageRow] { coverage.regions.map { CoverageRow($0, in: graph) } }

    /// The selectors, `|`-separated.
    public var selectorText: String { coverage.selectors.map(\.description).joined(separator: " | ") }

    public var json: JSONValue {
        let g = graph
        var pairs: [(String, JSONValue)] = [
            ("graph", .string(g.name)),
            ("unit", .string(coverage.unit.rawValue)),
            ("selector", .string(selectorText)),
            ("selectors", .array(coverage.selectors.map { .string($0.description) })),
            ("via", .array(coverage.via.map(JSONValue.string))),
            ("region", coverage.scope.map { ["id": .string(g.id(of: $0)), "name": .string(g.name(of: $0))] } ?? .null),
            ("units", .int(coverage.units)),
            ("covered", .int(coverage.covered)),
            ("rate", coverage.units == 0 ? .null : .double(Double(coverage.covered) / Double(coverage.units))),
            (
                "regions",
                .array(
                    rows.map { row in
                        [
                            "id": .string(row.region.id), "name": .string(row.region.name),
                            "level": row.level.map { .string($0.rawValue) } ?? .null, "units": .int(row.units),
                            "covered": .int(row.covered), "rate": row.rate.map(JSONValue.double) ?? .null
                        ]
                    })
            ),
            (
                "uncovered",
                .array(
                    coverage.uncovered.map { unit in
                        [
                            "id": .string(g.id(of: unit.node)), "name": .string(g.name(of: unit.node)),
                            "path": .array(unit.path.map { .string(g.name(of: $0)) })
                        ]
                    })
            )
        ]
        if let minRate {
            pairs.append(("min_rate", .double(minRate)))
            pairs.append(("below_min_rate", .array(below.map { .string(g.id(of: $0.node)) })))
        }
        return .object(pairs)
    }

    /// One table: `region` rows with the counts, then `uncovered` rows with the path.
    public var tables: [ResultTable] {
        var table = ResultTable(
            "coverage",
            columns: [
                Column("section"), Column("id"), Column("name"), Column("level"), .numeric("units"), .numeric("covered"),
                .numeric("rate"), Column("path")
            ])
        for (region, row) in zip(coverage.regions, rows) {
            table.append([
                .text("region"), .id(row.region.id), .text(row.region.name), .text(region.level.rawValue),
                .integer(row.units), .integer(row.covered), .rate(row.rate),
                .text(graph.namePath(graph.hierarchy.ancestors(of: region.node).reversed()))
            ])
        }
        for unit in coverage.uncovered {
            table.append([
                .text("uncovered"), .id(graph.id(of: unit.node)), .text(graph.name(of: unit.node)),
                .text(coverage.unit.rawValue), .null, .null, .null, .text(graph.namePath(unit.path))
            ])
        }
        return [table]
    }

    /// The regions indented by depth, then the uncovered units.
    public func text() -> String {
        var output = "coverage of \(coverage.unit.rawValue) units by \(selectorText) via \(coverage.via.joined(separator: ", "))"
        if let scope = coverage.scope { output += " in \(graph.name(of: scope))" }
        output += ": \(coverage.covered) of \(coverage.units) covered\n\n"
        if !coverage.regions.isEmpty {
            let top = coverage.regions[0].level.rank
            var table = ResultTable(
                "regions",
                columns: [
                    Column("region"), Column("level"), .numeric("units"), .numeric("covered"), .numeric("rate")
                ])
            for (region, row) in zip(coverage.regions, rows) {
                let indent = String(repeating: "  ", count: max(0, region.level.rank - top))
                table.append([
                    .text(indent + row.region.name), .text(region.level.rawValue), .integer(row.units),
                    .integer(row.covered), .rate(row.rate)
                ])
            }
            output += table.text()
        }
        if coverage.uncovered.isEmpty {
            output += "\nno uncovered \(coverage.unit.rawValue) units\n"
        } else {
            output += "\nuncovered \(coverage.unit.rawValue) units (\(coverage.uncovered.count)):\n"
            var table = ResultTable("uncovered", columns: [Column("id"), Column("name"), Column("path")])
            for unit in coverage.uncovered {
                table.append([.id(graph.id(of: unit.node)), .text(graph.name(of: unit.node)), .text(graph.namePath(unit.path))])
            }
            output += table.text()
        }
        return output
    }

    /// Which regions are below ``minRate``, for stderr: `coverage below 80.00% in 2 of 9 regions:`,
    /// then one line per region with its path, level, id, rate and counts.
    public func gateMessage() -> String {
        var message = "coverage below \(NumberFormat.percent(minRate)) in \(below.count) of \(coverage.regions.count) regions:\n"
        for region in below {
            let path = graph.namePath(graph.hierarchy.ancestors(of: region.node).reversed() + [region.node])
            message +=
                "  \(path) (\(region.level.rawValue), \(graph.id(of: region.node))): "
                + "\(NumberFormat.percent(region.rate)), \(region.covered) of \(region.units)\n"
        }
        return message
    }
}

extension Graph {
    /// The names of `nodes` joined by ` / `: a region path as tables show it (`湖北省 / 宜昌市`).
    public func namePath(_ nodes: some Sequence<Int>) -> String {
        nodes.map { name(of: $0) }.joined(separator: " / ")
    }
}
