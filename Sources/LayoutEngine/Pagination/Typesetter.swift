public import DisplayModel
public import LayoutTemplate

/// The pages of one document, and what went wrong laying them out.
public struct LayoutResult: Sendable {
    public var pages: [PageFrame]
    /// Layout-time problems (content that cannot fit, a header taller than declared, bad data); sorted by
    /// appearance. A document with an error here must not be rendered.
    public var diagnostics: [Diagnostic]

    public init(pages: [PageFrame], diagnostics: [Diagnostic]) {
        self.pages = pages
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// Lays out a document: template + display data + a text measurer → page frames. Pure and deterministic:
/// the same inputs always give the same frames.
///
/// How pagination works:
/// 1. The body is built once at the body width: `if`/`each` evaluated, bindings filled in, text measured.
/// 2. It is cut into pages. Paragraphs and table rows break between lines; blocks break between children
///    unless `keep-together`; `keep-with-next`/`keep-with-previous` carry neighbours along; table headers
///    repeat; anything unbreakable that is taller than a page is placed anyway with a `cannot-fit` error.
/// 3. With the page count known, each page's header (the first-page header on page 1) and footer are built
///    with `{page}` and `{pages}`, in their declared heights, so the body never depends on them.
public enum Typesetter {
    /// A safety net: no document legitimately has this many pages.
    public static let maximumPages = 50_000

    public static func layout(_ template: Template, data: DisplayValue, measurer: any TextMeasurer) -> LayoutResult {
        var frames: [PageFrame] = []
        let diagnostics = layout(template, data: data, measurer: measurer) { frames.append($0) }
        return LayoutResult(pages: frames, diagnostics: diagnostics)
    }

    /// Lays out a document handing each page to `deliver` as soon as it is built, in order, and returns the
    /// diagnostics. The whole body is paginated first (headers and footers need the page count); then each
    /// page's boxes are released once its frame is delivered, so a caller that draws and drops frames never
    /// holds the whole document twice.
    public static func layout(
        _ template: Template, data: DisplayValue, measurer: any TextMeasurer, deliver: (PageFrame) throws -> Void
    ) rethrows -> [Diagnostic] {
        let page = template.page
        var size = Size(width: page.width.points, height: page.height.points)
        let margins = page.margins
        let bodyWidth = size.width - margins.horizontal
        let footerHeight = template.pageFooter?.height.points ?? 0
        let headerHeight = template.pageHeader?.height.points ?? 0
        let firstHeaderHeight = (template.firstPageHeader ?? template.pageHeader)?.height.points ?? 0
        // A continuous roll has room for everything: one page, as tall as its content (set below).
        let bodyHeight = page.isContinuous ? .infinity : size.height - margins.vertical - headerHeight - footerHeight
        let firstBodyHeight = page.isContinuous ? .infinity : size.height - margins.vertical - firstHeaderHeight - footerHeight
        var sink = DiagnosticSink()
        let pageLocation = template.body.first?.location ?? SourceSpan(file: template.file, line: 1, column: 1)
        guard bodyHeight > 0, firstBodyHeight > 0, bodyWidth > 0 else {
            sink.report(
                .error, .cannotFit, "the margins, header and footer leave no room for the body on the page", at: pageLocation)
            return sink.diagnostics
        }

        var bodies = paginate(
            template, data: data, measurer: measurer, bodyWidth: bodyWidth, bodyHeight: bodyHeight,
            firstBodyHeight: firstBodyHeight, pageLocation: pageLocation, sink: &sink)
        if page.isContinuous, let only = bodies.first {
            size.height = max(page.height.points, margins.vertical + firstHeaderHeight + only.height + footerHeight, 1)
        }
        var regions = RegionPainter(data: data, measurer: CachingMeasurer(measurer), width: bodyWidth)
        let pageCount = bodies.count
        for index in 0..<pageCount {
            var items: [FrameItem] = []
            let number = index + 1
            let header = index == 0 ? (template.firstPageHeader ?? template.pageHeader) : template.pageHeader
            if let header {
                regions.paint(header, at: Point(x: margins.left.points, y: margins.top.points), page: number, of: pageCount, into: &items)
            }
            let bodyTop = margins.top.points + (index == 0 ? firstHeaderHeight : headerHeight)
            bodies[index].emit(at: Point(x: margins.left.points, y: bodyTop), into: &items)
            // This page's boxes are no longer needed.
            bodies[index] = .spacer(0)
            if let footer = template.pageFooter {
                let top = size.height - margins.bottom.points - footerHeight
                regions.paint(footer, at: Point(x: margins.left.points, y: top), page: number, of: pageCount, into: &items)
            }
            try deliver(PageFrame(number: number, size: size, items: items))
        }
        sink.append(contentsOf: regions.builder.diagnostics)
        sink.append(contentsOf: regions.diagnostics)
        return sink.diagnostics
    }

    /// Builds the body once and cuts it into page bodies (at least one). The built body is local here, so
    /// that only the page bodies outlive this call.
    private static func paginate(
        _ template: Template, data: DisplayValue, measurer: any TextMeasurer, bodyWidth: Double, bodyHeight: Double,
        firstBodyHeight: Double, pageLocation: SourceSpan, sink: inout DiagnosticSink
    ) -> [Box] {
        let page = template.page
        var builder = FlowBuilder(data: data, measurer: measurer)
        let body = StackBox(
            children: builder.boxes(template.body, width: bodyWidth, scope: .root), width: bodyWidth, decoration: nil,
            keep: .none, source: pageLocation)
        sink.append(contentsOf: builder.diagnostics)

        var fragmenter = Fragmenter(fullPageHeight: bodyHeight, diagnostics: DiagnosticSink())
        var bodies: [Box] = []
        var remaining: Box? = page.isContinuous ? nil : .stack(body)
        if page.isContinuous { bodies = [.stack(body.with(children: body.children.filter { if case .pageBreak = $0 { false } else { true } }))] }
        while let box = remaining {
            let available = bodies.isEmpty ? firstBodyHeight : bodyHeight
            var (head, tail) = fragmenter.split(box, available: available, atTop: true)
            if head == nil {
                // Unreachable by construction (a split at the top of a page always places something); kept so
                // that pagination ends whatever happens: the rest goes on one page, reported as an error.
                fragmenter.diagnostics.report(.error, .cannotFit, "content could not be placed on an empty page", at: pageLocation)
                (head, tail) = (box, nil)
            }
            bodies.append(head ?? .spacer(0))
            remaining = tail
            if bodies.count >= maximumPages {
                fragmenter.diagnostics.report(.error, .cannotFit, "the document has more than \(maximumPages) pages", at: pageLocation)
                break
            }
        }
        if bodies.isEmpty { bodies = [.spacer(0)] }
        sink.append(contentsOf: fragmenter.diagnostics)
        return bodies
    }
}

/// Builds and draws headers and footers page by page (they may show `{page}` and `{pages}`).
struct RegionPainter {
    var builder: FlowBuilder
    let width: Double
    var diagnostics = DiagnosticSink()

    init(data: DisplayValue, measurer: any TextMeasurer, width: Double) {
        self.builder = FlowBuilder(data: data, measurer: measurer)
        self.width = width
    }

    mutating func paint(_ region: Region, at origin: Point, page: Int, of pages: Int, into items: inout [FrameItem]) {
        builder.page = page
        builder.pages = pages
        let stack = StackBox(
            children: builder.boxes(region.content, width: width, scope: .root), width: width, decoration: nil,
            keep: .none, source: region.location)
        if stack.height > region.height.points + Fragmenter.tolerance {
            diagnostics.report(
                .error, .regionOverflow,
                "the content is \(Fragmenter.points(stack.height)) tall but the region's height is \(Fragmenter.points(region.height.points)); it would be clipped",
                at: region.location, hints: ["raise `height` or shorten the content"])
        }
        stack.emit(at: origin, into: &items)
    }
}

/// Remembers measurements, for headers and footers that show the same text on every page.
final class CachingMeasurer: TextMeasurer {
    private struct Key: Hashable {
        var paragraph: Paragraph
        var width: Double
    }

    private let base: any TextMeasurer
    private var cache: [Key: TextMeasurement] = [:]

    init(_ base: any TextMeasurer) { self.base = base }

    func measure(_ paragraph: Paragraph, width: Double) -> TextMeasurement {
        let key = Key(paragraph: paragraph, width: width)
        if let cached = cache[key] { return cached }
        let measurement = base.measure(paragraph, width: width)
        cache[key] = measurement
        return measurement
    }
}
