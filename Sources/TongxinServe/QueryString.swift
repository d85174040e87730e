/// Strict decoding of a URL's query string and path (RFC 3986 percent-encoding, then UTF-8).
///
/// Unlike a browser-tolerant decoder it refuses what it cannot read exactly: a `%` not followed by
/// two hexadecimal digits, bytes that are not UTF-8 after decoding, and control characters, so
/// that no malformed request reaches a command. `+` is a space (HTML forms encode spaces so).
///
/// - Complexity: O(n) in the length of the text.
public enum QueryString {
    /// The `name=value` pairs of `query` in order (a name without `=` has the value `true`, as a
    /// flag); empty pairs (`a=1&&b=2`) are skipped.
    ///
    /// - Throws: ``APIError`` 400 naming the first undecodable part.
    public static func parameters(_ query: Substring) throws(APIError) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], plusIsSpace: true)
            guard !name.isEmpty else { throw APIError.badRequest("a query parameter has no name: '\(pair)'") }
            let value = parts.count > 1 ? try decode(parts[1], plusIsSpace: true) : "true"
            result.append((name, value))
        }
        return result
    }

    /// `text` percent-decoded and read as UTF-8.
    ///
    /// - Throws: ``APIError`` 400 on a malformed escape, bytes that are not UTF-8, or a control
    ///   character other than tab and newline.
    public static func decode(_ text: Substring, plusIsSpace: Bool = false) throws(APIError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw APIError.badRequest("malformed percent-encoding in '\(text.prefix(80))'")
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw APIError.badRequest("the request is not UTF-8 after percent-decoding")
        }
        if decoded.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0.value == 0x7F }) {
            throw APIError.badRequest("the request holds a control character")
        }
        return decoded
    }

    /// The decoded path, refused (400) when it could reach outside the pages: a dot segment, an
    /// encoded `/` or `\`, a backslash, an empty segment, or a `%` left after decoding (a second
    /// encoding such as `%252e`).
    public static func decodePath(_ raw: Substring) throws(APIError) -> String {
        let lowered = raw.lowercased()
        guard raw.hasPrefix("/"), !lowered.contains("%2f"), !lowered.contains("%5c") else {
            throw APIError.badRequest("the path may not hold an encoded slash")
        }
        let path = try QueryString.decode(raw)
        guard !path.contains("%"), !path.contains("\\"), !path.contains("//") else {
            throw APIError.badRequest("the path is encoded twice or holds a backslash or an empty segment")
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else {
            throw APIError.badRequest("the path may not hold '.' or '..' segments")
        }
        return path
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
