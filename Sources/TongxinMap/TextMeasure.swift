import CCairo

/// Text widths in the map's font, measured by cairo (the same fonts and metrics the PNG and PDF
/// use), so labels are sized once for every output.
///
/// Not thread-safe: one per map being laid out.
///
/// - Complexity: O(characters) per measurement.
final class TextMeasure {
    private let surface: OpaquePointer
    private let context: OpaquePointer

    init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// The advance width of `text` at `size` pixels.
    func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        CairoFont.select(context, size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }
}

/// The one place the map's font is chosen in cairo.
enum CairoFont {
    static func select(_ context: OpaquePointer, size: Double, bold: Bool) {
        cairo_select_font_face(
            context, MapScene.fontFamily, CAIRO_FONT_SLANT_NORMAL,
            bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }
}
