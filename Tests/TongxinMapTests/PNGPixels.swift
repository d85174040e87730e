import CCairo
import Foundation

/// A PNG decoded by cairo into RGB pixels, for tolerant image comparison.
struct PNGPixels {
    struct Unreadable: Error {}

    let width: Int
    let height: Int
    private let pixels: [UInt32]

    init(_ png: [UInt8]) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("png-\(UUID().uuidString).png").path
        try Data(png).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = cairo_image_surface_create_from_png(path)
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw Unreadable() }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels: [UInt32] = []
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width { pixels.append(line[column]) }
        }
        self.pixels = pixels
    }

    /// Whether every channel of pixel `index` is within `tolerance` of `other`'s.
    func close(to other: PNGPixels, at index: Int, tolerance: Int) -> Bool {
        let a = pixels[index], b = other.pixels[index]
        return [0, 8, 16].allSatisfy { shift in abs(Int(a >> UInt32(shift) & 0xFF) - Int(b >> UInt32(shift) & 0xFF)) <= tolerance }
    }
}
