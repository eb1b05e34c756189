import Foundation
import Glibc
import Synchronization

/// A TCP port for a daemon under test: one that nothing listens on, that this process has not handed out
/// before, and that lies **below the kernel's ephemeral range** (`ip_local_port_range`), so that servers
/// binding port 0 and outgoing connections cannot take it between this call and the daemon's `bind`.
///
/// Another process may still take it; start daemons with a readiness check that also verifies the daemon
/// itself listens (``TestProcess/isListening(onPort:)``).
public func freePort() throws -> UInt16 {
    let ephemeralStart = ephemeralPortRangeStart()
    if ephemeralStart > 20_000 + 1_000 {
        for _ in 0..<500 {
            let candidate = UInt16.random(in: 20_000..<ephemeralStart)
            guard handedOutPorts.withLock({ $0.insert(candidate).inserted }) else { continue }
            if canBind(candidate) { return candidate }
        }
    }
    return try kernelChosenPort()
}

/// Whether something accepts TCP connections on 127.0.0.1:`port` right now.
public func isListening(port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = socketAddress(port: port, host: 0x7F00_0001)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

/// Ports returned by ``freePort()`` in this process; never returned twice.
private let handedOutPorts = Mutex<Set<UInt16>>([])

/// The first port the kernel uses for port 0 and outgoing connections (usually 32768).
private func ephemeralPortRangeStart() -> UInt16 {
    let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
    return text.split(whereSeparator: \.isWhitespace).first.flatMap { UInt16($0) } ?? 32_768
}

/// Whether a daemon could listen on `port` on all interfaces (with SO_REUSEADDR, as daemons do).
private func canBind(_ port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = socketAddress(port: port, host: 0)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
}

/// The fallback: bind 127.0.0.1:0 and read back what the kernel chose.
private func kernelChosenPort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestSupportError(.system, "socket() failed: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var address = socketAddress(port: 0, host: 0x7F00_0001)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
        }
    }
    guard bound else { throw TestSupportError(.system, "bind(127.0.0.1:0) failed: \(String(cString: strerror(errno)))") }
    return UInt16(bigEndian: address.sin_port)
}

private func socketAddress(port: UInt16, host: UInt32) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = host.bigEndian
    return address
}
