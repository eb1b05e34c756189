import CMicroHTTPD
import Glibc
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd that answers every request through a ``Router``.
///
/// ```swift
/// let server = HTTPServer(host: "127.0.0.1", port: 0, router: router)
/// try server.start()
/// print(server.boundPort)
/// server.stop()
/// ```
/// Threading: MHD runs `threads` threads with epoll, which read requests and write responses. Once a request
/// is complete its connection is suspended and the router's async handler runs in a `Task` on Swift's pool;
/// the task resumes the connection with the response. No MHD thread ever waits for a handler, so any number
/// of handlers may run at once. ``stop(gracePeriod:)`` waits (boundedly) for running handlers.
/// Bodies are collected in memory up to `maxBodyBytes`; a larger body gets 413, at once for a client that
/// sent `Expect: 100-continue` (it has not sent the body yet), otherwise after the rest of the body has
/// been read and discarded (answering while a client still sends would reset its connection).
public final class HTTPServer: Sendable {
    /// The address to listen on: a numeric IPv4/IPv6 address, or `localhost` (127.0.0.1).
    public let host: String
    /// The requested port; 0 picks any free port (see ``boundPort``).
    public let port: UInt16
    private let threads: Int
    private let dispatcher: RequestDispatcher
    private let daemon = Mutex<(daemon: MHDDaemon?, port: UInt16)>((nil, 0))

    /// Creates a server; nothing listens until ``start()``.
    /// - Parameters:
    ///   - host: A numeric IPv4/IPv6 address or `localhost`; use 127.0.0.1 for tests.
    ///   - port: The TCP port, or 0 for any free port.
    ///   - router: Answers every request.
    ///   - threads: MHD threads reading requests and writing responses (handlers run on Swift's pool).
    ///   - maxBodyBytes: The largest request body accepted; larger ones get 413.
    public init(host: String, port: UInt16, router: Router, threads: Int = 4, maxBodyBytes: Int = 20 << 20) {
        self.host = host
        self.port = port
        self.threads = max(1, threads)
        self.dispatcher = RequestDispatcher(router: router, maxBodyBytes: maxBodyBytes)
    }

    /// Starts listening.
    /// - Throws: ``HTTPServerError`` if the host is not an address, the port is taken, or the server runs.
    public func start() throws {
        try daemon.withLock { state in
            guard state.daemon == nil else {
                throw HTTPServerError(code: .alreadyRunning, message: "The server on \(host):\(state.port) is running.")
            }
            var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ERROR_LOG.rawValue
                | MHD_ALLOW_SUSPEND_RESUME.rawValue
            let context = Unmanaged.passUnretained(dispatcher).toOpaque()  // outlives the daemon: see stop()
            let pointer: OpaquePointer? = try withSocketAddress { address, isIPv6 in
                if isIPv6 { flags |= MHD_USE_IPv6.rawValue }
                return folio_mhd_start(
                    flags, port, address, mhdAccessHandler, context, mhdRequestCompleted, context,
                    UInt32(threads), 60)
            }
            guard let pointer else {
                throw HTTPServerError(
                    code: .listenFailed,
                    message: "Could not listen on \(host):\(port) (\(String(cString: strerror(errno)))).")
            }
            let started = MHDDaemon(takingOwnershipOf: pointer)
            state = (started, started.boundPort)
            dispatcher.reopen()
        }
    }

    /// The port the running server listens on (0 when stopped).
    public var boundPort: UInt16 { daemon.withLock { $0.port } }

    /// Stops the server with a grace period of 5 s; see ``stop(gracePeriod:)``.
    public func stop() {
        stop(gracePeriod: .seconds(5))
    }

    /// Stops the server: requests that complete from now on get 503, requests in handlers get up to
    /// `gracePeriod` for their responses to be sent (later ones are answered 503 and their handlers' results
    /// dropped), then MHD stops. Blocks the calling thread meanwhile. Safe to call twice.
    public func stop(gracePeriod: Duration) {
        guard daemon.withLock({ $0.daemon != nil }) else { return }
        dispatcher.drain(gracePeriod: gracePeriod)  // MHD must not be stopped with suspended connections
        let running = daemon.withLock { state in
            defer { state = (nil, 0) }
            return state.daemon
        }
        _ = running  // the last reference: MHD_stop_daemon runs here, outside the lock
    }

    deinit { stop() }

    /// Calls `body` with a `sockaddr` for `host` and `port`.
    private func withSocketAddress<R>(_ body: (UnsafePointer<sockaddr>, _ isIPv6: Bool) throws -> R) throws -> R {
        let name = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            return try withUnsafePointer(to: &v4) {
                try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, false) }
            }
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, name, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            return try withUnsafePointer(to: &v6) {
                try $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, true) }
            }
        }
        throw HTTPServerError(code: .invalidHost, message: "\(host) is not an IPv4 or IPv6 address.")
    }
}
