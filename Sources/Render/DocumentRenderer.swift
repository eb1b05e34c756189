import CCairo
public import DisplayModel
public import Foundation
public import LayoutEngine
public import LayoutTemplate

/// A rendered PDF.
public struct RenderedPDF: Sendable {
    public var bytes: [UInt8]
    public var pageCount: Int
    /// Problems that did not stop rendering: characters the fonts cannot draw (`missing-glyph`), data that
    /// is not a colour, a `keep-together` block taller than a page.
    public var warnings: [Diagnostic]

    public init(bytes: [UInt8], pageCount: Int, warnings: [Diagnostic] = []) {
        self.bytes = bytes
        self.pageCount = pageCount
        self.warnings = warnings
    }
}

/// Something that draws display data as a PDF with a named layout: ``DocumentRenderer`` in this process,
/// or a pool of render worker processes.
public protocol DocumentRendering: Sendable {
    /// Renders a PDF; see ``DocumentRenderer/renderPDF(layout:data:title:creationDate:)``.
    func renderPDF(layout: String, data: DisplayValue, title: String, creationDate: Date) throws -> RenderedPDF
}

/// A PDF and each of its pages as a PNG (``DocumentRenderer/renderPDFAndPNG(layout:data:title:creationDate:scale:)``).
public struct RenderedPreview: Sendable {
    public var pdf: RenderedPDF
    /// The pages as PNG, first page first.
    public var pngPages: [[UInt8]]

    public init(pdf: RenderedPDF, pngPages: [[UInt8]]) {
        self.pdf = pdf
        self.pngPages = pngPages
    }
}

/// Renders display data with the layouts of `Layouts/` and the fonts of `Fonts/` to PDF or PNG.
///
/// Templates and fonts are loaded once, in `init`. Rendering is safe from several threads at once: each
/// call borrows a render session (its own Pango font map, context, layout, font descriptions, decoded
/// images) from a pool guarded by a lock, so no Pango or cairo object is ever used by two threads at the
/// same time; the templates and the font configuration are immutable and shared.
///
/// Rendering blocks its thread (cairo and Pango are synchronous C): callers in async code run it on a
/// dedicated thread pool with bounded concurrency.
public final class DocumentRenderer: DocumentRendering, @unchecked Sendable {
    /// The checked templates by layout name (`invoice` for `Layouts/invoice.xml`).
    public let templates: [String: Template]
    /// The display schema each layout was checked against (the data it must be given).
    public let schemas: LayoutSchemas
    /// Warnings found while loading the templates (errors make `init` throw).
    public let templateWarnings: [Diagnostic]
    public let fonts: FontBook
    public let layoutsDirectory: String
    /// The RELAX NG grammar the layouts were checked against, when there was one.
    public let grammar: LayoutGrammar?
    private let pool: SessionPool
    /// The bytes of each `*.xml` file of the folder when the templates were loaded, by file name.
    private let sources: [String: [UInt8]]
    /// ``templateWarnings`` by layout name.
    private let warningsByLayout: [String: [Diagnostic]]

    /// Loads every `*.xml` template in `layoutsDirectory`, each checked against the display schema it binds
    /// (``LayoutSchemas/production``: `event.xml` against ``EventDisplay/schema``, the others against
    /// ``DocumentDisplay/schema``) and the fonts found in `fontsDirectory`.
    /// - Throws: ``RenderError`` `.fontsUnavailable`, or `.invalidTemplate` with the diagnostics of every
    ///   template that has errors (the message is their gcc-style rendering).
    public convenience init(layoutsDirectory: String, fontsDirectory: String) throws {
        try self.init(layoutsDirectory: layoutsDirectory, fontsDirectory: fontsDirectory, schemas: .production)
    }

    /// As ``init(layoutsDirectory:fontsDirectory:)`` with one display schema for every layout (previews of
    /// other data).
    public convenience init(layoutsDirectory: String, fontsDirectory: String, schema: DisplaySchema) throws {
        try self.init(
            layoutsDirectory: layoutsDirectory, fontsDirectory: fontsDirectory, schemas: LayoutSchemas(default: schema))
    }

    /// As ``init(layoutsDirectory:fontsDirectory:)`` with the schema of each layout from `schemas`.
    ///
    /// Every layout is first checked against the RELAX NG grammar at `grammarPath`, or, when that is `nil`,
    /// the one shipped beside the layouts (`schema/layout.rng`) if there is one.
    public convenience init(
        layoutsDirectory: String, fontsDirectory: String, schemas: LayoutSchemas, grammarPath: String? = nil
    ) throws {
        let grammar: LayoutGrammar?
        do {
            grammar = try grammarPath.map { try LayoutGrammar(contentsOf: $0) } ?? LayoutGrammar.shipped(in: layoutsDirectory)
        } catch {
            throw RenderError(code: .invalidTemplate, message: "\(error)", underlying: error as? LayoutGrammarError)
        }
        try self.init(
            layoutsDirectory: layoutsDirectory, fonts: try FontBook(directory: fontsDirectory), schemas: schemas,
            grammar: grammar)
    }

    /// Loads every `*.xml` template in `layoutsDirectory` with fonts and a grammar already loaded (a designer's
    /// preview reads the templates again after every save, never the fonts).
    ///
    /// - Parameter previous: a renderer of the same folder, fonts, schemas and grammar (ignored otherwise)
    ///   whose work this one takes over: its render sessions (their Pango font maps keep the fonts opened;
    ///   the images they decoded are dropped, so a replaced asset is read again) and the templates whose file
    ///   has the same bytes as when it loaded them — except those that `extends` another layout (any file
    ///   that mentions `extends`), which are checked again whenever any layout of the folder changed.
    /// - Throws: ``RenderError`` `.invalidTemplate` with the diagnostics of every template that has errors.
    public init(
        layoutsDirectory: String, fonts: FontBook, schemas: LayoutSchemas = .production, grammar: LayoutGrammar?,
        reusing previous: DocumentRenderer? = nil
    ) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: layoutsDirectory)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        var sources: [String: [UInt8]] = [:]
        for name in names {
            sources[name] = FileManager.default.contents(atPath: layoutsDirectory + "/" + name).map { [UInt8]($0) }
        }
        let reusable = previous.flatMap { previous in
            previous.fonts === fonts && previous.layoutsDirectory == layoutsDirectory && previous.schemas == schemas
                && previous.grammar?.path == grammar?.path ? previous : nil
        }
        let folderUnchanged = reusable?.sources == sources
        var templates: [String: Template] = [:]
        var warnings: [String: [Diagnostic]] = [:]
        var errors: [Diagnostic] = []
        var rendered: [String] = []
        for name in names {
            let path = layoutsDirectory + "/" + name
            let layout = String(name.dropLast(4))
            if let reusable, let source = sources[name], reusable.sources[name] == source,
                let template = reusable.templates[layout], folderUnchanged || !Self.mentionsExtends(source)
            {
                templates[layout] = template
                warnings[layout] = reusable.warningsByLayout[layout]
                continue
            }
            let schema = schemas.schema(forLayout: layout)
            let result =
                if let source = sources[name] {
                    TemplateParser.parse(
                        source: source, file: path, schema: schema, fonts: fonts.catalog, assetsDirectory: layoutsDirectory,
                        grammar: grammar)
                } else {
                    TemplateParser.load(
                        path: path, displayName: path, schema: schema, fonts: fonts.catalog, assetsDirectory: layoutsDirectory,
                        grammar: grammar)
                }
            if let template = result.template {
                templates[layout] = template
                warnings[layout] = result.diagnostics
            } else {
                errors += result.diagnostics
                rendered.append(result.renderedDiagnostics)
            }
        }
        guard errors.isEmpty else {
            throw RenderError(code: .invalidTemplate, message: rendered.joined(separator: "\n"), diagnostics: errors)
        }
        self.templates = templates
        self.schemas = schemas
        self.templateWarnings = names.flatMap { warnings[String($0.dropLast(4))] ?? [] }
        self.warningsByLayout = warnings
        self.sources = sources
        self.fonts = fonts
        self.layoutsDirectory = layoutsDirectory
        self.grammar = grammar
        if let reusable {
            reusable.pool.forEachIdle { $0.forgetImages() }
            self.pool = reusable.pool
        } else {
            self.pool = SessionPool { RenderSession(fonts: fonts, layoutsDirectory: layoutsDirectory) }
        }
    }

    /// Whether a layout's text mentions `extends` (then it may be made of another layout).
    private static func mentionsExtends(_ source: [UInt8]) -> Bool {
        source.firstRange(of: Array("extends".utf8)) != nil
    }

    /// The layout names, sorted.
    public var layoutNames: [String] { templates.keys.sorted() }

    /// Lays out `data` with a layout (for previews and tests): the frames both renderers draw.
    /// - Throws: ``RenderError`` `.unknownLayout`.
    public func frames(layout: String, data: DisplayValue) throws -> LayoutResult {
        let template = try template(named: layout)
        return pool.withSession { session in
            defer { session.endRender() }
            var result = Typesetter.layout(template, data: data, measurer: session)
            result.diagnostics += Self.glyphWarnings(session.takeMissingGlyphs(), pages: result.pages)
            return result
        }
    }

    /// Renders a PDF: fonts embedded and subset, title and creation date from the arguments (so the same
    /// input gives the same bytes).
    /// - Throws: ``RenderError`` `.unknownLayout`, `.layoutFailed` (with diagnostics), `.missingAsset`,
    ///   `.qrCode` or `.cairo`.
    public func renderPDF(layout: String, data: DisplayValue, title: String, creationDate: Date) throws -> RenderedPDF {
        let template = try template(named: layout)
        return try pool.withSession { session in
            defer { session.endRender() }
            return try Self.drawPDF(template, data: data, title: title, creationDate: creationDate, session: session) { _ in }
        }
    }

    /// Lays out and draws the PDF with `session`, calling `alsoDraw` with each page before it goes into the
    /// PDF. Each page is drawn as soon as it is laid out and then dropped: the frames of the whole document
    /// are never held at once.
    private static func drawPDF(
        _ template: Template, data: DisplayValue, title: String, creationDate: Date, session: RenderSession,
        alsoDraw: (PageFrame) throws -> Void
    ) throws -> RenderedPDF {
        let sink = ByteSink()
        var pageCount = 0
        var diagnostics: [Diagnostic] = []
        var glyphWarnings = GlyphWarnings()
        do {
            let surface = try pdfSurface(sink: sink, page: template.page, title: title, creationDate: creationDate)
            let context = try CairoContext(on: surface)
            let drawer = FrameDrawer(session: session, cairo: context.pointer, qrAsImage: true)
            diagnostics = try Typesetter.layout(template, data: data, measurer: session) { page in
                pageCount += 1
                glyphWarnings.add(session.missingGlyphs, page: page)
                try alsoDraw(page)
                cairo_pdf_surface_set_size(surface.pointer, page.size.width, page.size.height)
                try drawer.draw(page)
                cairo_show_page(context.pointer)
                try check(cairo_status(context.pointer))
            }
            let errors = diagnostics.filter(\.isError)
            guard errors.isEmpty else {
                throw RenderError(code: .layoutFailed, message: DiagnosticRenderer.gcc(errors, sources: [:]), diagnostics: errors)
            }
            cairo_surface_finish(surface.pointer)
            try check(cairo_surface_status(surface.pointer))
        } catch let error as CairoError {
            throw RenderError(error)
        }
        return RenderedPDF(bytes: sink.bytes, pageCount: pageCount, warnings: diagnostics + glyphWarnings.warnings)
    }

    /// Renders each page as a PNG (RGB on white) with `scale` pixels per point (less for a page longer than
    /// cairo's 32767-pixel limit, such as a long POS roll), drawing the same frames as the PDF.
    public func renderPNG(layout: String, data: DisplayValue, scale: Double) throws -> [[UInt8]] {
        let template = try template(named: layout)
        return try pool.withSession { session in
            defer { session.endRender() }
            let result = try laidOut(template, data: data, session: session)
            var images: [[UInt8]] = []
            do {
                for page in result.pages {
                    let surface = try Self.rasterize(page, scale: scale, session: session)
                    let sink = ByteSink()
                    try check(cairo_surface_write_to_png_stream(surface.pointer, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque()))
                    images.append(sink.bytes)
                }
            } catch let error as CairoError {
                throw RenderError(error)
            }
            return images
        }
    }

    /// Renders the PDF of ``renderPDF(layout:data:title:creationDate:)`` (the same bytes) and every page of it
    /// as a PNG with the pixels of ``renderPNG(layout:data:scale:)``, from one layout pass: a designer's
    /// preview after each save.
    ///
    /// Each page is drawn as soon as it is laid out, first into an image, which is compressed to PNG on
    /// another thread (``PNGEncoder``; ``PNGWriter``, about four times faster than cairo's PNG writer, with
    /// files of the same size) while this thread draws the page into the PDF and lays out the next one.
    /// - Throws: as ``renderPDF(layout:data:title:creationDate:)``.
    public func renderPDFAndPNG(
        layout: String, data: DisplayValue, title: String, creationDate: Date, scale: Double
    ) throws -> RenderedPreview {
        let template = try template(named: layout)
        return try pool.withSession { session in
            defer { session.endRender() }
            let encoder = PNGEncoder(threads: PNGEncoder.defaultThreads)
            defer { encoder.drain() }
            do {
                let pdf = try Self.drawPDF(template, data: data, title: title, creationDate: creationDate, session: session) {
                    encoder.encode(try Self.rasterize($0, scale: scale, session: session))
                }
                return RenderedPreview(pdf: pdf, pngPages: try encoder.finish())
            } catch let error as CairoError {
                throw RenderError(error)
            }
        }
    }

    /// Drops the images (logos, `<image>` files) the render sessions decoded: the next render reads them
    /// from disk again (a designer's preview after an asset was replaced).
    public func forgetDecodedImages() {
        pool.forEachIdle { $0.forgetImages() }
    }

    /// A PDF surface writing into `sink`, its first page of `page`'s size, with the title and dates set.
    private static func pdfSurface(sink: ByteSink, page: PageSetup, title: String, creationDate: Date) throws(CairoError) -> CairoSurface {
        let surface = try CairoSurface(
            takingOwnershipOf: cairo_pdf_surface_create_for_stream(
                ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), page.width.points, page.height.points))
        let date = PDFDate.iso8601(creationDate)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "Folio")
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, date)
        return surface
    }

    /// `page` drawn on white into an RGB image surface of `scale` pixels per point (less for a page longer
    /// than cairo's 32767-pixel limit), flushed and with no context left on it.
    private static func rasterize(_ page: PageFrame, scale: Double, session: RenderSession) throws -> CairoSurface {
        // Cairo image surfaces stop at 32767 pixels: a long POS roll is drawn at a smaller scale.
        let scale = min(scale, 32_000 / max(page.size.width, page.size.height))
        let width = Int32((page.size.width * scale).rounded(.up))
        let height = Int32((page.size.height * scale).rounded(.up))
        let surface = try CairoSurface(takingOwnershipOf: cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height))
        let context = try CairoContext(on: surface)
        cairo_set_source_rgb(context.pointer, 1, 1, 1)
        cairo_paint(context.pointer)
        cairo_scale(context.pointer, scale, scale)
        try FrameDrawer(session: session, cairo: context.pointer).draw(page)
        try check(cairo_status(context.pointer))
        cairo_surface_flush(surface.pointer)
        return surface
    }

    private func template(named name: String) throws -> Template {
        guard let template = templates[name] else {
            throw RenderError(
                code: .unknownLayout,
                message: "no layout `\(name)` in \(layoutsDirectory) (have: \(layoutNames.joined(separator: ", ")))")
        }
        return template
    }

    private func laidOut(_ template: Template, data: DisplayValue, session: RenderSession) throws -> LayoutResult {
        let result = Typesetter.layout(template, data: data, measurer: session)
        if result.hasErrors {
            let errors = result.diagnostics.filter(\.isError)
            throw RenderError(code: .layoutFailed, message: DiagnosticRenderer.gcc(errors, sources: [:]), diagnostics: errors)
        }
        return result
    }

    /// One `missing-glyph` warning per template element whose text has characters the fonts lack.
    static func glyphWarnings(_ missing: [String: Int], pages: [PageFrame]) -> [Diagnostic] {
        var warnings = GlyphWarnings()
        for page in pages { warnings.add(missing, page: page) }
        return warnings.warnings
    }
}

/// `missing-glyph` warnings collected page by page, one per template element.
struct GlyphWarnings {
    private var seen: Set<SourceSpan> = []
    private(set) var warnings: [Diagnostic] = []

    /// Adds the warnings of `page`'s texts found in `missing` (text → count of characters the fonts lack).
    mutating func add(_ missing: [String: Int], page: PageFrame) {
        guard !missing.isEmpty else { return }
        for item in page.items {
            guard case .text(let text) = item, let count = missing[text.paragraph.text], seen.insert(text.source).inserted else { continue }
            let excerpt = text.paragraph.text.count > 40 ? text.paragraph.text.prefix(40) + "…" : Substring(text.paragraph.text)
            warnings.append(
                Diagnostic(
                    .warning, .missingGlyph,
                    "`\(excerpt)` has \(count) character(s) that the fonts in Fonts/ cannot draw; they print as boxes",
                    at: text.source, hints: ["add a font with those characters to Fonts/ and use it in the template"]))
        }
    }
}
