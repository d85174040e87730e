import Foundation
import Testing
import TongxinServe

/// The embedded table is exactly the files of `Sources/TongxinServe/Web` (run
/// `python3 Scripts/embed-web.py` when this fails).
@Suite struct StaticAssetsTests {
    static let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/TongxinServe/Web")

    @Test func embeddedFilesMatchTheWebFolder() throws {
        let files = FileManager.default.enumerator(atPath: Self.web.path)!.compactMap { $0 as? String }.filter { file in
            var isDirectory: ObjCBool = false
            return file != "README.md"
                && FileManager.default.fileExists(atPath: Self.web.appendingPathComponent(file).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
        #expect(StaticAssets.shared.paths == files.map { "/" + $0 }.sorted())
        for file in files {
            let bytes = try Array(Data(contentsOf: Self.web.appendingPathComponent(file)))
            #expect(StaticAssets.shared.asset(at: "/" + file)?.bytes == bytes, "\(file) changed: run python3 Scripts/embed-web.py")
        }
        #expect(StaticAssets.shared.asset(at: "/index.html")?.contentType == "text/html; charset=utf-8")
    }

    @Test func contentTypes() {
        #expect(StaticAssets.contentType(of: "app.js") == "text/javascript; charset=utf-8")
        #expect(StaticAssets.contentType(of: "a/b.SVG") == "image/svg+xml; charset=utf-8")
        #expect(StaticAssets.contentType(of: "x.php") == nil)
    }
}
