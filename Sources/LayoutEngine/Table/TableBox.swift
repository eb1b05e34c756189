import LayoutTemplate

/// A measured table, or the part of it that remains after a page break.
struct TableBox {
    /// The header drawn at the top of this fragment (the first fragment always has it).
    var header: TableRowBox?
    /// The header drawn at the top of continuation fragments: the header when it repeats, else `nil`.
    var continuationHeader: TableRowBox?
    var rows: [TableRowBox]
    /// The footer, in the fragment that ends the table only.
    var footer: TableRowBox?
    var rowsKeepTogether: Bool
    /// Whether every fragment ends with the footer (`<footer repeat="true">`).
    var repeatFooter: Bool = false
    /// The footer kept aside for the fragments that end a page, when it repeats.
    var repeatedFooter: TableRowBox?
    var width: Double
    var source: SourceSpan

    var height: Double {
        var total = (header?.height ?? 0) + (footer?.height ?? 0)
        for row in rows { total += row.height }
        return total
    }

    /// The fragment that continues this table on a new page with `rows` and, when `withFooter`, the footer.
    func continuation(rows: [TableRowBox], withFooter: Bool) -> TableBox {
        TableBox(
            header: continuationHeader, continuationHeader: continuationHeader, rows: rows,
            footer: withFooter ? footer : nil, rowsKeepTogether: rowsKeepTogether, repeatFooter: repeatFooter,
            repeatedFooter: repeatedFooter, width: width, source: source)
    }

    /// This fragment's head: its header and `rows`, and the footer only when it repeats.
    func head(rows: [TableRowBox]) -> TableBox {
        TableBox(
            header: header, continuationHeader: continuationHeader, rows: rows, footer: repeatFooter ? repeatedFooter : nil,
            rowsKeepTogether: rowsKeepTogether, repeatFooter: repeatFooter, repeatedFooter: repeatedFooter, width: width,
            source: source)
    }

    /// The room a page's fragment keeps for a repeating footer.
    var reservedFooterHeight: Double { repeatFooter ? repeatedFooter?.height ?? 0 : 0 }

    func emit(at origin: Point, into items: inout [FrameItem]) {
        var y = origin.y
        if let header {
            header.emit(at: Point(x: origin.x, y: y), into: &items)
            y += header.height
        }
        for row in rows {
            row.emit(at: Point(x: origin.x, y: y), into: &items)
            y += row.height
        }
        if let footer { footer.emit(at: Point(x: origin.x, y: y), into: &items) }
    }
}

/// One table row: its cells side by side, all as tall as the tallest.
struct TableRowBox {
    var cells: [CellBox]
    let height: Double

    init(cells: [CellBox]) {
        self.cells = cells
        var tallest = 0.0
        for cell in cells { tallest = max(tallest, cell.content.height + cell.decoration.vertical) }
        self.height = tallest
    }

    func emit(at origin: Point, into items: inout [FrameItem]) {
        for cell in cells {
            let rect = Rect(x: origin.x + cell.x, y: origin.y, width: cell.width, height: height)
            cell.decoration.emit(rect, into: &items)
            cell.content.emit(
                at: Point(x: rect.x + cell.decoration.left, y: rect.y + cell.decoration.top), into: &items)
        }
    }
}

/// A cell: its position in the row, its decoration and its content (a vertical flow at the inner width).
struct CellBox {
    var x: Double
    var width: Double
    var decoration: Decoration
    var content: StackBox
}
