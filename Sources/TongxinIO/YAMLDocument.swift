import Yams

/// A YAML file (a mapping for `tongxin import` or a masking profile) read through Yams with bounds,
/// so that hostile text is a positioned error rather than a crash or a hang.
///
/// Before parsing, one pass over the text bounds its size (``maximumBytes``) and its nesting:
/// flow collections (`[`, `{`) at most ``maximumDepth`` deep, and block nesting — a line's
/// indentation plus its `- ` sequence markers — at most ``maximumIndentation`` columns, since the
/// composer recurses once per level. Anchors and aliases are refused (a configuration file does not
/// need them, and aliases to aliases are the "billion laughs" that expand exponentially).
///
/// - Complexity: O(n) in the text's length before parsing; the parse is libyaml's, linear.
public struct YAMLDocument {
    public static let maximumBytes = 4 << 20
    public static let maximumDepth = 64
    public static let maximumIndentation = 256

    /// The path as given, for messages.
    public let file: String
    /// The text as read.
    public let text: String
    /// The document's root node (an empty mapping for an empty file).
    public let root: Node

    /// Reads and parses the YAML file at `path`.
    ///
    /// - Throws: ``DiagnosticList`` with one positioned error: unreadable file, not UTF-8, too large,
    ///   nested too deeply, an anchor or alias, or a YAML syntax error at libyaml's position.
    public static func read(_ path: String) throws(DiagnosticList) -> YAMLDocument {
        let input = try InputFile.read(path)
        guard input.bytes.count <= maximumBytes else {
            throw DiagnosticList([Diagnostic(.error, "'\(path)' is larger than \(maximumBytes >> 20) MiB; this is not a YAML mapping file")]
            )
        }
        guard let text = String(validating: input.bytes, as: UTF8.self) else {
            throw DiagnosticList([
                Diagnostic(
                    .error, "'\(path)' is not UTF-8 text; save it as UTF-8",
                    at: SourceLocation(file: path, line: 1, column: 1))
            ])
        }
        return try parse(text, file: path)
    }

    /// Parses `text` as the YAML file `file`.
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> YAMLDocument {
        try checkBounds(text, file: file)
        do {
            let root = try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
            return YAMLDocument(file: file, text: text, root: root)
        } catch let error as YamlError {
            throw DiagnosticList([diagnostic(error, file: file)])
        } catch {
            throw DiagnosticList([Diagnostic(.error, "\(file): \(error)")])
        }
    }

    /// Where `node` stands in the file.
    public func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// An error at `node`.
    public func error(_ message: String, at node: Node) -> Diagnostic {
        Diagnostic(.error, message, at: location(of: node))
    }

    // MARK: Bounds

    /// One pass over the text: flow depth, block indentation, anchors and aliases, outside quoted
    /// scalars (read with YAML's escapes, so a quote ends where libyaml ends it) and comments.
    private static func checkBounds(_ text: String, file: String) throws(DiagnosticList) {
        var line = 1, column = 0, depth = 0
        var quote: Unicode.Scalar? = nil, escaped = false, closedSingle = false
        var atLineStart = true, indentation = 0, inComment = false
        var previous: Unicode.Scalar = "\n"
        func fail(_ message: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: max(column, 1)))])
        }
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1; column = 0; atLineStart = true; indentation = 0; inComment = false
                previous = scalar
                continue
            }
            if inComment { previous = scalar; continue }
            // Inside a quoted scalar: `\x` escapes in double quotes, `''` is a quote in single ones.
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && scalar == "\\" {
                    escaped = true
                } else if scalar == open {
                    quote = nil
                    closedSingle = open == "'"
                    previous = scalar
                    continue
                }
                previous = scalar
                continue
            }
            if closedSingle && scalar == "'" {
                quote = "'"
                closedSingle = false
                previous = scalar
                continue
            }
            closedSingle = false
            if atLineStart {
                if scalar == " " || (scalar == "-" || scalar == "?" || scalar == ":") {
                    indentation += 1
                    guard indentation <= maximumIndentation else {
                        throw fail("nested too deeply: more than \(maximumIndentation) columns of indentation")
                    }
                    previous = scalar
                    continue
                }
                atLineStart = false
            }
            switch scalar {
            case "#" where previous == " " || previous == "\t" || column == 1:
                inComment = true
            case "'", "\"":
                // A quote opens a scalar only where one starts (`it's` is plain text).
                if " \t\n[{,:-?".unicodeScalars.contains(previous) { quote = scalar }
            case "[", "{":
                depth += 1
                guard depth <= maximumDepth else { throw fail("nested too deeply: more than \(maximumDepth) levels of [ and {") }
            case "]", "}":
                depth = max(depth - 1, 0)
            case "&" where " [{,:".unicodeScalars.contains(previous) || column == 1,
                "*" where " [{,:".unicodeScalars.contains(previous) || column == 1:
                throw fail("anchors and aliases ('\(scalar)') are not allowed here; write the value out")
            default:
                break
            }
            previous = scalar
        }
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let message = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(.error, "YAML: \(message)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, "YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                .error, "duplicate key '\(duplicates.joined(separator: "', '"))'",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return Diagnostic(.error, "YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
