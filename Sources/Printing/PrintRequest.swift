/// A document to print: PDF bytes for one printer queue.
public struct PrintRequest: Sendable {
    /// The queue name on the print server, e.g. `bodega1`, or a queue on another server as an IPP URI
    /// (`ipp://10.0.3.5:631/printers/bodega3`, see ``PrinterAddress``).
    public var printer: String
    /// The PDF bytes.
    public var document: [UInt8]
    /// The job title shown in queues (and by the printer), e.g. `Factura FE-42`.
    public var title: String
    /// How many copies the printer makes; at least 1.
    public var copies: Int
    /// The caller's idempotency key, e.g. `FE-42/issue/1`. It travels in the job name (``jobName``) so that
    /// ``PrintQueue/findJob(key:printer:)`` can find the job again after a crash.
    public var key: String?
    /// The IPP `media` keyword, e.g. `iso_a4_210x297mm`; `nil` leaves the printer's default.
    public var media: String?
    /// The IPP `sides` keyword (`one-sided`, `two-sided-long-edge`); `nil` leaves the printer's default.
    public var sides: String?

    /// Creates a print request.
    public init(
        printer: String, document: [UInt8], title: String, copies: Int = 1, key: String? = nil, media: String? = nil,
        sides: String? = nil
    ) {
        self.printer = printer
        self.document = document
        self.title = title
        self.copies = copies
        self.key = key
        self.media = media
        self.sides = sides
    }

    /// The IPP `job-name` sent: the title, then ` [KEY]` when there is a key.
    public var jobName: String { Self.jobName(title: title, key: key) }

    /// `title [key]`, or the title alone without a key.
    public static func jobName(title: String, key: String?) -> String {
        guard let key else { return title }
        return "\(title) [\(key)]"
    }

    /// Whether a `job-name` carries `key` (ends with ` [key]` or is `[key]`).
    public static func jobName(_ name: String, carries key: String) -> Bool {
        name == "[\(key)]" || name.hasSuffix(" [\(key)]")
    }
}
