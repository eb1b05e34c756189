import DisplayModel
import LayoutTemplate

extension FlowBuilder {
    /// Measures a table: header, one row per item of its list, footer.
    mutating func tableBox(_ table: TableNode, width: Double, scope: Scope) -> TableBox? {
        let widths = ColumnWidth.resolve(table.columns, available: width)
        var offsets: [Double] = []
        var x = 0.0
        for columnWidth in widths {
            offsets.append(x)
            x += columnWidth
        }
        let header = table.header.map { row($0.cells, widths: widths, offsets: offsets, scope: scope) }
        var rows: [TableRowBox] = []
        if let body = table.rows, case .list(let items)? = value(body.loop.list, scope) {
            rows.reserveCapacity(items.count)
            let zebra = body.zebra.map { resolve($0, scope) }
            for (index, item) in items.enumerated() {
                rows.append(
                    row(
                        body.cells, widths: widths, offsets: offsets, scope: scope.binding(body.loop.variable, to: item),
                        background: index % 2 == 1 ? zebra : nil))
            }
        }
        let footer = table.footer.map { row($0.cells, widths: widths, offsets: offsets, scope: scope) }
        return TableBox(
            header: header, continuationHeader: table.repeatHeader ? header : nil, rows: rows, footer: footer,
            rowsKeepTogether: table.rows?.keepTogether ?? false, repeatFooter: table.repeatFooter && footer != nil,
            repeatedFooter: table.repeatFooter ? footer : nil, width: width, source: table.location)
    }

    private mutating func row(
        _ cells: [TableCell], widths: [Double], offsets: [Double], scope: Scope, background: RGBAColor? = nil
    ) -> TableRowBox {
        var cellBoxes: [CellBox] = []
        cellBoxes.reserveCapacity(cells.count)
        var column = 0
        for cell in cells {
            guard column < widths.count else { break }
            let end = min(widths.count, column + max(1, cell.span))
            var cellWidth = 0.0
            for index in column..<end { cellWidth += widths[index] }
            var decoration =
                self.decoration(cell.box, source: cell.location, scope: scope)
                ?? Decoration(top: 0, right: 0, bottom: 0, left: 0, background: nil, borders: .none, source: cell.location)
            if decoration.background == nil, let background { decoration.background = background }
            let inner = cellWidth - decoration.horizontal
            let content = StackBox(
                children: boxes(cell.content, width: inner, scope: scope), width: inner, decoration: nil, keep: .none,
                source: cell.location)
            cellBoxes.append(CellBox(x: offsets[column], width: cellWidth, decoration: decoration, content: content))
            column = end
        }
        return TableRowBox(cells: cellBoxes)
    }
}
