import TongxinAnalysis
import TongxinIO
import TongxinQuery
import TongxinRender

/// Prints diagnostics the way compilers do, so editors and people can find the place:
///
/// ```
/// graph.json:3:14: error: unknown node key 'nmae' (expected id, kind, name, parent, level, type, category, attrs)
///     {"id": "a", "nmae": "x"},
///                 ^
/// ```
///
/// The source line is shown when the file can be read and is UTF-8, cut to about 100 columns around
/// the caret; the caret is placed by display width, so it lines up under Chinese text. For a
/// spreadsheet cell (`名册.xlsx:名册!D17`) the row's cells are shown, separated by ` | `, with the
/// caret under the cell.
enum ErrorReport {
    static func print(_ diagnostics: DiagnosticList) {
        Console.error(render(diagnostics))
    }

    static func render(_ diagnostics: DiagnosticList) -> String {
        var files: [String: InputFile?] = [:]
        var output = ""
        // In file order, so a reader can walk down the file; errors without a place come first.
        let ordered = diagnostics.diagnostics.enumerated().sorted { a, b in
            let left = a.element.location, right = b.element.location
            guard let left, let right, left.file == right.file else {
                return (left == nil && right != nil) || ((left == nil) == (right == nil) && a.offset < b.offset)
            }
            return (left.line, left.column, a.offset) < (right.line, right.column, b.offset)
        }.map(\.element)
        for diagnostic in ordered {
            output += diagnostic.description + "\n"
            guard let location = diagnostic.location else { continue }
            // A sheet's row comes with the diagnostic (the reader attached it while it held the
            // workbook); a text file's line is read here, once per file.
            var found = diagnostic.excerpt
            if found == nil, location.sheet == nil {
                if files[location.file] == nil { files[location.file] = try? InputFile.read(location.file) }
                found = (files[location.file] ?? nil)?.excerpt(line: location.line, column: location.column)
            }
            guard let excerpt = found, !excerpt.text.isEmpty else { continue }
            // Tabs and other control characters would break the alignment: show them as spaces.
            let text = String(String.UnicodeScalarView(excerpt.text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
            let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(excerpt.caret)))
            let lead = excerpt.cutBefore ? "…" : ""
            output += "    " + lead + text + (excerpt.cutAfter ? "…" : "") + "\n"
            output += "    " + String(repeating: " ", count: DisplayWidth.of(lead + before)) + "^\n"
        }
        if diagnostics.omitted > 0 { output += "note: \(diagnostics.omitted) more errors not shown\n" }
        return output
    }
}

/// The command-line options that answer a library error, named after its message: libraries
/// describe the problem in their own terms and never name a flag.
enum OptionAdvice {
    /// `error`'s message, followed by the options that change the outcome when there are some.
    static func message(for error: any Error) -> String {
        let options: [String] =
            switch error {
            case MeasureError.notConverged: ["--max-iterations", "--tolerance"]
            case MeasureError.diverged: ["--alpha"]
            case CoverageError.scopeNotAboveUnit: ["--unit", "--region"]
            case DiagramError.tooLarge, RenderError.diagram(.tooLarge): ["--focus", "--depth", "--max-nodes"]
            case GraphvizError.timedOut, RenderError.graphviz(.timedOut): ["--collapse", "--focus", "--layout sfdp"]
            default: []
            }
        let message = String(describing: error)
        return options.isEmpty ? message : message + "; see " + options.joined(separator: ", ")
    }
}
