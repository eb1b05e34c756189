/// A failure of the test harness itself: a missing tool, a daemon that did not start, a command that hung.
public struct TestSupportError: Error, Sendable, CustomStringConvertible {
    /// A machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case toolNotFound = "tool_not_found"
            case spawnFailed = "spawn_failed"
            case timedOut = "timed_out"
            case commandFailed = "command_failed"
            case notReady = "not_ready"
            case system = "system"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A required program is not installed.
        public static let toolNotFound = Code(.toolNotFound)
        /// `posix_spawn` failed.
        public static let spawnFailed = Code(.spawnFailed)
        /// A command or a wait did not finish in time.
        public static let timedOut = Code(.timedOut)
        /// A command exited with a failure status.
        public static let commandFailed = Code(.commandFailed)
        /// A daemon exited or never became ready.
        public static let notReady = Code(.notReady)
        /// A system call failed (socket, mkdtemp, …).
        public static let system = Code(.system)

        public var description: String { base.rawValue }
    }

    /// The kind of error.
    public var code: Code
    /// What happened, with the paths of the logs to read.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
