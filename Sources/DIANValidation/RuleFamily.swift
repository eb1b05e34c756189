import DocumentModel

/// One rule as DIAN writes it for all the document types it applies to.
struct RuleFamily: Sendable {
    var code: String
    var severity: Rule.Severity
    var message: String
    var fix: String
    var field: String
    var source: String
    /// The document types it applies to; one kind means `code` is that kind's own code.
    var kinds: [DocumentKind] = DocumentKind.allCases
    /// The same code for every kind (`VLR01`).
    var sameCode = false
    /// True when DIAN's note codes of this family were seen in DIAN answers, not only derived.
    var noteCodesSeen = false

    func code(for kind: DocumentKind) -> String {
        guard kinds.count > 1, !sameCode else { return code }
        switch kind {
        case .invoice: return code
        case .creditNote: return "C" + code.dropFirst()
        case .debitNote: return "D" + code.dropFirst()
        }
    }

    func rule(for kind: DocumentKind) -> Rule {
        let derived = kind != .invoice && kinds.count > 1 && !sameCode && !noteCodesSeen
        return Rule(
            code: code(for: kind), severity: severity, message: message, fix: fix, field: field,
            source: derived ? source + "; note code derived from \(code) by DIAN's F→C/D numbering [U]" : source)
    }

    static let byCode: [String: RuleFamily] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static let all: [RuleFamily] = header + numbering + parties + payment + taxes + totals + lines + notes
}
