import Foundation

extension TestProcess {
    /// Whether **this** process holds a listening TCP socket (IPv4 or IPv6, any address) on `port`.
    ///
    /// Stricter than connecting to the port: when a daemon failed to bind because someone else took the
    /// port, a connection would reach that someone else. Reads /proc/net/tcp{,6} and /proc/PID/fd.
    public func isListening(onPort port: UInt16) -> Bool {
        let inodes = listeningSocketInodes(port: port)
        guard !inodes.isEmpty else { return false }
        let fileManager = FileManager.default
        let descriptors = "/proc/\(pid)/fd"
        for fd in (try? fileManager.contentsOfDirectory(atPath: descriptors)) ?? [] {
            if let target = try? fileManager.destinationOfSymbolicLink(atPath: "\(descriptors)/\(fd)"),
                target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst(8).dropLast()))
            {
                return true
            }
        }
        return false
    }
}

/// The inodes of sockets in LISTEN state on `port`, from the kernel's TCP tables.
private func listeningSocketInodes(port: UInt16) -> Set<String> {
    let portHex = String(format: "%04X", port)
    var inodes: Set<String> = []
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = (try? String(contentsOfFile: table, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n").dropFirst() {
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 9, fields[3] == "0A", fields[1].hasSuffix(":" + portHex) else { continue }
            inodes.insert(String(fields[9]))
        }
    }
    return inodes
}
