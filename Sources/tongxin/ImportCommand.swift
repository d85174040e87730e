import ArgumentParser
import Foundation
import TongxinImport
import TongxinIO

/// `tongxin import MAP.yaml --out G`: ledgers (.xlsx, .csv) into a graph by a mapping;
/// `tongxin import --draft LEDGER…`: a starting mapping guessed from the ledgers' headers.
struct ImportCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a graph from spreadsheet ledgers (.xlsx, .csv) described by a YAML mapping.",
        discussion: """
            The mapping says what each sheet's rows are (Docs/guides/spreadsheets.md; the contract is in \
            Docs/DESIGN.md, "Importing ledgers"). Place names are resolved against a divisions table \
            (the bundled Hubei table unless the mapping names one), in full or short form (恩施州, 长阳县, \
            小溪塔). Every problem is reported at its cell and nothing is written; data checks (likely \
            duplicates, credit codes, division codes) are warnings.

            Examples:
              tongxin import Graphs/ledgers/mapping.yaml --out out/ledgers.json
              tongxin import --draft 联络员名册.xlsx 结对台账.xlsx > mapping.yaml
            """)

    @Argument(
        help: ArgumentHelp("The mapping (.yaml); with --draft, the ledgers to guess a mapping from.", valueName: "file"),
        completion: .file())
    var files: [String]

    @Option(
        help: ArgumentHelp("Where to write the graph: .json, .graphml, .gexf, .dot or a CSV folder.", valueName: "out"),
        completion: .file())
    var out: String?

    @Flag(help: "Print a starting mapping guessed from the ledgers' headers instead of importing.")
    var draft = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the mapping file (or, with --draft, the ledgers)") }
        if !draft {
            if files.count > 1 { throw ValidationError("give one mapping file; --draft takes several ledgers") }
            if out == nil { throw ValidationError("--out is required: where to write the graph") }
        }
    }

    mutating func execute() throws {
        if draft {
            var sheets: [Worksheet] = []
            var written: [String: String] = [:]
            for file in files {
                let read = try Workbook.read(path: file)
                for sheet in read { written[sheet.file] = (file as NSString).lastPathComponent }
                sheets += read
            }
            Console.out(MappingDraft.draft(sheets, paths: written))
            return
        }
        guard let out, let format = GraphFormat(path: out) else {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "cannot tell the output format of '\(out ?? "")' from its extension: use .json, .graphml, .gexf, .dot or a folder name")
            ])
        }
        let mapping = try LedgerMapping.read(files[0])
        let result = try LedgerImporter.run(mapping)
        if !result.warnings.isEmpty { ErrorReport.print(DiagnosticList(result.warnings)) }
        try GraphFile.write(result.graph, to: out, as: format)
        Console.out(
            "\(out): \(result.graph.nodeCount) nodes, \(result.graph.edgeCount) edges from \(mapping.sheets.count) sheets"
                + (result.warnings.isEmpty ? "" : ", \(result.warnings.count) warnings") + "\n")
    }
}
