import CCairo
import CZlib

/// Writes an RGB image surface as a PNG with zlib directly: 8-bit RGB, no row filter, zlib level 3.
///
/// Cairo's `cairo_surface_write_to_png_stream` goes through libpng with its defaults (adaptive row filters,
/// zlib level 6), which for a 144-dpi A4 page takes 60–100 ms on this project's machines; a mostly white
/// document page compresses as well without row filters, and zlib's fast levels (1–3) take a quarter of the
/// time. Level 3 gives files about as large as cairo's (a three-page invoice: 316 kB against 325 kB for its
/// first page). The pixels are the same: PNG is lossless.
///
/// Touches nothing but the surface's pixels: pages may be written on several threads at once.
enum PNGWriter {
    /// zlib's compression level (1 fastest … 9 smallest).
    static let level: Int32 = 3

    /// The PNG of `surface`, a flushed `CAIRO_FORMAT_RGB24` image surface.
    static func png(of surface: CairoSurface) throws(CairoError) -> [UInt8] {
        let image = surface.pointer
        guard cairo_image_surface_get_format(image) == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(image) else {
            throw CairoError(status: CAIRO_STATUS_INVALID_FORMAT.rawValue, operation: "PNGWriter", message: "not an RGB image surface")
        }
        let width = Int(cairo_image_surface_get_width(image))
        let height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits per sample, RGB, deflate, filter method 0, not interlaced
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try compressedRows(data, width: width, height: height, stride: stride), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// The image's rows as PNG wants them — a filter byte (0, none), then R, G, B per pixel — in one zlib
    /// stream. Rows are converted a few dozen at a time, so what zlib reads is still in the cache.
    private static func compressedRows(
        _ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int
    ) throws(CairoError) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw zlibError(status, "deflateInit2") }
        defer { deflateEnd(&stream) }
        let rowLength = 1 + 3 * width
        let rowsPerChunk = max(1, 64 * 1024 / rowLength)
        var chunk = [UInt8](repeating: 0, count: rowLength * rowsPerChunk)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(rowLength * height))))
        var result = Z_OK
        output.withUnsafeMutableBufferPointer { output in
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            chunk.withUnsafeMutableBufferPointer { chunk in
                var row = 0
                while row < height && result == Z_OK {
                    let rows = min(rowsPerChunk, height - row)
                    for index in 0..<rows {
                        // Cairo's RGB24 pixel is a native-endian 32-bit 0x00RRGGBB.
                        let pixels = UnsafeRawPointer(data + (row + index) * stride)
                        var out = index * rowLength
                        chunk[out] = 0
                        out += 1
                        for column in 0..<width {
                            let pixel = pixels.load(fromByteOffset: column * 4, as: UInt32.self)
                            chunk[out] = UInt8(truncatingIfNeeded: pixel >> 16)
                            chunk[out + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                            chunk[out + 2] = UInt8(truncatingIfNeeded: pixel)
                            out += 3
                        }
                    }
                    row += rows
                    stream.next_in = chunk.baseAddress
                    stream.avail_in = uInt(rows * rowLength)
                    // The output holds the whole stream (deflateBound), so each call consumes all its input.
                    result = CZlib.deflate(&stream, row == height ? Z_FINISH : Z_NO_FLUSH)
                }
            }
        }
        guard result == Z_STREAM_END else { throw zlibError(result, "deflate") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let start = png.count
        png += Array(type.utf8)
        png += data
        let crc = png[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.appendBigEndian(UInt32(truncatingIfNeeded: crc))
    }

    private static func zlibError(_ status: Int32, _ operation: String) -> CairoError {
        CairoError(status: CAIRO_STATUS_NO_MEMORY.rawValue, operation: operation, message: "zlib failed (\(status))")
    }
}

extension [UInt8] {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)])
    }
}
