/// Where a printer is: a queue on the default CUPS server (`bodega-1`), or a queue on a named server given as
/// an IPP URI (`ipp://10.0.3.5:631/printers/bodega-3`) — one CUPS server per warehouse.
public struct PrinterAddress: Sendable, Hashable {
    /// `host:port`, or `nil` for the default server.
    public var server: String?
    /// The queue name on that server.
    public var queue: String

    /// Parses a queue name or an `ipp://host[:port]/printers/QUEUE` (or `/classes/QUEUE`) URI.
    /// - Returns: `nil` when it is neither (the reason is in ``problem(with:)``).
    public init?(_ text: String) {
        guard Self.problem(with: text) == nil else { return nil }
        if let (server, queue) = Self.splitURI(text) {
            self.server = server
            self.queue = queue
        } else {
            server = nil
            queue = text
        }
    }

    /// Why `text` is not a printer, or `nil` if it is one.
    public static func problem(with text: String) -> String? {
        if text.hasPrefix("ipp://") || text.contains("://") {
            guard let (_, queue) = splitURI(text) else {
                return "\"\(text)\" is not a printer URI: write ipp://HOST:PORT/printers/QUEUE"
            }
            return isQueueName(queue) ? nil : "\"\(queue)\" in \(text) is not a CUPS queue name (letters, digits, '_', '.', '-')"
        }
        return isQueueName(text) ? nil : "\"\(text)\" is not a CUPS queue name (letters, digits, '_', '.', '-'; at most 127)"
    }

    /// A CUPS queue name: 1…127 ASCII letters, digits, `_`, `.`, `-`.
    public static func isQueueName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 127 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    private static func splitURI(_ text: String) -> (String, String)? {
        guard text.hasPrefix("ipp://") else { return nil }
        let rest = text.dropFirst("ipp://".count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let authority = String(rest[..<slash])
        let path = rest[slash...].split(separator: "/", omittingEmptySubsequences: false)
        guard path.count == 3, path[0].isEmpty, path[1] == "printers" || path[1] == "classes" else { return nil }
        let hostPart: Substring
        var port = "631"
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            hostPart = authority[..<colon]
            port = String(authority[authority.index(after: colon)...])
        } else {
            hostPart = Substring(authority)
        }
        guard !hostPart.isEmpty, !hostPart.contains("@"), let number = Int(port), (1...65_535).contains(number) else { return nil }
        return ("\(hostPart):\(number)", String(path[2]))
    }
}
