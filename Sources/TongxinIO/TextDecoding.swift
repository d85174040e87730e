import Foundation

/// Decides how a text file's bytes are read: UTF-8 with or without a byte-order mark, or — for the
/// files Excel saves on Chinese Windows — GB18030 (a superset of GBK and GB2312), decoded with
/// Foundation into UTF-8 so the byte-level readers see one encoding.
enum TextDecoding {
    /// The NSStringEncoding of kCFStringEncodingGB_18030_2000 (the `CFStringEncodings` names are not
    /// importable on Linux; the raw value is).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// UTF-8 bytes of `file`'s text and where the text starts (after a BOM), plus a warning when the
    /// file was decoded from GB18030.
    ///
    /// - Throws: ``DiagnosticList`` with the position of the first byte that is not UTF-8 when the
    ///   file is not GB18030 either, saying how to convert it.
    /// - Complexity: O(n); valid UTF-8 is checked 8 ASCII bytes at a time and not copied.
    static func utf8(_ file: InputFile) throws(DiagnosticList) -> (bytes: [UInt8], start: Int, warning: Diagnostic?) {
        let bytes = file.bytes
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let invalid = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalid(in: $0, start..<$0.count) }
        guard let invalid else { return (bytes, start, nil) }
        if start == 0, let text = String(data: Data(bytes), encoding: gb18030) {
            let warning = Diagnostic(
                .warning,
                "\(file.path) is not UTF-8; read it as GB18030 (GBK), the encoding of Excel on Chinese Windows")
            return (Array(text.utf8), 0, warning)
        }
        let location = bytes.withUnsafeBufferPointer { buffer in
            let locator = Locator(file: file.path)
            return locator.location(at: invalid, in: buffer)
        }
        throw DiagnosticList([
            Diagnostic(
                .error,
                "invalid UTF-8 byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)); the file is neither UTF-8 nor "
                    + "GB18030: convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 \(file.path)",
                at: location)
        ])
    }
}
