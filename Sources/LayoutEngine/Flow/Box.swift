import LayoutTemplate

/// A laid-out piece of the flow: measured at its width, not yet placed on a page.
indirect enum Box {
    case stack(StackBox)
    case paragraph(ParagraphBox)
    /// Unbreakable: a row, an image, a QR code, a rule.
    case fixed(FixedBox)
    case table(TableBox)
    /// Vertical space that disappears at a page break.
    case spacer(Double)
    case pageBreak

    var height: Double {
        switch self {
        case .stack(let box): box.height
        case .paragraph(let box): box.height
        case .fixed(let box): box.height
        case .table(let box): box.height
        case .spacer(let height): height
        case .pageBreak: 0
        }
    }

    /// Whether a `<page-break/>` is inside, so the box must be cut even when it fits.
    var hasPageBreak: Bool {
        switch self {
        case .pageBreak: true
        case .stack(let box): box.hasPageBreak
        default: false
        }
    }

    var keep: KeepRules {
        if case .stack(let box) = self { return box.keep }
        return .none
    }

    /// Draws the box with its top-left corner at `origin`.
    func emit(at origin: Point, into items: inout [FrameItem]) {
        switch self {
        case .stack(let box): box.emit(at: origin, into: &items)
        case .paragraph(let box): box.emit(at: origin, into: &items)
        case .fixed(let box):
            for item in box.items { items.append(item.offsetBy(dx: origin.x, dy: origin.y)) }
        case .table(let box): box.emit(at: origin, into: &items)
        case .spacer, .pageBreak: break
        }
    }
}

/// Padding, borders and background of a block or cell, with colours resolved.
struct Decoration {
    var top: Double
    var right: Double
    var bottom: Double
    var left: Double
    var background: RGBAColor?
    var borders: Borders
    var source: SourceSpan

    enum Side: CaseIterable { case top, right, bottom, left }

    /// The stroke of each side that has one. A shared, immutable object: every cell of a column has the
    /// same borders, and a reference keeps the per-cell boxes small (``FlowBuilder`` hands out one object
    /// per distinct set).
    final class Borders: Hashable, Sendable {
        let top: ResolvedStroke?
        let right: ResolvedStroke?
        let bottom: ResolvedStroke?
        let left: ResolvedStroke?

        static let none = Borders(top: nil, right: nil, bottom: nil, left: nil)

        init(top: ResolvedStroke?, right: ResolvedStroke?, bottom: ResolvedStroke?, left: ResolvedStroke?) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }

        subscript(side: Side) -> ResolvedStroke? {
            switch side {
            case .top: top
            case .right: right
            case .bottom: bottom
            case .left: left
            }
        }

        static func == (a: Borders, b: Borders) -> Bool {
            a.top == b.top && a.right == b.right && a.bottom == b.bottom && a.left == b.left
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(top)
            hasher.combine(right)
            hasher.combine(bottom)
            hasher.combine(left)
        }
    }

    var vertical: Double { top + bottom }
    var horizontal: Double { left + right }

    /// Background then borders for a box occupying `rect`.
    func emit(_ rect: Rect, into items: inout [FrameItem]) {
        if let background, background.alpha > 0 {
            items.append(.rectangle(FrameRectangle(rect: rect, fill: background, source: source)))
        }
        for side in Side.allCases {
            guard let stroke = borders[side] else { continue }
            let half = stroke.width / 2
            let (from, to): (Point, Point) =
                switch side {
                case .top: (Point(x: rect.x, y: rect.y + half), Point(x: rect.maxX, y: rect.y + half))
                case .bottom: (Point(x: rect.x, y: rect.maxY - half), Point(x: rect.maxX, y: rect.maxY - half))
                case .left: (Point(x: rect.x + half, y: rect.y), Point(x: rect.x + half, y: rect.maxY))
                case .right: (Point(x: rect.maxX - half, y: rect.y), Point(x: rect.maxX - half, y: rect.maxY))
                }
            items.append(
                .line(FrameLine(from: from, to: to, width: stroke.width, color: stroke.color, dashed: stroke.dashed, source: source)))
        }
    }
}

struct ResolvedStroke: Hashable, Sendable {
    var width: Double
    var color: RGBAColor
    var dashed: Bool
}

/// A vertical stack of boxes (a block, a cell's content, the body).
struct StackBox {
    var children: [Box]
    var width: Double
    var decoration: Decoration?
    var keep: KeepRules
    var source: SourceSpan
    private(set) var height: Double
    private(set) var hasPageBreak: Bool

    init(children: [Box], width: Double, decoration: Decoration?, keep: KeepRules, source: SourceSpan) {
        self.children = children
        self.width = width
        self.decoration = decoration
        self.keep = keep
        self.source = source
        var total = decoration?.vertical ?? 0
        var hasPageBreak = false
        for child in children {
            total += child.height
            if child.hasPageBreak { hasPageBreak = true }
        }
        self.height = total
        self.hasPageBreak = hasPageBreak
    }

    /// The same stack (decoration, keep rules) with other children: one side of a split.
    func with(children: [Box]) -> StackBox {
        StackBox(children: children, width: width, decoration: decoration, keep: keep, source: source)
    }

    var isEmpty: Bool { children.allSatisfy { if case .spacer = $0 { true } else { false } } }

    func emit(at origin: Point, into items: inout [FrameItem]) {
        decoration?.emit(Rect(x: origin.x, y: origin.y, width: width, height: height), into: &items)
        var y = origin.y + (decoration?.top ?? 0)
        let x = origin.x + (decoration?.left ?? 0)
        for child in children {
            child.emit(at: Point(x: x, y: y), into: &items)
            y += child.height
        }
    }
}

/// A measured paragraph, or the lines of it that remain after a page break.
struct ParagraphBox {
    var paragraph: Paragraph
    var width: Double
    /// Relative to the box's top (the first line's top is 0).
    var lines: [MeasuredLine]
    var firstLineIndex: Int
    var totalLines: Int
    var measurementToken: Int
    var source: SourceSpan

    var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }

    func emit(at origin: Point, into items: inout [FrameItem]) {
        items.append(
            .text(
                TextFragment(
                    paragraph: paragraph, origin: origin, width: width, lines: lines, firstLineIndex: firstLineIndex,
                    isWholeParagraph: firstLineIndex == 0 && lines.count == totalLines,
                    measurementToken: measurementToken, source: source)))
    }

    /// The first `count` lines and the rest, each rebased to start at 0.
    func split(at count: Int) -> (ParagraphBox, ParagraphBox) {
        var head = self
        head.lines = Array(lines[..<count])
        var tail = self
        let offset = lines[count].top
        tail.lines = lines[count...].map {
            MeasuredLine(range: $0.range, top: $0.top - offset, height: $0.height, baseline: $0.baseline - offset)
        }
        tail.firstLineIndex = firstLineIndex + count
        return (head, tail)
    }
}

/// Something that never splits; its items are relative to its top-left corner.
struct FixedBox {
    var items: [FrameItem]
    var height: Double
    var source: SourceSpan
}
