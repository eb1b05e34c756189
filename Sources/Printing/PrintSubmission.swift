/// A job accepted by the print server.
public struct PrintSubmission: Sendable, Equatable, Hashable {
    /// The queue the job went to.
    public var printer: String
    /// The server's job ID (positive).
    public var jobID: Int

    /// Creates a submission record.
    public init(printer: String, jobID: Int) {
        self.printer = printer
        self.jobID = jobID
    }
}
