import Foundation
import TongxinGraph
import TongxinIO
import Yams

/// What a ledger mapping file says: which sheets to read and what each row of them is (DESIGN.md,
/// "Importing ledgers"). Read from YAML by ``LedgerMapping/read(_:)``.
///
/// ```yaml
/// sheets:
///   - file: 联络员名册.xlsx
///     nodes:
///       f: {kind: figure, key: [姓名, 联系电话], name: 姓名, attrs: {category: =统战联络员}}
///       v: {place: [市州, 县（市、区）, 乡镇（街道）, 村（社区）]}
///     edges:
///       - {source: f, target: v, kind: liaison_for}
/// ```
public struct LedgerMapping: Sendable {
    /// The divisions table (code,name,level,parent_code), resolved against the mapping's folder, or
    /// `nil` for the bundled Hubei table.
    public var divisions: String?
    public var sheets: [SheetMapping]
    /// The mapping file, for messages.
    public var path: String
}

/// A cell value in a mapping: a column, found by its header, or a constant written after `=`.
public enum ColumnValue: Equatable, Sendable {
    case column(String)
    case constant(String)

    init(_ text: String) {
        self = text.hasPrefix("=") ? .constant(String(text.dropFirst())) : .column(text)
    }
}

/// One sheet of a mapping: where it is and what its rows hold.
public struct SheetMapping: Sendable {
    public enum Choice: Equatable, Sendable {
        case first
        case named(String)
        case number(Int)
    }

    /// The workbook or CSV file, as written in the mapping (relative to the mapping's folder).
    public var file: String
    public var sheet: Choice
    /// The 1-based header row, or `nil` to find it.
    public var header: Int?
    /// The node variables, in the mapping's order.
    public var nodes: [NodeMapping]
    public var edges: [EdgeMapping]
    /// Where the sheet's entry starts in the mapping file.
    public var location: SourceLocation
}

/// A node variable: either a node of `kind`, identified by `key` and located by `place`, or (no kind)
/// the place itself.
public struct NodeMapping: Sendable {
    public var variable: String
    public var kind: String?
    /// The identity columns; empty means the name and the place.
    public var key: [ColumnValue]
    public var name: ColumnValue?
    /// Place columns, broad to narrow.
    public var place: [String]
    public var attributes: [(name: String, value: ColumnValue)]
    public var location: SourceLocation
}

/// An edge between two node variables of the same row.
public struct EdgeMapping: Sendable {
    public var source: String
    public var target: String
    public var kind: String
    public var weight: ColumnValue?
    public var attributes: [(name: String, value: ColumnValue)]
    public var location: SourceLocation
}

extension LedgerMapping {
    /// Reads a mapping file.
    ///
    /// - Throws: ``DiagnosticList`` with every problem found, each at its line and column: YAML syntax,
    ///   anchors, aliases and deep nesting (refused by ``YAMLDocument``), unknown or missing keys,
    ///   edges naming unknown variables.
    public static func read(_ path: String) throws(DiagnosticList) -> LedgerMapping {
        try mapping(YAMLDocument.read(path))
    }

    /// Parses the mapping in `text`, as the file `file`. O(size of the text).
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> LedgerMapping {
        try mapping(YAMLDocument.parse(text, file: file))
    }

    static func mapping(_ document: YAMLDocument) throws(DiagnosticList) -> LedgerMapping {
        var reader = MappingReader(path: document.file)
        let mapping = reader.mapping(document.root)
        if reader.problems.hasErrors { throw reader.problems }
        return mapping
    }
}

/// Turns the composed YAML tree into a ``LedgerMapping``, collecting every problem.
struct MappingReader {
    let path: String
    var problems = DiagnosticList()

    static let sheetKeys = ["file", "sheet", "header", "nodes", "edges"]
    static let nodeKeys = ["kind", "key", "name", "place", "attrs"]
    static let edgeKeys = ["source", "target", "kind", "weight", "attrs"]

    func location(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: path, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1))
    }

    mutating func error(_ message: String, at node: Node?) {
        problems.error(message, at: location(node))
    }

    /// The pairs of a mapping node, with unknown keys reported (suggesting the closest allowed key).
    mutating func pairs(_ node: Node?, what: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node?.mapping else {
            error("\(what) should be a mapping ({key: value, …})", at: node)
            return []
        }
        var result: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("\(what): a key should be a plain word", at: key)
                continue
            }
            if !allowed.isEmpty && !allowed.contains(name) {
                let closest = allowed.min { Self.distance($0, name) < Self.distance($1, name) }!
                error(
                    "\(what): unknown key '\(name)' (expected \(allowed.joined(separator: ", "))"
                        + (Self.distance(closest, name) <= 2 ? "; did you mean '\(closest)'?)" : ")"), at: key)
                continue
            }
            result.append((name, key, value))
        }
        return result
    }

    static func distance(_ a: String, _ b: String) -> Int {
        PlaceNames.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    mutating func string(_ node: Node, what: String) -> String? {
        guard let scalar = node.scalar, !scalar.string.isEmpty else {
            error("\(what) should be a text value", at: node)
            return nil
        }
        return scalar.string
    }

    /// One text or a list of texts.
    mutating func strings(_ node: Node, what: String) -> [String] {
        if node.scalar != nil { return string(node, what: what).map { [$0] } ?? [] }
        guard let sequence = node.sequence else {
            error("\(what) should be a column or a list of columns", at: node)
            return []
        }
        return sequence.compactMap { string($0, what: what) }
    }

    mutating func attributes(_ node: Node, what: String) -> [(name: String, value: ColumnValue)] {
        pairs(node, what: what, allowed: []).compactMap { pair in
            string(pair.value, what: "\(what).\(pair.key)").map { (pair.key, ColumnValue($0)) }
        }
    }

    mutating func mapping(_ root: Node?) -> LedgerMapping {
        var mapping = LedgerMapping(divisions: nil, sheets: [], path: path)
        guard root?.mapping?.isEmpty == false else {
            problems.error("the mapping is empty: it needs a 'sheets' list", at: location(root))
            return mapping
        }
        var sawSheets = false
        for (key, _, value) in pairs(root, what: "the mapping", allowed: ["divisions", "sheets"]) {
            switch key {
            case "divisions":
                mapping.divisions = string(value, what: "divisions")
            default:
                sawSheets = true
                guard let list = value.sequence, !list.isEmpty else {
                    error("sheets should be a list of sheets (- file: …)", at: value)
                    continue
                }
                mapping.sheets = list.compactMap { sheet($0) }
            }
        }
        if !sawSheets { error("the mapping has no 'sheets' list", at: root) }
        return mapping
    }

    mutating func sheet(_ node: Node) -> SheetMapping? {
        var sheet = SheetMapping(file: "", sheet: .first, header: nil, nodes: [], edges: [], location: location(node))
        var edgeNodes: [Node] = []
        for (key, _, value) in pairs(node, what: "a sheet", allowed: Self.sheetKeys) {
            switch key {
            case "file":
                sheet.file = string(value, what: "file") ?? ""
            case "sheet":
                if let number = value.int, value.scalar?.style == .plain {
                    guard number >= 1 else { error("sheet numbers start at 1", at: value); continue }
                    sheet.sheet = .number(number)
                } else if let name = string(value, what: "sheet") {
                    sheet.sheet = .named(name)
                }
            case "header":
                guard let row = value.int, row >= 1 else { error("header should be a row number (1 or more)", at: value); continue }
                sheet.header = row
            case "nodes":
                let entries = pairs(value, what: "nodes", allowed: [])
                if entries.isEmpty { error("the sheet of \(sheet.file) maps no nodes", at: value) }
                for (variable, variableNode, body) in entries {
                    if let mapped = self.node(variable, body, at: variableNode) { sheet.nodes.append(mapped) }
                }
            default:
                guard let list = value.sequence else { error("edges should be a list of edges (- {source: …})", at: value); continue }
                edgeNodes = Array(list)
            }
        }
        if sheet.file.isEmpty {
            error("a sheet needs a 'file'", at: node)
            return nil
        }
        if node.mapping?.keys.contains(where: { $0.scalar?.string == "nodes" }) == false { error("a sheet needs 'nodes'", at: node) }
        let variables = sheet.nodes.map(\.variable)
        for edgeNode in edgeNodes {
            if let edge = edge(edgeNode, variables: variables) { sheet.edges.append(edge) }
        }
        return sheet
    }

    mutating func node(_ variable: String, _ body: Node, at variableNode: Node) -> NodeMapping? {
        var node = NodeMapping(
            variable: variable, kind: nil, key: [], name: nil, place: [], attributes: [], location: location(variableNode))
        let before = problems.diagnostics.count
        for (key, _, value) in pairs(body, what: "node '\(variable)'", allowed: Self.nodeKeys) {
            switch key {
            case "kind": node.kind = string(value, what: "kind")
            case "key": node.key = strings(value, what: "key").map(ColumnValue.init)
            case "name": node.name = string(value, what: "name").map(ColumnValue.init)
            case "place": node.place = strings(value, what: "place")
            default: node.attributes = attributes(value, what: "attrs")
            }
        }
        if node.kind == nil {
            if node.place.isEmpty {
                error("node '\(variable)' needs a 'kind' (a node) or a 'place' (the place itself)", at: variableNode)
            } else if !node.key.isEmpty || node.name != nil || !node.attributes.isEmpty {
                error(
                    "node '\(variable)' has no kind, so it is the place itself: key, name and attrs belong to a node with a kind",
                    at: variableNode)
            }
        } else if node.name == nil && node.key.isEmpty {
            error("node '\(variable)' needs a 'name' or a 'key'", at: variableNode)
        }
        return problems.diagnostics.count == before ? node : nil
    }

    mutating func edge(_ body: Node, variables: [String]) -> EdgeMapping? {
        var edge = EdgeMapping(source: "", target: "", kind: "", weight: nil, attributes: [], location: location(body))
        for (key, _, value) in pairs(body, what: "an edge", allowed: Self.edgeKeys) {
            switch key {
            case "source", "target":
                guard let variable = string(value, what: key) else { continue }
                if !variables.contains(variable) {
                    error("\(key) '\(variable)' is not a node of this sheet (nodes: \(variables.joined(separator: ", ")))", at: value)
                }
                if key == "source" { edge.source = variable } else { edge.target = variable }
            case "kind": edge.kind = string(value, what: "kind") ?? ""
            case "weight": edge.weight = string(value, what: "weight").map(ColumnValue.init)
            default: edge.attributes = attributes(value, what: "attrs")
            }
        }
        for (key, value) in [("source", edge.source), ("target", edge.target), ("kind", edge.kind)] where value.isEmpty {
            error("an edge needs a '\(key)'", at: body)
        }
        return edge.source.isEmpty || edge.target.isEmpty || edge.kind.isEmpty ? nil : edge
    }
}
