import LayoutTemplate

extension Fragmenter {
    /// Splits a table between rows, or inside a row between lines.
    ///
    /// - The header (when it repeats) starts every continuation; a header is never left alone at the bottom
    ///   of a page: when not even one row (or one line of it) fits under it, the whole table moves.
    /// - A row that does not fit splits between lines, unless the rows keep together and the row fits on an
    ///   empty page, in which case it moves whole.
    /// - The footer stays with the last row: when it does not fit, the last row moves with it.
    mutating func splitTable(_ table: TableBox, available: Double, atTop: Bool) -> Split {
        var used = (table.header?.height ?? 0) + table.reservedFooterHeight
        var placed: [TableRowBox] = []
        let continuationHeader = (table.continuationHeader?.height ?? 0) + table.reservedFooterHeight
        for (index, row) in table.rows.enumerated() {
            if used + row.height <= available + Self.tolerance {
                placed.append(row)
                used += row.height
                continue
            }
            let rowAtTop = atTop && placed.isEmpty
            let fitsOnEmptyPage = row.height <= fullPageHeight - continuationHeader + Self.tolerance
            if !(table.rowsKeepTogether && fitsOnEmptyPage && !rowAtTop),
                let (head, tail) = splitRow(row, available: available - used, atTop: rowAtTop)
            {
                placed.append(head)
                let rest = [tail] + table.rows[(index + 1)...]
                return (.table(table.head(rows: placed)), .table(table.continuation(rows: rest, withFooter: true)))
            }
            if placed.isEmpty {
                // Not one row fits under the header here: the table starts on the next page.
                return (nil, .table(table))
            }
            let rest = Array(table.rows[index...])
            return (.table(table.head(rows: placed)), .table(table.continuation(rows: rest, withFooter: true)))
        }
        // Every row fits; the footer does not. It takes the last row with it when there is more than one.
        if placed.count >= 2 || (placed.count == 1 && !atTop) {
            let last = placed.removeLast()
            if placed.isEmpty { return (nil, .table(table)) }
            return (.table(table.head(rows: placed)), .table(table.continuation(rows: [last], withFooter: true)))
        }
        guard let footer = table.footer else { return (.table(table), nil) }
        if atTop && used + footer.height > fullPageHeight {
            diagnostics.report(
                .error, .cannotFit, "the table's header, row and footer do not fit on one page", at: table.source)
            return (.table(table), nil)
        }
        return (.table(table.head(rows: placed)), .table(table.continuation(rows: [], withFooter: true)))
    }

    /// The lines of each cell that fit in `available`, and the rest; `nil` when some cell cannot place even
    /// its first line (and the row is not at the top of a page, where something must be placed).
    mutating func splitRow(_ row: TableRowBox, available: Double, atTop: Bool) -> (TableRowBox, TableRowBox)? {
        var heads: [CellBox] = []
        var tails: [CellBox] = []
        var anyTail = false
        for cell in row.cells {
            let inner = available - cell.decoration.vertical
            let (head, tail) = split(.stack(cell.content), available: inner, atTop: atTop)
            guard case .stack(let headStack)? = head else {
                if cell.content.isEmpty {
                    heads.append(cell)
                    tails.append(cell)
                    continue
                }
                return nil
            }
            var headCell = cell
            headCell.content = headStack
            heads.append(headCell)
            var tailCell = cell
            if case .stack(let tailStack)? = tail {
                tailCell.content = tailStack
                anyTail = true
            } else {
                tailCell.content = cell.content.with(children: [])
            }
            tails.append(tailCell)
        }
        guard anyTail else { return nil }
        return (TableRowBox(cells: heads), TableRowBox(cells: tails))
    }
}
