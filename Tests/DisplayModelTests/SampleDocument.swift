import DocumentModel
import Foundation

/// A small invoice built by hand with the document model; every expected value in the tests is worked out
/// on paper from these numbers.
///
/// Lines: 10 × 12 500 at IVA 19 % = 125 000 (tax 23 750); 2 × 350 000 less 10 % at IVA 19 % = 630 000
/// (tax 119 700); 3 × 45 000 at IVA 5 % = 135 000 (tax 6 750). Subtotal 890 000, IVA 19 % on 755 000 =
/// 143 450, IVA 5 % on 135 000 = 6 750, taxes 150 200, payable 1 040 200.
enum SampleDocument {
    static func make(kind: DocumentKind = .invoice) -> ElectronicDocument {
        let iva19 = TaxRate(scheme: .iva, percent: 19)
        let iva5 = TaxRate(scheme: .iva, percent: 5)
        let computed = TotalsCalculator.compute([
            DraftLine(
                code: "P-001", description: "Resma papel bond carta 75 g", quantity: 10, unitCode: "94",
                unitPrice: 12_500, taxes: [iva19]),
            DraftLine(
                code: "S-014", description: "Mantenimiento preventivo de impresoras", quantity: 2, unitCode: "HUR",
                unitPrice: 350_000, discount: .percent(10), taxes: [iva19]),
            DraftLine(
                code: "L-300", description: "Libro contable", quantity: 3, unitCode: "94", unitPrice: 45_000,
                taxes: [iva5]),
        ])
        let issuer = Party(
            personType: .legal, name: "Distribuidora Ñandú Andina S.A.S.", tradeName: "Ñandú Andina",
            identification: Identification(type: .nit, number: "900108281", checkDigit: 3),
            taxLevelCodes: ["O-13", "O-15"], taxScheme: .iva,
            address: Address(
                line: "Calle 93B # 13-44, Oficina 501", cityCode: "11001", cityName: "Bogotá D.C.",
                departmentCode: "11", departmentName: "Bogotá"),
            email: "facturacion@nanduandina.com.co", phone: "(601) 745 2290")
        let buyer = Party(
            personType: .legal, name: "José Peña & Hijos Ñandú S.A.S.",
            identification: Identification(type: .nit, number: "860069804", checkDigit: 2),
            taxLevelCodes: ["R-99-PN"], taxScheme: .notApplicable,
            address: Address(
                line: "Carrera 7 # 71-21", cityCode: "05001", cityName: "Medellín", departmentCode: "05",
                departmentName: "Antioquia"),
            email: "compras@penahijos.com.co")
        return ElectronicDocument(
            kind: kind, environment: .testing, customizationID: "10", number: "SETP990000042",
            uniqueCode: "8bb7f4e5c0c3d5e1a1c4b7f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a29181a2b3c4d5e6f708192a3b4c5d6e7f8",
            issueDate: CalendarDate(year: 2025, month: 3, day: 4), issueTime: OffsetTime(hour: 9, minute: 5, second: 7, offsetMinutes: -300),
            dueDate: CalendarDate(year: 2025, month: 4, day: 3), typeCode: "01", notes: ["Entregar en bodega 3."],
            currency: "COP", orderReference: "OC-7781",
            billingReference: kind == .invoice
                ? nil
                : BillingReference(id: "SETP990000041", uuid: "abc123", issueDate: CalendarDate(year: 2025, month: 2, day: 28)),
            discrepancy: kind == .creditNote ? Discrepancy(referenceID: "SETP990000041", code: "2", description: "") : nil,
            supplier: issuer, customer: buyer,
            paymentMeans: PaymentMeans(methodID: "2", code: "47", dueDate: CalendarDate(year: 2025, month: 4, day: 3)),
            taxTotals: computed.taxTotals, totals: computed.totals, lines: computed.lines,
            control: kind == .invoice
                ? InvoiceControl(
                    authorization: "18764000001234", startDate: CalendarDate(year: 2024, month: 1, day: 15),
                    endDate: CalendarDate(year: 2026, month: 1, day: 15), prefix: "SETP", from: 990_000_001,
                    to: 995_000_000)
                : nil,
            software: nil, qrText: "NumFac: SETP990000042\nValTolFac: 1040200.00")
    }
}
