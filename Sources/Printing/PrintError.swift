/// Why a print operation failed. The message names the printer and the server.
public struct PrintError: Error, Sendable, CustomStringConvertible {
    /// A machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidRequest = "invalid_request"
            case serverUnreachable = "server_unreachable"
            case printerNotFound = "printer_not_found"
            case printerNotAccepting = "printer_not_accepting"
            case notAuthorized = "not_authorized"
            case jobNotFound = "job_not_found"
            case rejected = "rejected"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The request itself is wrong (no copies, empty document, empty printer name).
        public static let invalidRequest = Code(.invalidRequest)
        /// The print server could not be reached, or the connection broke or timed out.
        public static let serverUnreachable = Code(.serverUnreachable)
        /// The server has no queue of that name.
        public static let printerNotFound = Code(.printerNotFound)
        /// The queue exists but does not accept jobs now (rejecting or paused by an operator).
        public static let printerNotAccepting = Code(.printerNotAccepting)
        /// The server wants credentials, or refused them.
        public static let notAuthorized = Code(.notAuthorized)
        /// The server does not know the job ID.
        public static let jobNotFound = Code(.jobNotFound)
        /// The server answered with another IPP error (see ``PrintError/ippStatus``).
        public static let rejected = Code(.rejected)

        public var description: String { base.rawValue }
    }

    /// The kind of error.
    public var code: Code
    /// A sentence for people, naming the printer and the server.
    public var message: String
    /// The printer queue concerned.
    public var printer: String
    /// The print server, e.g. `127.0.0.1:631`.
    public var server: String
    /// The IPP status or library error text, when the server or libcups gave one.
    public var ippStatus: String?

    /// Creates an error.
    public init(code: Code, message: String, printer: String, server: String, ippStatus: String? = nil) {
        self.code = code
        self.message = message
        self.printer = printer
        self.server = server
        self.ippStatus = ippStatus
    }

    /// Whether trying again later may succeed (the server or the queue may come back).
    public var isRetryable: Bool { code == .serverUnreachable || code == .printerNotAccepting }

    public var description: String { "\(code): \(message)" }

    /// A multi-line description for logs.
    public func detailedDescription() -> String {
        var lines = ["PrintError \(code)", "  message: \(message)", "  printer: \(printer)", "  server: \(server)"]
        if let ippStatus { lines.append("  ipp status: \(ippStatus)") }
        lines.append("  retryable: \(isRetryable)")
        return lines.joined(separator: "\n")
    }
}
