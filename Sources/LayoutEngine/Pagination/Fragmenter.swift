import LayoutTemplate

/// Splits boxes at page breaks.
///
/// `split(box, available:, atTop:)` returns what goes on the current page (`head`) and what continues on the
/// next (`tail`). When `atTop` is true nothing has been placed on the page yet, and the head is never `nil`:
/// something always lands on the page, so pagination always ends. Forcing an unbreakable box that is taller
/// than the page records a `cannot-fit` error instead of clipping silently.
struct Fragmenter {
    /// The body height of an empty continuation page, for "would this fit on a fresh page?" decisions.
    let fullPageHeight: Double
    var diagnostics: DiagnosticSink

    typealias Split = (head: Box?, tail: Box?)

    mutating func split(_ box: Box, available: Double, atTop: Bool) -> Split {
        if box.height <= available + Self.tolerance && !box.hasPageBreak { return (box, nil) }
        switch box {
        case .stack(let stack): return splitStack(stack, available: available, atTop: atTop)
        case .paragraph(let paragraph): return splitParagraph(paragraph, available: available, atTop: atTop)
        case .table(let table): return splitTable(table, available: available, atTop: atTop)
        case .fixed(let fixed):
            guard atTop else { return (nil, box) }
            diagnostics.report(
                .error, .cannotFit,
                "this element is \(Self.points(fixed.height)) tall but a page has room for \(Self.points(available)); it would be clipped",
                at: fixed.source, hints: ["make it smaller, or give the page smaller margins, header or footer"])
            return (box, nil)
        case .spacer: return (nil, nil)
        case .pageBreak: return (nil, nil)
        }
    }

    /// Rounding slack, so that a box exactly as tall as the space left still fits.
    static let tolerance = 0.001

    static func points(_ value: Double) -> String { PageFrame.f(value) + "pt" }

    // MARK: Paragraphs

    private mutating func splitParagraph(_ box: ParagraphBox, available: Double, atTop: Bool) -> Split {
        var count = 0
        while count < box.lines.count, box.lines[count].top + box.lines[count].height <= available + Self.tolerance {
            count += 1
        }
        if count == 0 {
            guard atTop else { return (nil, .paragraph(box)) }
            diagnostics.report(
                .error, .cannotFit, "a line of text is taller than the page (\(Self.points(box.lines[0].height)))",
                at: box.source, hints: ["use a smaller font size"])
            count = 1
        }
        if count == box.lines.count { return (.paragraph(box), nil) }
        let (head, tail) = box.split(at: count)
        return (.paragraph(head), .paragraph(tail))
    }

    // MARK: Stacks

    private mutating func splitStack(_ stack: StackBox, available: Double, atTop: Bool) -> Split {
        if stack.keep.together {
            if !atTop && stack.height <= fullPageHeight + Self.tolerance { return (nil, .stack(stack)) }
            if stack.height > fullPageHeight + Self.tolerance {
                diagnostics.report(
                    .warning, .keepTogetherBroken,
                    "keep-together block is \(Self.points(stack.height)) tall, more than a page (\(Self.points(fullPageHeight))); it was split",
                    at: stack.source, hints: ["remove keep-together or make the block shorter"])
            }
        }
        let inner = available - (stack.decoration?.vertical ?? 0)
        let children = stack.children
        var placed: [Box] = []
        var placedIndices: [Int] = []
        var used = 0.0
        var index = 0
        while index < children.count {
            let child = children[index]
            let nothingPlaced = placedIndices.isEmpty
            switch child {
            case .pageBreak:
                if nothingPlaced && atTop {
                    index += 1
                    continue
                }
                return finish(stack, head: placed, tail: Array(children[(index + 1)...]))
            case .spacer where nothingPlaced && atTop:
                index += 1
                continue
            default:
                break
            }
            if used + child.height <= inner + Self.tolerance {
                placed.append(child)
                placedIndices.append(index)
                used += child.height
                index += 1
                continue
            }
            if case .spacer = child {
                // Space at the bottom of a page is dropped.
                return finish(stack, head: placed, tail: Array(children[(index + 1)...]))
            }
            let childAtTop = atTop && nothingPlaced
            // `min-space`: a block that does not fit whole starts on the next page unless enough room is left.
            let minSpace = child.keep.minSpace.points
            if minSpace > 0, !childAtTop, inner - used < minSpace - Self.tolerance {
                return breakBefore(index, in: stack, placed: placed, placedIndices: placedIndices, atTop: atTop)
            }
            let (head, tail) = split(child, available: inner - used, atTop: childAtTop)
            if let head {
                placed.append(head)
                placedIndices.append(index)
                var rest = tail.map { [$0] } ?? []
                rest.append(contentsOf: children[(index + 1)...])
                return finish(stack, head: placed, tail: rest)
            }
            return breakBefore(index, in: stack, placed: placed, placedIndices: placedIndices, atTop: atTop)
        }
        return (.stack(stack), nil)
    }

    /// The child at `index` moves to the next page; children glued to it (`keep-with-next` before it,
    /// `keep-with-previous` on it) move along, or only the end of the preceding one when it can split.
    private mutating func breakBefore(
        _ index: Int, in stack: StackBox, placed: [Box], placedIndices: [Int], atTop: Bool
    ) -> Split {
        let children = stack.children
        var placed = placed
        var placedIndices = placedIndices
        var carried: [Box] = []
        var next = index
        var glued = isGlued(children, before: index)
        while glued, let last = placedIndices.last {
            let previous = placed.removeLast()
            placedIndices.removeLast()
            next = last
            if case .spacer = previous { continue }  // glue reaches across the space between blocks
            if let (head, tail) = splitOffEnd(previous) {
                placed.append(head)
                placedIndices.append(last)
                carried = [tail]
                break
            }
            glued = isGlued(children, before: next)
        }
        if placed.isEmpty || placed.allSatisfy({ if case .spacer = $0 { true } else { false } }) {
            if !atTop { return (nil, .stack(stack)) }
            // Nothing would stay on an empty page: the glue cannot be honoured, break where the content broke.
            return forcedBreak(index, in: stack)
        }
        var rest = carried
        rest.append(contentsOf: children[(carried.isEmpty ? next : next + 1)...])
        return finish(stack, head: placed, tail: rest)
    }

    private func forcedBreak(_ index: Int, in stack: StackBox) -> Split {
        let children = stack.children
        let head = children[..<index].filter { if case .pageBreak = $0 { false } else { true } }
        if head.isEmpty { return (.stack(stack), nil) }  // unreachable: a first child at the top always places
        return finish(stack, head: head, tail: Array(children[index...]))
    }

    /// Whether `children[index]` must not be separated from the nearest preceding non-space child.
    private func isGlued(_ children: [Box], before index: Int) -> Bool {
        guard index > 0, index < children.count else { return false }
        var previous = index - 1
        while previous > 0, case .spacer = children[previous] { previous -= 1 }
        if case .spacer = children[previous] { return false }
        return children[index].keep.withPrevious || children[previous].keep.withNext
    }

    private func finish(_ stack: StackBox, head: [Box], tail: [Box]) -> Split {
        let tailBox = tail.contains { if case .spacer = $0 { false } else { true } } ? Box.stack(stack.with(children: tail)) : nil
        return (.stack(stack.with(children: head)), tailBox)
    }

    /// Splits off the last unit of a box (its last line, last table row or last child) so that it can move to
    /// the next page with what follows; `nil` when the box is a single unit or must stay whole.
    private mutating func splitOffEnd(_ box: Box) -> (Box, Box)? {
        switch box {
        case .paragraph(let paragraph):
            guard paragraph.lines.count >= 2 else { return nil }
            let (head, tail) = paragraph.split(at: paragraph.lines.count - 1)
            return (.paragraph(head), .paragraph(tail))
        case .table(let table):
            if table.rows.count >= 2 {
                let head = table.head(rows: Array(table.rows.dropLast()))
                return (.table(head), .table(table.continuation(rows: [table.rows.last!], withFooter: true)))
            }
            // One (continued) row: its last line moves.
            guard let row = table.rows.first, let (head, tail) = splitRow(row, available: row.height - Self.tolerance * 10, atTop: false)
            else { return nil }
            return (.table(table.head(rows: [head])), .table(table.continuation(rows: [tail], withFooter: true)))
        case .stack(let stack):
            guard !stack.keep.together, let last = stack.children.last else { return nil }
            if let (head, tail) = splitOffEnd(last) {
                return (.stack(stack.with(children: stack.children.dropLast() + [head])), .stack(stack.with(children: [tail])))
            }
            guard stack.children.count >= 2 else { return nil }
            return (.stack(stack.with(children: Array(stack.children.dropLast()))), .stack(stack.with(children: [last])))
        case .fixed, .spacer, .pageBreak:
            return nil
        }
    }
}

/// Collects layout diagnostics, once per (code, place, message).
struct DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    mutating func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at location: SourceSpan,
        hints: [String] = []
    ) {
        let diagnostic = Diagnostic(severity, code, message, at: location, hints: hints)
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    mutating func append(contentsOf other: DiagnosticSink) {
        for diagnostic in other.diagnostics where seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }
}
