import CCairo
import CPangoCairo
import CRSVG
import Foundation
import LayoutEngine
import LayoutTemplate

/// Everything one render needs from Pango and cairo, reused from document to document: a Pango font map on
/// the private fontconfig, a context with fixed font options, font descriptions, decoded images and encoded
/// QR codes.
///
/// Text is shaped once: each paragraph is measured in its own `PangoLayout`, kept until the render ends and
/// drawn as measured (the measurement's reuse token is its index). Past ``layoutCacheLimit`` paragraphs, or
/// when drawing something that was not measured here, one shared layout is reconfigured instead.
///
/// Not `Sendable`: a session is used by one thread at a time. ``SessionPool`` hands sessions out.
final class RenderSession {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    /// `PangoContext*`.
    private let context: OpaquePointer
    /// `PangoLayout*`, reconfigured for paragraphs that have no layout of their own.
    let layout: OpaquePointer
    /// `PangoLayout*`s of the paragraphs measured during the current render; token `n` is index `n - 1`.
    private var measuredLayouts: [OpaquePointer] = []
    /// The measurements of this render by paragraph and wrapping width: a paragraph met again (the same
    /// description, quantity or tax rate on many rows) is neither shaped nor kept twice, and every fragment
    /// of it is drawn from the one layout.
    private var measurements: [MeasurementKey: TextMeasurement] = [:]
    /// How many measured layouts a render keeps (about 1 kB each); beyond, text is shaped again to draw.
    /// A 10-line invoice stays far below; the 1,000-line one keeps its first pages' cells and shapes the rest
    /// twice, which keeps its render under 40 MB (all ~4,000 layouts cost ~4 MB) for ~25% more time.
    static let layoutCacheLimit = 1_500
    private var fontDescriptions: [FontSpec: OpaquePointer] = [:]
    private var lastFont: (spec: FontSpec, description: OpaquePointer)?
    private var images: [String: LoadedImage] = [:]
    private var qrCodes: [String: (matrix: QRMatrix, surface: OpaquePointer)] = [:]
    private var qrImages: [String: (matrix: QRMatrix, surface: OpaquePointer)] = [:]
    let layoutsDirectory: String
    /// Paragraph texts that had glyphs the fonts lack, since the last ``takeMissingGlyphs()``.
    private(set) var missingGlyphs: [String: Int] = [:]

    init(fonts: FontBook, layoutsDirectory: String) {
        self.layoutsDirectory = layoutsDirectory
        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(OpaquePointer(fontMap), fonts.config)
        // 1 pt = 1 unit on every surface (the default 96 dpi would scale text by 4/3).
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        context = pango_font_map_create_context(fontMap)
        // Unhinted metrics and unrounded positions: the same line breaks for PDF and PNG at any scale.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        layout = pango_layout_new(context)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    }

    deinit {
        endRender()
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        for description in fontDescriptions.values { pango_font_description_free(description) }
        for image in images.values { cairo_surface_destroy(image.surface) }
        for code in qrCodes.values { cairo_surface_destroy(code.surface) }
        for code in qrImages.values { cairo_surface_destroy(code.surface) }
    }

    // MARK: Fonts

    /// The cached `PangoFontDescription*` of `spec`.
    func fontDescription(_ spec: FontSpec) -> OpaquePointer {
        if let lastFont, lastFont.spec == spec { return lastFont.description }
        let description: OpaquePointer
        if let cached = fontDescriptions[spec] {
            description = cached
        } else {
            description = pango_font_description_new()
            pango_font_description_set_family(description, spec.family)
            pango_font_description_set_absolute_size(description, spec.size * Double(PANGO_SCALE))
            pango_font_description_set_weight(description, spec.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_font_description_set_style(description, spec.slant == .italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
            fontDescriptions[spec] = description
        }
        lastFont = (spec, description)
        return description
    }

    /// Releases the layouts measured for the render that just ended.
    func endRender() {
        for measured in measuredLayouts { g_object_unref(UnsafeMutableRawPointer(measured)) }
        measuredLayouts.removeAll(keepingCapacity: true)
        measurements.removeAll(keepingCapacity: true)
        _ = takeMissingGlyphs()
    }

    /// The layout to draw a fragment with: the one it was measured in, or the shared one set up again.
    func layout(for fragment: TextFragment) -> OpaquePointer {
        let token = fragment.measurementToken
        if token > 0 && token <= measuredLayouts.count { return measuredLayouts[token - 1] }
        configure(fragment.paragraph, width: fragment.width, in: layout)
        return layout
    }

    /// Sets up `layout` for `paragraph` at `width` points. Measuring and drawing both go through here, so a
    /// paragraph is drawn with exactly the line breaks it was measured with.
    func configure(_ paragraph: Paragraph, width: Double, in layout: OpaquePointer) {
        pango_layout_set_font_description(layout, fontDescription(paragraph.font))
        pango_layout_set_width(layout, Self.pangoWidth(width))
        let alignment: PangoAlignment =
            switch paragraph.align {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
        pango_layout_set_alignment(layout, alignment)
        if paragraph.spans.isEmpty {
            pango_layout_set_attributes(layout, nil)
        } else {
            let list = pango_attr_list_new()
            for span in paragraph.spans {
                if span.font != paragraph.font, let attribute = pango_attr_font_desc_new(fontDescription(span.font)) {
                    attribute.pointee.start_index = guint(span.range.lowerBound)
                    attribute.pointee.end_index = guint(span.range.upperBound)
                    pango_attr_list_insert(list, attribute)
                }
                if span.color != paragraph.color {
                    let attribute = pango_attr_foreground_new(
                        Self.channel(span.color.red), Self.channel(span.color.green), Self.channel(span.color.blue))!
                    attribute.pointee.start_index = guint(span.range.lowerBound)
                    attribute.pointee.end_index = guint(span.range.upperBound)
                    pango_attr_list_insert(list, attribute)
                }
            }
            pango_layout_set_attributes(layout, list)
            pango_attr_list_unref(list)
        }
        pango_layout_set_text(layout, paragraph.text, -1)
    }

    static func pangoWidth(_ width: Double) -> Int32 { Int32(max(1, (width * Double(PANGO_SCALE)).rounded(.down))) }

    private static func channel(_ value: Double) -> guint16 { guint16(max(0, min(65535, (value * 65535).rounded()))) }

    func noteMissingGlyphs(_ count: Int, in text: String) {
        missingGlyphs[text, default: 0] = count
    }

    func takeMissingGlyphs() -> [String: Int] {
        defer { missingGlyphs = [:] }
        return missingGlyphs
    }

    // MARK: Images and QR codes

    /// The image at `path` (relative to the layouts directory unless absolute): a PNG decoded into an image
    /// surface, or an SVG (recognised by its content) drawn by librsvg into a recording surface of its
    /// intrinsic size, so a PDF holds it as vectors.
    func image(_ path: String) throws(RenderError) -> LoadedImage {
        if let cached = images[path] { return cached }
        let full = path.hasPrefix("/") ? path : layoutsDirectory + "/" + path
        let loaded: LoadedImage
        if let data = FileManager.default.contents(atPath: full), Self.isSVG(data) {
            loaded = try Self.svgImage(data, path: full)
        } else {
            guard FileManager.default.isReadableFile(atPath: full), let surface = cairo_image_surface_create_from_png(full) else {
                throw RenderError(code: .missingAsset, message: "cannot read image \(full)")
            }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
                let message = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
                cairo_surface_destroy(surface)
                throw RenderError(code: .missingAsset, message: "cannot decode image \(full) as PNG: \(message)")
            }
            loaded = LoadedImage(
                surface: surface, width: Double(cairo_image_surface_get_width(surface)),
                height: Double(cairo_image_surface_get_height(surface)))
        }
        images[path] = loaded
        return loaded
    }

    /// Drops the decoded images: the next render reads its image files again.
    func forgetImages() {
        for image in images.values { cairo_surface_destroy(image.surface) }
        images.removeAll()
    }

    /// Whether `data` is an SVG document: it starts (after a byte order mark and white space) with `<svg`, or
    /// with `<?xml` and has an `<svg` element further on.
    static func isSVG(_ data: Data) -> Bool {
        var bytes = data.prefix(64 * 1024)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        if bytes.starts(with: Array("<svg".utf8)) { return true }
        guard bytes.starts(with: Array("<?xml".utf8)) else { return false }
        return bytes.firstRange(of: Array("<svg".utf8)) != nil
    }

    /// Parses `data` with librsvg (loaded now if this is the process's first SVG, see ``LibRSVG``) and records
    /// the drawing of the whole document at its intrinsic size (in CSS pixels; only the aspect ratio matters,
    /// the drawer scales it into the template's box).
    private static func svgImage(_ data: Data, path: String) throws(RenderError) -> LoadedImage {
        let rsvg = try LibRSVG.forImage(path)
        var error: UnsafeMutablePointer<GError>?
        let handle = data.withUnsafeBytes { bytes in
            rsvg.newFromData(bytes.baseAddress?.assumingMemoryBound(to: guint8.self), gsize(bytes.count), &error)
        }
        guard let handle else {
            throw RenderError(code: .missingAsset, message: "cannot decode image \(path) as SVG: \(takeMessage(&error))")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        rsvg.setDPI(handle, 96)
        var width = 0.0
        var height = 0.0
        if rsvg.intrinsicSizeInPixels(handle, &width, &height) == 0 || !(width > 0 && height > 0) {
            // No absolute width and height: the viewBox gives the proportions.
            var hasViewBox: gboolean = 0
            var viewBox = RsvgRectangle()
            rsvg.intrinsicDimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
            guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else {
                throw RenderError(
                    code: .missingAsset,
                    message: "cannot decode image \(path) as SVG: it has neither a width and height nor a viewBox")
            }
            (width, height) = (viewBox.width, viewBox.height)
        }
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        let cairo = cairo_create(surface)!
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        let drawn = rsvg.renderDocument(handle, cairo, &viewport, &error)
        let status = cairo_status(cairo)
        cairo_destroy(cairo)
        guard drawn != 0, status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            let reason = drawn == 0 ? takeMessage(&error) : String(cString: cairo_status_to_string(status))
            throw RenderError(code: .missingAsset, message: "cannot draw image \(path) as SVG: \(reason)")
        }
        return LoadedImage(surface: surface, width: width, height: height)
    }

    private static func takeMessage(_ error: inout UnsafeMutablePointer<GError>?) -> String {
        guard let pointer = error else { return "unknown error" }
        defer { g_error_free(pointer); error = nil }
        return pointer.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }

    /// The QR code of `payload` drawn once into a recording surface, one unit per module, quiet zone
    /// included: painting the same surface on every page lets the PDF hold it once, as a form XObject.
    func qrCode(_ payload: String) throws(RenderError) -> (matrix: QRMatrix, surface: OpaquePointer) {
        if let cached = qrCodes[payload] { return cached }
        let matrix = try QRMatrix(encoding: payload)
        let side = Double(matrix.width + 8)
        var extents = cairo_rectangle_t(x: 0, y: 0, width: side, height: side)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        let cairo = cairo_create(surface)!
        cairo_set_source_rgb(cairo, 0, 0, 0)
        for run in matrix.runs {
            cairo_rectangle(cairo, Double(run.column + 4), Double(run.row + 4), Double(run.length), 1)
        }
        cairo_fill(cairo)
        let status = cairo_status(cairo)
        cairo_destroy(cairo)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw RenderError(code: .cairo, message: "cannot draw the QR code: \(String(cString: cairo_status_to_string(status)))")
        }
        if qrCodes.count >= 16 {
            for code in qrCodes.values { cairo_surface_destroy(code.surface) }
            qrCodes.removeAll()
        }
        qrCodes[payload] = (matrix, surface)
        return (matrix, surface)
    }

    /// The QR code of `payload` as a 1-bit mask, one pixel per module, quiet zone included, set for the dark
    /// modules. For PDFs, black through this mask with the nearest filter (a stencil mask): a few hundred bytes of image instead
    /// of thousands of rectangles, which cairo would print number by number and compress in every document.
    func qrImage(_ payload: String) throws(RenderError) -> (matrix: QRMatrix, surface: OpaquePointer) {
        if let cached = qrImages[payload] { return cached }
        let matrix = try qrCode(payload).matrix
        let side = Int32(matrix.width + 8)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A1, side, side)!
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            let message = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw RenderError(code: .cairo, message: "cannot draw the QR code: \(message)")
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<Int(side) {
            // A1 pixels: 32-bit words in native byte order, the leftmost pixel in the least significant bit
            // on little-endian machines.
            let words = UnsafeMutableRawPointer(data + row * stride)
            for column in 0..<Int(side) {
                let (r, c) = (row - 4, column - 4)
                guard r >= 0, c >= 0, r < matrix.width, c < matrix.width, matrix.modules[r * matrix.width + c] else { continue }
                let offset = (column / 32) * 4
                var word = words.load(fromByteOffset: offset, as: UInt32.self)
                word |= 1 << UInt32(column % 32)
                words.storeBytes(of: word, toByteOffset: offset, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        if qrImages.count >= 16 {
            for code in qrImages.values { cairo_surface_destroy(code.surface) }
            qrImages.removeAll()
        }
        qrImages[payload] = (matrix, surface)
        return (matrix, surface)
    }
}

/// A paragraph and the width, in Pango units, that ``RenderSession/configure(_:width:in:)`` sets for it.
struct MeasurementKey: Hashable {
    var paragraph: Paragraph
    var width: Int32
}

extension RenderSession: TextMeasurer {
    func measure(_ paragraph: Paragraph, width: Double) -> TextMeasurement {
        let key = MeasurementKey(paragraph: paragraph, width: Self.pangoWidth(width))
        if let known = measurements[key] { return known }
        let measurement = shape(paragraph, width: width)
        if measurement.reuseToken > 0 { measurements[key] = measurement }
        return measurement
    }

    private func shape(_ paragraph: Paragraph, width: Double) -> TextMeasurement {
        var layout = self.layout
        var token = 0
        if measuredLayouts.count < Self.layoutCacheLimit {
            layout = pango_layout_new(context)
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            measuredLayouts.append(layout)
            token = measuredLayouts.count
        }
        configure(paragraph, width: width, in: layout)
        let unknown = pango_layout_get_unknown_glyphs_count(layout)
        if unknown > 0 { noteMissingGlyphs(Int(unknown), in: paragraph.text) }
        let scale = Double(PANGO_SCALE)
        if pango_layout_get_line_count(layout) == 1 {
            var width: Int32 = 0
            var height: Int32 = 0
            pango_layout_get_size(layout, &width, &height)
            let baseline = Double(pango_layout_get_baseline(layout)) / scale
            return TextMeasurement(
                lines: [MeasuredLine(range: 0..<paragraph.text.utf8.count, top: 0, height: Double(height) / scale, baseline: baseline)],
                reuseToken: token)
        }
        var lines: [MeasuredLine] = []
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let line = pango_layout_iter_get_line_readonly(iterator)!
            let start = Int(line.pointee.start_index)
            lines.append(
                MeasuredLine(
                    range: start..<(start + Int(line.pointee.length)), top: Double(logical.y) / scale,
                    height: Double(logical.height) / scale, baseline: Double(pango_layout_iter_get_baseline(iterator)) / scale))
        } while pango_layout_iter_next_line(iterator) != 0
        return TextMeasurement(lines: lines, reuseToken: token)
    }
}

/// A decoded image: a cairo image surface (PNG) or recording surface (SVG) and its natural size.
struct LoadedImage {
    /// `cairo_surface_t*`, owned by the session.
    let surface: OpaquePointer
    let width: Double
    let height: Double
}
