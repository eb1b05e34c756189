import DocumentModel
import Foundation

extension Check {
    /// Credit and debit notes: customization vs reference, concept, the void's CUFE, the period of an
    /// unreferenced note.
    mutating func notes() {
        let kind = document.kind
        guard kind != .invoice else { return }
        let credit = kind == .creditNote
        let referenced = document.billingReference != nil
        let expected = credit ? (referenced ? "20" : "22") : (referenced ? "30" : "32")
        if document.customizationID != expected {
            report(
                credit ? "CAD02a" : "DAD02a",
                "CustomizationID \"\(document.customizationID)\" \(referenced ? "with" : "without") a referenced invoice; expected \(expected)",
                at: "customizationID")
        }
        if let reference = document.billingReference, reference.id.trimmingCharacters(in: .whitespaces).isEmpty {
            report(credit ? "CBF02" : "DBF02", "the referenced invoice has no number", at: "billingReference.id")
        }
        let concepts = credit ? lists.creditNoteConcepts : lists.debitNoteConcepts
        let conceptFamily = credit ? "CBE04" : "DBE04"
        guard let discrepancy = document.discrepancy else {
            report(conceptFamily, "the note states no concept (no cac:DiscrepancyResponse)", at: "discrepancy")
            return notePeriod(referenced: referenced)
        }
        if !concepts.contains(discrepancy.code) {
            report(conceptFamily, "\"\(discrepancy.code)\" is not a concept of DIAN's list (\(concepts.sorted().joined(separator: ", ")))", at: "discrepancy.code")
        }
        if credit && discrepancy.code == "2" {
            let uuid = document.billingReference?.uuid ?? ""
            if uuid.count != 96 || !uuid.allSatisfy({ $0.isHexDigit }) {
                let got = document.billingReference == nil ? "no referenced invoice" : (uuid.isEmpty ? "no CUFE" : "\"\(uuid)\" is not a 96-character CUFE")
                report("CBF03a", "a void (concept 2) with \(got)", at: "billingReference.uuid")
            }
        }
        notePeriod(referenced: referenced)
    }

    private mutating func notePeriod(referenced: Bool) {
        guard !referenced else { return }
        let family = document.kind == .creditNote ? "CAE02" : "DAE02"
        guard let period = document.invoicePeriod else {
            report(family, "no referenced invoice and no invoice period", at: "invoicePeriod")
            return
        }
        if period.startDate > period.endDate
            || (period.startDate.year, period.startDate.month) != (period.endDate.year, period.endDate.month)
        {
            report(family, "period \(period.startDate) – \(period.endDate) is not inside one calendar month", at: "invoicePeriod")
        }
    }
}
