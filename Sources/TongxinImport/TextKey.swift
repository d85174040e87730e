/// A string as a dictionary key compared and hashed by its UTF-8 bytes. Swift's own `String`
/// hashing and equality work on canonical equivalence and so normalize every non-ASCII string
/// first, which dominated the importer's lookups of Chinese names; ledger texts are compared as
/// written (a CJK name has no second canonical spelling).
///
/// - Complexity: O(length) to hash or compare.
struct TextKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: TextKey, right: TextKey) -> Bool {
        var left = left.text, right = right.text
        return left.withUTF8 { a in right.withUTF8 { b in a.elementsEqual(b) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
