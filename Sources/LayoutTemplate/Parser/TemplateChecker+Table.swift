import DisplayModel
import XMLTree

extension TemplateChecker {
    func table(_ element: Element, style parent: TextStyle, scope: BindingScope) -> Node? {
        let (style, box) = styles(element, inheriting: parent, scope: scope)
        let condition = condition(element, scope: scope)
        var columns: [ColumnWidth] = []
        if let text = require(element, "columns", example: "20mm 1fr 25mm") {
            do { columns = try ValueParsers.columns(text) } catch { report(error, at: valueLocation(element, "columns")) }
        }
        var header: TableSection?
        var repeatHeader = false
        var rows: TableRows?
        var footer: TableSection?
        var repeatFooter = false
        for child in element.xml.children {
            let part = self.element(child)
            let partStyle = combinedProperties(part, scope: scope).textStyle(inheriting: style)
            switch part.name {
            case "header" where header == nil && rows == nil && footer == nil:
                repeatHeader = flag(part, "repeat") ?? false
                header = TableSection(cells: cells(part, style: partStyle, scope: scope, columns: columns.count), location: part.location)
            case "rows" where rows == nil && footer == nil:
                guard let (loop, inner) = loop(part, scope: scope) else {
                    if part.attributes["each"] == nil {
                        _ = require(part, "each", example: "line in lines")
                    }
                    _ = cells(part, style: partStyle, scope: scope, columns: columns.count)
                    continue
                }
                let keep = flag(part, "keep-together") ?? false
                let zebra = part.attributes["zebra"].map { color($0, at: valueLocation(part, "zebra"), scope: scope) } ?? nil
                rows = TableRows(
                    loop: loop, cells: cells(part, style: partStyle, scope: inner, columns: columns.count), keepTogether: keep,
                    zebra: zebra, location: part.location)
            case "footer" where footer == nil:
                repeatFooter = flag(part, "repeat") ?? false
                footer = TableSection(cells: cells(part, style: partStyle, scope: scope, columns: columns.count), location: part.location)
            case "header", "rows", "footer":
                report(
                    .error, .misplacedElement, "<\(part.name)> is repeated or out of order", at: part.location,
                    hints: ["a table has at most one <header>, one <rows> and one <footer>, in that order"])
            default:
                reportUnexpected(part, allowed: ["header", "rows", "footer"], context: "in <table>")
            }
        }
        if rows == nil && header == nil && footer == nil {
            report(.error, .missingAttribute, "<table> has no <rows>", at: element.location, hints: ["add <rows each=\"line in lines\">…</rows>"])
        }
        return .table(
            TableNode(
                columns: columns, header: header, repeatHeader: repeatHeader, rows: rows, footer: footer,
                repeatFooter: repeatFooter, box: box,
                condition: condition, location: element.location))
    }

    private func cells(_ section: Element, style: TextStyle, scope: BindingScope, columns: Int) -> [TableCell] {
        var cells: [TableCell] = []
        var used = 0
        for child in section.xml.children {
            let part = element(child)
            guard part.name == "cell" else {
                reportUnexpected(part, allowed: ["cell"], context: "in <\(section.name)>")
                continue
            }
            let (cellStyle, box) = styles(part, inheriting: style, scope: scope)
            var span = 1
            if let text = part.attributes["span"] {
                if let value = Int(text), value >= 1 { span = value } else {
                    report(.error, .invalidValue, "`\(text)` is not a column count", at: valueLocation(part, "span"), hints: ["write span=\"2\""])
                }
            }
            used += span
            cells.append(TableCell(span: span, content: cellContent(part, style: cellStyle, scope: scope), box: box, location: part.location))
        }
        if columns > 0 && used > columns {
            report(
                .error, .columnCount, "<\(section.name)> fills \(used) columns but the table has \(columns)", at: section.location,
                hints: ["remove a cell, lower a `span`, or add a column"])
        }
        return cells
    }

    /// A cell holds text (optionally with spans) or flow elements.
    private func cellContent(_ cell: Element, style: TextStyle, scope: BindingScope) -> [Node] {
        let children = cell.xml.children
        let inline = children.allSatisfy { $0.localName == "span" || $0.localName == "br" }
        if inline {
            let runs = paragraphRuns(cell, style: style, scope: scope)
            if runs.allSatisfy({ $0.content.segments.isEmpty }) { return [] }
            return [.text(TextNode(runs: runs, style: style, location: cell.location))]
        }
        let outside = cell.xml.text.filter { !$0.isWhitespace }
        let inside = children.map(\.text).joined().filter { !$0.isWhitespace }
        if children.contains(where: { $0.localName == "span" || $0.localName == "br" }) || outside != inside {
            report(
                .error, .textOutsideSpan, "a <cell> holds either text (with <span>s) or elements such as <text>, not both",
                at: cell.location, hints: ["wrap the text in <text>…</text>"])
        }
        var nodes: [Node] = []
        for child in children {
            if let node = flowNode(element(child), style: style, scope: scope, allowPageBreak: false) { nodes.append(node) }
        }
        return nodes
    }
}
