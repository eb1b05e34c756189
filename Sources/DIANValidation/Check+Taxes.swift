import DocumentModel
import Foundation

extension Check {
    /// Document-level and line-level taxes: grouping (FAS01b), sums (FAS02), products (FAS07, FAX07), codes
    /// (FAX03) and rates (FAX14).
    mutating func taxes() {
        var seenSchemes: [String: Int] = [:]
        var headerRates: Set<RateKey> = []
        for (t, total) in document.taxTotals.enumerated() {
            let path = "taxTotals[\(t + 1)]"
            if let first = seenSchemes[total.scheme.id] {
                report("FAS01b", "tax \(total.scheme.id) (\(total.scheme.name)) has a second TaxTotal; the first is taxTotals[\(first)]", at: path)
            } else {
                seenSchemes[total.scheme.id] = t + 1
            }
            if !lists.taxSchemes.contains(total.scheme.id) {
                report("FAX03", "\"\(total.scheme.id)\" is not a code of DIAN's TipoImpuesto list", at: path + ".scheme")
            }
            let sum = total.subtotals.reduce(Amount.zero) { $0 + $1.taxAmount }
            if Self.differs(total.taxAmount, sum) {
                report("FAS02", "TaxAmount \(total.taxAmount.fixed2), its subtotals add up to \(sum.fixed2)", at: path + ".taxAmount")
            }
            for (s, subtotal) in total.subtotals.enumerated() {
                let key = RateKey(scheme: total.scheme.id, percent: subtotal.percent)
                if !headerRates.insert(key).inserted {
                    report("FAS01b", "a second subtotal at \(Self.text(subtotal.percent)) % for tax \(total.scheme.id)", at: path + ".subtotals[\(s + 1)]")
                }
                let expected = Amount(subtotal.taxableAmount.value * subtotal.percent / 100)
                if !Self.isNominal(total.scheme.id, subtotal), Self.differs(subtotal.taxAmount, expected) {
                    report(
                        "FAS07",
                        "\(subtotal.taxableAmount.fixed2) × \(Self.text(subtotal.percent)) % = \(expected.fixed2), the subtotal says \(subtotal.taxAmount.fixed2)",
                        at: path + ".subtotals[\(s + 1)].taxAmount")
                }
            }
        }
        var lineSchemes: Set<String> = []
        var lineRates: Set<RateKey> = []
        for (l, line) in document.lines.enumerated() {
            for (t, total) in line.taxes.enumerated() {
                let path = "lines[\(l + 1)].taxes[\(t + 1)]"
                lineSchemes.insert(total.scheme.id)
                if !lists.taxSchemes.contains(total.scheme.id) {
                    report("FAX03", "\"\(total.scheme.id)\" is not a code of DIAN's TipoImpuesto list", at: path + ".scheme")
                }
                for subtotal in total.subtotals {
                    let key = RateKey(scheme: total.scheme.id, percent: subtotal.percent)
                    if !headerRates.contains(key) && lineRates.insert(key).inserted {
                        report("FAS01b", "tax \(total.scheme.id) at \(Self.text(subtotal.percent)) % has no document-level TaxSubtotal", at: path)
                    }
                    lineRates.insert(key)
                    let expected = Amount(subtotal.taxableAmount.value * subtotal.percent / 100)
                    if !Self.isNominal(total.scheme.id, subtotal), Self.differs(subtotal.taxAmount, expected) {
                        report(
                            "FAX07",
                            "\(subtotal.taxableAmount.fixed2) × \(Self.text(subtotal.percent)) % = \(expected.fixed2), the line says \(subtotal.taxAmount.fixed2)",
                            at: path + ".taxAmount")
                    }
                    if let table = lists.rates[total.scheme.id], !table.contains(subtotal.percent) {
                        let allowed = table.sorted().map(Self.text).joined(separator: ", ")
                        report("FAX14", "\(Self.text(subtotal.percent)) % is not one of DIAN's \(total.scheme.name) rates (\(allowed))", at: path + ".percent")
                    }
                }
            }
        }
        for (t, total) in document.taxTotals.enumerated() where ["01", "04"].contains(total.scheme.id) {
            if !lineSchemes.contains(total.scheme.id) {
                report("FAS01b", "a document-level \(total.scheme.name) (\(total.scheme.id)) TaxTotal but no line carries that tax", at: "taxTotals[\(t + 1)]")
            } else {
                for (s, subtotal) in total.subtotals.enumerated()
                where !lineRates.contains(RateKey(scheme: total.scheme.id, percent: subtotal.percent)) {
                    report("FAS01b", "a document-level subtotal at \(Self.text(subtotal.percent)) % but no line carries that rate", at: "taxTotals[\(t + 1)].subtotals[\(s + 1)]")
                }
            }
        }
    }

    /// A tax charged per unit (22 bolsas: `PerUnitAmount` × `BaseUnitMeasure`, DIAN.md §3.3), which the model
    /// reads with base 0 and rate 0: base × rate does not apply. Any tax other than IVA, ICA and INC read that
    /// way is taken as nominal too.
    static func isNominal(_ scheme: String, _ subtotal: TaxSubtotal) -> Bool {
        scheme == "22" || (!["01", "03", "04"].contains(scheme) && subtotal.taxableAmount.isZero && subtotal.percent == 0)
    }

    struct RateKey: Hashable {
        var scheme: String
        var percent: Decimal
    }
}
