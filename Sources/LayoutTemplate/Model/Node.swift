/// One element of a checked template. Every node keeps the place it was written, and its styles are already
/// resolved (named styles, `extends`, inheritance), so layout never looks styles up.
public indirect enum Node: Sendable, Hashable {
    case block(BlockNode)
    case row(RowNode)
    case text(TextNode)
    case image(ImageNode)
    case qr(QRNode)
    case rule(RuleNode)
    case table(TableNode)
    case pageBreak(PageBreakNode)

    public var location: SourceSpan {
        switch self {
        case .block(let node): node.location
        case .row(let node): node.location
        case .text(let node): node.location
        case .image(let node): node.location
        case .qr(let node): node.location
        case .rule(let node): node.location
        case .table(let node): node.location
        case .pageBreak(let node): node.location
        }
    }

    public var condition: Condition? {
        switch self {
        case .block(let node): node.condition
        case .row(let node): node.condition
        case .text(let node): node.condition
        case .image(let node): node.condition
        case .qr(let node): node.condition
        case .rule(let node): node.condition
        case .table(let node): node.condition
        case .pageBreak(let node): node.condition
        }
    }
}

/// How a block behaves at page breaks.
public struct KeepRules: Sendable, Hashable {
    /// Never split: move to the next page when it does not fit.
    public var together: Bool
    /// Move to the next page together with the following element.
    public var withNext: Bool
    /// Move to the next page together with (the end of) the preceding element.
    public var withPrevious: Bool
    /// `min-space`: start on a new page unless at least this much room is left on the current one.
    public var minSpace: Length

    public init(together: Bool = false, withNext: Bool = false, withPrevious: Bool = false, minSpace: Length = .zero) {
        self.together = together
        self.withNext = withNext
        self.withPrevious = withPrevious
        self.minSpace = minSpace
    }

    public static let none = KeepRules()
}

/// `<block>`: children stacked vertically; may repeat (`each`), be conditional and carry keep rules.
public struct BlockNode: Sendable, Hashable {
    public var children: [Node]
    public var box: BoxStyle
    public var loop: Loop?
    public var keep: KeepRules
    public var condition: Condition?
    public var location: SourceSpan

    public init(
        children: [Node], box: BoxStyle = .plain, loop: Loop? = nil, keep: KeepRules = .none,
        condition: Condition? = nil, location: SourceSpan
    ) {
        self.children = children
        self.box = box
        self.loop = loop
        self.keep = keep
        self.condition = condition
        self.location = location
    }
}

/// `<row columns="30mm 1fr">`: children side by side, one per column. A row never splits across pages.
public struct RowNode: Sendable, Hashable {
    public var columns: [ColumnWidth]
    public var gap: Length
    public var children: [Node]
    public var box: BoxStyle
    public var condition: Condition?
    public var location: SourceSpan

    public init(
        columns: [ColumnWidth], gap: Length = .zero, children: [Node], box: BoxStyle = .plain,
        condition: Condition? = nil, location: SourceSpan
    ) {
        self.columns = columns
        self.gap = gap
        self.children = children
        self.box = box
        self.condition = condition
        self.location = location
    }
}

/// A piece of a paragraph with its own style (`<span>`), or a forced line break (`<br/>`).
public struct TextRun: Sendable, Hashable {
    public var content: TextContent
    public var style: TextStyle
    /// `if` on a `<span>`: the run is left out when it does not hold.
    public var condition: Condition?
    public var location: SourceSpan

    public init(content: TextContent, style: TextStyle, condition: Condition? = nil, location: SourceSpan) {
        self.content = content
        self.style = style
        self.condition = condition
        self.location = location
    }
}

/// `<text>`: one paragraph, wrapped to the available width; splits across pages between lines.
public struct TextNode: Sendable, Hashable {
    public var runs: [TextRun]
    /// The paragraph's own style (alignment, and the font of its first line).
    public var style: TextStyle
    public var box: BoxStyle
    public var condition: Condition?
    public var location: SourceSpan

    public init(runs: [TextRun], style: TextStyle, box: BoxStyle = .plain, condition: Condition? = nil, location: SourceSpan) {
        self.runs = runs
        self.style = style
        self.box = box
        self.condition = condition
        self.location = location
    }
}

/// `<image src="assets/logo.png" width="38mm" height="15mm">`: scaled to fit inside its box, keeping its
/// proportions.
public struct ImageNode: Sendable, Hashable {
    /// A path relative to the layouts directory, possibly bound (`{branding.logo}`); empty → nothing drawn.
    public var source: TextContent
    public var width: Length
    public var height: Length
    public var align: TextAlign
    public var box: BoxStyle
    public var condition: Condition?
    public var location: SourceSpan

    public init(
        source: TextContent, width: Length, height: Length, align: TextAlign = .left, box: BoxStyle = .plain,
        condition: Condition? = nil, location: SourceSpan
    ) {
        self.source = source
        self.width = width
        self.height = height
        self.align = align
        self.box = box
        self.condition = condition
        self.location = location
    }
}

/// `<qr value="{document.qr}" size="30mm">`: a QR code (ECC level M) whose square, quiet zone included,
/// is `size` wide.
public struct QRNode: Sendable, Hashable {
    public var value: TextContent
    public var size: Length
    public var align: TextAlign
    public var box: BoxStyle
    public var condition: Condition?
    public var location: SourceSpan

    public init(
        value: TextContent, size: Length, align: TextAlign = .left, box: BoxStyle = .plain, condition: Condition? = nil,
        location: SourceSpan
    ) {
        self.value = value
        self.size = size
        self.align = align
        self.box = box
        self.condition = condition
        self.location = location
    }
}

/// `<rule/>`: a horizontal line across the available width.
public struct RuleNode: Sendable, Hashable {
    public var stroke: Stroke
    public var box: BoxStyle
    public var condition: Condition?
    public var location: SourceSpan

    public init(stroke: Stroke, box: BoxStyle = .plain, condition: Condition? = nil, location: SourceSpan) {
        self.stroke = stroke
        self.box = box
        self.condition = condition
        self.location = location
    }
}

/// `<page-break/>`: the following content starts on a new page.
public struct PageBreakNode: Sendable, Hashable {
    public var condition: Condition?
    public var location: SourceSpan

    public init(condition: Condition? = nil, location: SourceSpan) {
        self.condition = condition
        self.location = location
    }
}
