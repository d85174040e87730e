import CCairo
import TongxinGraph
import TongxinIO

/// Draws a ``MapScene`` with cairo, the library Graphviz renders through: a PNG (an image surface
/// at `pixelScale` pixels per canvas unit) or a PDF (vector, at 0.75 pt per canvas pixel, i.e.
/// 96 dpi). The marks are drawn exactly as the SVG writer writes them.
///
/// Cairo objects are created and destroyed within each call; nothing is shared between threads.
///
/// - Complexity: O(P + T) drawing calls, plus cairo's rasterization, O(pixels) for a PNG.
public enum CairoMapRenderer {
    public enum Output: Sendable { case png(pixelScale: Double), pdf }

    /// The encoded file.
    ///
    /// - Throws: ``DiagnosticList`` when cairo reports an error (out of memory, a surface too large).
    public static func render(_ scene: MapScene, as output: Output) throws(DiagnosticList) -> [UInt8] {
        let sink = ByteCollector()
        let opaque = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer
        let scale: Double
        switch output {
        case .png(let pixelScale):
            scale = pixelScale
            surface = cairo_image_surface_create(
                CAIRO_FORMAT_RGB24, Int32((scene.width * scale).rounded(.up)),
                Int32((scene.height * scale).rounded(.up)))
        case .pdf:
            scale = 0.75
            surface = cairo_pdf_surface_create_for_stream(ByteCollector.write, opaque, scene.width * scale, scene.height * scale)
        }
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        cairo_scale(context, scale, scale)
        draw(scene, on: context)
        cairo_surface_flush(surface)
        if case .png = output {
            let status = cairo_surface_write_to_png_stream(surface, ByteCollector.write, opaque)
            guard status == CAIRO_STATUS_SUCCESS else { throw failure(status) }
        } else {
            cairo_surface_finish(surface)
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw failure(status) }
        return sink.bytes
    }

    private static func failure(_ status: cairo_status_t) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, "cairo could not draw the map: \(String(cString: cairo_status_to_string(status)))")])
    }

    private static func setColour(_ context: OpaquePointer, _ colour: MapColour) {
        cairo_set_source_rgb(context, Double(colour.red) / 255, Double(colour.green) / 255, Double(colour.blue) / 255)
    }

    private static func draw(_ scene: MapScene, on context: OpaquePointer) {
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        draw(scene.marks, on: context)
    }

    private static func draw(_ marks: [MapScene.Mark], on context: OpaquePointer) {
        for mark in marks {
            switch mark {
            case .clipped(let x, let y, let width, let height, let inner):
                cairo_save(context)
                cairo_new_path(context)
                cairo_rectangle(context, x, y, width, height)
                cairo_clip(context)
                draw(inner, on: context)
                cairo_restore(context)
            case .area(let rings, let fill, let hatch, _, _):
                drawArea(rings, fill: fill, hatch: hatch, on: context)
            case .line(let points, let stroke, let width):
                cairo_new_path(context)
                for (index, point) in points.enumerated() {
                    if index == 0 { cairo_move_to(context, point.x, point.y) } else { cairo_line_to(context, point.x, point.y) }
                }
                cairo_set_line_width(context, width)
                setColour(context, stroke)
                cairo_stroke(context)
            case .rect(let x, let y, let width, let height, let fill, let stroke):
                cairo_rectangle(context, x, y, width, height)
                setColour(context, fill)
                if let stroke {
                    cairo_fill_preserve(context)
                    cairo_set_line_width(context, 0.5)
                    setColour(context, stroke)
                    cairo_stroke(context)
                } else {
                    cairo_fill(context)
                }
            case .dot(let centre, let radius, let fill):
                cairo_new_path(context)
                cairo_arc(context, centre.x, centre.y, radius, 0, 2 * Double.pi)
                setColour(context, fill)
                cairo_fill(context)
            case .text(let text, let at, let size, let bold, let anchor, let fill, let halo):
                drawText(text, at: at, size: size, bold: bold, anchor: anchor, fill: fill, halo: halo, on: context)
            }
        }
    }

    /// The extent of an area's rings, which its hatch lines span.
    private struct Extent {
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity

        mutating func include(_ point: PlanePoint) {
            minX = min(minX, point.x); maxX = max(maxX, point.x); minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
    }

    /// A region filled with the even–odd rule, then hatched when `hatch` is given.
    private static func drawArea(_ rings: [[PlanePoint]], fill: MapColour, hatch: MapScene.Hatch?, on context: OpaquePointer) {
        cairo_new_path(context)
        var extent = Extent()
        for ring in rings {
            for (index, point) in ring.enumerated() {
                if index == 0 { cairo_move_to(context, point.x, point.y) } else { cairo_line_to(context, point.x, point.y) }
                extent.include(point)
            }
            cairo_close_path(context)
        }
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_EVEN_ODD)
        setColour(context, fill)
        guard let hatch else {
            cairo_fill(context)
            return
        }
        cairo_fill_preserve(context)
        drawHatch(hatch, over: extent, on: context)
    }

    /// The hatch: diagonal lines on the SVG pattern's grid, clipped to the current path (the region).
    private static func drawHatch(_ hatch: MapScene.Hatch, over extent: Extent, on context: OpaquePointer) {
        cairo_save(context)
        cairo_clip(context)
        let step = MapScene.hatchSpacing
        let (minX, maxX, minY, maxY) = (extent.minX, extent.maxX, extent.minY, extent.maxY)
        var offset = ((minX + (hatch == .rising ? minY : -maxY)) / step).rounded(.down) * step - step
        let end = maxX + (hatch == .rising ? maxY : -minY) + step
        cairo_new_path(context)
        while offset <= end {
            // Rising lines satisfy x + y = offset; falling ones x − y = offset.
            if hatch == .rising {
                cairo_move_to(context, offset - minY, minY); cairo_line_to(context, offset - maxY, maxY)
            } else {
                cairo_move_to(context, offset + minY, minY); cairo_line_to(context, offset + maxY, maxY)
            }
            offset += step
        }
        cairo_set_line_width(context, 0.8)
        setColour(context, MapScene.hatchColour)
        cairo_stroke(context)
        cairo_restore(context)
    }

    /// A line of text anchored at `at`'s baseline, over a halo when one is given.
    private static func drawText(
        _ text: String, at: PlanePoint, size: Double, bold: Bool, anchor: MapScene.Anchor, fill: MapColour,
        halo: MapColour?, on context: OpaquePointer
    ) {
        CairoFont.select(context, size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        let x =
            switch anchor {
            case .start: at.x
            case .middle: at.x - extents.x_advance / 2
            case .end: at.x - extents.x_advance
            }
        cairo_new_path(context)
        cairo_move_to(context, x, at.y)
        cairo_text_path(context, text)
        if let halo {
            setColour(context, halo)
            cairo_set_line_width(context, size / 4)
            cairo_stroke_preserve(context)
        }
        setColour(context, fill)
        cairo_fill(context)
    }
}

/// Collects the bytes cairo streams out.
private final class ByteCollector {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let collector = Unmanaged<ByteCollector>.fromOpaque(closure).takeUnretainedValue()
        collector.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
