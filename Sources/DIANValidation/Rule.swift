/// One of DIAN's validation rules as Folio reproduces it before a document leaves: DIAN's own code, what
/// it checks, and how to fix a document that breaks it.
public struct Rule: Sendable, Hashable, Codable {
    /// What DIAN does with a document that breaks the rule.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// "Rechazo": the document is refused; Folio does not issue it.
        case rejection
        /// "Notificación": the document is accepted with a warning.
        case notification

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .rejection && rhs == .notification }

        /// DIAN's word, as in its `ErrorMessage` ("Regla: FAU02, Rechazo: …").
        public var dianWord: String { self == .rejection ? "Rechazo" : "Notificación" }
    }

    /// DIAN's code: `FA…` for invoices, `CA…`/`CB…` for credit notes, `DA…`/`DB…` for debit notes, `VLR01`.
    public var code: String
    public var severity: Severity
    /// What the rule requires, in one sentence.
    public var message: String
    /// How to fix a document that breaks it.
    public var fix: String
    /// The UBL element the rule is about (an XPath-like name).
    public var field: String
    /// Where the code and its meaning come from, with the confidence mark of DIAN.md:
    /// [V] verified, [M] several sources, [S] one source, [U] unverified — check against the Anexo 1.9 PDF.
    public var source: String

    public init(code: String, severity: Severity, message: String, fix: String, field: String, source: String) {
        self.code = code
        self.severity = severity
        self.message = message
        self.fix = fix
        self.field = field
        self.source = source
    }
}

/// One broken rule in one document: the rule, the concrete values, and where.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var rule: Rule
    /// The concrete values that break the rule (`declared 582215.00, lines add up to 582210.00`).
    public var detail: String
    /// Where in the document, as a person reads it: `totals.lineExtensionAmount`, `lines[3].taxes[1]`.
    public var path: String

    public init(rule: Rule, detail: String, path: String) {
        self.rule = rule
        self.detail = detail
        self.path = path
    }

    /// `Regla: FAU02, Rechazo: … (totals.lineExtensionAmount: …)` — DIAN's own message shape.
    public var description: String {
        "Regla: \(rule.code), \(rule.severity.dianWord): \(rule.message) (\(path): \(detail))"
    }
}
