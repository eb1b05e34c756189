import DisplayModel
import Foundation
import XMLTree

extension TemplateChecker {
    /// One element of a flow (the body, a region, a block, a cell, a row column).
    func flowNode(_ element: Element, style parent: TextStyle, scope: BindingScope, allowPageBreak: Bool) -> Node? {
        switch element.name {
        case "block": return block(element, style: parent, scope: scope, allowPageBreak: allowPageBreak)
        case "row": return row(element, style: parent, scope: scope)
        case "text": return text(element, style: parent, scope: scope).map(Node.text)
        case "image": return image(element, scope: scope)
        case "qr": return qr(element, scope: scope)
        case "rule": return rule(element, scope: scope)
        case "table": return table(element, style: parent, scope: scope)
        case "page-break" where allowPageBreak:
            refuseChildren(element)
            return .pageBreak(PageBreakNode(condition: condition(element, scope: scope), location: element.location))
        default:
            let allowed = Vocabulary.flowElements.filter { allowPageBreak || $0 != "page-break" }
            reportUnexpected(element, allowed: allowed, context: "here")
            return nil
        }
    }

    /// Reports every child element and any text of an element that holds nothing (`<rule/>`, `<image/>`, …).
    func refuseChildren(_ element: Element) {
        for child in element.xml.children {
            reportUnexpected(self.element(child), allowed: [], context: "inside <\(element.name)> (it holds nothing)")
        }
        if element.xml.children.isEmpty, element.xml.text.contains(where: { !$0.isWhitespace }) {
            report(.error, .misplacedElement, "<\(element.name)> holds no text", at: element.location,
                   hints: ["write it empty, as <\(element.name) …/>; put text in a <text>"])
        }
    }

    /// Text style (checked against the bundled faces) and box style of an element.
    func styles(_ element: Element, inheriting parent: TextStyle, scope: BindingScope) -> (TextStyle, BoxStyle) {
        let properties = combinedProperties(element, scope: scope)
        let style = properties.textStyle(inheriting: parent)
        checkFace(style.font, at: element.location)
        return (style, properties.boxStyle)
    }

    private func block(_ element: Element, style parent: TextStyle, scope: BindingScope, allowPageBreak: Bool) -> Node {
        if let name = element.attributes["name"], let replacement = replacement(forBlockNamed: name) {
            return inExtension {
                // Replacements are read in the parent's order: look for this one from its own line.
                locator.rewind(toLine: replacement.line)
                return block(self.element(replacement), style: parent, scope: scope, allowPageBreak: allowPageBreak)
            }
        }
        let (style, box) = styles(element, inheriting: parent, scope: scope)
        let condition = condition(element, scope: scope)
        let (loop, inner) = loop(element, scope: scope).map { ($0.0 as Loop?, $0.1) } ?? (nil, scope)
        let keep = KeepRules(
            together: flag(element, "keep-together") ?? false, withNext: flag(element, "keep-with-next") ?? false,
            withPrevious: flag(element, "keep-with-previous") ?? false, minSpace: length(element, "min-space") ?? .zero)
        var children: [Node] = []
        for child in element.xml.children {
            if let node = flowNode(self.element(child), style: style, scope: inner, allowPageBreak: allowPageBreak) { children.append(node) }
        }
        return .block(BlockNode(children: children, box: box, loop: loop, keep: keep, condition: condition, location: element.location))
    }

    private func row(_ element: Element, style parent: TextStyle, scope: BindingScope) -> Node? {
        let (style, box) = styles(element, inheriting: parent, scope: scope)
        let condition = condition(element, scope: scope)
        var columns: [ColumnWidth] = []
        if let text = require(element, "columns", example: "40mm 1fr") {
            do { columns = try ValueParsers.columns(text) } catch { report(error, at: valueLocation(element, "columns")) }
        }
        let gap = length(element, "gap") ?? .zero
        var children: [Node] = []
        for child in element.xml.children {
            if let node = flowNode(self.element(child), style: style, scope: scope, allowPageBreak: false) { children.append(node) }
        }
        if !columns.isEmpty && children.count > columns.count {
            report(
                .error, .columnCount, "<row> has \(children.count) children but \(columns.count) columns", at: element.location,
                hints: ["each child of a row fills one column: add columns or wrap children in a <block>"])
        }
        return .row(RowNode(columns: columns, gap: gap, children: children, box: box, condition: condition, location: element.location))
    }

    /// `<text>`: plain content, or `<span>`/`<br/>` children.
    func text(_ element: Element, style parent: TextStyle, scope: BindingScope) -> TextNode? {
        let (style, box) = styles(element, inheriting: parent, scope: scope)
        let condition = condition(element, scope: scope)
        let runs = paragraphRuns(element, style: style, scope: scope)
        return TextNode(runs: runs, style: style, box: box, condition: condition, location: element.location)
    }

    /// The runs of a paragraph-like element (`<text>` or a text `<cell>`).
    func paragraphRuns(_ element: Element, style: TextStyle, scope: BindingScope) -> [TextRun] {
        let children = element.xml.children
        var runs: [TextRun] = []
        if children.isEmpty {
            runs = [TextRun(content: textContent(element.xml.text, in: element, scope: scope, collapse: true), style: style, location: element.location)]
        } else {
            let outside = element.xml.text.filter { !$0.isWhitespace }
            let inside = children.map(\.text).joined().filter { !$0.isWhitespace }
            if outside != inside {
                report(
                    .error, .textOutsideSpan, "text outside <span> in a <\(element.name)> that has <span> children would be lost",
                    at: element.location, hints: ["wrap every piece of text in <span>…</span>"])
            }
            for child in children {
                let part = self.element(child)
                switch part.name {
                case "span":
                    let spanStyle = combinedProperties(part, scope: scope).textStyle(inheriting: style)
                    checkFace(spanStyle.font, at: part.location)
                    for grandchild in part.xml.children {
                        reportUnexpected(self.element(grandchild), allowed: [], context: "inside <span> (it holds text only)")
                    }
                    let spanCondition = condition(part, scope: scope)
                    runs.append(
                        TextRun(
                            content: textContent(part.xml.text, in: part, scope: scope, collapse: true), style: spanStyle,
                            condition: spanCondition, location: part.location))
                case "br":
                    refuseChildren(part)
                    runs.append(TextRun(content: .literal("\n"), style: style, location: part.location))
                default:
                    reportUnexpected(part, allowed: ["span", "br"], context: "inside <\(element.name)>")
                }
            }
        }
        return Self.trimmed(runs)
    }

    /// Template text is trimmed at the paragraph's ends and around `<br/>`.
    static func trimmed(_ runs: [TextRun]) -> [TextRun] {
        var runs = runs
        for index in runs.indices {
            let atStart = index == 0 || runs[index - 1].content.segments == [.literal("\n")]
            let atEnd = index == runs.count - 1 || runs[index + 1].content.segments == [.literal("\n")]
            var segments = runs[index].content.segments
            if atStart, case .literal(let text)? = segments.first {
                let trimmed = String(text.drop { $0 == " " })
                if trimmed.isEmpty { segments.removeFirst() } else { segments[0] = .literal(trimmed) }
            }
            if atEnd, case .literal(let text)? = segments.last, text != "\n" {
                var trimmed = Substring(text)
                while trimmed.last == " " { trimmed.removeLast() }
                if trimmed.isEmpty { segments.removeLast() } else { segments[segments.count - 1] = .literal(String(trimmed)) }
            }
            runs[index].content = TextContent(segments)
        }
        return runs
    }

    private func image(_ element: Element, scope: BindingScope) -> Node? {
        refuseChildren(element)
        let (_, box) = styles(element, inheriting: TextStyle(font: FontSpec(family: "", size: 0)), scope: scope)
        let condition = condition(element, scope: scope)
        let source = require(element, "src", example: "assets/logo.png").map { textContent($0, in: element, scope: scope, collapse: false) }
        let width = require(element, "width", example: "38mm") != nil ? length(element, "width") : nil
        let height = require(element, "height", example: "15mm") != nil ? length(element, "height") : nil
        let align = choice(element, "align", as: TextAlign.self) ?? .left
        if let source, let assetsDirectory, source.segments.count == 1, case .literal(let path) = source.segments[0] {
            let full = path.hasPrefix("/") ? path : assetsDirectory + "/" + path
            if !FileManager.default.fileExists(atPath: full) {
                report(.error, .missingAsset, "image `\(path)` does not exist", at: valueLocation(element, "src"),
                       hints: ["paths are relative to the layouts directory, e.g. `assets/logo.png`"])
            }
        }
        guard let source, let width, let height else { return nil }
        return .image(ImageNode(source: source, width: width, height: height, align: align, box: box, condition: condition, location: element.location))
    }

    private func qr(_ element: Element, scope: BindingScope) -> Node? {
        refuseChildren(element)
        let (_, box) = styles(element, inheriting: TextStyle(font: FontSpec(family: "", size: 0)), scope: scope)
        let condition = condition(element, scope: scope)
        let value = require(element, "value", example: "{document.qr}").map { textContent($0, in: element, scope: scope, collapse: false) }
        let size = require(element, "size", example: "30mm") != nil ? length(element, "size") : nil
        let align = choice(element, "align", as: TextAlign.self) ?? .left
        guard let value, let size else { return nil }
        return .qr(QRNode(value: value, size: size, align: align, box: box, condition: condition, location: element.location))
    }

    private func rule(_ element: Element, scope: BindingScope) -> Node? {
        refuseChildren(element)
        let (_, box) = styles(element, inheriting: TextStyle(font: FontSpec(family: "", size: 0)), scope: scope)
        let condition = condition(element, scope: scope)
        var stroke = Stroke(width: .pt(0.5))
        if let text = element.attributes["stroke"], let parsed = self.stroke(text, at: valueLocation(element, "stroke"), scope: scope) {
            stroke = parsed ?? Stroke(width: .zero)
        }
        return .rule(RuleNode(stroke: stroke, box: box, condition: condition, location: element.location))
    }
}
