import DIANValidation
import DocumentModel
import Foundation
import Intake
import Issuance
import Store

extension FolioService {
    /// DIAN's rules on a document about to be issued, signed today (`signingDate`).
    ///
    /// - Returns: the notifications (DIAN accepts the document with these warnings).
    /// - Throws: ``SubmissionError`` (`validation_failed`) with one problem per rejection, each carrying the DIAN
    ///   rule code; thrown inside the numbering transaction, so the number stays free.
    func checkRules(
        _ document: ElectronicDocument, company: FolioConfiguration.Company, source: String, signingDate: CalendarDate
    ) throws -> [Finding] {
        let context = ValidationContext(
            resolution: company.profile.resolution, signingDate: signingDate, softwarePIN: company.profile.softwarePIN)
        let findings = rules.validate(document, context: context)
        let rejections = findings.filter { $0.rule.severity == .rejection }
        guard rejections.isEmpty else {
            throw SubmissionError(code: .validationFailed, source: source, problems: rejections.map(Self.problem))
        }
        return findings
    }

    /// One rejection as an API/CLI problem: the path, DIAN's code, the rule, the values and the fix.
    static func problem(_ finding: Finding) -> Problem {
        Problem(
            field: finding.path,
            message: "\(finding.rule.message) Here: \(finding.detail). Fix: \(finding.rule.fix)",
            code: finding.rule.code)
    }

    /// Records DIAN's notifications on the document's timeline (event `rules`), when there are any.
    func recordRuleWarnings(_ warnings: [Finding], number: String, at instant: Date) throws {
        guard !warnings.isEmpty else { return }
        let detail = warnings.map { "\($0.rule.code) (\($0.path)): \($0.rule.message) Here: \($0.detail)" }
            .joined(separator: "; ")
        try store.addEvent(number: number, kind: "rules", detail: detail, at: instant)
    }
}
