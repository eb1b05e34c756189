import DIANRules
import DocumentModel
import Foundation
import Testing

struct QRTextTests {
    static func document(environment: DIANEnvironment) -> ElectronicDocument {
        let supplier = Party(
            personType: .legal, name: "Proveedor S.A.S.", identification: Identification(type: .nit, number: "900108281", checkDigit: 3),
            taxLevelCodes: ["O-13"], taxScheme: .iva)
        let customer = Party(
            personType: .natural, name: "Cliente", identification: Identification(type: .cedulaCiudadania, number: "1020304050"),
            taxLevelCodes: ["R-99-PN"], taxScheme: .notApplicable)
        let computed = TotalsCalculator.compute([
            DraftLine(code: "A", description: "Uno", quantity: 2, unitCode: "94", unitPrice: 1000,
                      taxes: [TaxRate(scheme: .iva, percent: 19), TaxRate(scheme: .inc, percent: 8)])
        ])
        return ElectronicDocument(
            kind: .invoice, environment: environment, customizationID: "10", number: "SETP990000001", uniqueCode: nil,
            issueDate: CalendarDate(year: 2026, month: 1, day: 5), issueTime: OffsetTime("08:05:09-05:00")!, dueDate: nil,
            typeCode: "01", notes: [], currency: "COP", orderReference: nil, billingReference: nil, discrepancy: nil,
            supplier: supplier, customer: customer, paymentMeans: nil, taxTotals: computed.taxTotals, totals: computed.totals,
            lines: computed.lines, control: nil, software: nil, qrText: nil)
    }

    @Test func habilitacionQRHasEveryFieldAndTheTestCatalogue() {
        let text = QRText.make(for: Self.document(environment: .testing), uniqueCode: "abc123")
        #expect(text == """
            NumFac: SETP990000001
            FecFac: 2026-01-05
            HorFac: 08:05:09-05:00
            NitFac: 900108281
            DocAdq: 1020304050
            ValFac: 2000.00
            ValIva: 380.00
            ValOtroIm: 160.00
            ValTolFac: 2540.00
            CUFE: abc123
            https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=abc123
            """)
    }

    @Test func productionUsesTheProductionCatalogue() {
        let text = QRText.make(for: Self.document(environment: .production), uniqueCode: "ff")
        #expect(text.hasSuffix("\nhttps://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=ff"))
    }

    @Test func documentFieldsFeedTheCUFEInDIANOrder() {
        let fields = UniqueCode.fields(of: Self.document(environment: .testing), key: "KEY")
        #expect(fields.concatenation == "SETP9900000012026-01-0508:05:09-05:002000.0001380.0004160.00030.002540.009001082811020304050KEY2")
    }
}
