import DocumentModel
import Foundation

extension Check {
    /// The invoice's `sts:InvoiceControl` against the resolution DIAN authorized (FAB…, FAD05c).
    mutating func numbering(_ context: ValidationContext) {
        guard document.kind == .invoice else { return }
        guard let control = document.control else {
            report("FAB05a", "the invoice has no sts:InvoiceControl", at: "control")
            return
        }
        let authorized = context.resolution?.invoiceControl ?? control
        if control.authorization != authorized.authorization {
            report("FAB05b", "the document states resolution \(control.authorization), the issuer's is \(authorized.authorization)", at: "control.authorization")
        }
        if control.startDate != authorized.startDate {
            report("FAB07b", "the document states \(control.startDate), the resolution starts \(authorized.startDate)", at: "control.startDate")
        }
        if control.endDate != authorized.endDate {
            report("FAB08b", "the document states \(control.endDate), the resolution ends \(authorized.endDate)", at: "control.endDate")
        }
        if control.prefix != authorized.prefix {
            report("FAB10b", "the document states prefix \"\(control.prefix)\", the resolution's is \"\(authorized.prefix)\"", at: "control.prefix")
        }
        if control.from != authorized.from {
            report("FAB11b", "the document states \(control.from), the resolution's range starts at \(authorized.from)", at: "control.from")
        }
        if control.to != authorized.to {
            report("FAB12b", "the document states \(control.to), the resolution's range ends at \(authorized.to)", at: "control.to")
        }
        if document.issueDate < authorized.startDate {
            report("FAB07a", "issued \(document.issueDate), the resolution is valid from \(authorized.startDate)", at: "issueDate")
        }
        if document.issueDate > authorized.endDate {
            report("FAB08a", "issued \(document.issueDate), the resolution expired \(authorized.endDate)", at: "issueDate")
        }
        let digits = document.number.hasPrefix(authorized.prefix) ? document.number.dropFirst(authorized.prefix.count) : ""
        if let sequence = Int(digits), digits.allSatisfy(\.isASCII), (authorized.from...max(authorized.from, authorized.to)).contains(sequence) {
            return
        }
        report(
            "FAD05c", "\"\(document.number)\" is not \(authorized.prefix) + a number from \(authorized.from) to \(authorized.to)",
            at: "number")
    }
}
