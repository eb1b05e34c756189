import DisplayModel
import LayoutTemplate

/// Turns template nodes into measured boxes for one document: evaluates `if` and `each`, fills in bindings,
/// resolves colours and measures text.
struct FlowBuilder {
    let data: DisplayValue
    let measurer: any TextMeasurer
    /// The page counters, known only while building headers and footers.
    var page: Int?
    var pages: Int?
    var diagnostics = DiagnosticSink()
    /// One ``Decoration/Borders`` object per distinct set of borders.
    private var borderSets: Set<Decoration.Borders> = []

    init(data: DisplayValue, measurer: any TextMeasurer) {
        self.data = data
        self.measurer = measurer
    }

    // MARK: Nodes

    /// The boxes of `nodes` stacked at `width`, with spacing as separate (droppable) spacers.
    mutating func boxes(_ nodes: [Node], width: Double, scope: Scope) -> [Box] {
        var result: [Box] = []
        for node in nodes { append(node, width: width, scope: scope, to: &result) }
        return result
    }

    private mutating func append(_ node: Node, width: Double, scope: Scope, to result: inout [Box]) {
        if let condition = node.condition, !holds(condition, scope) { return }
        switch node {
        case .block(let block):
            if let loop = block.loop {
                guard case .list(let items)? = value(loop.list, scope) else { return }
                for item in items {
                    appendBlock(block, width: width, scope: scope.binding(loop.variable, to: item), to: &result)
                }
            } else {
                appendBlock(block, width: width, scope: scope, to: &result)
            }
        case .text(let text):
            guard let paragraph = paragraphBox(text, width: width - text.box.padding.horizontal, scope: scope) else { return }
            appendDecorated(.paragraph(paragraph), box: text.box, width: width, source: text.location, scope: scope, to: &result)
        case .row(let row):
            appendDecorated(rowBox(row, width: width - row.box.padding.horizontal, scope: scope), box: row.box, width: width, source: row.location, scope: scope, to: &result)
        case .image(let image):
            let path = resolve(image.source, scope)
            guard !path.isEmpty else { return }
            let inner = width - image.box.padding.horizontal
            let rect = Rect(x: Self.offset(image.width.points, in: inner, image.align), y: 0, width: image.width.points, height: image.height.points)
            let fixed = FixedBox(items: [.image(FrameImage(rect: rect, path: path, align: image.align, source: image.location))], height: rect.height, source: image.location)
            appendDecorated(.fixed(fixed), box: image.box, width: width, source: image.location, scope: scope, to: &result)
        case .qr(let qr):
            let payload = resolve(qr.value, scope)
            guard !payload.isEmpty else { return }
            let inner = width - qr.box.padding.horizontal
            let size = qr.size.points
            let rect = Rect(x: Self.offset(size, in: inner, qr.align), y: 0, width: size, height: size)
            let fixed = FixedBox(items: [.qr(FrameQR(rect: rect, payload: payload, source: qr.location))], height: size, source: qr.location)
            appendDecorated(.fixed(fixed), box: qr.box, width: width, source: qr.location, scope: scope, to: &result)
        case .rule(let rule):
            let stroke = resolve(rule.stroke, scope)
            let inner = width - rule.box.padding.horizontal
            let line = FrameLine(
                from: Point(x: 0, y: stroke.width / 2), to: Point(x: inner, y: stroke.width / 2), width: stroke.width,
                color: stroke.color, dashed: stroke.dashed, source: rule.location)
            appendDecorated(.fixed(FixedBox(items: [.line(line)], height: stroke.width, source: rule.location)), box: rule.box, width: width, source: rule.location, scope: scope, to: &result)
        case .table(let table):
            guard let box = tableBox(table, width: width - table.box.padding.horizontal, scope: scope) else { return }
            appendDecorated(.table(box), box: table.box, width: width, source: table.location, scope: scope, to: &result)
        case .pageBreak:
            result.append(.pageBreak)
        }
    }

    private mutating func appendBlock(_ block: BlockNode, width: Double, scope: Scope, to result: inout [Box]) {
        let inner = width - block.box.padding.horizontal
        let children = boxes(block.children, width: inner, scope: scope)
        if block.box.spaceBefore.points > 0 { result.append(.spacer(block.box.spaceBefore.points)) }
        let stack = StackBox(
            children: children, width: width, decoration: decoration(block.box, source: block.location, scope: scope),
            keep: block.keep, source: block.location)
        result.append(.stack(stack))
        if block.box.spaceAfter.points > 0 { result.append(.spacer(block.box.spaceAfter.points)) }
    }

    /// Wraps `content` in a decorated stack when the element has padding, borders or a background, and adds
    /// its spacing.
    private mutating func appendDecorated(
        _ content: Box, box: BoxStyle, width: Double, source: SourceSpan, scope: Scope, to result: inout [Box]
    ) {
        if box.spaceBefore.points > 0 { result.append(.spacer(box.spaceBefore.points)) }
        if box.isDecorated {
            result.append(
                .stack(StackBox(children: [content], width: width, decoration: decoration(box, source: source, scope: scope), keep: .none, source: source)))
        } else {
            result.append(content)
        }
        if box.spaceAfter.points > 0 { result.append(.spacer(box.spaceAfter.points)) }
    }

    static func offset(_ size: Double, in width: Double, _ align: TextAlign) -> Double {
        switch align {
        case .left: 0
        case .center: max(0, (width - size) / 2)
        case .right: max(0, width - size)
        }
    }

    // MARK: Rows

    private mutating func rowBox(_ row: RowNode, width: Double, scope: Scope) -> Box {
        let widths = ColumnWidth.resolve(row.columns, available: width, gap: row.gap.points)
        var items: [FrameItem] = []
        var height = 0.0
        var x = 0.0
        for (index, columnWidth) in widths.enumerated() {
            defer { x += columnWidth + row.gap.points }
            guard index < row.children.count else { continue }
            let stack = StackBox(
                children: boxes([row.children[index]], width: columnWidth, scope: scope), width: columnWidth,
                decoration: nil, keep: .none, source: row.children[index].location)
            stack.emit(at: Point(x: x, y: 0), into: &items)
            height = max(height, stack.height)
        }
        return .fixed(FixedBox(items: items, height: height, source: row.location))
    }

    // MARK: Text

    mutating func paragraphBox(_ node: TextNode, width: Double, scope: Scope) -> ParagraphBox? {
        guard let paragraph = paragraph(node, scope: scope) else { return nil }
        let measurement = measurer.measure(paragraph, width: width)
        return ParagraphBox(
            paragraph: paragraph, width: width, lines: measurement.lines, firstLineIndex: 0,
            totalLines: measurement.lines.count, measurementToken: measurement.reuseToken, source: node.location)
    }

    /// The paragraph of a text node, or `nil` when all of its text is empty (an unset optional field).
    private mutating func paragraph(_ node: TextNode, scope: Scope) -> Paragraph? {
        let color = resolve(node.style.color, scope)
        if node.runs.count == 1, node.runs[0].style == node.style, node.runs[0].condition == nil {
            let text = resolve(node.runs[0].content, scope)
            if text.isEmpty { return nil }
            return Paragraph(text: text, font: node.style.font, color: color, align: node.style.align)
        }
        var text = ""
        var spans: [StyledSpan] = []
        var utf8Count = 0
        for run in node.runs {
            if let condition = run.condition, !holds(condition, scope) { continue }
            let piece = resolve(run.content, scope)
            if piece.isEmpty { continue }
            text += piece
            let count = piece.utf8.count
            spans.append(StyledSpan(range: utf8Count..<(utf8Count + count), font: run.style.font, color: resolve(run.style.color, scope)))
            utf8Count += count
        }
        if text.isEmpty || text.allSatisfy({ $0 == " " }) { return nil }
        return Paragraph(text: text, font: node.style.font, color: color, align: node.style.align, spans: spans)
    }

    // MARK: Bindings

    func value(_ field: FieldReference, _ scope: Scope) -> DisplayValue? {
        let base: DisplayValue? = field.variable.map { scope.value(of: $0) } ?? data
        return base?.value(at: field.components)
    }

    func holds(_ condition: Condition, _ scope: Scope) -> Bool {
        let truthy = value(condition.field, scope)?.isTruthy ?? false
        return condition.negated ? !truthy : truthy
    }

    /// The text of `content`: fields as their text (a list of texts one per line), formatted fields through
    /// their formatters (data a formatter cannot read prints as it is, with an `invalid-data` warning),
    /// counters as numbers.
    mutating func resolve(_ content: TextContent, _ scope: Scope) -> String {
        if content.segments.count == 1, case .field(let field) = content.segments[0] {
            return text(of: value(field, scope))
        }
        var result = ""
        for segment in content.segments {
            switch segment {
            case .literal(let literal): result += literal
            case .field(let field): result += text(of: value(field, scope))
            case .formatted(let field, let calls): result += formatted(field, calls, scope)
            case .page: result += page.map(String.init) ?? ""
            case .pages: result += pages.map(String.init) ?? ""
            }
        }
        return result
    }

    private mutating func formatted(_ field: FieldReference, _ calls: [FormatterCall], _ scope: Scope) -> String {
        guard var current = value(field, scope) else { return "" }
        for call in calls {
            do {
                current = .text(try call.formatter.format(current, argument: call.argument))
            } catch {
                diagnostics.report(
                    .warning, .invalidData, "\(error) (`\(field)`); it is printed as it is", at: field.location,
                    hints: ["fix the data, or bind a field of the kind the formatter formats"])
                return text(of: current)
            }
        }
        return text(of: current)
    }

    private func text(of value: DisplayValue?) -> String {
        switch value {
        case .text(let text)?: text
        case .value(let value)?: value.defaultText
        case .list(let items)?: items.compactMap(\.text).joined(separator: "\n")
        default: ""
        }
    }

    mutating func resolve(_ color: ColorValue, _ scope: Scope) -> RGBAColor {
        switch color {
        case .fixed(let color): return color
        case .bound(let field):
            let text = text(of: value(field, scope))
            if let color = RGBAColor(css: text) { return color }
            diagnostics.report(
                .warning, .invalidData, "`\(field)` is `\(text)`, not a colour; black is used", at: field.location,
                hints: ["colours are written `#RRGGBB`"])
            return .black
        }
    }

    mutating func resolve(_ stroke: Stroke, _ scope: Scope) -> ResolvedStroke {
        ResolvedStroke(width: stroke.width.points, color: resolve(stroke.color, scope), dashed: stroke.pattern == .dashed)
    }

    mutating func decoration(_ box: BoxStyle, source: SourceSpan, scope: Scope) -> Decoration? {
        guard box.isDecorated else { return nil }
        let resolved = Decoration.Borders(
            top: box.borders.top.map { resolve($0, scope) }, right: box.borders.right.map { resolve($0, scope) },
            bottom: box.borders.bottom.map { resolve($0, scope) }, left: box.borders.left.map { resolve($0, scope) })
        let borders = borderSets.insert(resolved).memberAfterInsert
        return Decoration(
            top: box.padding.top.points, right: box.padding.right.points, bottom: box.padding.bottom.points,
            left: box.padding.left.points, background: box.background.map { resolve($0, scope) }, borders: borders,
            source: source)
    }
}

/// Loop variables in effect, innermost last.
struct Scope {
    private var bindings: [(name: String, value: DisplayValue)] = []

    static let root = Scope()

    func binding(_ name: String, to value: DisplayValue) -> Scope {
        var copy = self
        copy.bindings.append((name, value))
        return copy
    }

    func value(of name: String) -> DisplayValue? {
        bindings.last { $0.name == name }?.value
    }
}
