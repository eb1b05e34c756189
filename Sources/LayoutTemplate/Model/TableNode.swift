/// `<table columns="…">` with an optional `<header>` (repeated on every page when `repeat="true"`), the body
/// `<rows each="…">` and an optional `<footer>` printed once after the last row.
public struct TableNode: Sendable, Hashable {
    public var columns: [ColumnWidth]
    public var header: TableSection?
    public var repeatHeader: Bool
    public var rows: TableRows?
    public var footer: TableSection?
    /// `<footer repeat="true">`: the footer closes every page's part of the table, not only the last.
    public var repeatFooter: Bool
    public var box: BoxStyle
    public var condition: Condition?
    public var location: SourceSpan

    public init(
        columns: [ColumnWidth], header: TableSection?, repeatHeader: Bool, rows: TableRows?, footer: TableSection?,
        repeatFooter: Bool = false, box: BoxStyle = .plain, condition: Condition? = nil, location: SourceSpan
    ) {
        self.repeatFooter = repeatFooter
        self.columns = columns
        self.header = header
        self.repeatHeader = repeatHeader
        self.rows = rows
        self.footer = footer
        self.box = box
        self.condition = condition
        self.location = location
    }
}

/// One row of cells (a header or a footer).
public struct TableSection: Sendable, Hashable {
    public var cells: [TableCell]
    public var location: SourceSpan

    public init(cells: [TableCell], location: SourceSpan) {
        self.cells = cells
        self.location = location
    }
}

/// `<rows each="line in lines">`: one table row per list item.
public struct TableRows: Sendable, Hashable {
    public var loop: Loop
    public var cells: [TableCell]
    /// When true a row that does not fit moves whole to the next page; a row taller than a page still splits
    /// between lines (data must never be lost). When false rows split whenever they do not fit.
    public var keepTogether: Bool
    /// `zebra="#F2F4F8"`: the background of every second row (the 2nd, 4th, …) where a cell has none.
    public var zebra: ColorValue?
    public var location: SourceSpan

    public init(loop: Loop, cells: [TableCell], keepTogether: Bool, zebra: ColorValue? = nil, location: SourceSpan) {
        self.zebra = zebra
        self.loop = loop
        self.cells = cells
        self.keepTogether = keepTogether
        self.location = location
    }
}

/// `<cell span="2">`: its content is a vertical flow (usually one paragraph).
public struct TableCell: Sendable, Hashable {
    public var span: Int
    public var content: [Node]
    public var box: BoxStyle
    public var location: SourceSpan

    public init(span: Int = 1, content: [Node], box: BoxStyle = .plain, location: SourceSpan) {
        self.span = span
        self.content = content
        self.box = box
        self.location = location
    }
}
