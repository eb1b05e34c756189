import Foundation
import DIANValidation
import DocumentModel
import Testing

/// Credit and debit notes: reference, concept, the void's CUFE and the period of an unreferenced note.
struct NoteRuleTests {
    private func codes(_ document: ElectronicDocument) throws -> [String] {
        try Fixtures.check(document, context: Fixtures.context).map(\.rule.code)
    }

    private func only(_ document: ElectronicDocument) throws -> Finding? {
        let findings = try Fixtures.check(document, context: Fixtures.context)
        #expect(findings.count == 1, "\(findings)")
        return findings.first
    }

    /// A credit note for a discount (concept 3) on no particular invoice, covering November 2026.
    private func unreferencedCreditNote() -> ElectronicDocument {
        var note = Fixtures.creditNote()
        note.billingReference = nil
        note.customizationID = "22"
        note.discrepancy = Discrepancy(referenceID: nil, code: "3", description: "Descuento por volumen de noviembre")
        note.invoicePeriod = InvoicePeriod(
            startDate: CalendarDate(year: 2026, month: 11, day: 1), endDate: CalendarDate(year: 2026, month: 11, day: 30))
        return note
    }

    @Test func customizationMatchesTheReference() throws {
        var credit = Fixtures.creditNote()
        credit.customizationID = "22"
        let finding = try #require(try only(credit))
        #expect(finding.rule.code == "CAD02a")
        #expect(finding.detail == "CustomizationID \"22\" with a referenced invoice; expected 20")
        var debit = Fixtures.debitNote()
        debit.customizationID = "11"
        let debitFinding = try #require(try only(debit))
        #expect(debitFinding.rule.code == "DAD02a")
        #expect(debitFinding.detail == "CustomizationID \"11\" with a referenced invoice; expected 30")
    }

    @Test func aReferenceWithoutTheInvoiceNumberIsANotification() throws {
        var credit = Fixtures.creditNote()
        credit.billingReference?.id = ""
        let finding = try #require(try only(credit))
        #expect(finding.rule.code == "CBF02")
        #expect(finding.rule.severity == .notification)
        #expect(finding.path == "billingReference.id")
        #expect(finding.detail == "the referenced invoice has no number")
        var debit = Fixtures.debitNote()
        debit.billingReference?.id = " "
        #expect(try only(debit)?.rule.code == "DBF02")
    }

    @Test func conceptComesFromDIANsList() throws {
        var credit = Fixtures.creditNote()
        credit.discrepancy?.code = "9"
        let finding = try #require(try only(credit))
        #expect(finding.rule.code == "CBE04")
        #expect(finding.path == "discrepancy.code")
        #expect(finding.detail == "\"9\" is not a concept of DIAN's list (1, 2, 3, 4, 5)")
        var debit = Fixtures.debitNote()
        debit.discrepancy = nil
        let debitFinding = try #require(try only(debit))
        #expect(debitFinding.rule.code == "DBE04")
        #expect(debitFinding.detail == "the note states no concept (no cac:DiscrepancyResponse)")
    }

    @Test func aVoidNeedsTheReferencedCUFE() throws {
        var note = Fixtures.creditNote()
        note.billingReference?.uuid = nil
        let finding = try #require(try only(note))
        #expect(finding.rule.code == "CBF03a")
        #expect(finding.path == "billingReference.uuid")
        #expect(finding.detail == "a void (concept 2) with no CUFE")
        note.billingReference?.uuid = "SETP990000001"
        #expect(try only(note)?.detail == "a void (concept 2) with \"SETP990000001\" is not a 96-character CUFE")
        // A price adjustment (concept 4) may reference the invoice without its CUFE.
        note.discrepancy?.code = "4"
        #expect(try codes(note) == [])
    }

    @Test func anUnreferencedNoteCarriesAPeriodInsideOneMonth() throws {
        #expect(try codes(unreferencedCreditNote()) == [])
        var spanning = unreferencedCreditNote()
        spanning.invoicePeriod?.endDate = CalendarDate(year: 2026, month: 12, day: 2)
        let finding = try #require(try only(spanning))
        #expect(finding.rule.code == "CAE02")
        #expect(finding.detail == "period 2026-11-01 – 2026-12-02 is not inside one calendar month")
        var missing = unreferencedCreditNote()
        missing.invoicePeriod = nil
        #expect(try only(missing)?.detail == "no referenced invoice and no invoice period")

        var debit = Fixtures.debitNote()
        debit.billingReference = nil
        debit.customizationID = "32"
        debit.invoicePeriod = InvoicePeriod(
            startDate: CalendarDate(year: 2025, month: 12, day: 1), endDate: CalendarDate(year: 2026, month: 1, day: 31))
        let debitFinding = try #require(try only(debit))
        #expect(debitFinding.rule.code == "DAE02")
        #expect(debitFinding.detail == "period 2025-12-01 – 2026-01-31 is not inside one calendar month")
    }
}
