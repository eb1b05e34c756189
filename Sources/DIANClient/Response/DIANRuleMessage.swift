/// One of DIAN's validation messages: `Regla: FAB10a, Rechazo: El prefijo de numeración …`.
public struct DIANRuleMessage: Sendable, Hashable, CustomStringConvertible {
    /// Whether the rule rejects the document or only notifies.
    public enum Severity: String, Sendable, Hashable {
        /// `Rechazo`: the document is not valid.
        case rejection
        /// `Notificación`: the document is valid; the issuer should fix this.
        case notification
        /// A message not in the `Regla: …, Rechazo|Notificación: …` form.
        case unknown
    }

    /// The rule code (`FAB10a`, `FAD06`, `90`), or `nil` when the message names none.
    public var rule: String?
    public var severity: Severity
    /// The text after the severity.
    public var message: String

    public init(rule: String?, severity: Severity, message: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
    }

    /// Parses DIAN's string; anything not in the usual form is kept whole with severity ``Severity/unknown``.
    public init(parsing text: String) {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasPrefix("Regla:"), let comma = trimmed.firstIndex(of: ",") else {
            self.init(rule: nil, severity: .unknown, message: trimmed)
            return
        }
        let rule = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 6)..<comma]).trimmingWhitespace
        let rest = String(trimmed[trimmed.index(after: comma)...]).trimmingWhitespace
        guard let colon = rest.firstIndex(of: ":") else {
            self.init(rule: rule, severity: .unknown, message: rest)
            return
        }
        let label = rest[..<colon].lowercased()
        let severity: Severity =
            label == "rechazo" ? .rejection : (label == "notificación" || label == "notificacion") ? .notification : .unknown
        let message = String(rest[rest.index(after: colon)...]).trimmingWhitespace
        self.init(rule: rule, severity: severity, message: severity == .unknown ? rest : message)
    }

    /// DIAN's form: `Regla: FAD06, Rechazo: …` (the message alone when there is no rule).
    public var text: String {
        guard let rule else { return message }
        switch severity {
        case .rejection: return "Regla: \(rule), Rechazo: \(message)"
        case .notification: return "Regla: \(rule), Notificación: \(message)"
        case .unknown: return "Regla: \(rule), \(message)"
        }
    }

    public var description: String { text }
}
