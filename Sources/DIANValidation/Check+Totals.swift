import DocumentModel
import Foundation

extension Check {
    /// `cac:LegalMonetaryTotal` (`RequestedMonetaryTotal` for debit notes) against the lines and taxes.
    mutating func totals() {
        let totals = document.totals
        let lineSum = document.lines.reduce(Amount.zero) { $0 + $1.lineExtensionAmount }
        if Self.differs(totals.lineExtensionAmount, lineSum) {
            report(
                "FAU02", "declared \(totals.lineExtensionAmount.fixed2), the \(document.lines.count) lines add up to \(lineSum.fixed2)",
                at: "totals.lineExtensionAmount")
        }
        // Each taxed line's base once: the largest base among its subtotals.
        let bases = document.lines.reduce(Amount.zero) { sum, line in
            sum + (line.taxes.flatMap(\.subtotals).map(\.taxableAmount).max() ?? .zero)
        }
        if Self.differs(totals.taxExclusiveAmount, bases) {
            report(
                "FAU04", "declared \(totals.taxExclusiveAmount.fixed2), the taxed lines' bases add up to \(bases.fixed2)",
                at: "totals.taxExclusiveAmount")
        }
        let taxes = document.taxTotals.reduce(Amount.zero) { $0 + $1.taxAmount }
        let inclusive = totals.lineExtensionAmount + taxes
        if Self.differs(totals.taxInclusiveAmount, inclusive) {
            report(
                "FAU06",
                "declared \(totals.taxInclusiveAmount.fixed2), line extension \(totals.lineExtensionAmount.fixed2) + taxes \(taxes.fixed2) = \(inclusive.fixed2)",
                at: "totals.taxInclusiveAmount")
        }
        let payable = totals.taxInclusiveAmount - totals.allowanceTotalAmount + totals.chargeTotalAmount - totals.prepaidAmount
        if Self.differs(totals.payableAmount, payable) {
            report(
                "FAU14",
                "declared \(totals.payableAmount.fixed2), \(totals.taxInclusiveAmount.fixed2) − \(totals.allowanceTotalAmount.fixed2) + \(totals.chargeTotalAmount.fixed2) − \(totals.prepaidAmount.fixed2) = \(payable.fixed2)",
                at: "totals.payableAmount")
        }
    }
}
