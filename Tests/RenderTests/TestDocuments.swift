import DisplayModel
import DocumentModel
import Foundation
import Render

/// The repository's `Layouts/` and `Fonts/`, found from this file.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let layouts = root + "/Layouts"
    static let fonts = root + "/Fonts"

    /// One renderer for the whole test run (loading templates and fonts once, as the server does).
    static let renderer: Result<DocumentRenderer, any Error> = Result {
        try DocumentRenderer(layoutsDirectory: layouts, fontsDirectory: fonts)
    }
}

/// Documents built by hand with the document model.
enum TestDocuments {
    static let cufe = "be1cba76dd3a6e4b64e92f21bd0aebd12209c4f8e36fddc2373ba8f80ebdd9c9db34b33e7c838ad7fd37f0658f9fda15"
    static let buyerName = "José Peña & Hijos Ñandú S.A.S."
    static let creation = Date(timeIntervalSince1970: 1_741_000_000)

    /// The QR text as DIAN asks for it (one field per line), written out by hand for these documents.
    static func qrText(number: String, subtotal: String, iva: String, total: String) -> String {
        """
        NumFac: \(number)
        FecFac: 2025-03-04
        HorFac: 09:05:07-05:00
        NitFac: 900108281
        DocAdq: 860069804
        ValFac: \(subtotal)
        ValIva: \(iva)
        ValOtroIm: 0.00
        ValTolFac: \(total)
        CUFE: \(cufe)
        https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=\(cufe)
        """
    }

    /// An invoice with `count` lines; line `i` (1-based) has `description(i)`.
    static func invoice(
        lines count: Int, kind: DocumentKind = .invoice, number: String = "SETP990000042", buyer: String = buyerName,
        description: (Int) -> String = { "Artículo de papelería número \($0)" }
    ) -> ElectronicDocument {
        let drafts = (1...count).map { index in
            DraftLine(
                code: String(format: "P%05d", index), description: description(index), quantity: Decimal(1 + index % 7),
                unitCode: "94", unitPrice: Amount(Decimal(1_500 + (index * 7919) % 480_000)),
                taxes: [TaxRate(scheme: .iva, percent: index % 5 == 0 ? 5 : 19)])
        }
        let computed = TotalsCalculator.compute(drafts)
        let iva = computed.taxTotals.reduce(Amount.zero) { $0 + $1.taxAmount }
        let issuer = Party(
            personType: .legal, name: "Distribuidora Ñandú Andina S.A.S.", tradeName: "Ñandú Andina",
            identification: Identification(type: .nit, number: "900108281", checkDigit: 3),
            taxLevelCodes: ["O-13", "O-15"], taxScheme: .iva,
            address: Address(line: "Calle 93B # 13-44, Oficina 501", cityCode: "11001", cityName: "Bogotá D.C.", departmentCode: "11", departmentName: "Bogotá"),
            email: "facturacion@nanduandina.com.co", phone: "(601) 745 2290")
        let customer = Party(
            personType: .legal, name: buyer, identification: Identification(type: .nit, number: "860069804", checkDigit: 2),
            taxLevelCodes: ["R-99-PN"], taxScheme: .notApplicable,
            address: Address(line: "Carrera 7 # 71-21, Torre B, Piso 12", cityCode: "05001", cityName: "Medellín", departmentCode: "05", departmentName: "Antioquia"),
            email: "compras@penahijos.com.co", phone: "604 555 0199")
        return ElectronicDocument(
            kind: kind, environment: .testing, customizationID: "10", number: number, uniqueCode: cufe,
            issueDate: CalendarDate(year: 2025, month: 3, day: 4), issueTime: OffsetTime(hour: 9, minute: 5, second: 7, offsetMinutes: -300),
            dueDate: CalendarDate(year: 2025, month: 4, day: 3), typeCode: kind == .invoice ? "01" : nil,
            notes: ["Entregar en la bodega 3, muelle norte."], currency: "COP", orderReference: "OC-7781",
            billingReference: kind == .invoice ? nil : BillingReference(id: "SETP990000041", uuid: cufe, issueDate: CalendarDate(year: 2025, month: 2, day: 28)),
            discrepancy: kind == .invoice ? nil : Discrepancy(referenceID: "SETP990000041", code: kind == .creditNote ? "2" : "3", description: ""),
            supplier: issuer, customer: customer,
            paymentMeans: PaymentMeans(methodID: "2", code: "47", dueDate: CalendarDate(year: 2025, month: 4, day: 3)),
            taxTotals: computed.taxTotals, totals: computed.totals, lines: computed.lines,
            control: kind == .invoice
                ? InvoiceControl(
                    authorization: "18764000001234", startDate: CalendarDate(year: 2024, month: 1, day: 15),
                    endDate: CalendarDate(year: 2026, month: 1, day: 15), prefix: "SETP", from: 990_000_001, to: 995_000_000)
                : nil,
            software: nil,
            qrText: qrText(number: number, subtotal: computed.totals.lineExtensionAmount.fixed2, iva: iva.fixed2, total: computed.totals.payableAmount.fixed2))
    }

    static let branding = Branding(
        tradeName: "Ñandú Andina", logoPath: "assets/logo.png",
        legalTexts: ["Esta factura electrónica de venta se asimila en todos sus efectos a una letra de cambio (Art. 774 del Código de Comercio)."])

    static func display(_ document: ElectronicDocument, copy: Bool = false) -> DisplayValue {
        DocumentDisplay.make(document, branding: branding, copy: copy)
    }
}
