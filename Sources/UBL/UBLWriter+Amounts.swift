import DocumentModel
import Foundation
import XMLTree

extension UBLWriter {
    /// `cac:TaxTotal` for one scheme with its subtotals; the rate goes in `cac:TaxCategory/cbc:Percent`.
    static func writeTaxTotal(_ total: TaxTotal, currency: String, into parent: XMLElement) {
        let element = parent.cac("TaxTotal")
        element.amount("TaxAmount", total.taxAmount, currency: currency)
        for subtotal in total.subtotals {
            let sub = element.cac("TaxSubtotal")
            sub.amount("TaxableAmount", subtotal.taxableAmount, currency: currency)
            sub.amount("TaxAmount", subtotal.taxAmount, currency: currency)
            let category = sub.cac("TaxCategory")
            category.cbc("Percent", DecimalText.fixed(subtotal.percent, scale: 2))
            let scheme = category.cac("TaxScheme")
            scheme.cbc("ID", subtotal.scheme.id)
            scheme.cbc("Name", subtotal.scheme.name)
        }
    }

    /// `cac:LegalMonetaryTotal` / `cac:RequestedMonetaryTotal`. Allowance, charge and prepaid totals
    /// are written only when they are not zero (they read back as zero when absent).
    static func writeMonetaryTotal(_ totals: MonetaryTotal, name: String, currency: String, into root: XMLElement) {
        let element = root.cac(name)
        element.amount("LineExtensionAmount", totals.lineExtensionAmount, currency: currency)
        element.amount("TaxExclusiveAmount", totals.taxExclusiveAmount, currency: currency)
        element.amount("TaxInclusiveAmount", totals.taxInclusiveAmount, currency: currency)
        if !totals.allowanceTotalAmount.isZero {
            element.amount("AllowanceTotalAmount", totals.allowanceTotalAmount, currency: currency)
        }
        if !totals.chargeTotalAmount.isZero {
            element.amount("ChargeTotalAmount", totals.chargeTotalAmount, currency: currency)
        }
        if !totals.prepaidAmount.isZero { element.amount("PrepaidAmount", totals.prepaidAmount, currency: currency) }
        element.amount("PayableAmount", totals.payableAmount, currency: currency)
    }
}
