public import LayoutTemplate

/// One laid-out page: everything to draw on it, positioned, backend-neutral. PDF, PNG previews and tests all
/// consume the same frames.
public struct PageFrame: Sendable, Hashable {
    /// 1-based.
    public var number: Int
    public var size: Size
    /// In drawing order.
    public var items: [FrameItem]

    public init(number: Int, size: Size, items: [FrameItem]) {
        self.number = number
        self.size = size
        self.items = items
    }

    /// The visible text of every text item, in drawing order.
    public var texts: [String] {
        items.compactMap { if case .text(let text) = $0 { text.visibleText } else { nil } }
    }

    /// The QR items.
    public var qrCodes: [FrameQR] {
        items.compactMap { if case .qr(let qr) = $0 { qr } else { nil } }
    }
}

/// Something drawn on a page; each carries the template location it came from.
public enum FrameItem: Sendable, Hashable {
    case text(TextFragment)
    case rectangle(FrameRectangle)
    case line(FrameLine)
    case image(FrameImage)
    case qr(FrameQR)

    public var source: SourceSpan {
        switch self {
        case .text(let item): item.source
        case .rectangle(let item): item.source
        case .line(let item): item.source
        case .image(let item): item.source
        case .qr(let item): item.source
        }
    }

    func offsetBy(dx: Double, dy: Double) -> FrameItem {
        switch self {
        case .text(var item):
            item.origin = Point(x: item.origin.x + dx, y: item.origin.y + dy)
            return .text(item)
        case .rectangle(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .rectangle(item)
        case .line(var item):
            item.from = Point(x: item.from.x + dx, y: item.from.y + dy)
            item.to = Point(x: item.to.x + dx, y: item.to.y + dy)
            return .line(item)
        case .image(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .image(item)
        case .qr(var item):
            item.rect = item.rect.offsetBy(dx: dx, dy: dy)
            return .qr(item)
        }
    }
}

/// Some lines of a paragraph — all of them, or the part that fell on this page.
public struct TextFragment: Sendable, Hashable {
    public var paragraph: Paragraph
    /// The top-left corner of the first drawn line's box.
    public var origin: Point
    /// The wrapping width the paragraph was measured with (alignment happens inside it).
    public var width: Double
    /// The drawn lines, offsets relative to ``origin`` (the first line's top is 0).
    public var lines: [MeasuredLine]
    /// The index of the first drawn line among all the paragraph's lines.
    public var firstLineIndex: Int
    /// Whether these are all the paragraph's lines.
    public var isWholeParagraph: Bool
    /// The measurer's ``TextMeasurement/reuseToken`` for this paragraph (`0`: none).
    public var measurementToken: Int
    public var source: SourceSpan

    public init(
        paragraph: Paragraph, origin: Point, width: Double, lines: [MeasuredLine], firstLineIndex: Int,
        isWholeParagraph: Bool, measurementToken: Int = 0, source: SourceSpan
    ) {
        self.paragraph = paragraph
        self.origin = origin
        self.width = width
        self.lines = lines
        self.firstLineIndex = firstLineIndex
        self.isWholeParagraph = isWholeParagraph
        self.measurementToken = measurementToken
        self.source = source
    }

    public var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }

    /// The text of the drawn lines, joined with `\n` (the spaces where lines wrapped are left out).
    public var visibleText: String {
        let bytes = Array(paragraph.text.utf8)
        return lines.map { line in
            var text = String(decoding: bytes[line.range.clamped(to: 0..<bytes.count)], as: UTF8.self)
            while let last = text.last, last == "\n" || last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n")
    }
}

/// A filled rectangle (backgrounds).
public struct FrameRectangle: Sendable, Hashable {
    public var rect: Rect
    public var fill: RGBAColor
    public var source: SourceSpan

    public init(rect: Rect, fill: RGBAColor, source: SourceSpan) {
        self.rect = rect
        self.fill = fill
        self.source = source
    }
}

/// A straight line (borders, rules).
public struct FrameLine: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var width: Double
    public var color: RGBAColor
    public var dashed: Bool
    public var source: SourceSpan

    public init(from: Point, to: Point, width: Double, color: RGBAColor, dashed: Bool, source: SourceSpan) {
        self.from = from
        self.to = to
        self.width = width
        self.color = color
        self.dashed = dashed
        self.source = source
    }
}

/// A raster image scaled to fit inside ``rect`` keeping its proportions, placed by ``align`` horizontally and
/// at the top.
public struct FrameImage: Sendable, Hashable {
    public var rect: Rect
    /// As written in the template or data: relative to the layouts directory, or absolute.
    public var path: String
    public var align: TextAlign
    public var source: SourceSpan

    public init(rect: Rect, path: String, align: TextAlign, source: SourceSpan) {
        self.rect = rect
        self.path = path
        self.align = align
        self.source = source
    }
}

/// A QR code filling the square ``rect``, quiet zone (4 modules) included, error correction level M.
public struct FrameQR: Sendable, Hashable {
    public var rect: Rect
    public var payload: String
    public var source: SourceSpan

    public init(rect: Rect, payload: String, source: SourceSpan) {
        self.rect = rect
        self.payload = payload
        self.source = source
    }
}
