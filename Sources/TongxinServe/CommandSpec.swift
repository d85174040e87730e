/// What one `tongxin` command accepts over HTTP: the allow-list that turns a request's parameters
/// into the command's own argument vector (``CommandSpec/arguments(for:graphPath:)``).
///
/// The names are the CLI's option names without `--`. Options that write files or read other paths
/// (`--out`, `--boundaries`, `--cache-*`, `--mask`) are never listed, so a request cannot name them.
public struct CommandSpec: Sendable {
    /// What the command answers with.
    public enum Output: Sendable, Equatable {
        /// A result document: `format=json` (the default), `table`, `csv` or `xlsx` (a download).
        case document
        /// A drawing the command writes to `--out`, served as SVG.
        case svg
        /// A page the command writes to `--out`, served as HTML.
        case html
    }

    public var name: String
    /// The request parameters taken as positional arguments, in order (`query`, `from`, `to`, `node`).
    public var positionals: [String]
    /// The parameters naming served graphs that are positional arguments (`old`, `new` for diff);
    /// empty for commands that read the one graph `graph=` picks.
    public var graphPositionals: [String]
    /// Options that take a value; a repeated parameter repeats the option.
    public var options: Set<String>
    /// Flags: `name=true` gives `--name`, `name=false` leaves it out.
    public var flags: Set<String>
    public var output: Output
    /// Heavy commands (queries, layouts, maps, measures) share a smaller pool of workers.
    public var heavy: Bool
    /// Options whose number may not exceed a bound over HTTP (a time limit: the CLI's default).
    public var maxima: [String: Double]

    public init(
        _ name: String, positionals: [String] = [], graphPositionals: [String] = [], options: Set<String>,
        flags: Set<String> = [], output: Output = .document, heavy: Bool = false, maxima: [String: Double] = [:]
    ) {
        self.name = name
        self.positionals = positionals
        self.graphPositionals = graphPositionals
        self.options = options
        self.flags = flags
        self.output = output
        self.heavy = heavy
        self.maxima = maxima
    }

    /// The formats a document may be asked for.
    public static let documentFormats: Set<String> = ["json", "table", "csv", "xlsx"]

    /// The parameters every command understands besides its own.
    public static let commonParameters: Set<String> = ["graph", "format"]

    /// The argument vector for `parameters`: the command's name, its options as `--name=value`
    /// (so a value starting with `-` stays a value), `--format`/`--out` for the output, then `--`
    /// and the positional arguments (the graph's path first), so no value can pass for an option.
    ///
    /// - Parameter graphPath: the served graph's path for a `graph=`-style name (`nil`: the first).
    /// - Throws: ``APIError`` 400 for an unknown, refused or repeated-positional parameter or a bad
    ///   flag value; 404 (from `graphPath`) for a graph that is not served.
    public func arguments(
        for parameters: [(name: String, value: String)],
        graphPath: (String?) throws(APIError) -> String
    ) throws(APIError) -> [String] {
        var options: [String] = [], positional: [String: String] = [:], graphName: String?, format: String?
        for (name, value) in parameters {
            if name == "graph" {
                guard graphPositionals.isEmpty else {
                    throw APIError.badRequest("\(self.name) takes its graphs as \(graphPositionals.joined(separator: " and ")), not graph")
                }
                guard graphName == nil else { throw APIError.badRequest("graph is given twice") }
                graphName = value
            } else if name == "format" {
                guard format == nil else { throw APIError.badRequest("format is given twice") }
                format = value
            } else if positionals.contains(name) || graphPositionals.contains(name) {
                guard positional[name] == nil else { throw APIError.badRequest("\(name) is given twice") }
                positional[name] = value
            } else if self.options.contains(name) {
                if let maximum = maxima[name] {
                    guard let number = Double(value), number <= maximum else {
                        throw APIError.badRequest("\(name) must be a number of at most \(maximum) here, not '\(value)'")
                    }
                }
                options.append("--\(name)=\(value)")
            } else if flags.contains(name) {
                switch value {
                case "true": options.append("--\(name)")
                case "false": break
                default: throw APIError.badRequest("\(name) is a flag: give \(name)=true or leave it out, not '\(value)'")
                }
            } else {
                throw APIError.badRequest("\(self.name) has no parameter '\(name)' over HTTP (it has: \(allowed.joined(separator: ", ")))")
            }
        }
        options += try outputArguments(format: format)
        var tail = ["--"]
        if graphPositionals.isEmpty {
            tail.append(try graphPath(graphName))
        } else {
            for name in graphPositionals {
                guard let value = positional[name] else {
                    throw APIError.badRequest("\(self.name) needs \(name)=GRAPH (a served graph's file name)")
                }
                tail.append(try graphPath(value))
            }
        }
        for name in positionals {
            guard let value = positional[name] else { throw APIError.badRequest("\(self.name) needs the parameter \(name)") }
            tail.append(value)
        }
        return [self.name] + options + tail
    }

    /// Every parameter name the command accepts, sorted.
    public var allowed: [String] {
        (options.union(flags).union(positionals).union(graphPositionals)
            .union(graphPositionals.isEmpty ? ["graph"] : []).union(output == .document ? ["format"] : [])).sorted()
    }

    /// `--format`/`--out` for the response: a document as JSON unless another format is asked for,
    /// an xlsx or a drawing to a path that cannot be written (the server captures the bytes).
    private func outputArguments(format: String?) throws(APIError) -> [String] {
        switch output {
        case .document:
            let format = format ?? "json"
            guard Self.documentFormats.contains(format) else {
                throw APIError.badRequest("format must be one of \(Self.documentFormats.sorted().joined(separator: ", ")), not '\(format)'")
            }
            return format == "xlsx" ? ["--format=xlsx", "--out=\(Self.capturedPath(name, extension: "xlsx"))"] : ["--format=\(format)"]
        case .svg, .html:
            guard format == nil else {
                throw APIError.badRequest("\(name) answers with \(output == .svg ? "SVG" : "HTML"); it has no format parameter")
            }
            return ["--out=\(Self.capturedPath(name, extension: output == .svg ? "svg" : "html"))"]
        }
    }

    /// The `--out` path given to a command whose file the server captures: under `/dev/null`, so
    /// that it can never be written even if the capture were missing.
    public static func capturedPath(_ command: String, extension: String) -> String {
        "/dev/null/\(command).\(`extension`)"
    }
}
