import TongxinGraph

/// What masking does to each kind of node (and to edges): keep, drop, mask or pseudonymize each
/// attribute, and keep or pseudonymize the node's name and id.
///
/// Two profiles are built in (``builtIn(_:)``):
/// - `public`: figures' names and ids replaced by keyed pseudonyms (`统战联络员-3F9A2C`, the
///   figure's category or kind then six hex digits); phone and ID-number attributes removed, on every
///   kind and on edges.
/// - `internal`: names kept; phones shown as `138****1234`, ID numbers as `4205**********1234`.
///
/// A profile file (YAML, ``MaskProfileFile``) names the actions per kind; `"*"` applies to every kind
/// and `edges` to every edge, a kind's own entry winning over `"*"` attribute by attribute.
public struct MaskProfile: Sendable, Equatable {
    /// What happens to one attribute's values.
    public enum Action: String, Sendable, CaseIterable {
        /// Left as it is.
        case keep
        /// Removed.
        case drop
        /// Partly starred out: an 11-digit phone keeps its first 3 and last 4 digits, a 15- or
        /// 18-character ID number its first 4 and last 4, other text its first and last character.
        case mask
        /// Replaced by a keyed pseudonym (12 hex digits): equal values stay equal, nothing is revealed.
        case pseudonymize
    }

    /// The rules for one node kind (or for every kind, or for edges).
    public struct Rule: Sendable, Equatable {
        /// Whether names (and ids) of nodes of this kind become pseudonyms.
        public var pseudonymizeNames: Bool
        /// The attribute whose value starts a pseudonym (`category`), else the fixed ``prefix``.
        public var prefixAttribute: String?
        /// The pseudonym's prefix when ``prefixAttribute`` is absent or has no value.
        public var prefix: String?
        /// The action per attribute name.
        public var attributes: [String: Action]

        public init(
            pseudonymizeNames: Bool = false, prefixAttribute: String? = nil, prefix: String? = nil,
            attributes: [String: Action] = [:]
        ) {
            self.pseudonymizeNames = pseudonymizeNames
            self.prefixAttribute = prefixAttribute
            self.prefix = prefix
            self.attributes = attributes
        }
    }

    /// The profile's name (`public`, `internal`, or the file it came from), recorded in the output.
    public var name: String
    /// Rules by node kind; the key ``everyKind`` applies to all kinds.
    public var kinds: [String: Rule]
    /// The rule for edge attributes.
    public var edges: Rule

    /// The key of ``kinds`` whose rule applies to every node kind.
    public static let everyKind = "*"

    public init(name: String, kinds: [String: Rule], edges: Rule = Rule()) {
        self.name = name
        self.kinds = kinds
        self.edges = edges
    }

    /// The action for `attribute` on a node of `kind`: the kind's own rule, else the every-kind rule,
    /// else ``Action/keep``.
    public func action(for attribute: String, kind: String) -> Action {
        kinds[kind]?.attributes[attribute] ?? kinds[Self.everyKind]?.attributes[attribute] ?? .keep
    }

    /// Whether nodes of `kind` get pseudonyms for names and ids.
    public func pseudonymizesNames(of kind: String) -> Bool {
        kinds[kind]?.pseudonymizeNames ?? kinds[Self.everyKind]?.pseudonymizeNames ?? false
    }

    // MARK: Built-in profiles

    /// Attribute names that hold phone numbers, as ledgers and Tongxin's importer call them.
    public static let phoneAttributes = [
        "phone", "mobile", "tel", "telephone", "联系电话", "电话", "手机",
        "手机号", "手机号码", "联系方式", "办公电话"
    ]
    /// Attribute names that hold ID-card numbers.
    public static let idNumberAttributes = [
        "id_number", "idcard", "id_card", "身份证", "身份证号", "身份证号码",
        "公民身份号码"
    ]

    /// The built-in profile called `name` (`public` or `internal`), or `nil`.
    public static func builtIn(_ name: String) -> MaskProfile? {
        switch name {
        case "public": publicProfile
        case "internal": internalProfile
        default: nil
        }
    }

    /// The names of the built-in profiles.
    public static let builtInNames = ["public", "internal"]

    private static func personal(_ action: Action) -> [String: Action] {
        Dictionary(uniqueKeysWithValues: (phoneAttributes + idNumberAttributes).map { ($0, action) })
    }

    static let publicProfile = MaskProfile(
        name: "public",
        kinds: [
            everyKind: Rule(attributes: personal(.drop)),
            NodeKind.figure: Rule(
                pseudonymizeNames: true, prefixAttribute: WellKnownAttribute.category, prefix: "人物",
                attributes: personal(.drop))
        ],
        edges: Rule(attributes: personal(.drop)))

    static let internalProfile = MaskProfile(
        name: "internal",
        kinds: [everyKind: Rule(attributes: personal(.mask))],
        edges: Rule(attributes: personal(.mask)))
}
