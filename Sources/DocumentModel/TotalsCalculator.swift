import Foundation

/// Derives every amount of a document from its lines, following ``MoneyRounding``.
public enum TotalsCalculator {
    /// The computed lines, one `TaxTotal` per scheme (one subtotal per rate, 0 % included) and the totals.
    public struct Result: Sendable, Hashable {
        public var lines: [DocumentLine]
        public var taxTotals: [TaxTotal]
        public var totals: MonetaryTotal
    }

    public static func compute(_ lines: [DraftLine]) -> Result {
        var computed: [DocumentLine] = []
        computed.reserveCapacity(lines.count)
        // scheme id → percent → (base, tax); scheme order is first appearance, rates ascending.
        var schemeOrder: [TaxScheme] = []
        var byRate: [String: [Decimal: (base: Amount, tax: Amount)]] = [:]
        var lineExtension = Amount.zero
        var taxExclusive = Amount.zero
        var taxSum = Amount.zero

        for (index, line) in lines.enumerated() {
            let gross = Amount(line.quantity * line.unitPrice.value).rounded()
            let discount: Amount =
                switch line.discount {
                case .amount(let amount)?: amount.rounded()
                case .percent(let percent)?: Amount(gross.value * percent / 100).rounded()
                case nil: .zero
                }
            let net = gross - discount
            var lineTaxes: [TaxTotal] = []
            for rate in line.taxes {
                let tax = Amount(net.value * rate.percent / 100).rounded()
                lineTaxes.append(
                    TaxTotal(
                        scheme: rate.scheme, taxAmount: tax,
                        subtotals: [TaxSubtotal(scheme: rate.scheme, taxableAmount: net, taxAmount: tax, percent: rate.percent)]))
                if byRate[rate.scheme.id] == nil {
                    schemeOrder.append(rate.scheme)
                    byRate[rate.scheme.id] = [:]
                }
                let previous = byRate[rate.scheme.id]![rate.percent] ?? (.zero, .zero)
                byRate[rate.scheme.id]![rate.percent] = (previous.base + net, previous.tax + tax)
                taxSum += tax
            }
            if !line.taxes.isEmpty { taxExclusive += net }
            lineExtension += net
            computed.append(
                DocumentLine(
                    id: index + 1, code: line.code, description: line.description, quantity: line.quantity,
                    unitCode: line.unitCode, unitPrice: line.unitPrice, discount: discount, lineExtensionAmount: net,
                    taxes: lineTaxes, note: line.note))
        }

        let taxTotals = schemeOrder.map { scheme in
            let rates = byRate[scheme.id]!.sorted { $0.key < $1.key }
            let subtotals = rates.map {
                TaxSubtotal(scheme: scheme, taxableAmount: $0.value.base, taxAmount: $0.value.tax, percent: $0.key)
            }
            return TaxTotal(scheme: scheme, taxAmount: subtotals.reduce(.zero) { $0 + $1.taxAmount }, subtotals: subtotals)
        }
        let inclusive = lineExtension + taxSum
        let totals = MonetaryTotal(
            lineExtensionAmount: lineExtension, taxExclusiveAmount: taxExclusive, taxInclusiveAmount: inclusive,
            payableAmount: inclusive)
        return Result(lines: computed, taxTotals: taxTotals, totals: totals)
    }

    /// DIAN's tolerance on computed amounts, and the one Folio applies when comparing ERP totals.
    public static let tolerance = Amount(Decimal(string: "1.00")!)
}
