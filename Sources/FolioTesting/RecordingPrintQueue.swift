public import Printing
import Synchronization

/// A ``PrintQueue`` fake for tests: records every request, answers job IDs 1, 2, 3, … and reports
/// scripted job states (``PrintJobState/completed`` unless told otherwise).
public final class RecordingPrintQueue: PrintQueue {
    private struct State {
        var requests: [PrintRequest] = []
        var submissions: [PrintSubmission] = []
        var states: [Int: PrintJobState] = [:]
        var failures: [PrintError] = []
        var jobNames: [Int: String] = [:]
        var canceled: [PrintSubmission] = []
        var printerStatus: [String: PrinterStatus] = [:]
        var incomplete: Set<Int> = []
    }
    private let state = Mutex(State())
    private let defaultState: PrintJobState

    /// Creates an empty recorder whose jobs report `defaultState`.
    public init(defaultState: PrintJobState = .completed) {
        self.defaultState = defaultState
    }

    /// The requests submitted so far, in order (failed ones included).
    public var requests: [PrintRequest] { state.withLock { $0.requests } }

    /// The submissions answered so far, in order.
    public var submissions: [PrintSubmission] { state.withLock { $0.submissions } }

    /// Makes the next submission throw `error` (queued: call it twice for two failures).
    public func failNextSubmission(with error: PrintError) {
        state.withLock { $0.failures.append(error) }
    }

    /// Scripts the state reported for `jobID`.
    public func setState(_ jobState: PrintJobState, ofJob jobID: Int) {
        state.withLock { $0.states[jobID] = jobState }
    }

    /// Records `request` and answers the next job ID, or throws a scripted failure.
    public func submit(_ request: PrintRequest) async throws -> PrintSubmission {
        try state.withLock { (state) throws(PrintError) -> PrintSubmission in
            state.requests.append(request)
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            let submission = PrintSubmission(printer: request.printer, jobID: state.submissions.count + 1)
            state.submissions.append(submission)
            state.jobNames[submission.jobID] = request.jobName
            return submission
        }
    }

    /// Records a job that was created but never got its document (a crash between Create-Job and
    /// Send-Document), as ``findJob(key:printer:)`` will report it; it is not in ``requests``.
    /// - Returns: Its job ID.
    @discardableResult
    public func addIncompleteJob(printer: String, jobName: String) -> Int {
        state.withLock { state in
            let submission = PrintSubmission(printer: printer, jobID: state.submissions.count + 1)
            state.submissions.append(submission)
            state.jobNames[submission.jobID] = jobName
            state.incomplete.insert(submission.jobID)
            state.states[submission.jobID] = .held
            return submission.jobID
        }
    }

    /// The jobs canceled through ``cancel(jobID:printer:)``, in order.
    public var canceled: [PrintSubmission] { state.withLock { $0.canceled } }

    /// The newest recorded job on `printer` whose job name carries `key`, unless canceled.
    public func findJob(key: String, printer: String) async throws -> FoundPrintJob? {
        let defaultState = self.defaultState
        return state.withLock { state in
            for submission in state.submissions.reversed()
            where submission.printer == printer && PrintRequest.jobName(state.jobNames[submission.jobID] ?? "", carries: key) {
                let found = FoundPrintJob(
                    jobID: submission.jobID, state: state.states[submission.jobID] ?? defaultState,
                    hasDocument: !state.incomplete.contains(submission.jobID))
                if found.state != .canceled { return found }
            }
            return nil
        }
    }

    /// Marks a recorded job canceled.
    /// - Throws: ``PrintError`` `jobNotFound` for an unknown job, `rejected` for one already ended.
    public func cancel(jobID: Int, printer: String) async throws {
        let defaultState = self.defaultState
        try state.withLock { (state) throws(PrintError) in
            let submission = PrintSubmission(printer: printer, jobID: jobID)
            guard state.submissions.contains(submission) else {
                throw PrintError(code: .jobNotFound, message: "No job \(jobID) on \"\(printer)\".", printer: printer, server: "recording")
            }
            guard !(state.states[jobID] ?? defaultState).isFinal else {
                throw PrintError(code: .rejected, message: "Job \(jobID) has ended.", printer: printer, server: "recording")
            }
            state.states[jobID] = .canceled
            state.canceled.append(submission)
        }
    }

    /// Every printer is `idle` and accepting jobs, unless scripted with ``setStatus(_:ofPrinter:)``.
    public func status(ofPrinter printer: String) async throws -> PrinterStatus {
        state.withLock { $0.printerStatus[printer] } ?? PrinterStatus(state: "idle", isAcceptingJobs: true, message: nil)
    }

    /// Scripts the status reported for `printer`.
    public func setStatus(_ status: PrinterStatus, ofPrinter printer: String) {
        state.withLock { $0.printerStatus[printer] = status }
    }

    /// The scripted state of a recorded job.
    /// - Throws: ``PrintError`` with ``PrintError/Code/jobNotFound`` for a job that was never submitted.
    public func state(ofJob jobID: Int, printer: String) async throws -> PrintJobState {
        let defaultState = self.defaultState
        return try state.withLock { (state) throws(PrintError) -> PrintJobState in
            guard state.submissions.contains(PrintSubmission(printer: printer, jobID: jobID)) else {
                throw PrintError(
                    code: .jobNotFound, message: "No job \(jobID) was recorded for printer \"\(printer)\".",
                    printer: printer, server: "recording")
            }
            return state.states[jobID] ?? defaultState
        }
    }
}
