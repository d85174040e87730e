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

    /// Ledger nodes by id: where they were first seen and what they said, to find conflicts.
    struct Seen {
        var node: Int
        var name: String?
        var place: Int32
        var attributes: [String: (value: AttributeValue, at: SourceLocation)]
        var at: SourceLocation
    }
    var seen: [String: Seen] = [:]
    /// Edges by (source, target, kind), for duplicate rows.
    var edges: [EdgeKey: (edge: Int, attributes: [String: (value: AttributeValue, at: SourceLocation)])] = [:]
    /// (kind, name, place) → the first key seen, for the duplicate check.
    var byNameAndPlace: [String: (id: String, at: SourceLocation)] = [:]
    /// Villages made for names the divisions lack: "town index\u{1F}name" → node index in the builder,
    /// and "town index\u{1F}short form" → the made villages known by it.
    var madeVillages: [String: Int] = [:]
    var madeShortForms: [String: [Int]] = [:]
    /// The names of the nodes made from ledgers (builder index → name), for messages.
    var madeNames: [Int: String] = [:]
    /// Resolved place texts: "parent\u{1F}text" → place (a builder index) or the error.
    var placeCache: [String: Int] = [:]

    struct EdgeKey: Hashable {
        var source: Int
        var target: Int
        var kind: String
    }

    /// Reads every sheet of `mapping` and builds the graph.
    ///
    /// - Throws: ``DiagnosticList`` with every error found (up to the cap), each at its cell; nothing
    ///   is returned when there is one.
    public static func run(_ mapping: LedgerMapping) throws(DiagnosticList) -> Result {
        let folder = (mapping.path as NSString).deletingLastPathComponent
        guard let divisionsPath = mapping.divisions.map({ resolve($0, in: folder) }) ?? BundledDivisions.path else {
            throw DiagnosticList([Diagnostic(.error, "the bundled divisions table is not beside this program; name one with 'divisions:' in the mapping",
                                             at: SourceLocation(file: mapping.path, line: 1, column: 1))])
        }
        let divisions = try Divisions.read(divisionsPath)
        var importer = LedgerImporter(mapping: mapping, divisions: divisions, folder: folder,
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
            builder.addNode(id: places.ids[node], kind: places.kind(of: node), name: places.names[node],
                            attributes: places.kind(of: node) == NodeKind.region ? attributes : [:])
        }
        for node in 0..<places.nodeCount {
            if let parent = places.hierarchy.parent(of: node) { builder.addEdge(from: node, to: parent, kind: EdgeKind.within) }
        }
        for sheet in mapping.sheets {
            readSheet(sheet)
            if problems.isFull { break }
        }
        if problems.hasErrors { throw problems }
        let graph = try builder.build()
        return Result(graph: graph, warnings: warnings + graph.warnings)
    }

    // MARK: Sheets

    mutating func readSheet(_ mapping: SheetMapping) {
        let path = Self.resolve(mapping.file, in: folder)
        let sheets: [Worksheet]
        do {
            sheets = try Workbook.read(path: path)
        } catch {
            for diagnostic in error.diagnostics { problems.append(diagnostic) }
            return
        }
        let chosen: Worksheet?
        switch mapping.sheet {
        case .first: chosen = sheets.first
        case .number(let number): chosen = number <= sheets.count ? sheets[number - 1] : nil
        case .named(let name): chosen = sheets.first { $0.name == name }
        }
        guard let sheet = chosen else {
            problems.error("\(mapping.file) has no sheet \(mapping.sheet) (it has \(sheets.map(\.name).joined(separator: ", ")))",
                           at: mapping.location)
            return
        }
        guard let layout = SheetLayout(sheet: sheet, mapping: mapping, problems: &problems) else { return }
        let numeric = layout.numericAttributes(sheet)
        for row in stride(from: layout.headerRow + 1, through: sheet.rowCount, by: 1) {
            readRow(row, of: sheet, layout: layout, numeric: numeric)
            if problems.isFull { return }
        }
    }

    /// One row: each node variable, then each edge whose ends are both present.
    mutating func readRow(_ row: Int, of sheet: Worksheet, layout: SheetLayout, numeric: Set<String>) {
        let cells = layout.texts(row: row, of: sheet)
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        var nodes: [String: Int] = [:]
        // Places first: a node without a place of its own is checked for duplicates in the row's place.
        var rowPlace: Int? = nil
        for node in layout.mapping.nodes where node.kind == nil {
            if let index = resolvePlace(node.place, row: row, cells: cells, sheet: sheet, layout: layout) {
                nodes[node.variable] = index
                rowPlace = rowPlace ?? index
            }
        }
        for node in layout.mapping.nodes where node.kind != nil {
            if let index = readNode(node, row: row, cells: cells, sheet: sheet, layout: layout, numeric: numeric, rowPlace: rowPlace) {
                nodes[node.variable] = index
            }
        }
        for edge in layout.mapping.edges {
            guard let source = nodes[edge.source], let target = nodes[edge.target] else { continue }
            readEdge(edge, source: source, target: target, row: row, cells: cells, sheet: sheet, layout: layout, numeric: numeric)
        }
    }

    /// The text of `value` in this row: the cell's text or the constant.
    func value(_ value: ColumnValue, cells: [String], layout: SheetLayout) -> String {
        switch value {
        case .constant(let text): text
        case .column(let header): cells[layout.slot[header]!]
        }
    }

    func location(_ value: ColumnValue?, row: Int, sheet: Worksheet, layout: SheetLayout) -> SourceLocation {
        if case .column(let header)? = value { return sheet.location(row: row, column: layout.column(header)) }
        return sheet.location(row: row, column: 1)
    }

    func attributeValue(_ text: String, name: String, numeric: Set<String>) -> AttributeValue {
        numeric.contains(name) ? AttributeValue.parse(Substring(text), as: .number) ?? .string(text) : .string(text)
    }

    /// A node with a kind: its id from its key, its attributes, its `within` edge; `nil` when its key
    /// is empty in this row (no node) or its place is in error.
    mutating func readNode(_ node: NodeMapping, row: Int, cells: [String], sheet: Worksheet, layout: SheetLayout,
                           numeric: Set<String>, rowPlace: Int?) -> Int? {
        guard let kind = node.kind else { return nil }
        let place = node.place.isEmpty ? nil : resolvePlace(node.place, row: row, cells: cells, sheet: sheet, layout: layout)
        if !node.place.isEmpty && place == nil { return nil }
        let name = node.name.map { value($0, cells: cells, layout: layout) }.flatMap { $0.isEmpty ? nil : $0 }
        var keyParts = node.key.isEmpty
            ? [name ?? ""] + node.place.map { cells[layout.slot[$0]!] }
            : node.key.map { value($0, cells: cells, layout: layout) }
        guard keyParts.contains(where: { !$0.isEmpty }) else { return nil }
        keyParts.insert(kind, at: 0)
        let id = kind + "-" + StableID.hash(keyParts)
        let at = location(node.key.first ?? node.name, row: row, sheet: sheet, layout: layout)
        var attributes: [(String, AttributeValue, SourceLocation)] = []
        for (attribute, mapped) in node.attributes {
            let text = value(mapped, cells: cells, layout: layout)
            guard !text.isEmpty else { continue }
            let cell = location(mapped, row: row, sheet: sheet, layout: layout)
            attributes.append((attribute, attributeValue(text, name: attribute, numeric: numeric), cell))
            checkIdentifier(text, header: mapped, at: cell)
        }
        for key in node.key { checkIdentifier(value(key, cells: cells, layout: layout), header: key, at: at) }
        if var known = seen[id] {
            if let name, let first = known.name, name != first {
                problems.error("\(kind) \(keyParts.dropFirst().joined(separator: "/")) is named '\(name)' here but '\(first)' at \(known.at)",
                               at: location(node.name, row: row, sheet: sheet, layout: layout))
            }
            if let place, known.place >= 0, Int(known.place) != place {
                problems.error("\(kind) '\(name ?? id)' is in \(builderName(place)) here but in \(builderName(Int(known.place))) at \(known.at)",
                               at: location(.column(node.place.last!), row: row, sheet: sheet, layout: layout))
            }
            for (attribute, value, cell) in attributes {
                if let earlier = known.attributes[attribute] {
                    if earlier.value != value {
                        problems.error("\(attribute) of \(kind) '\(name ?? id)' is '\(value)' here but '\(earlier.value)' at \(earlier.at)", at: cell)
                    }
                } else {
                    known.attributes[attribute] = (value, cell)
                    builder.setAttribute(attribute, value, ofNode: known.node, at: cell)
                }
            }
            seen[id] = known
            return known.node
        }
        guard let index = builder.addNode(id: id, kind: kind, name: name, at: at) else { return nil }
        madeNames[index] = name ?? id
        var recorded: [String: (value: AttributeValue, at: SourceLocation)] = [:]
        for (attribute, value, cell) in attributes {
            recorded[attribute] = (value, cell)
            builder.setAttribute(attribute, value, ofNode: index, at: cell)
        }
        if let place { builder.addEdge(from: index, to: place, kind: EdgeKind.within, at: at) }
        seen[id] = Seen(node: index, name: name, place: Int32(place ?? -1), attributes: recorded, at: at)
        if let name, let context = place ?? rowPlace {
            let twin = "\(kind)\u{1F}\(name)\u{1F}\(context)"
            if let first = byNameAndPlace[twin] {
                if first.id != id {
                    warnings.append(Diagnostic(.warning, "likely duplicate: \(kind) '\(name)' in \(builderName(context)) also appears at \(first.at) under another key",
                                               at: at))
                }
            } else {
                byNameAndPlace[twin] = (id, at)
            }
        }
        return index
    }

    mutating func readEdge(_ edge: EdgeMapping, source: Int, target: Int, row: Int, cells: [String], sheet: Worksheet,
                           layout: SheetLayout, numeric: Set<String>) {
        var attributes: [(String, AttributeValue, SourceLocation)] = []
        for (attribute, mapped) in edge.attributes {
            let text = value(mapped, cells: cells, layout: layout)
            guard !text.isEmpty else { continue }
            attributes.append((attribute, attributeValue(text, name: attribute, numeric: numeric),
                               location(mapped, row: row, sheet: sheet, layout: layout)))
        }
        var weight = 1.0
        if let mapped = edge.weight {
            let text = value(mapped, cells: cells, layout: layout)
            if !text.isEmpty {
                guard let number = Double(text), number.isFinite else {
                    problems.error("weight '\(text)' is not a number", at: location(mapped, row: row, sheet: sheet, layout: layout))
                    return
                }
                weight = number
            }
        }
        let key = EdgeKey(source: source, target: target, kind: edge.kind)
        if let known = edges[key] {
            for (attribute, value, cell) in attributes {
                if let earlier = known.attributes[attribute], earlier.value != value {
                    problems.error("\(attribute) of the \(edge.kind) edge \(builderName(source)) → \(builderName(target)) is '\(value)' here but '\(earlier.value)' at \(earlier.at)",
                                   at: cell)
                }
            }
            return
        }
        let index = builder.addEdge(from: source, to: target, kind: edge.kind, weight: weight,
                                    at: sheet.location(row: row, column: 1))
        var recorded: [String: (value: AttributeValue, at: SourceLocation)] = [:]
        for (attribute, value, cell) in attributes {
            recorded[attribute] = (value, cell)
            builder.setAttribute(attribute, value, ofEdge: index, at: cell)
        }
        edges[key] = (index, recorded)
    }

    /// A builder node's name, for messages.
    func builderName(_ node: Int) -> String {
        node < divisions.graph.nodeCount ? divisions.graph.name(of: node) : madeNames[node] ?? String(node)
    }

    // MARK: Places

    /// The place that `columns` name in this row, broad to narrow: each non-empty cell is resolved
    /// within the place before it; a village the divisions lack is made under its town. `nil` after
    /// reporting the problem (or when every cell is empty).
    mutating func resolvePlace(_ columns: [String], row: Int, cells: [String], sheet: Worksheet, layout: SheetLayout) -> Int? {
        let places = divisions.graph
        var parent: Int? = nil
        for (position, header) in columns.enumerated() {
            let text = PlaceNames.cleaned(cells[layout.slot[header]!])
            guard !text.isEmpty else { continue }
            let cacheKey = "\(parent ?? -1)\u{1F}\(text)"
            if let cached = placeCache[cacheKey] {
                parent = cached
                continue
            }
            let at = sheet.location(row: row, column: layout.column(header))
            let isLast = !columns[(position + 1)...].contains { !cells[layout.slot[$0]!].isEmpty }
            if let parent, parent >= places.nodeCount {
                problems.error("'\(text)' is below the village \(builderName(parent)): villages have no places inside them"
                              , at: at)
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
                   let next = columns[(position + 1)...].lazy.map({ PlaceNames.cleaned(cells[layout.slot[$0]!]) }).first(where: { !$0.isEmpty }) {
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
                    warnings.append(Diagnostic(.warning, "the code \(text) is \(places.name(of: coded)), which is not in \(places.name(of: named)) named in the column before",
                                               at: at))
                    placeCache[cacheKey] = coded
                    parent = coded
                    continue
                }
                if case .notFound = error, isLast, let town = parent, places.level(of: town) == .town, PlaceNames.canonicalCode(text) == nil {
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

    /// The village (or community) `name` under `town`: one made before under that full name, or the
    /// one made village that `name` is a short form of (李家 for 李家村), else a new one. `nil` after
    /// reporting a short form that several made villages share (李家 for 李家村 and 李家社区).
    mutating func makeVillage(_ name: String, in town: Int, at location: SourceLocation) -> Int? {
        let key = "\(town)\u{1F}\(name)"
        if let made = madeVillages[key] { return made }
        if let named = madeShortForms[key] {
            if named.count == 1 { return named[0] }
            problems.error("'\(name)' names \(named.count) villages in \(builderName(town)): "
                           + named.map { builderName($0) }.joined(separator: ", "), at: location)
            return nil
        }
        let townID = divisions.graph.ids[town]
        let isCommunity = name.hasSuffix("社区") || name.hasSuffix("居委会") || name.hasSuffix("居民委员会")
        guard let index = builder.addNode(id: "\(townID)-" + StableID.hash([name]).prefix(8), kind: NodeKind.village, name: name,
                                          attributes: [WellKnownAttribute.type: .string(isCommunity ? "community" : "village")],
                                          at: location)
        else { return nil }
        builder.addEdge(from: index, to: town, kind: EdgeKind.within, at: location)
        madeVillages[key] = index
        for form in PlaceNames.shortForms(of: name) { madeShortForms["\(town)\u{1F}\(form)", default: []].append(index) }
        madeNames[index] = name
        return index
    }

    // MARK: Checks

    /// Warns about a credit code or 12-digit division code that fails its check.
    mutating func checkIdentifier(_ text: String, header: ColumnValue, at location: SourceLocation) {
        guard case .column(let name) = header, !text.isEmpty else { return }
        if name.contains("信用代码") || name.contains("credit") {
            if let problem = IdentifierChecks.creditCodeProblem(text) {
                warnings.append(Diagnostic(.warning, "credit code \(text): \(problem)", at: location))
            }
        } else if text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), name.contains("代码") || name.contains("code") {
            if let problem = IdentifierChecks.divisionCodeProblem(text) {
                warnings.append(Diagnostic(.warning, "division code \(text): \(problem)", at: location))
            }
        }
    }
}

/// Stable ids: 64-bit FNV-1a over the parts' UTF-8, separated by U+001F, as 16 hex digits.
///
/// Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake, "The FNV Non-Cryptographic Hash
/// Algorithm", IETF draft-eastlake-fnv (2012).
enum StableID {
    static func hash(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
