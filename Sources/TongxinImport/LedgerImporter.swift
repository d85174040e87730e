import Foundation
import TongxinGraph
import TongxinIO

/// Turns ledgers into a graph by a ``LedgerMapping`` (DESIGN.md, "Importing ledgers").
///
/// The graph holds every division of the divisions table (ids are their codes), the villages the
/// ledgers name that the table lacks (created once per town and name), and the mapped nodes and
/// edges. A node's id is stable: its kind and a 64-bit FNV-1a hash of its key values, so the same
/// ledger gives the same ids next month. Each place column is resolved by ``Graph/resolve(_:kind:within:)``
/// within the place of the column before it.
///
/// - Complexity: O(R·C) for R rows and C mapped columns, plus O(V·L) once to index the divisions;
///   memory O(R) for the nodes and edges made. Repeated place texts (merged town cells) are resolved once.
public struct LedgerImporter {
    /// The result: the graph, and the warnings of the data checks.
    public struct Result: Sendable {
        public var graph: Graph
        public var warnings: [Diagnostic]
    }

    let mapping: LedgerMapping
    let divisions: Divisions
    let folder: String
    var builder: GraphBuilder
    var problems = DiagnosticList()
    var warnings: [Diagnostic] = []
    /// The workbook read last, kept while the next sheets of the mapping name the same file.
    var lastWorkbook: (path: String, sheets: [Worksheet])?

    /// An attribute value as first read, and its cell, to find conflicting ones.
    typealias Recorded = (name: String, value: AttributeValue, at: SourceLocation)

    /// A ledger node as first seen: its builder index, name, place (-1 for none), attributes, cell.
    struct Seen {
        var node: Int
        var name: String?
        var place: Int32
        var attributes: [Recorded]
        var at: SourceLocation
    }
    /// A ledger node's identity: its kind and the stable hash of its key (its id is made from both).
    struct NodeKey: Hashable {
        var kind: String
        var hash: UInt64
    }
    /// Ledger nodes by identity → their position in ``records``.
    var seen: [NodeKey: Int] = [:]
    var records: [Seen] = []
    /// Edges by (source, target, kind) → the attributes they were made with, for duplicate rows.
    var edges: [EdgeKey: [Recorded]] = [:]
    /// (kind, name, place) → the first node seen there, for the duplicate check.
    var byNameAndPlace: [TwinKey: (key: NodeKey, at: SourceLocation)] = [:]
    /// Villages made for names the divisions lack, by (town, name), and the made villages that each
    /// (town, short form) names.
    var madeVillages: [PlaceKey: Int] = [:]
    var madeShortForms: [PlaceKey: Int] = [:]
    /// The (town, short form)s that several made villages share (李家 for 李家村 and 李家社区): all of them.
    var sharedShortForms: [PlaceKey: [Int]] = [:]
    /// The names of the nodes made from ledgers, in builder order after the divisions, for messages.
    var madeNames: [String] = []
    /// Resolved place texts: (parent, text) → the place (a builder index).
    var placeCache: [PlaceKey: Int] = [:]

    struct EdgeKey: Hashable {
        var source: Int32
        var target: Int32
        var kind: String
    }

    /// A place text within a parent (-1 for none).
    struct PlaceKey: Hashable {
        var parent: Int32
        var text: TextKey
    }

    struct TwinKey: Hashable {
        var kind: String
        var name: TextKey
        var place: Int32
    }

    /// Reads every sheet of `mapping` and builds the graph.
    ///
    /// - Throws: ``DiagnosticList`` with every error found (up to the cap), each at its cell; nothing
    ///   is returned when there is one.
    public static func run(_ mapping: LedgerMapping) throws(DiagnosticList) -> Result {
        let folder = (mapping.path as NSString).deletingLastPathComponent
        guard let divisionsPath = mapping.divisions.map({ resolve($0, in: folder) }) ?? BundledDivisions.path else {
            throw DiagnosticList([
                Diagnostic(
                    .error, "the bundled divisions table is not beside this program; name one with 'divisions:' in the mapping",
                    at: SourceLocation(file: mapping.path, line: 1, column: 1))
            ])
        }
        let divisions = try Divisions.read(divisionsPath)
        var importer = LedgerImporter(
            mapping: mapping, divisions: divisions, folder: folder,
            builder: GraphBuilder(name: ((mapping.path as NSString).lastPathComponent as NSString).deletingPathExtension))
        return try importer.run()
    }

    static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
    }

    mutating func run() throws(DiagnosticList) -> Result {
        let places = divisions.graph
        for node in 0..<places.nodeCount {
            let attributes: KeyValuePairs<String, AttributeValue> =
                places.level(of: node).map { [WellKnownAttribute.level: .string($0.rawValue)] } ?? [:]
            builder.addNode(
                id: places.ids[node], kind: places.kind(of: node), name: places.names[node],
                attributes: places.kind(of: node) == NodeKind.region ? attributes : [:])
        }
        for node in 0..<places.nodeCount {
            if let parent = places.hierarchy.parent(of: node) { builder.addEdge(from: node, to: parent, kind: EdgeKind.within) }
        }
        for sheet in mapping.sheets {
            readSheet(sheet)
            if problems.isFull { break }
        }
        lastWorkbook = nil
        if problems.hasErrors { throw problems }
        let graph = try builder.build()
        return Result(graph: graph, warnings: warnings + graph.warnings)
    }

    // MARK: Sheets

    /// Reads one sheet of the mapping; the problems and warnings found in it carry their row's excerpt.
    mutating func readSheet(_ mapping: SheetMapping) {
        let path = Self.resolve(mapping.file, in: folder)
        let sheets: [Worksheet]
        if let last = lastWorkbook, last.path == path {
            sheets = last.sheets
        } else {
            lastWorkbook = nil
            do {
                sheets = try Workbook.read(path: path)
            } catch {
                for diagnostic in error.diagnostics { problems.append(diagnostic) }
                return
            }
            lastWorkbook = (path, sheets)
        }
        let chosen: Worksheet?
        switch mapping.sheet {
        case .first: chosen = sheets.first
        case .number(let number): chosen = number <= sheets.count ? sheets[number - 1] : nil
        case .named(let name): chosen = sheets.first { $0.name == name }
        }
        guard let sheet = chosen else {
            problems.error(
                "\(mapping.file) has no sheet \(mapping.sheet) (it has \(sheets.map(\.name).joined(separator: ", ")))",
                at: mapping.location)
            return
        }
        let firstProblem = problems.diagnostics.count, firstWarning = warnings.count
        readRows(of: sheet, mapping)
        problems.update(from: firstProblem) { sheet.attachExcerpt(to: &$0) }
        for index in firstWarning..<warnings.count { sheet.attachExcerpt(to: &warnings[index]) }
    }

    mutating func readRows(of sheet: Worksheet, _ mapping: SheetMapping) {
        guard let layout = SheetLayout(sheet: sheet, mapping: mapping, problems: &problems) else { return }
        let plan = SheetPlan(layout: layout, numeric: layout.numericAttributes(sheet))
        // Room for a new node per row and variable, so the tables grow once rather than by doubling.
        let rows = max(0, sheet.rowCount - layout.headerRow)
        let nodes = rows * plan.nodes.count { $0.kind != nil }, newEdges = rows * plan.edges.count
        seen.reserveCapacity(seen.count + nodes)
        records.reserveCapacity(records.count + nodes)
        byNameAndPlace.reserveCapacity(byNameAndPlace.count + nodes)
        edges.reserveCapacity(edges.count + newEdges)
        builder.reserveCapacity(nodes: nodes, edges: nodes + newEdges)
        for row in stride(from: layout.headerRow + 1, through: sheet.rowCount, by: 1) {
            readRow(row, of: sheet, layout: layout, plan: plan)
            if problems.isFull { return }
        }
    }

    /// One row: each node variable, then each edge whose ends are both present.
    mutating func readRow(_ row: Int, of sheet: Worksheet, layout: SheetLayout, plan: SheetPlan) {
        let cells = layout.texts(row: row, of: sheet)
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        var nodes = [Int?](repeating: nil, count: plan.nodes.count)
        // Places first: a node without a place of its own is checked for duplicates in the row's place.
        var rowPlace: Int? = nil
        for (variable, node) in plan.nodes.enumerated() where node.kind == nil {
            if let index = resolvePlace(node.place, row: row, cells: cells, sheet: sheet, layout: layout) {
                nodes[variable] = index
                rowPlace = rowPlace ?? index
            }
        }
        for (variable, node) in plan.nodes.enumerated() where node.kind != nil {
            nodes[variable] = readNode(node, row: row, cells: cells, sheet: sheet, layout: layout, rowPlace: rowPlace)
        }
        for edge in plan.edges {
            guard let source = nodes[edge.source], let target = nodes[edge.target] else { continue }
            readEdge(edge, source: source, target: target, row: row, cells: cells, sheet: sheet, layout: layout)
        }
    }

    /// The attributes of `attributes` that this row gives, with their cells; identifiers are checked.
    mutating func readAttributes(
        _ attributes: [SheetPlan.Attribute], row: Int, cells: [String], sheet: Worksheet,
        layout: SheetLayout
    ) -> [Recorded] {
        var found: [Recorded] = []
        for attribute in attributes {
            let text = layout.text(attribute.source, in: cells)
            guard !text.isEmpty else { continue }
            let cell = layout.location(attribute.source, row: row, sheet: sheet)
            found.append((attribute.name, attribute.value(text), cell))
            check(text, attribute.check, at: cell)
        }
        return found
    }

    /// A node with a kind: its id from its key, its attributes, its `within` edge; `nil` when its key
    /// is empty in this row (no node) or its place is in error.
    mutating func readNode(
        _ node: SheetPlan.Node, row: Int, cells: [String], sheet: Worksheet, layout: SheetLayout,
        rowPlace: Int?
    ) -> Int? {
        guard let kind = node.kind else { return nil }
        let place = node.place.isEmpty ? nil : resolvePlace(node.place, row: row, cells: cells, sheet: sheet, layout: layout)
        if !node.place.isEmpty && place == nil { return nil }
        let name = node.name.map { layout.text($0, in: cells) }.flatMap { $0.isEmpty ? nil : $0 }
        let keyParts = node.key.isEmpty ? [name ?? ""] + node.place.map { cells[$0] } : node.key.map { layout.text($0, in: cells) }
        guard keyParts.contains(where: { !$0.isEmpty }) else { return nil }
        var hash = StableID()
        hash.add(kind)
        for part in keyParts { hash.add(part) }
        let key = NodeKey(kind: kind, hash: hash.value)
        let at = layout.location(node.key.first ?? node.name, row: row, sheet: sheet)
        let attributes = readAttributes(node.attributes, row: row, cells: cells, sheet: sheet, layout: layout)
        for (part, check) in zip(keyParts, node.keyChecks) { self.check(part, check, at: at) }
        if let record = seen[key] {
            let known = records[record]
            let label = name ?? Self.id(key)
            if let name, let first = known.name, name != first {
                problems.error(
                    "\(kind) \(keyParts.joined(separator: "/")) is named '\(name)' here but '\(first)' at \(known.at)",
                    at: layout.location(node.name, row: row, sheet: sheet))
            }
            if let place, known.place >= 0, Int(known.place) != place {
                problems.error(
                    "\(kind) '\(label)' is in \(builderName(place)) here but in \(builderName(Int(known.place))) at \(known.at)",
                    at: sheet.location(row: row, column: layout.columns[node.place.last!]))
            }
            for (attribute, value, cell) in attributes {
                if let earlier = records[record].attributes.first(where: { $0.name == attribute }) {
                    if earlier.value != value {
                        problems.error(
                            "\(attribute) of \(kind) '\(label)' is '\(value)' here but '\(earlier.value)' at \(earlier.at)", at: cell)
                    }
                } else {
                    records[record].attributes.append((attribute, value, cell))
                    builder.setAttribute(attribute, value, ofNode: known.node, at: cell)
                }
            }
            return known.node
        }
        let id = Self.id(key)
        guard let index = builder.addNode(id: id, kind: kind, name: name, at: at) else { return nil }
        madeNames.append(name ?? id)
        for (attribute, value, cell) in attributes { builder.setAttribute(attribute, value, ofNode: index, at: cell) }
        if let place { builder.addEdge(from: index, to: place, kind: EdgeKind.within, at: at) }
        seen[key] = records.count
        records.append(Seen(node: index, name: name, place: Int32(place ?? -1), attributes: attributes, at: at))
        if let name, let context = place ?? rowPlace {
            let twin = TwinKey(kind: kind, name: TextKey(name), place: Int32(context))
            if let first = byNameAndPlace[twin] {
                if first.key != key {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            "likely duplicate: \(kind) '\(name)' in \(builderName(context)) also appears at \(first.at) under another key",
                            at: at))
                }
            } else {
                byNameAndPlace[twin] = (key, at)
            }
        }
        return index
    }

    /// The id of a ledger node: its kind and its key's stable hash.
    static func id(_ key: NodeKey) -> String { key.kind + "-" + StableID.hex(key.hash) }

    mutating func readEdge(
        _ edge: SheetPlan.Edge, source: Int, target: Int, row: Int, cells: [String], sheet: Worksheet,
        layout: SheetLayout
    ) {
        let attributes = edge.attributes.compactMap { attribute -> Recorded? in
            let text = layout.text(attribute.source, in: cells)
            guard !text.isEmpty else { return nil }
            return (attribute.name, attribute.value(text), layout.location(attribute.source, row: row, sheet: sheet))
        }
        var weight = 1.0
        if let mapped = edge.weight {
            let text = layout.text(mapped, in: cells)
            if !text.isEmpty {
                guard let number = Double(text), number.isFinite else {
                    problems.error("weight '\(text)' is not a number", at: layout.location(mapped, row: row, sheet: sheet))
                    return
                }
                weight = number
            }
        }
        let key = EdgeKey(source: Int32(source), target: Int32(target), kind: edge.kind)
        if let known = edges[key] {
            for (attribute, value, cell) in attributes {
                if let earlier = known.first(where: { $0.name == attribute }), earlier.value != value {
                    problems.error(
                        "\(attribute) of the \(edge.kind) edge \(builderName(source)) → \(builderName(target)) is '\(value)' here but '\(earlier.value)' at \(earlier.at)",
                        at: cell)
                }
            }
            return
        }
        let index = builder.addEdge(
            from: source, to: target, kind: edge.kind, weight: weight,
            at: sheet.location(row: row, column: 1))
        for (attribute, value, cell) in attributes { builder.setAttribute(attribute, value, ofEdge: index, at: cell) }
        edges[key] = attributes
    }

    /// A builder node's name, for messages.
    func builderName(_ node: Int) -> String {
        let made = node - divisions.graph.nodeCount
        return made < 0 ? divisions.graph.name(of: node) : made < madeNames.count ? madeNames[made] : String(node)
    }

    // MARK: Places

    /// The place that the cells in `slots` name in this row, broad to narrow: each non-empty cell is
    /// resolved within the place before it; a village the divisions lack is made under its town. `nil`
    /// after reporting the problem (or when every cell is empty). Each distinct (parent, text) is
    /// resolved once per import; later rows cost one hash lookup per cell.
    mutating func resolvePlace(_ slots: [Int], row: Int, cells: [String], sheet: Worksheet, layout: SheetLayout) -> Int? {
        let places = divisions.graph
        var parent: Int? = nil
        for (position, slot) in slots.enumerated() {
            let text = PlaceNames.cleaned(cells[slot])
            guard !text.isEmpty else { continue }
            let cacheKey = PlaceKey(parent: Int32(parent ?? -1), text: TextKey(text))
            if let cached = placeCache[cacheKey] {
                parent = cached
                continue
            }
            let at = sheet.location(row: row, column: layout.columns[slot])
            let isLast = !slots[(position + 1)...].contains { !cells[$0].isEmpty }
            if let parent, parent >= places.nodeCount {
                problems.error("'\(text)' is below the village \(builderName(parent)): villages have no places inside them", at: at)
                return nil
            }
            do throws(NodeLookupError) {
                let found = try places.resolve(text, within: parent, suggest: false)
                placeCache[cacheKey] = found
                parent = found
            } catch {
                // A short name several places share (荆州: the city and its district) is settled by the
                // narrower column after it: the one candidate that contains it wins.
                if case .ambiguous(_, let candidates) = error,
                    let next = slots[(position + 1)...].lazy.map({ PlaceNames.cleaned(cells[$0]) }).first(where: { !$0.isEmpty })
                {
                    let fitting = candidates.compactMap { places.index(of: $0.id) }.filter {
                        (try? places.resolve(next, within: $0, suggest: false)) != nil
                    }
                    if fitting.count == 1 {
                        placeCache[cacheKey] = fitting[0]
                        parent = fitting[0]
                        continue
                    }
                }
                // A code that is known but lies outside the named parent: the code wins, with a warning.
                if let named = parent, PlaceNames.canonicalCode(text) != nil, let coded = try? places.resolve(text) {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            "the code \(text) is \(places.name(of: coded)), which is not in \(places.name(of: named)) named in the column before",
                            at: at))
                    placeCache[cacheKey] = coded
                    parent = coded
                    continue
                }
                if case .notFound = error, isLast, let town = parent, places.level(of: town) == .town, PlaceNames.canonicalCode(text) == nil
                {
                    guard let village = makeVillage(text, in: town, at: at) else { return nil }
                    placeCache[cacheKey] = village
                    parent = village
                    continue
                }
                var reported = error
                if case .notFound = error {  // now worth the suggestions' cost
                    do throws(NodeLookupError) { _ = try places.resolve(text, within: parent) } catch { reported = error }
                }
                problems.error(message(for: reported, text: text, parent: parent), at: at)
                return nil
            }
        }
        return parent
    }

    func message(for error: NodeLookupError, text: String, parent: Int?) -> String {
        let places = divisions.graph
        switch error {
        case .notFound(_, _, _, let suggestions):
            let level = parent.flatMap { places.level(of: $0) }.flatMap { level in
                RegionLevel.allCases.first { $0 > level }
            }
            return "no \(level?.rawValue ?? "place") named '\(text)'"
                + (parent.map { " in \(places.name(of: $0))" } ?? "")
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        case .ambiguous:
            return error.description
        }
    }

    /// The endings that make a made village a community.
    static let communitySuffixes = ["社区", "居委会", "居民委员会"]

    /// The village (or community) `name` under `town`: one made before under that full name, or the
    /// one made village that `name` is a short form of (李家 for 李家村), else a new one. `nil` after
    /// reporting a short form that several made villages share (李家 for 李家村 and 李家社区).
    mutating func makeVillage(_ name: String, in town: Int, at location: SourceLocation) -> Int? {
        let key = PlaceKey(parent: Int32(town), text: TextKey(name))
        if let made = madeVillages[key] { return made }
        if let named = sharedShortForms[key] {
            problems.error(
                "'\(name)' names \(named.count) villages in \(builderName(town)): "
                    + named.map { builderName($0) }.joined(separator: ", "), at: location)
            return nil
        }
        if let named = madeShortForms[key] { return named }
        let townID = divisions.graph.ids[town]
        let isCommunity = Self.communitySuffixes.contains { PlaceNames.hasSuffix(name, $0) }
        guard
            let index = builder.addNode(
                id: "\(townID)-" + StableID.hash([name]).prefix(8), kind: NodeKind.village, name: name,
                attributes: [WellKnownAttribute.type: .string(isCommunity ? "community" : "village")],
                at: location)
        else { return nil }
        builder.addEdge(from: index, to: town, kind: EdgeKind.within, at: location)
        madeVillages[key] = index
        for form in PlaceNames.shortForms(of: name) {
            let formKey = PlaceKey(parent: Int32(town), text: TextKey(form))
            if let shared = sharedShortForms[formKey] {
                sharedShortForms[formKey] = shared + [index]
            } else if let first = madeShortForms.updateValue(index, forKey: formKey) {
                sharedShortForms[formKey] = [first, index]
            }
        }
        madeNames.append(name)
        return index
    }

    // MARK: Checks

    /// Warns about an identifier that fails the check of its column.
    mutating func check(_ text: String, _ check: IdentifierChecks.Check, at location: SourceLocation) {
        guard !text.isEmpty, let problem = check.problem(text) else { return }
        warnings.append(Diagnostic(.warning, problem, at: location))
    }
}

/// Stable ids: 64-bit FNV-1a over the parts' UTF-8, separated by U+001F, as 16 hex digits.
///
/// Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake, "The FNV Non-Cryptographic Hash
/// Algorithm", IETF draft-eastlake-fnv (2012).
struct StableID {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private var parts = 0

    /// Adds the next part. O(its UTF-8 length).
    mutating func add(_ part: String) {
        if parts > 0 { value = (value ^ 0x1F) &* 0x0000_0100_0000_01B3 }
        for byte in part.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        parts += 1
    }

    static func hash(_ parts: [String]) -> String {
        var id = StableID()
        for part in parts { id.add(part) }
        return hex(id.value)
    }

    static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
