import Crypto
import TongxinGraph

/// Masks a graph's personal data by a ``MaskProfile`` before anything is computed or written, so
/// that every output made from the masked graph — tables, JSON, CSV, workbooks, GraphML, diagrams,
/// maps, reports, query results — holds only what the profile lets through.
///
/// Pseudonyms are keyed hashes, HMAC-SHA256 (RFC 2104) of the kind and the original id or value
/// under the user's key: the same person gets the same pseudonym in every extract made with the same
/// key, and nobody without the key can recompute or reverse it (a plain hash of a phone number could
/// be reversed by trying all 10^11 of them). A name pseudonym is the figure's category (or the
/// rule's prefix) and the first six hex digits of the code (`统战联络员-3F9A2C`); its id becomes
/// `KIND-` and sixteen hex digits, so ids built from personal keys (a name and a phone) do not leak
/// either. Node and edge order, kinds, the hierarchy and every kept attribute are unchanged.
///
/// Attributes the profile does not mention whose values look like phone numbers (11-digit mobiles
/// starting 1, landlines with an area code) or ID-card numbers (15 or 18 characters) are reported in
/// ``Result/warnings`` — by attribute and count, never by value.
///
/// - Complexity: O(V + E + total attribute values) time, one new graph.
public struct Masking: Sendable {
    public let profile: MaskProfile
    private let key: [UInt8]

    /// - Parameter key: the secret bytes of `--mask-key` or `TONGXIN_MASK_KEY`.
    public init(profile: MaskProfile, key: [UInt8]) {
        self.profile = profile
        self.key = key
    }

    /// The masked graph and the warnings about look-alike personal attributes.
    public struct Result: Sendable {
        public let graph: Graph
        public let warnings: [Diagnostic]
    }

    /// Applies the profile to `graph`.
    ///
    /// - Throws: ``DiagnosticList`` when the masked graph fails to build: a masked attribute column
    ///   that would hold text on some nodes and numbers on others cannot happen (masking turns a
    ///   whole column into text), so this is only an internal failure.
    public func apply(to graph: Graph) throws(DiagnosticList) -> Result {
        let key = SymmetricKey(data: key)
        var builder = GraphBuilder(name: graph.name)
        builder.metadata = graph.metadata
        builder.metadata["mask.profile"] = .string(profile.name)
        builder.reserveCapacity(nodes: graph.nodeCount, edges: graph.edgeCount)
        for node in 0..<graph.nodeCount {
            let kind = graph.kind(of: node)
            var id = graph.id(of: node), name = graph.names[node]
            if profile.pseudonymizesNames(of: kind) {
                id = "\(kind)-\(hex(code(["id", kind, id], key), digits: 16))"
                name = "\(pseudonymPrefix(of: node, in: graph))-\(hex(code(["name", kind, graph.id(of: node)], key), digits: 6))"
            }
            let added = builder.addNode(id: id, kind: kind, name: name)!
            for (attribute, value) in graph.nodeAttributes.values(at: node) {
                if let masked = apply(profile.action(for: attribute, kind: kind), to: value, context: [kind, attribute], key) {
                    builder.setAttribute(attribute, masked, ofNode: added)
                }
            }
        }
        for edge in 0..<graph.edgeCount {
            let added = builder.addEdge(
                from: graph.source(of: edge), to: graph.target(of: edge),
                kind: graph.kind(ofEdge: edge), weight: graph.weight(of: edge))
            for (attribute, value) in graph.edgeAttributes.values(at: edge) {
                let action = profile.edges.attributes[attribute] ?? .keep
                if let masked = apply(action, to: value, context: ["edge", attribute], key) {
                    builder.setAttribute(attribute, masked, ofEdge: added)
                }
            }
        }
        return Result(graph: try builder.build(), warnings: lookAlikeWarnings(in: graph))
    }

    // MARK: Values

    /// The value `action` leaves of `value`, `nil` when it is dropped.
    private func apply(_ action: MaskProfile.Action, to value: AttributeValue, context: [String], _ key: SymmetricKey) -> AttributeValue? {
        switch action {
        case .keep: value
        case .drop: nil
        case .mask: .string(PersonalValue.mask(value.description))
        case .pseudonymize: .string(hex(code(["value"] + context + [value.description], key), digits: 12))
        }
    }

    private func pseudonymPrefix(of node: Int, in graph: Graph) -> String {
        let rule = profile.kinds[graph.kind(of: node)] ?? profile.kinds[MaskProfile.everyKind]
        if let attribute = rule?.prefixAttribute, let value = graph.attribute(attribute, of: node)?.string, !value.isEmpty {
            return value
        }
        return rule?.prefix ?? graph.kind(of: node)
    }

    /// HMAC-SHA256 of the parts, separated by U+001F so that no two different part lists collide.
    private func code(_ parts: [String], _ key: SymmetricKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(parts.joined(separator: "\u{1F}").utf8), using: key))
    }

    private func hex(_ bytes: [UInt8], digits: Int) -> String {
        let alphabet = Array("0123456789ABCDEF")
        var text = ""
        for byte in bytes.prefix((digits + 1) / 2) {
            text.append(alphabet[Int(byte >> 4)])
            text.append(alphabet[Int(byte & 0xF)])
        }
        return String(text.prefix(digits))
    }

    // MARK: Warnings

    /// One warning per (kind, attribute) left as it is whose values look like phone or ID numbers.
    private func lookAlikeWarnings(in graph: Graph) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let columns = graph.nodeAttributes
        for column in columns.names.indices {
            let attribute = columns.names[column]
            var counts: [String: (phones: Int, ids: Int)] = [:]
            for node in 0..<graph.nodeCount {
                guard let value = columns.value(column: column, at: node) else { continue }
                let kind = graph.kind(of: node)
                guard profile.action(for: attribute, kind: kind) == .keep else { continue }
                let shape = PersonalValue.shape(of: value.description)
                if shape == .phone { counts[kind, default: (0, 0)].phones += 1 }
                if shape == .idNumber { counts[kind, default: (0, 0)].ids += 1 }
            }
            for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
                warnings.append(lookAlike(attribute: attribute, on: "\(kind) nodes", count))
            }
        }
        let edgeColumns = graph.edgeAttributes
        for column in edgeColumns.names.indices where (profile.edges.attributes[edgeColumns.names[column]] ?? .keep) == .keep {
            var count = (phones: 0, ids: 0)
            for edge in 0..<graph.edgeCount {
                guard let value = edgeColumns.value(column: column, at: edge) else { continue }
                let shape = PersonalValue.shape(of: value.description)
                if shape == .phone { count.phones += 1 }
                if shape == .idNumber { count.ids += 1 }
            }
            if count.phones + count.ids > 0 { warnings.append(lookAlike(attribute: edgeColumns.names[column], on: "edges", count)) }
        }
        return warnings
    }

    private func lookAlike(attribute: String, on what: String, _ count: (phones: Int, ids: Int)) -> Diagnostic {
        let shape = count.phones >= count.ids ? "phone numbers" : "ID-card numbers"
        return Diagnostic(
            .warning,
            "attribute '\(attribute)' of \(what) is not masked by profile '\(profile.name)', but \(count.phones + count.ids) of its values look like \(shape)"
        )
    }
}

/// The shapes of personal numbers, and how they are starred out.
public enum PersonalValue {
    public enum Shape: Equatable { case phone, idNumber, other }

    /// An 11-digit mainland mobile (1[3-9]…, optionally after +86), a landline with an area code
    /// (0XX-XXXXXXXX), or an ID-card number (15 digits, or 17 digits and a digit or X).
    public static func shape(of text: String) -> Shape {
        var digits = Array(text.unicodeScalars.filter { $0 != "-" && $0 != " " })
        if digits.count == 14 && digits.starts(with: ["+", "8", "6"]) { digits.removeFirst(3) }
        let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 48 && $0.value <= 57 }
        if digits.count == 11 && digits.allSatisfy(isDigit) && digits[0] == "1" && digits[1].value >= 51 { return .phone }
        if (digits.count == 11 || digits.count == 12) && digits.allSatisfy(isDigit) && digits[0] == "0" && text.contains("-") {
            return .phone
        }
        if digits.count == 15 && digits.allSatisfy(isDigit) { return .idNumber }
        if digits.count == 18 && digits.prefix(17).allSatisfy(isDigit) && (isDigit(digits[17]) || digits[17] == "X" || digits[17] == "x") {
            return .idNumber
        }
        return .other
    }

    /// `13812345678` → `138****5678`; `420502199001011234` → `4205**********1234`; other text keeps
    /// its first and last character (`张三丰` → `张*丰`; two characters or fewer are all starred).
    public static func mask(_ text: String) -> String {
        let characters = Array(text)
        let (head, tail): (Int, Int)
        switch shape(of: text) {
        case .phone: (head, tail) = (3, 4)
        case .idNumber: (head, tail) = (4, 4)
        case .other: (head, tail) = characters.count <= 2 ? (0, 0) : (1, 1)
        }
        guard characters.count > head + tail else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(head)) + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }
}
