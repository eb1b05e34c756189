import DocumentModel
import Foundation

extension Check {
    /// Quantities, unit codes (FAV04, FAV05) and negative values anywhere (VLR01).
    mutating func lines() {
        for (l, line) in document.lines.enumerated() {
            let path = "lines[\(l + 1)]"
            if line.quantity <= 0 {
                report("FAV04", "quantity \(Self.text(line.quantity))", at: path + ".quantity")
            }
            if !lists.unitCodes.contains(line.unitCode) {
                report("FAV05", "\"\(line.unitCode)\" is not a code of DIAN's UnidadesMedida list", at: path + ".unitCode")
            }
            negative(line.unitPrice, at: path + ".unitPrice")
            negative(line.discount, at: path + ".discount")
            negative(line.lineExtensionAmount, at: path + ".lineExtensionAmount")
            for (t, total) in line.taxes.enumerated() { negative(total, at: path + ".taxes[\(t + 1)]") }
        }
        for (t, total) in document.taxTotals.enumerated() { negative(total, at: "taxTotals[\(t + 1)]") }
        let totals = document.totals
        let named: [(String, Amount)] = [
            ("lineExtensionAmount", totals.lineExtensionAmount), ("taxExclusiveAmount", totals.taxExclusiveAmount),
            ("taxInclusiveAmount", totals.taxInclusiveAmount), ("allowanceTotalAmount", totals.allowanceTotalAmount),
            ("chargeTotalAmount", totals.chargeTotalAmount), ("prepaidAmount", totals.prepaidAmount),
            ("payableAmount", totals.payableAmount),
        ]
        for (name, amount) in named { negative(amount, at: "totals." + name) }
    }

    private mutating func negative(_ total: TaxTotal, at path: String) {
        negative(total.taxAmount, at: path + ".taxAmount")
        for (s, subtotal) in total.subtotals.enumerated() {
            negative(subtotal.taxableAmount, at: path + ".subtotals[\(s + 1)].taxableAmount")
            negative(subtotal.taxAmount, at: path + ".subtotals[\(s + 1)].taxAmount")
            if subtotal.percent < 0 {
                report("VLR01", "rate \(Self.text(subtotal.percent)) %", at: path + ".subtotals[\(s + 1)].percent")
            }
        }
    }

    private mutating func negative(_ amount: Amount, at path: String) {
        if amount.isNegative { report("VLR01", amount.fixed2, at: path) }
    }
}
