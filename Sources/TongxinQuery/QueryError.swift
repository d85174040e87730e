/// A position in a query's text: the scalar offset, and the 1-based line and column (columns count
/// Unicode scalars, as in ``SourceLocation``).
public struct QueryPosition: Hashable, Sendable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }
}

/// An error in a query — a syntax error, a semantic error found before running (an unknown variable,
/// an aggregate in WHERE) or an error at run time (a wrong type, an integer overflow, a path budget
/// exceeded) — with the position of the offending token.
///
/// ``render(query:file:)`` prints it the way compilers do:
///
/// ```
/// query:1:15: error: unknown variable 'x'
/// MATCH (n) RETURN x
///                  ^
/// ```
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Phase: String, Sendable {
        case syntax
        case semantic
        case runtime
    }

    public var phase: Phase
    public var message: String
    public var position: QueryPosition

    public init(_ phase: Phase, _ message: String, at position: QueryPosition) {
        self.phase = phase
        self.message = message
        self.position = position
    }

    /// `LINE:COL: error: MESSAGE`.
    public var description: String { "\(position.line):\(position.column): error: \(message)" }

    /// The diagnostic in the shared `FILE:LINE:COL: error: ...` form.
    public func diagnostic(file: String = "query") -> Diagnostic {
        Diagnostic(.error, message, at: SourceLocation(file: file, line: position.line, column: position.column))
    }

    /// `FILE:LINE:COL: error: MESSAGE`, then the query's offending line and a caret under the token.
    /// The caret is aligned for terminals by ``TongxinGraph/DisplayWidth`` (a CJK character before
    /// it takes two columns, a combining mark none) and tabs are kept as tabs.
    public func render(query: String, file: String = "query") -> String {
        let lines = query.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        var text = diagnostic(file: file).description
        guard position.line >= 1, position.line <= lines.count else { return text }
        let line = lines[position.line - 1].filter { $0 != "\r" }
        text += "\n" + String(String.UnicodeScalarView(line)) + "\n"
        var pad = ""
        for scalar in line.prefix(max(0, position.column - 1)) {
            pad += scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(scalar))
        }
        return text + pad + "^"
    }
}
