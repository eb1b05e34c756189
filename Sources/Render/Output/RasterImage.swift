import CCairo

/// A decoded PNG: 32-bit pixels (cairo's ARGB32, or RGB24 with the top byte unused), row by row. For golden
/// tests: compare two renderings with a tolerance and draw where they differ.
public struct RasterImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// `0xAARRGGBB`, `width × height`, top row first.
    public var pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes PNG bytes through cairo.
    /// - Throws: ``RenderError`` `.cairo` when the bytes are not a PNG cairo can read.
    public init(png bytes: [UInt8]) throws {
        let source = ByteSource(bytes)
        let surfacePointer = cairo_image_surface_create_from_png_stream(ByteSource.read, Unmanaged.passUnretained(source).toOpaque())
        let surface: CairoSurface
        do { surface = try CairoSurface(takingOwnershipOf: surfacePointer!) } catch { throw RenderError(error) }
        cairo_surface_flush(surface.pointer)
        width = Int(cairo_image_surface_get_width(surface.pointer))
        height = Int(cairo_image_surface_get_height(surface.pointer))
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let opaque = cairo_image_surface_get_format(surface.pointer) == CAIRO_FORMAT_RGB24
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        if let data = cairo_image_surface_get_data(surface.pointer) {
            for row in 0..<height {
                let start = UnsafeRawPointer(data + row * stride)
                for column in 0..<width {
                    let value = start.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self)
                    pixels.append(opaque ? value | 0xFF00_0000 : value)
                }
            }
        }
        self.pixels = pixels
    }

    /// Encodes the image as PNG.
    public func png() throws -> [UInt8] {
        let surface: CairoSurface
        do {
            surface = try CairoSurface(takingOwnershipOf: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)))
            cairo_surface_flush(surface.pointer)
            let stride = Int(cairo_image_surface_get_stride(surface.pointer))
            if let data = cairo_image_surface_get_data(surface.pointer) {
                for row in 0..<height {
                    let start = UnsafeMutableRawPointer(data + row * stride)
                    for column in 0..<width {
                        start.storeBytes(of: pixels[row * width + column], toByteOffset: column * 4, as: UInt32.self)
                    }
                }
            }
            cairo_surface_mark_dirty(surface.pointer)
            let sink = ByteSink()
            try check(cairo_surface_write_to_png_stream(surface.pointer, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque()))
            return sink.bytes
        } catch { throw RenderError(error) }
    }

    /// How `other` differs from this image: the pixels whose red, green, blue or alpha differ by more than
    /// `tolerance`, and an image of the difference (this image faded, mismatches in red). Images of different
    /// sizes differ everywhere.
    public func difference(from other: RasterImage, tolerance: Int) -> (differingPixels: Int, image: RasterImage) {
        guard width == other.width, height == other.height else {
            return (max(pixels.count, other.pixels.count), RasterImage(width: width, height: height, pixels: pixels.map { _ in 0xFFFF_0000 }))
        }
        var differing = 0
        var diff: [UInt32] = []
        diff.reserveCapacity(pixels.count)
        for (a, b) in zip(pixels, other.pixels) {
            var worst = 0
            for shift in stride(from: 0, through: 24, by: 8) {
                worst = max(worst, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
            }
            if worst > tolerance {
                differing += 1
                diff.append(0xFFFF_0000)
            } else {
                // Faded grey of the expected pixel, so the mismatches stand out.
                let grey = (Int((a >> 16) & 0xFF) + Int((a >> 8) & 0xFF) + Int(a & 0xFF)) / 3
                let faded = UInt32(191 + grey / 4)
                diff.append(0xFF00_0000 | faded << 16 | faded << 8 | faded)
            }
        }
        return (differing, RasterImage(width: width, height: height, pixels: diff))
    }
}

/// Feeds bytes to cairo's PNG reader.
final class ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The `cairo_read_func_t` for a source passed as the closure pointer (unretained).
    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buffer in
            data.update(from: buffer.baseAddress! + source.offset, count: count)
        }
        source.offset += count
        return CAIRO_STATUS_SUCCESS
    }
}
