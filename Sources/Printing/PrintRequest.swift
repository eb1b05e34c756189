/// A document to print: PDF bytes for one printer queue.
public struct PrintRequest: Sendable {
    /// The queue name on the print server, e.g. `bodega1`.
    public var printer: String
    /// The PDF bytes.
    public var document: [UInt8]
    /// The job title shown in queues (and by the printer), e.g. `Factura FE-42`.
    public var title: String
    /// How many copies the printer makes; at least 1.
    public var copies: Int

    /// Creates a print request.
    public init(printer: String, document: [UInt8], title: String, copies: Int = 1) {
        self.printer = printer
        self.document = document
        self.title = title
        self.copies = copies
    }
}
