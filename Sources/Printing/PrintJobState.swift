/// The state of a print job, as IPP defines it (RFC 8011 `job-state`).
public enum PrintJobState: String, Sendable, CaseIterable {
    /// Waiting in the queue.
    case pending
    /// Held until released.
    case held
    /// Being sent to or printed by the printer.
    case processing
    /// Stopped, e.g. because the printer is off or out of paper; it may resume.
    case stopped
    /// Canceled by a user or an operator.
    case canceled
    /// Aborted by the system (e.g. a filter or backend failed).
    case aborted
    /// Printed.
    case completed

    /// Whether the job can no longer change (`canceled`, `aborted` or `completed`).
    public var isFinal: Bool {
        switch self {
        case .canceled, .aborted, .completed: true
        case .pending, .held, .processing, .stopped: false
        }
    }

    /// The state for an IPP `job-state` enum value (3…9), or `nil` for an unknown value.
    public init?(ippValue: Int) {
        let states: [PrintJobState] = [.pending, .held, .processing, .stopped, .canceled, .aborted, .completed]
        guard (3...9).contains(ippValue) else { return nil }
        self = states[ippValue - 3]
    }
}
