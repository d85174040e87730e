import ArgumentParser
import Foundation
import TongxinIO
import TongxinMap
import TongxinRender
import TongxinReport

/// `tongxin report G --out report.html`: coverage, pairing, central nodes and diagrams in one
/// self-contained page.
struct Report: TongxinCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML report: summary, coverage, pairing, central figures and diagrams.",
        discussion: """
            The page is self-contained (styles, script and SVG diagrams inline): open it in any \
            browser, offline, or print it to PDF. Tables sort when a header is clicked; long lists \
            are collapsed. Long steps show progress on a terminal.

            Examples:
              tongxin report Graphs/hubei.json --out out/report.html
              tongxin report Graphs/hubei.json --region 宜昌市 --out out/yichang.html
              tongxin report G.json --lang en --sections summary,coverage --out en.html
              tongxin report Graphs/hubei.json --since Graphs/hubei-2023.json --out out/report.html
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(
        help: ArgumentHelp("The HTML file to write (replaced atomically).", valueName: "file"),
        completion: .file(extensions: ["html"]))
    var out: String

    @Option(
        help: ArgumentHelp(
            "The sections to include, comma-separated, from: \(ReportSection.allCases.map(\.rawValue).joined(separator: ", ")) "
                + "(default: all; change only with --since).",
            valueName: "list"))
    var sections: String?

    @Option(
        help: ArgumentHelp("An earlier version of the graph: adds the change section (变化).", valueName: "old"),
        completion: .file())
    var since: String?

    @Option(help: ArgumentHelp("The language of labels and headings: zh (default) or en.", valueName: "zh|en"))
    var lang: String = ReportLanguage.zh.rawValue

    func validate() throws {
        _ = try chosenSections()
        if since != nil { try graphOptions.masking.requireStableKey(comparing: "report --since") }
        guard ReportLanguage(rawValue: lang) != nil else {
            throw ValidationError("--lang must be zh or en, not '\(lang)'")
        }
    }

    /// The sections `--sections` names.
    func chosenSections() throws -> Set<ReportSection> {
        guard let sections else { return Set(ReportSection.allCases.filter { $0 != .change || since != nil }) }
        var chosen: Set<ReportSection> = []
        for name in sections.split(separator: ",").map({ String($0.filter { !$0.isWhitespace }) }) where !name.isEmpty {
            guard let section = ReportSection(rawValue: name) else {
                throw ValidationError(
                    "--sections: unknown section '\(name)'; the sections are "
                        + ReportSection.allCases.map(\.rawValue).joined(separator: ", "))
            }
            chosen.insert(section)
        }
        guard !chosen.isEmpty else { throw ValidationError("--sections: name at least one section") }
        if chosen.contains(.change) && since == nil { throw ValidationError("--sections: change needs --since OLD") }
        return chosen
    }

    mutating func execute() throws {
        let chosen = try chosenSections()
        let language = ReportLanguage(rawValue: lang) ?? .zh
        // Fail before the work, not after it, when the page could not be written.
        try Console.requireDirectory(of: out)
        let graph = try graphOptions.load()
        let earlier = try since.map { path throws(DiagnosticList) in try graphOptions.loadEarlier(path) }
        let region = try graphOptions.regionIndex(in: graph)
        if let region, graph.level(of: region) == .village {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "--region '\(graphOptions.region ?? "")' is a village: a report covers a province, city, county or town")
            ])
        }
        let worker = GraphvizWorker(
            executable: Render.executablePath(), arguments: [GraphvizWorkerCommand.name],
            timeLimit: 60)
        var shown: Progress?
        let content = try ReportBuilder(graph, scope: region).build(
            sections: chosen, since: earlier.map { ($0, since ?? "") }, renderer: DiagramRenderer(worker: worker),
            boundaries: { level throws(DiagnosticList) in try Boundaries(defaultFor: level) }, language: language
        ) { step in
            switch step {
            case .started(let section): shown = Progress.begin("report: \(section.rawValue)")
            case .advanced(_, let fraction): shown?.update(fraction: fraction)
            case .finished: shown?.finish()
            }
        }
        let options = ReportOptions(language: language, sections: chosen, source: graphOptions.graph)
        let page = ReportPage(content, options: options).render()
        try Console.write(Array(page.utf8), to: out)
        Console.out("wrote \(out): \(page.utf8.count) bytes, \(chosen.count) sections\n")
    }
}
