/// Something that prints PDFs and reports on jobs: CUPS in production, a recording fake in tests.
public protocol PrintQueue: Sendable {
    /// Sends `request` to its printer's queue.
    /// - Returns: The printer and the server's job ID.
    /// - Throws: ``PrintError`` (unknown printer, server unreachable, rejected job, …).
    func submit(_ request: PrintRequest) async throws -> PrintSubmission

    /// The current state of a job submitted earlier.
    /// - Throws: ``PrintError`` (unknown job, server unreachable, …).
    func state(ofJob jobID: Int, printer: String) async throws -> PrintJobState
}
