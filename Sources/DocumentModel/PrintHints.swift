/// What the ERP says about printing a document (the optional `print` object of the ERP JSON): where it was
/// made, and optionally a printer and copies that override the configured routing rules.
public struct PrintHints: Sendable, Hashable {
    /// The warehouse (bodega) that dispatches it, e.g. `3`.
    public var warehouse: String?
    /// The branch (sede) that sells it.
    public var branch: String?
    /// A printer for this document: a CUPS queue name or `ipp://HOST:PORT/printers/QUEUE`.
    public var printer: String?
    /// Copies for this document, 1…99.
    public var copies: Int?

    public init(warehouse: String? = nil, branch: String? = nil, printer: String? = nil, copies: Int? = nil) {
        self.warehouse = warehouse
        self.branch = branch
        self.printer = printer
        self.copies = copies
    }
}
