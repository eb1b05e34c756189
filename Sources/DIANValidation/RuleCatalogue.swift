public import DocumentModel

/// Every rule Folio checks, with DIAN's codes — the catalogue shipped to ERP integrators (`Docs/rules.md`,
/// `GET /rules`, `folio rules`).
///
/// DIAN numbers a rule per document type: `FA…` for invoices, `CA…` for credit notes, `DA…` for debit notes
/// (FAD09e/CAD09e/DAD09e, FAS07/CAS07, FAU14/CAU14 are all seen in DIAN's answers). A family below is written
/// with its invoice code; its note codes follow that pattern, and ``Rule/source`` says when a code was only
/// derived from it.
public enum RuleCatalogue {
    /// The whole catalogue, in family order: invoice, credit-note and debit-note codes of each family.
    public static let all: [Rule] = RuleFamily.all.flatMap { family in
        (family.sameCode ? [family.kinds[0]] : family.kinds).map { family.rule(for: $0) }
    }

    /// The rule with this exact code, if Folio checks it.
    public static func rule(code: String) -> Rule? { byCode[code] }

    /// The rule of `family` (its invoice code, or its only code) as DIAN numbers it for `kind`.
    static func rule(_ family: String, for kind: DocumentKind) -> Rule {
        guard let found = RuleFamily.byCode[family] else { preconditionFailure("no rule family \(family)") }
        return found.rule(for: found.kinds.contains(kind) ? kind : found.kinds[0])
    }

    private static let byCode: [String: Rule] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// DIAN's tolerance on computed amounts: ±2.00 ("holgura", Anexo técnico §5.2.1.1 as cited in DIAN.md §3.3,
    /// confidence [M]). Folio applies it to every arithmetic rule (FAS02, FAS07, FAX07, FAU02–FAU14); whether DIAN
    /// applies the same tolerance to the sums of FAU02–FAU14 is not verified.
    public static let tolerance = Amount(2)
}
