import DocumentModel
import Foundation
import Testing

struct TotalsCalculatorTests {
    func line(_ quantity: String, _ price: String, iva: Decimal? = nil, inc: Decimal? = nil, discount: Discount? = nil)
        -> DraftLine
    {
        var taxes: [TaxRate] = []
        if let iva { taxes.append(TaxRate(scheme: .iva, percent: iva)) }
        if let inc { taxes.append(TaxRate(scheme: .inc, percent: inc)) }
        return DraftLine(
            code: nil, description: "x", quantity: Decimal(string: quantity)!, unitCode: "94",
            unitPrice: Amount(exactly: price)!, discount: discount, taxes: taxes)
    }

    @Test func mixedRatesGiveOneTaxTotalWithOneSubtotalPerRateIncludingZero() {
        // Worked by hand: 3 × 1000 = 3000 @19 % → 570; 2 × 250.50 = 501 @0 % → 0; 1 × 99.99 @19 % → 19.00 (18.9981).
        let result = TotalsCalculator.compute([line("3", "1000", iva: 19), line("2", "250.50", iva: 0), line("1", "99.99", iva: 19)])
        #expect(result.taxTotals.count == 1)
        let iva = result.taxTotals[0]
        #expect(iva.scheme == .iva)
        #expect(iva.subtotals.map(\.percent) == [0, 19])
        #expect(iva.subtotals.map(\.taxableAmount.fixed2) == ["501.00", "3099.99"])
        #expect(iva.subtotals.map(\.taxAmount.fixed2) == ["0.00", "589.00"])
        #expect(iva.taxAmount.fixed2 == "589.00")
        #expect(result.totals.lineExtensionAmount.fixed2 == "3600.99")
        #expect(result.totals.taxExclusiveAmount.fixed2 == "3600.99")
        #expect(result.totals.taxInclusiveAmount.fixed2 == "4189.99")
        #expect(result.totals.payableAmount.fixed2 == "4189.99")
    }

    @Test func taxIsRoundedPerLineAndTheTotalIsTheSumOfLines() {
        // Each line: 0.05 @19 % = 0.0095 → 0.01. Three lines → 0.03 (not round(0.15 × 0.19) = 0.03 by luck: use 7 lines).
        let result = TotalsCalculator.compute(Array(repeating: line("1", "0.05", iva: 19), count: 7))
        // 7 × 0.01 = 0.07, whereas rounding the sum would give round(0.35 × 0.19 = 0.0665) = 0.07 … pick 0.03 price:
        #expect(result.taxTotals[0].taxAmount.fixed2 == "0.07")
        let cheap = TotalsCalculator.compute(Array(repeating: line("1", "0.03", iva: 19), count: 10))
        // 0.03 × 0.19 = 0.0057 → 0.01 per line → 0.10, while 0.30 × 0.19 = 0.057 → 0.06 on the sum.
        #expect(cheap.taxTotals[0].taxAmount.fixed2 == "0.10")
        #expect(cheap.taxTotals[0].subtotals[0].taxableAmount.fixed2 == "0.30")
    }

    @Test func discountsComeOffTheBaseBeforeTax() {
        let result = TotalsCalculator.compute([
            line("4", "2500", iva: 19, discount: .percent(10)),  // 10000 − 1000 = 9000 → 1710
            line("1", "500", iva: 5, discount: .amount(Amount(exactly: "20.004")!)),  // 500 − 20.00 = 480 → 24
        ])
        #expect(result.lines.map(\.discount.fixed2) == ["1000.00", "20.00"])
        #expect(result.lines.map(\.lineExtensionAmount.fixed2) == ["9000.00", "480.00"])
        #expect(result.taxTotals[0].subtotals.map(\.taxAmount.fixed2) == ["24.00", "1710.00"])
        #expect(result.totals.payableAmount.fixed2 == "11214.00")
    }

    @Test func ivaAndIncOnTheSameLineAreTwoTaxTotals() {
        let result = TotalsCalculator.compute([line("1", "10000", iva: 19, inc: 8), line("1", "100", inc: 8)])
        #expect(result.taxTotals.map(\.scheme.id) == ["01", "04"])
        #expect(result.taxTotals[1].taxAmount.fixed2 == "808.00")
        #expect(result.totals.taxExclusiveAmount.fixed2 == "10100.00")
        #expect(result.totals.payableAmount.fixed2 == "12808.00")
    }

    @Test func untaxedLinesAreNotPartOfTheTaxableBase() {
        let result = TotalsCalculator.compute([line("1", "100", iva: 19), line("1", "50")])
        #expect(result.totals.taxExclusiveAmount.fixed2 == "100.00")
        #expect(result.totals.lineExtensionAmount.fixed2 == "150.00")
        #expect(result.lines[1].taxes.isEmpty)
    }
}
