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
            return submission
        }
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
