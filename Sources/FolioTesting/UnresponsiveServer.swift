import Glibc
import Synchronization

/// A TCP listener on 127.0.0.1 that accepts connections (through the kernel's backlog) and never answers:
/// the "server hangs" case for timeout tests.
public final class UnresponsiveServer: Sendable {
    /// The port it listens on.
    public let port: UInt16
    private let socket: Mutex<Int32>

    /// Starts listening on a free port.
    public init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError(.system, "socket() failed: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw TestSupportError(.system, "listening on 127.0.0.1 failed: \(String(cString: strerror(errno)))")
        }
        port = UInt16(bigEndian: address.sin_port)
        socket = Mutex(fd)
    }

    /// Stops listening. Safe to call twice.
    public func stop() {
        socket.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    deinit { stop() }
}
