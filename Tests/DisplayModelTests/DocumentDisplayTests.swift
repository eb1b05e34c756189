import DisplayModel
import DocumentModel
import Testing

@Suite struct DocumentDisplayTests {
    private let data = DocumentDisplay.make(
        SampleDocument.make(), branding: Branding(logoPath: "assets/logo.png", legalTexts: ["Texto legal."]))

    private func text(_ path: String) -> String? { data[path: path]?.text }

    @Test func documentFields() {
        #expect(text("document.title") == "FACTURA ELECTRÓNICA DE VENTA")
        #expect(text("document.number") == "SETP990000042")
        #expect(text("document.codeLabel") == "CUFE")
        #expect(text("document.code")?.hasPrefix("8bb7f4e5") == true)
        #expect(text("document.issueDate") == "04/03/2025")
        #expect(text("document.issueTime") == "09:05:07")
        #expect(text("document.dueDate") == "03/04/2025")
        #expect(text("document.paymentForm") == "Crédito 30 días")
        #expect(text("document.paymentMeans") == "Transferencia débito bancaria")
        #expect(text("document.payment") == "Crédito 30 días – Transferencia débito bancaria")
        #expect(text("document.orderReference") == "OC-7781")
        #expect(data[path: "document.notes"] == .list([.text("Entregar en bodega 3.")]))
        #expect(text("document.qr") == "NumFac: SETP990000042\nValTolFac: 1040200.00")
        #expect(
            text("document.resolution")
                == "Resolución DIAN No. 18764000001234 del 15/01/2024, prefijo SETP, rango 990000001 al 995000000, vigencia hasta 15/01/2026"
        )
        #expect(data[path: "document.isNote"] == .flag(false))
        #expect(data[path: "document.isCopy"] == .flag(false))
        #expect(text("document.copyMark") == "")
    }

    @Test func parties() {
        #expect(text("issuer.name") == "Distribuidora Ñandú Andina S.A.S.")
        #expect(text("issuer.id") == "NIT 900.108.281-3")
        #expect(text("issuer.idLabel") == "NIT")
        #expect(text("issuer.idNumber") == "900.108.281-3")
        #expect(text("issuer.address") == "Calle 93B # 13-44, Oficina 501")
        #expect(text("issuer.cityLine") == "Bogotá D.C., Bogotá")
        #expect(text("issuer.phone") == "(601) 745 2290")
        #expect(text("issuer.email") == "facturacion@nanduandina.com.co")
        #expect(text("issuer.responsibilities") == "O-13 Gran contribuyente; O-15 Autorretenedor")
        #expect(text("issuer.taxRegime") == "Responsable de IVA")
        #expect(text("buyer.name") == "José Peña & Hijos Ñandú S.A.S.")
        #expect(text("buyer.id") == "NIT 860.069.804-2")
        #expect(text("buyer.cityLine") == "Medellín, Antioquia")
        #expect(text("buyer.phone") == "")
        #expect(text("buyer.taxRegime") == "No responsable de IVA")
    }

    @Test func linesAreFormatted() throws {
        let lines = try #require(data[path: "lines"]?.items)
        #expect(lines.count == 3)
        let second = lines[1]
        #expect(second[path: "number"]?.text == "2")
        #expect(second[path: "code"]?.text == "S-014")
        #expect(second[path: "quantity"]?.text == "2")
        #expect(second[path: "unit"]?.text == "Hora")
        #expect(second[path: "unitPrice"]?.text == "$\u{00A0}350.000,00")
        #expect(second[path: "discount"]?.text == "$\u{00A0}70.000,00")
        #expect(second[path: "hasDiscount"] == .flag(true))
        #expect(second[path: "taxPercent"]?.text == "19%")
        #expect(second[path: "taxAmount"]?.text == "$\u{00A0}119.700,00")
        #expect(second[path: "net"]?.text == "$\u{00A0}630.000,00")
        #expect(second[path: "total"]?.text == "$\u{00A0}749.700,00")
        #expect(lines[0][path: "hasDiscount"] == .flag(false))
        #expect(lines[2][path: "taxPercent"]?.text == "5%")
    }

    @Test func taxBreakdownHasOneRowPerRate() throws {
        let rows = try #require(data[path: "taxes"]?.items)
        #expect(rows.map { $0[path: "label"]?.text } == ["IVA 5%", "IVA 19%"])
        #expect(rows.map { $0[path: "base"]?.text } == ["$\u{00A0}135.000,00", "$\u{00A0}755.000,00"])
        #expect(rows.map { $0[path: "amount"]?.text } == ["$\u{00A0}6.750,00", "$\u{00A0}143.450,00"])
    }

    @Test func totals() {
        #expect(text("totals.subtotal") == "$\u{00A0}890.000,00")
        #expect(text("totals.taxes") == "$\u{00A0}150.200,00")
        #expect(text("totals.total") == "$\u{00A0}1.040.200,00")
        #expect(text("totals.payable") == "$\u{00A0}1.040.200,00")
        #expect(text("totals.inWords") == "UN MILLÓN CUARENTA MIL DOSCIENTOS PESOS M/CTE")
        #expect(data[path: "totals.hasDiscounts"] == .flag(false))
    }

    @Test func branding() {
        #expect(text("branding.tradeName") == "Ñandú Andina")
        #expect(text("branding.logo") == "assets/logo.png")
        #expect(data[path: "branding.legalTexts"] == .list([.text("Texto legal.")]))
    }

    @Test func notesCarryTheirReferenceAndConcept() {
        let credit = DocumentDisplay.make(SampleDocument.make(kind: .creditNote), branding: Branding(), copy: true)
        #expect(credit[path: "document.title"]?.text == "NOTA CRÉDITO ELECTRÓNICA")
        #expect(credit[path: "document.codeLabel"]?.text == "CUDE")
        #expect(credit[path: "document.isNote"] == .flag(true))
        #expect(credit[path: "document.resolution"]?.text == "")
        #expect(credit[path: "reference.number"]?.text == "SETP990000041")
        #expect(credit[path: "reference.issueDate"]?.text == "28/02/2025")
        #expect(credit[path: "reference.concept"]?.text == "2 – Anulación de factura electrónica")
        #expect(credit[path: "document.isCopy"] == .flag(true))
        #expect(credit[path: "document.copyMark"]?.text == "COPIA")
        let debit = DocumentDisplay.make(SampleDocument.make(kind: .debitNote), branding: Branding())
        #expect(debit[path: "document.title"]?.text == "NOTA DÉBITO ELECTRÓNICA")
    }

    @Test(arguments: DocumentKind.allCases)
    func outputHasExactlyTheSchemasShape(kind: DocumentKind) {
        let value = DocumentDisplay.make(SampleDocument.make(kind: kind), branding: Branding(legalTexts: ["x"]))
        #expect(DocumentDisplay.schema.mismatches(in: value, allowExtraFields: false) == [])
    }
}
