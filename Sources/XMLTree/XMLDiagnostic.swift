/// One problem reported by libxml2 — a well-formedness error, a schema violation or a warning —
/// with the place it was found.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is (libxml2's `xmlErrorLevel`).
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error
        case fatal

        private var rank: Int {
            switch self {
            case .warning: 0
            case .error: 1
            case .fatal: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The source name given when the document was parsed (a path or a label such as `request body`).
    public var file: String
    /// 1-based line, or 0 when libxml2 did not know it.
    public var line: Int
    /// 1-based column, or 0 when libxml2 did not report one (schema validation reports none).
    public var column: Int
    /// libxml2's message, without its trailing newline.
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int, message: String, severity: Severity) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `file:line:column: severity: message`, the format editors and compilers use.
    public var description: String {
        let place = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        return "\(place): \(severity.rawValue): \(message)"
    }
}
