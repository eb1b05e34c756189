public import DocumentModel
import Foundation

/// Applies DIAN's rules (``RuleCatalogue``) to an ``ElectronicDocument`` — one Folio is about to issue, or one
/// read back from any UBL XML — and reports every broken rule, not only the first.
public struct DocumentValidator: Sendable {
    public let codeLists: CodeLists

    public init(codeLists: CodeLists) { self.codeLists = codeLists }

    /// Every finding, rejections first, each in document order.
    public func validate(_ document: ElectronicDocument, context: ValidationContext) -> [Finding] {
        var check = Check(document: document, lists: codeLists)
        check.header(context)
        check.codes(context)
        check.numbering(context)
        check.parties()
        check.payment()
        check.taxes()
        check.totals()
        check.lines()
        check.notes()
        return check.findings.filter { $0.rule.severity == .rejection } + check.findings.filter { $0.rule.severity == .notification }
    }
}

/// One run over one document, collecting findings.
struct Check {
    let document: ElectronicDocument
    let lists: CodeLists
    var findings: [Finding] = []

    init(document: ElectronicDocument, lists: CodeLists) {
        self.document = document
        self.lists = lists
    }

    /// Reports the family's rule, numbered for this document's kind.
    mutating func report(_ family: String, _ detail: String, at path: String) {
        findings.append(Finding(rule: RuleCatalogue.rule(family, for: document.kind), detail: detail, path: path))
    }

    /// True when `declared` and `expected` differ by more than DIAN's tolerance.
    static func differs(_ declared: Amount, _ expected: Amount) -> Bool {
        (declared - expected).value.magnitude > RuleCatalogue.tolerance.value
    }

    static func text(_ value: Decimal) -> String { DecimalText.plain(value) }

    mutating func header(_ context: ValidationContext) {
        if document.issueDate != context.signingDate {
            report("FAD09e", "issued \(document.issueDate), signed \(context.signingDate)", at: "issueDate")
        }
        if document.issueTime.offsetMinutes != BogotaTime.offsetMinutes {
            report("FAD10", "\(document.issueTime.text) is not at -05:00", at: "issueTime")
        }
    }
}
