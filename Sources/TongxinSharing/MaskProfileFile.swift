import TongxinGraph
import TongxinIO
import Yams

/// Reads a masking profile from YAML:
///
/// ```yaml
/// kinds:
///   figure:
///     name: pseudonymize        # keep (default) or pseudonymize: names and ids become pseudonyms
///     prefix_from: category     # the attribute that starts a pseudonym (else `prefix`, else the kind)
///     prefix: 人物
///     attributes: {phone: mask, id_number: drop, address: pseudonymize}
///   "*":                        # every kind; a kind's own entry wins attribute by attribute
///     attributes: {phone: drop}
/// edges:
///   attributes: {note: drop}
/// ```
///
/// Every unknown key or action is an error at its line and column, listing what is allowed.
public enum MaskProfileFile {
    /// The built-in profile of that name, else the profile in the YAML file at that path.
    ///
    /// - Throws: ``DiagnosticList`` with every problem in the file, positioned.
    public static func profile(named nameOrPath: String) throws(DiagnosticList) -> MaskProfile {
        if let builtIn = MaskProfile.builtIn(nameOrPath) { return builtIn }
        guard nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") else {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "unknown masking profile '\(nameOrPath)': use \(MaskProfile.builtInNames.joined(separator: " or ")), or a .yaml profile file"
                )
            ])
        }
        return try read(YAMLDocument.read(nameOrPath))
    }

    /// The profile `document` describes.
    public static func read(_ document: YAMLDocument) throws(DiagnosticList) -> MaskProfile {
        var problems = DiagnosticList()
        var profile = MaskProfile(name: document.file, kinds: [:])
        let root = document.root
        guard let top = root.mapping else {
            throw DiagnosticList([document.error("a masking profile is a mapping with 'kinds' and 'edges'", at: root)])
        }
        for (key, value) in top {
            switch key.string {
            case "kinds":
                guard let kinds = value.mapping else {
                    problems.append(document.error("'kinds' maps each node kind (or \"*\") to its rules", at: value))
                    continue
                }
                for (kind, rules) in kinds {
                    guard let kindName = kind.string, !kindName.isEmpty else {
                        problems.append(document.error("a kind is a name such as figure, or \"*\"", at: kind))
                        continue
                    }
                    profile.kinds[kindName] = rule(rules, in: document, problems: &problems)
                }
            case "edges":
                profile.edges = rule(value, in: document, problems: &problems)
            default:
                problems.append(document.error("unknown key '\(key.string ?? "?")' (expected kinds or edges)", at: key))
            }
        }
        if problems.hasErrors { throw problems }
        return profile
    }

    private static func rule(_ node: Node, in document: YAMLDocument, problems: inout DiagnosticList) -> MaskProfile.Rule {
        var rule = MaskProfile.Rule()
        guard let mapping = node.mapping else {
            problems.append(document.error("rules are a mapping with name, prefix, prefix_from and attributes", at: node))
            return rule
        }
        for (key, value) in mapping {
            switch key.string {
            case "name":
                switch value.string {
                case "keep": rule.pseudonymizeNames = false
                case "pseudonymize": rule.pseudonymizeNames = true
                default: problems.append(document.error("name is keep or pseudonymize", at: value))
                }
            case "prefix": rule.prefix = value.string
            case "prefix_from": rule.prefixAttribute = value.string
            case "attributes":
                guard let attributes = value.mapping else {
                    problems.append(document.error("attributes map each attribute name to keep, drop, mask or pseudonymize", at: value))
                    continue
                }
                for (attribute, action) in attributes {
                    guard let name = attribute.string, let parsed = action.string.flatMap(MaskProfile.Action.init(rawValue:)) else {
                        let allowed = MaskProfile.Action.allCases.map(\.rawValue).joined(separator: ", ")
                        problems.append(document.error("an attribute's action is one of \(allowed)", at: action))
                        continue
                    }
                    rule.attributes[name] = parsed
                }
            default:
                problems.append(
                    document.error("unknown key '\(key.string ?? "?")' (expected name, prefix, prefix_from or attributes)", at: key))
            }
        }
        return rule
    }
}
