import ArgumentParser
import Foundation
import TongxinIO
import TongxinSharing

/// `--mask PROFILE` and `--mask-key FILE`, shared by every command that reads a graph: the graph is
/// masked right after reading, so that no output of the command can hold what the profile removes.
struct MaskOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Mask personal data before anything is computed: public (pseudonyms for figures, no phones or ID numbers), internal (phones and ID numbers starred), or a .yaml profile.",
            valueName: "profile"))
    var mask: String?

    @Option(
        help: ArgumentHelp(
            "A file holding the secret key for pseudonyms (else the environment variable TONGXIN_MASK_KEY); the same key gives the same pseudonyms.",
            valueName: "file"),
        completion: .file())
    var maskKey: String?

    /// `graph` masked by `--mask`, or `graph` itself without it; warnings go to stderr.
    func apply(to graph: Graph) throws(DiagnosticList) -> Graph {
        try apply(to: [graph])[0]
    }

    /// `graphs` masked by `--mask` with one key (so one figure gets one pseudonym in all), or
    /// themselves without it; warnings go to stderr.
    func apply(to graphs: [Graph]) throws(DiagnosticList) -> [Graph] {
        guard let mask else { return graphs }
        let masking = try Masking(profile: MaskProfileFile.profile(named: mask), key: key())
        return try graphs.map { graph throws(DiagnosticList) in
            let masked = try masking.apply(to: graph)
            for warning in masked.warnings { Console.error("\(warning)\n") }
            return masked.graph
        }
    }

    /// The key's bytes: the file's (a final newline trimmed), else the environment variable's, else
    /// random bytes for this run only, with a warning that pseudonyms will differ next time.
    private func key() throws(DiagnosticList) -> [UInt8] {
        if let maskKey {
            var bytes = try InputFile.read(maskKey).bytes
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            guard bytes.count >= 16 else {
                throw DiagnosticList([
                    Diagnostic(
                        .error,
                        "the mask key in '\(maskKey)' is \(bytes.count) bytes; use at least 16 random bytes (e.g. head -c 32 /dev/urandom | base64 > \(maskKey))"
                    )
                ])
            }
            return bytes
        }
        if let text = ProcessInfo.processInfo.environment["TONGXIN_MASK_KEY"], !text.isEmpty {
            guard text.utf8.count >= 16 else {
                throw DiagnosticList([Diagnostic(.error, "TONGXIN_MASK_KEY is \(text.utf8.count) bytes; use at least 16")])
            }
            return Array(text.utf8)
        }
        Console.error(
            "warning: no mask key (--mask-key or TONGXIN_MASK_KEY): pseudonyms are random for this run and will differ next time\n")
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Two versions compared under `--mask` must get the same pseudonyms, or every masked id would
    /// differ: a key must be given, not drawn at random for the run.
    func requireStableKey(comparing command: String) throws {
        guard mask != nil, maskKey == nil,
            ProcessInfo.processInfo.environment["TONGXIN_MASK_KEY"]?.isEmpty ?? true
        else { return }
        throw ValidationError(
            "\(command) with --mask needs --mask-key FILE or TONGXIN_MASK_KEY, so that both versions get the same pseudonyms")
    }
}
