/// A position in an input file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in the input, with where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `FILE:LINE:COL: error: MESSAGE`, or `error: MESSAGE` when the problem has no single place.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// The errors found in one input, at most ``DiagnosticList/limit`` of them, thrown together so a user
/// sees every problem at once rather than one per run.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// How many errors are kept; later ones are counted in ``omitted``.
    public static let limit = 50

    public private(set) var diagnostics: [Diagnostic] = []
    /// Errors found beyond ``limit``.
    public private(set) var omitted = 0

    public init() {}

    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Whether the list holds any error (not just warnings).
    public var hasErrors: Bool { omitted > 0 || diagnostics.contains { $0.severity == .error } }

    /// Whether the cap has been reached, so a reader may stop looking.
    public var isFull: Bool { diagnostics.count >= Self.limit }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostics.count < Self.limit { diagnostics.append(diagnostic) } else { omitted += 1 }
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        append(Diagnostic(.error, message, at: location))
    }

    public var description: String {
        var lines = diagnostics.map(\.description)
        if omitted > 0 { lines.append("note: \(omitted) more errors not shown") }
        return lines.joined(separator: "\n")
    }
}
