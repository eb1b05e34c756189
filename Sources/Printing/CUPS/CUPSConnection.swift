import CCUPS
import Glibc

/// An open connection to a CUPS server (`http_t *`).
///
/// Opening it also points libcups' *per-thread* server setting at the same server, which libcups needs to
/// build printer URIs. So: create, use and drop a connection on one thread, with no other libcups call
/// for another server in between. Not `Sendable`.
final class CUPSConnection {
    private let pointer: OpaquePointer
    /// The server as `host:port`, or the path of a domain socket.
    let server: String

    /// Connects to `server` (`"127.0.0.1:631"`), or to libcups' default (`CUPS_SERVER`, client.conf) for `nil`.
    /// - Parameters:
    ///   - printer: Named in the error if the server cannot be reached.
    ///   - timeout: Limits connecting and each later wait for the server.
    init(server requested: String?, printer: String, timeout: Duration) throws(PrintError) {
        cupsSetServer(requested)
        let host = String(cString: cupsServer())
        let port = ippPort()
        server = host.hasPrefix("/") ? host : "\(host):\(port)"
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let started = ContinuousClock.now
        guard let http = httpConnect2(host, port, nil, AF_UNSPEC, cupsEncryption(), 1, Int32(seconds * 1000), nil)
        else {
            // errno is no help here: libcups' clean-up overwrites it (typically with EBADF).
            let reason = ContinuousClock.now - started >= timeout
                ? "no connection within \(timeout)" : "connection refused, or host unknown or unreachable"
            throw PrintError(
                code: .serverUnreachable,
                message: "Cannot reach CUPS server \(server) to use printer \"\(printer)\": \(reason).",
                printer: printer, server: server, ippStatus: nil)
        }
        httpSetTimeout(http, seconds, nil, nil)  // no callback: a wait longer than `seconds` fails
        pointer = http
    }

    /// Calls `body` with the `http_t *`.
    func withUnsafePointer<R, E: Error>(_ body: (OpaquePointer) throws(E) -> R) throws(E) -> R {
        try body(pointer)
    }

    deinit { httpClose(pointer) }
}
