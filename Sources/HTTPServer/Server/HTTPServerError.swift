/// Why an ``HTTPServer`` could not start.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// A machine-readable error kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidHost = "invalid_host"
            case listenFailed = "listen_failed"
            case alreadyRunning = "already_running"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The host is not a numeric IPv4/IPv6 address or `localhost`.
        public static let invalidHost = Code(.invalidHost)
        /// libmicrohttpd could not listen (port taken, no such interface, …).
        public static let listenFailed = Code(.listenFailed)
        /// `start()` was called on a running server.
        public static let alreadyRunning = Code(.alreadyRunning)

        public var description: String { base.rawValue }
    }

    /// The kind of error.
    public var code: Code
    /// A sentence naming the host and port.
    public var message: String

    public var description: String { "\(code): \(message)" }
}
