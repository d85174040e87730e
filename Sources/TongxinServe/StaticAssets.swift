import Foundation

/// The pages' files, embedded in the binary: nothing is read from disk at run time.
///
/// The table ``embeddedFiles`` is generated from `Sources/TongxinServe/Web/` by
/// `Scripts/embed-web.py` (see `Web/README.md`); `StaticAssetsTests` fails when it is out of date.
public struct StaticAssets: Sendable {
    public struct Asset: Sendable {
        public var contentType: String
        public var bytes: [UInt8]
    }

    /// The embedded files, decoded once.
    public static let shared = StaticAssets(embeddedFiles)

    private let assets: [String: Asset]

    init(_ files: [(path: String, base64: String)]) {
        var assets: [String: Asset] = [:]
        for file in files {
            guard let data = Data(base64Encoded: file.base64), let type = Self.contentType(of: file.path) else {
                preconditionFailure("Scripts/embed-web.py wrote an unreadable entry for \(file.path)")
            }
            assets["/" + file.path] = Asset(contentType: type, bytes: Array(data))
        }
        self.assets = assets
    }

    /// The file served at `path` (`/index.html`), if there is one.
    public func asset(at path: String) -> Asset? { assets[path] }

    /// Every served path, sorted.
    public var paths: [String] { assets.keys.sorted() }

    /// The media type of a file by its extension; `nil` for a kind of file the pages may not hold.
    public static func contentType(of path: String) -> String? {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml; charset=utf-8"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        default: nil
        }
    }
}
