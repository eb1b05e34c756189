/// Something that prints PDFs and reports on jobs: CUPS in production, a recording fake in tests.
public protocol PrintQueue: Sendable {
    /// Sends `request` to its printer's queue.
    /// - Returns: The printer and the server's job ID.
    /// - Throws: ``PrintError`` (unknown printer, server unreachable, rejected job, …).
    func submit(_ request: PrintRequest) async throws -> PrintSubmission

    /// The current state of a job submitted earlier.
    /// - Throws: ``PrintError`` (unknown job, server unreachable, …).
    func state(ofJob jobID: Int, printer: String) async throws -> PrintJobState

    /// The newest job on `printer` whose job name carries `key` (see ``PrintRequest/jobName``), canceled
    /// jobs excluded, or `nil` when the server has none: how Folio learns, after a crash, whether a job it
    /// was submitting reached the server.
    /// - Throws: ``PrintError`` (server unreachable, unknown printer, …).
    func findJob(key: String, printer: String) async throws -> FoundPrintJob?

    /// Cancels a job that has not ended.
    /// - Throws: ``PrintError``: ``PrintError/Code/jobNotFound`` for an unknown job,
    ///   ``PrintError/Code/rejected`` when the job has already ended (completed, aborted, canceled).
    func cancel(jobID: Int, printer: String) async throws

    /// The queue's state on the print server (IPP Get-Printer-Attributes).
    /// - Throws: ``PrintError`` (server unreachable, unknown printer, …).
    func status(ofPrinter printer: String) async throws -> PrinterStatus
}

/// A job found on the print server by its key.
public struct FoundPrintJob: Sendable, Hashable {
    /// The server's job ID.
    public var jobID: Int
    /// Its state now.
    public var state: PrintJobState
    /// Whether the server has its document: `false` for a job created but still waiting for it (IPP
    /// `job-state-reasons` `job-incoming`: a crash between Create-Job and Send-Document), which would never print.
    public var hasDocument: Bool

    /// Creates a found job.
    public init(jobID: Int, state: PrintJobState, hasDocument: Bool) {
        self.jobID = jobID
        self.state = state
        self.hasDocument = hasDocument
    }
}

/// A printer queue as the print server reports it.
public struct PrinterStatus: Sendable, Hashable {
    /// IPP `printer-state`: `idle`, `processing` or `stopped`.
    public var state: String
    /// IPP `printer-is-accepting-jobs`.
    public var isAcceptingJobs: Bool
    /// IPP `printer-state-message`, if any (e.g. "Unable to connect to printer; will retry in 30 seconds.").
    public var message: String?

    /// Creates a status.
    public init(state: String, isAcceptingJobs: Bool, message: String?) {
        self.state = state
        self.isAcceptingJobs = isAcceptingJobs
        self.message = message
    }
}
