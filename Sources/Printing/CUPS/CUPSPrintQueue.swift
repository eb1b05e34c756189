import CCUPS
import Dispatch

/// Prints through a CUPS server over IPP with libcups.
///
/// ```swift
/// let queue = CUPSPrintQueue(server: "127.0.0.1:631")
/// let job = try await queue.submit(PrintRequest(printer: "bodega1", document: pdf, title: "FE-42", copies: 2))
/// let state = try await queue.state(ofJob: job.jobID, printer: job.printer)
/// ```
/// A printer may also be given as `ipp://HOST:PORT/printers/QUEUE`: that job goes to that server (one CUPS
/// server per warehouse).
///
/// libcups blocks, so every operation runs on this queue's own serial dispatch queue (not on Swift's
/// cooperative pool), one at a time, each with a fresh connection and libcups' per-thread server set just
/// before it. A server that is down fails at once; one that does not answer fails after `timeout`.
public final class CUPSPrintQueue: PrintQueue {
    /// The server as given (`"host:port"` or a socket path); `nil` means `CUPS_SERVER` or libcups' default.
    public let server: String?
    /// The limit for connecting and for each wait on the server.
    public let timeout: Duration
    private let worker = DispatchQueue(label: "folio.printing.cups")

    /// Creates a queue for one CUPS server; nothing connects until the first operation.
    /// - Parameters:
    ///   - server: `"127.0.0.1:631"`-style, a socket path, or `nil` for `CUPS_SERVER` / libcups' default.
    ///   - timeout: Limits connecting and each wait for the server.
    public init(server: String?, timeout: Duration = .seconds(10)) {
        self.server = server
        self.timeout = timeout
    }

    /// Creates a job (IPP Create-Job with `job-name` = title and `copies`), then sends the PDF as its only
    /// document (Send-Document, `application/pdf`). If sending fails, the job is canceled.
    public func submit(_ request: PrintRequest) async throws -> PrintSubmission {
        try validate(request)
        let (server, queue) = address(request.printer)
        var sent = request
        sent.printer = queue
        let timeout = self.timeout
        let submission = try await perform { [sent] in try Self.submitNow(sent, server: server, timeout: timeout) }
        return PrintSubmission(printer: request.printer, jobID: submission.jobID)
    }

    /// Asks the server for the job's `job-state` (IPP Get-Job-Attributes).
    public func state(ofJob jobID: Int, printer: String) async throws -> PrintJobState {
        let ((server, queue), timeout) = (address(printer), self.timeout)
        return try await perform { try Self.jobStateNow(jobID, printer: queue, server: server, timeout: timeout) }
    }

    /// Finds the job carrying `key` with IPP Get-Jobs (see ``PrintQueue/findJob(key:printer:)``).
    public func findJob(key: String, printer: String) async throws -> FoundPrintJob? {
        let ((server, queue), timeout) = (address(printer), self.timeout)
        return try await perform { try Self.findJobNow(key: key, printer: queue, server: server, timeout: timeout) }
    }

    /// Cancels a job with IPP Cancel-Job.
    public func cancel(jobID: Int, printer: String) async throws {
        let ((server, queue), timeout) = (address(printer), self.timeout)
        try await perform { try Self.cancelNow(jobID: jobID, printer: queue, server: server, timeout: timeout) }
    }

    /// Asks the server for the queue's state (IPP Get-Printer-Attributes).
    public func status(ofPrinter printer: String) async throws -> PrinterStatus {
        let ((server, queue), timeout) = (address(printer), self.timeout)
        return try await perform { try Self.printerStatusNow(queue, server: server, timeout: timeout) }
    }

    /// The server and queue for a printer: an `ipp://HOST:PORT/printers/QUEUE` printer names its own server
    /// (see ``PrinterAddress``); a plain queue name is on this queue's server.
    private func address(_ printer: String) -> (server: String?, queue: String) {
        guard printer.hasPrefix("ipp://"), let address = PrinterAddress(printer) else { return (server, printer) }
        return (address.server ?? server, address.queue)
    }

    /// Runs blocking libcups work on the worker queue and resumes the caller with its result.
    private func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            worker.async { continuation.resume(with: Result(catching: body)) }
        }
    }

    private func validate(_ request: PrintRequest) throws(PrintError) {
        let problem: String? =
            if request.printer.isEmpty { "The printer name is empty." }
            else if request.copies < 1 { "Copies must be at least 1, not \(request.copies)." }
            else if request.document.isEmpty { "The document is empty." }
            else { nil }
        if let problem {
            throw PrintError(
                code: .invalidRequest, message: "\(problem) (printer \"\(request.printer)\", CUPS server \(server ?? "default"))",
                printer: request.printer, server: server ?? "default")
        }
    }
}
