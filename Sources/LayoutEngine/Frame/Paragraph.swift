public import LayoutTemplate

/// A paragraph ready to be measured and drawn: its text, its base font and colour, and optional styled spans.
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var font: FontSpec
    public var color: RGBAColor
    public var align: TextAlign
    /// Parts with another font or colour (`<span>`), as UTF-8 byte ranges of ``text``; empty when the whole
    /// paragraph has ``font`` and ``color``.
    public var spans: [StyledSpan]

    public init(text: String, font: FontSpec, color: RGBAColor, align: TextAlign, spans: [StyledSpan] = []) {
        self.text = text
        self.font = font
        self.color = color
        self.align = align
        self.spans = spans
    }
}

/// A styled part of a ``Paragraph``.
public struct StyledSpan: Sendable, Hashable {
    /// UTF-8 byte offsets into the paragraph's text.
    public var range: Range<Int>
    public var font: FontSpec
    public var color: RGBAColor

    public init(range: Range<Int>, font: FontSpec, color: RGBAColor) {
        self.range = range
        self.font = font
        self.color = color
    }
}

/// One line of a measured paragraph. Offsets are in points from the top of the paragraph (or, inside a
/// ``TextFragment``, from the top of the fragment).
public struct MeasuredLine: Sendable, Hashable {
    /// The UTF-8 byte range of the paragraph's text on this line.
    public var range: Range<Int>
    public var top: Double
    public var height: Double
    /// The baseline, from the same origin as ``top``.
    public var baseline: Double

    public init(range: Range<Int>, top: Double, height: Double, baseline: Double) {
        self.range = range
        self.top = top
        self.height = height
        self.baseline = baseline
    }
}

/// How a paragraph breaks into lines at a given width.
public struct TextMeasurement: Sendable, Hashable {
    public var lines: [MeasuredLine]
    /// An identifier the measurer may give this measurement so that the renderer working with it can reuse
    /// its work (the shaped text) when drawing; `0` when there is none. Layout only carries it along, into
    /// ``TextFragment/measurementToken``.
    public var reuseToken: Int

    public init(lines: [MeasuredLine], reuseToken: Int = 0) {
        self.lines = lines
        self.reuseToken = reuseToken
    }

    public var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }
}

/// Breaks paragraphs into lines. `Render` implements it with Pango and the fonts of `Fonts/`; tests use a
/// fake with fixed glyph sizes so that layout tests don't depend on font metrics.
///
/// The renderer must draw a paragraph with the same line breaks its measurer reported.
public protocol TextMeasurer {
    /// The lines of `paragraph` wrapped to `width` points (word boundaries first, characters when a word is
    /// wider than the line). Explicit `\n` in the text always breaks the line.
    func measure(_ paragraph: Paragraph, width: Double) -> TextMeasurement
}
