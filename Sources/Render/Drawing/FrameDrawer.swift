import CCairo
import CPangoCairo
import LayoutEngine
import LayoutTemplate

/// Draws page frames on a cairo context: the same code for PDF pages and PNG previews.
struct FrameDrawer {
    let session: RenderSession
    /// `cairo_t*`, borrowed.
    let cairo: OpaquePointer

    func draw(_ page: PageFrame) throws(RenderError) {
        for item in page.items {
            switch item {
            case .text(let text): draw(text)
            case .rectangle(let rectangle):
                setColor(rectangle.fill)
                cairo_rectangle(cairo, rectangle.rect.x, rectangle.rect.y, rectangle.rect.width, rectangle.rect.height)
                cairo_fill(cairo)
            case .line(let line): draw(line)
            case .image(let image): try draw(image)
            case .qr(let qr): try draw(qr)
            }
        }
    }

    private func setColor(_ color: RGBAColor) {
        if color.alpha >= 1 {
            cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        } else {
            cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
        }
    }

    private func draw(_ text: TextFragment) {
        session.configure(text.paragraph, width: text.width)
        setColor(text.paragraph.color)
        if text.isWholeParagraph {
            cairo_move_to(cairo, text.origin.x, text.origin.y)
            pango_cairo_show_layout(cairo, session.layout)
            return
        }
        // Part of a paragraph: its lines, shifted so the first drawn line's top sits at the origin.
        let iterator = pango_layout_get_iter(session.layout)
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

    private func draw(_ line: FrameLine) {
        setColor(line.color)
        cairo_set_line_width(cairo, line.width)
        if line.dashed {
            let dashes = [max(1, line.width * 3), max(1, line.width * 2)]
            cairo_set_dash(cairo, dashes, 2, 0)
        }
        cairo_move_to(cairo, line.from.x, line.from.y)
        cairo_line_to(cairo, line.to.x, line.to.y)
        cairo_stroke(cairo)
        if line.dashed { cairo_set_dash(cairo, nil, 0, 0) }
    }

    private func draw(_ image: FrameImage) throws(RenderError) {
        let surface = try session.image(image.path)
        let width = Double(cairo_image_surface_get_width(surface))
        let height = Double(cairo_image_surface_get_height(surface))
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

    /// The QR code as vector rectangles: one per horizontal run of dark modules, filled at once, inside a
    /// 4-module quiet zone.
    private func draw(_ qr: FrameQR) throws(RenderError) {
        let matrix = try session.qrCode(qr.payload)
        let module = qr.rect.width / Double(matrix.width + 8)
        cairo_set_source_rgb(cairo, 0, 0, 0)
        for run in matrix.runs {
            cairo_rectangle(
                cairo, qr.rect.x + Double(run.column + 4) * module, qr.rect.y + Double(run.row + 4) * module,
                Double(run.length) * module, module)
        }
        cairo_fill(cairo)
    }
}
