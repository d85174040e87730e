import Testing
import TongxinGraph
import TongxinIO
import TongxinTestSupport
@testable import TongxinImport

@Suite struct LedgerMappingTests {
    func parse(_ text: String) throws(DiagnosticList) -> LedgerMapping {
        try LedgerMapping.parse(text, file: "map.yaml")
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The contract's example (DESIGN.md, "Importing ledgers"), key for key.
    static let example = """
        divisions: Graphs/sources/hubei-divisions.csv   # optional
        sheets:
          - file: 联络员名册.xlsx
            sheet: 名册
            header: 2
            nodes:
              f: {kind: figure, key: [姓名, 联系电话], name: 姓名, attrs: {category: =统战联络员, phone: 联系电话}}
              v: {place: [市州, 县（市、区）, 乡镇（街道）, 村（社区）]}
            edges:
              - {source: f, target: v, kind: liaison_for}
          - file: 结对台账.xlsx
            nodes:
              e: {kind: enterprise, key: 统一社会信用代码, name: 企业名称, place: [所在县（市、区）]}
              v: {place: [县（市、区）, 乡镇, 结对村]}
            edges:
              - {source: e, target: v, kind: paired_with, attrs: {projects: 帮扶项目数, amount: 投入金额（万元）}}
        """

    @Test func theContractsExample() throws {
        let mapping = try parse(Self.example)
        #expect(mapping.divisions == "Graphs/sources/hubei-divisions.csv")
        #expect(mapping.sheets.count == 2)
        let roster = mapping.sheets[0]
        #expect(roster.file == "联络员名册.xlsx" && roster.sheet == .named("名册") && roster.header == 2)
        #expect(roster.nodes.map(\.variable) == ["f", "v"])
        let f = roster.nodes[0]
        #expect(f.kind == "figure" && f.key == [.column("姓名"), .column("联系电话")] && f.name == .column("姓名"))
        #expect(f.attributes.map(\.name) == ["category", "phone"])
        #expect(f.attributes.map(\.value) == [.constant("统战联络员"), .column("联系电话")])
        #expect(roster.nodes[1].kind == nil && roster.nodes[1].place == ["市州", "县（市、区）", "乡镇（街道）", "村（社区）"])
        #expect(roster.edges.map(\.kind) == ["liaison_for"])
        let pairing = mapping.sheets[1]
        #expect(pairing.sheet == .first && pairing.header == nil)
        #expect(pairing.nodes[0].key == [.column("统一社会信用代码")] && pairing.nodes[0].place == ["所在县（市、区）"])
        #expect(pairing.edges[0].attributes.map(\.name) == ["projects", "amount"])
    }

    @Test func sheetNumbers() throws {
        let mapping = try parse("sheets:\n  - {file: a.csv, sheet: 2, nodes: {p: {place: [县]}}}\n")
        #expect(mapping.sheets[0].sheet == .number(2))
    }

    @Test(arguments: [
        (
            "sheets:\n  - file: a.xlsx\n    nodes:\n      f: {kind: figure, nmae: 姓名}\n",
            "map.yaml:4:25: error: node 'f': unknown key 'nmae' (expected kind, key, name, place, attrs; did you mean 'name'?)"
        ),
        (
            "sheets:\n  - file: a.xlsx\n    nodes:\n      f: {kind: figure, name: 姓名}\n    edges:\n      - {source: f, target: v, kind: tie}\n",
            "map.yaml:6:29: error: target 'v' is not a node of this sheet (nodes: f)"
        ),
        (
            "sheets:\n  - file: a.xlsx\n    nodes:\n      v: {place: [县], name: 名称}\n",
            "map.yaml:4:7: error: node 'v' has no kind, so it is the place itself: key, name and attrs belong to a node with a kind"
        ),
        ("sheets:\n  - file: a.xlsx\n    nodes:\n      f: {kind: figure}\n", "map.yaml:4:7: error: node 'f' needs a 'name' or a 'key'"),
        (
            "sheet:\n  - file: a.xlsx\n",
            "map.yaml:1:1: error: the mapping: unknown key 'sheet' (expected divisions, sheets; did you mean 'sheets'?)"
        ),
        ("", "map.yaml:1:1: error: the mapping is empty: it needs a 'sheets' list"),
        ("a: &x [1]\nb: *x\n", "map.yaml:1:4: error: anchors and aliases ('&') are not allowed here; write the value out")
    ])
    func errorsAreAtTheirPlace(text: String, message: String) {
        #expect(errors(text).first == message)
    }

    @Test func everyProblemIsReported() {
        let text = "sheets:\n  - file: a.xlsx\n    nodes:\n      f: {kind: figure}\n      g: {kidn: x}\n"
        #expect(
            errors(text) == [
                "map.yaml:4:7: error: node 'f' needs a 'name' or a 'key'",
                "map.yaml:5:11: error: node 'g': unknown key 'kidn' (expected kind, key, name, place, attrs; did you mean 'kind'?)",
                "map.yaml:5:7: error: node 'g' needs a 'kind' (a node) or a 'place' (the place itself)"
            ])
    }

    @Test func billionLaughsAndDeepNestingAreRefusedAtOnce() {
        var laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            laughs +=
                "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) ["
                + String(repeating: "*\(Character(UnicodeScalar(96 + level)!)),", count: 9).dropLast() + "]\n"
        }
        #expect(errors(laughs).first?.contains("anchors and aliases") == true)
        #expect(
            errors(String(repeating: "[", count: 100_000)).first
                == "map.yaml:1:65: error: nested too deeply: more than 64 levels of [ and {")
        #expect(errors("sheets:\n" + String(repeating: " ", count: 300) + "- x\n").first?.contains("nested too deeply") == true)
        #expect(errors("sheets: [\n").first?.hasPrefix("map.yaml:2:1: error: YAML: ") == true)
        #expect(errors("sheets:\n  - file: '*名册.xlsx'\n    nodes: {p: {place: ['&县']}}\n").isEmpty)
    }

    /// Seeded mutations of the example: never a crash or an unpositioned error.
    @Test func mutations() {
        var random = SplitMix64(seed: 11)
        let seed = Array(Self.example.utf8)
        let alphabet: [UInt8] = Array("{}[]:,-&*'\"#\n =|>!%@`".utf8) + [0xE5, 0x8E, 0xBF, 0xFF, 0x00]
        for round in 0..<2_000 {
            var bytes = seed
            for _ in 0..<(1 + Int(random.next() % 8)) {
                let at = Int(random.next() % UInt64(bytes.count + 1))
                switch random.next() % 3 {
                case 0: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
                }
            }
            do {
                _ = try LedgerMapping.parse(String(decoding: bytes, as: UTF8.self), file: "m.yaml")
            } catch {
                #expect(!error.diagnostics.isEmpty, "seed 11, round \(round)")
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? false, "seed 11, round \(round): \(diagnostic)")
                }
            }
        }
    }
}
