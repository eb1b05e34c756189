import CCairo
import CPangoCairo
import LayoutEngine
import LayoutTemplate

/// Draws page frames on a cairo context: the same code for PDF pages and PNG previews.
struct FrameDrawer {
    let session: RenderSession
    /// `cairo_t*`, borrowed.
    let cairo: OpaquePointer
    /// QR codes as one image with sharp module edges (PDF) rather than as rectangles (PNG previews, where
    /// the rectangles give the anti-aliased edges the golden images hold).
    var qrAsImage = false

    /// Draws a page in layers: backgrounds, then lines, then text, images and QR codes. Boxes on a frame
    /// never overlap, so this is the picture the frame's order describes, with each layer's fills and strokes
    /// merged by paint into one path: far fewer PDF operators than item by item.
    func draw(_ page: PageFrame) throws(RenderError) {
        var fills: [RGBAColor: [Rect]] = [:]
        var fillOrder: [RGBAColor] = []
        var strokes: [StrokeKey: [FrameLine]] = [:]
        var strokeOrder: [StrokeKey] = []
        for item in page.items {
            switch item {
            case .rectangle(let rectangle):
                if fills[rectangle.fill] == nil { fillOrder.append(rectangle.fill) }
                fills[rectangle.fill, default: []].append(rectangle.rect)
            case .line(let line):
                let key = StrokeKey(color: line.color, width: line.width, dashed: line.dashed)
                if strokes[key] == nil { strokeOrder.append(key) }
                strokes[key, default: []].append(line)
            default:
                break
            }
        }
        for color in fillOrder {
            setColor(color)
            for rect in fills[color]! { cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height) }
            cairo_fill(cairo)
        }
        for key in strokeOrder { stroke(strokes[key]!, key) }
        for item in page.items {
            switch item {
            case .text(let text): draw(text)
            case .image(let image): try draw(image)
            case .qr(let qr): try draw(qr)
            case .rectangle, .line: break
            }
        }
    }

    private struct StrokeKey: Hashable {
        var color: RGBAColor
        var width: Double
        var dashed: Bool
    }

    private func setColor(_ color: RGBAColor) {
        if color.alpha >= 1 {
            cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        } else {
            cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
        }
    }

    private func draw(_ text: TextFragment) {
        let layout = session.layout(for: text)
        setColor(text.paragraph.color)
        if text.isWholeParagraph {
            cairo_move_to(cairo, text.origin.x, text.origin.y)
            pango_cairo_show_layout(cairo, layout)
            return
        }
        // Part of a paragraph: its lines, shifted so the first drawn line's top sits at the origin.
        let iterator = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        for _ in 0..<text.firstLineIndex where pango_layout_iter_next_line(iterator) == 0 { return }
        let scale = Double(PANGO_SCALE)
        var top: Double?
        for _ in text.lines {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let firstTop = top ?? Double(logical.y) / scale
            top = firstTop
            let baseline = Double(pango_layout_iter_get_baseline(iterator)) / scale - firstTop
            cairo_move_to(cairo, text.origin.x + Double(logical.x) / scale, text.origin.y + baseline)
            pango_cairo_show_layout_line(cairo, pango_layout_iter_get_line_readonly(iterator))
            if pango_layout_iter_next_line(iterator) == 0 { break }
        }
    }

    private func stroke(_ lines: [FrameLine], _ key: StrokeKey) {
        setColor(key.color)
        cairo_set_line_width(cairo, key.width)
        if key.dashed {
            let dashes = [max(1, key.width * 3), max(1, key.width * 2)]
            cairo_set_dash(cairo, dashes, 2, 0)
        }
        // Segments that continue each other in a straight line (the bottom borders of a row's cells) are
        // drawn as one: the same ink, far fewer numbers for cairo to print. Dashed ones keep their own
        // dash phase.
        var pending: (from: Point, to: Point)?
        func flush() {
            guard let segment = pending else { return }
            cairo_move_to(cairo, segment.from.x, segment.from.y)
            cairo_line_to(cairo, segment.to.x, segment.to.y)
        }
        for line in lines {
            if !key.dashed, let segment = pending, Self.continues(segment, with: line) {
                pending = (segment.from, line.to)
                continue
            }
            flush()
            pending = (line.from, line.to)
        }
        flush()
        cairo_stroke(cairo)
        if key.dashed { cairo_set_dash(cairo, nil, 0, 0) }
    }

    /// Whether `line` starts where `segment` ends and goes on in the same direction, both horizontal or both
    /// vertical.
    private static func continues(_ segment: (from: Point, to: Point), with line: FrameLine) -> Bool {
        let epsilon = 1e-9
        guard abs(line.from.x - segment.to.x) < epsilon, abs(line.from.y - segment.to.y) < epsilon else { return false }
        let horizontal = segment.from.y == segment.to.y && line.from.y == line.to.y
            && segment.to.x > segment.from.x && line.to.x > line.from.x
        let vertical = segment.from.x == segment.to.x && line.from.x == line.to.x
            && segment.to.y > segment.from.y && line.to.y > line.from.y
        return horizontal || vertical
    }

    private func draw(_ image: FrameImage) throws(RenderError) {
        let loaded = try session.image(image.path)
        let (surface, width, height) = (loaded.surface, loaded.width, loaded.height)
        guard width > 0, height > 0 else { return }
        let scale = min(image.rect.width / width, image.rect.height / height)
        let drawnWidth = width * scale
        let x: Double =
            switch image.align {
            case .left: image.rect.x
            case .center: image.rect.x + (image.rect.width - drawnWidth) / 2
            case .right: image.rect.maxX - drawnWidth
            }
        cairo_save(cairo)
        cairo_translate(cairo, x, image.rect.y)
        cairo_scale(cairo, scale, scale)
        cairo_set_source_surface(cairo, surface, 0, 0)
        cairo_rectangle(cairo, 0, 0, width, height)
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    /// The QR code as vector rectangles (one per horizontal run of dark modules, inside a 4-module quiet
    /// zone), recorded once per payload and painted scaled into the frame's square.
    private func draw(_ qr: FrameQR) throws(RenderError) {
        let code = try qrAsImage ? session.qrImage(qr.payload) : session.qrCode(qr.payload)
        let module = qr.rect.width / Double(code.matrix.width + 8)
        cairo_save(cairo)
        cairo_translate(cairo, qr.rect.x, qr.rect.y)
        cairo_scale(cairo, module, module)
        if qrAsImage {
            cairo_set_source_rgb(cairo, 0, 0, 0)
            let mask = cairo_pattern_create_for_surface(code.surface)
            cairo_pattern_set_filter(mask, CAIRO_FILTER_NEAREST)
            cairo_mask(cairo, mask)
            cairo_pattern_destroy(mask)
        } else {
            cairo_set_source_surface(cairo, code.surface, 0, 0)
            cairo_paint(cairo)
        }
        cairo_restore(cairo)
    }
}
