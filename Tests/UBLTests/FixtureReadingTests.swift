import DocumentModel
import Foundation
import Testing
import UBL

/// Documents written by other software read; expected values were read by hand from the fixture files.
@Suite struct FixtureReadingTests {
    private func read(_ name: String) throws -> ElectronicDocument {
        try UBLReader.read(try Repository.fixture(name), sourceName: name)
    }

    private func amount(_ text: String) -> Amount { Amount(exactly: text)! }

    @Test func dianGenericaSignedInvoice() throws {
        let document = try read("invoice-dian-generica-signed-setp990000002.xml")
        #expect(document.kind == .invoice)
        #expect(document.number == "SETP990000002")
        #expect(document.environment == .testing)
        #expect(document.customizationID == "05")
        #expect(document.uniqueCode?.hasPrefix("941cf36af62dbbc06f105d2a80e9bfe6") == true)
        #expect(document.issueTime == OffsetTime(hour: 9, minute: 15, second: 23, offsetMinutes: -300))
        #expect(document.typeCode == "01")
        #expect(document.currency == "COP")
        #expect(document.totals.payableAmount == amount("14024.07"))
        #expect(document.totals.prepaidAmount == amount("1000.00"))
        #expect(document.totals.taxExclusiveAmount == amount("12787.56"))
        #expect(document.customer.name == "OPTICAS GMO COLOMBIA S A S")
        #expect(document.customer.identification == Identification(type: .nit, number: "900108281", checkDigit: 3))
        #expect(document.supplier.identification == Identification(type: .nit, number: "800197268", checkDigit: 4))
        #expect(document.supplier.tradeName == "Nombre Tienda")
        #expect(document.supplier.address?.line == "Av. #97 - 13")
        #expect(document.supplier.address?.cityName == "Bogotá, D.c. ")
        #expect(document.supplier.email == "emisor@example.com")
        #expect(document.billingReference?.id == "SFR3123856")
        #expect(document.paymentMeans == PaymentMeans(methodID: "2", code: "41", dueDate: CalendarDate(iso: "2019-06-30")))
        #expect(document.taxTotals.map(\.scheme.id) == ["01", "03", "04"])
        #expect(document.taxTotals.first?.taxAmount == amount("2424.01"))
        #expect(document.taxTotals.first?.subtotals.map(\.percent) == [19, 16])
        #expect(document.lines.count == 2)
        #expect(document.lines.first?.discount == amount("6299.94"))
        #expect(document.lines.first?.unitPrice == amount("18900.00"))
        #expect(document.lines.first?.code == "AOHV84-225")
        #expect(document.lines.first?.unitCode == "EA")
        #expect(document.lines.last?.description == "Bolsa")
        #expect(document.control?.authorization == "18760000001")
        #expect(document.control?.prefix == "SETP")
        #expect(document.control?.to == 995_000_000)
        #expect(document.software?.softwareID == "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0")
        // The sample writes schemeID="31" (a type code) where the check digit belongs; the DV is 4.
        #expect(document.software?.providerCheckDigit == 4)
        #expect(document.qrText?.hasPrefix("https://catalogo-vpfe-hab.dian.gov.co/Document/FindDocument?documentKey=941cf") == true)
        #expect(document.qrText?.contains("&partitionKey=co|06|94&") == true)
    }

    @Test func stenfrankInvoiceWithLegacyNamespaceAndBagTax() throws {
        let document = try read("invoice-stenfrank-setp990000008-unsigned.xml")
        #expect(document.number == "SETP990000008")
        #expect(document.customizationID == "01")
        #expect(document.dueDate == CalendarDate(iso: "2019-04-04"))
        #expect(document.orderReference == "546326432432")
        #expect(document.totals.payableAmount == amount("2023060.00"))
        #expect(document.totals.allowanceTotalAmount == amount("59000.00"))
        #expect(document.totals.chargeTotalAmount == amount("20000.00"))
        #expect(document.lines.count == 6)
        #expect(document.lines.first?.description == "Base para TV")
        #expect(document.lines.first?.lineExtensionAmount == amount("250000.00"))
        let bags = try #require(document.taxTotals.last)
        #expect(bags.scheme == TaxScheme(id: "22", name: "Impuesto sobre las bolsas"))
        #expect(bags.taxAmount == amount("60.00"))
        #expect(bags.subtotals.first?.taxableAmount == .zero)
        #expect(document.control?.authorization == "18760000001")
        #expect(document.supplier.name == "FACTURADOR DE EJEMPLO")
        #expect(document.supplier.address?.cityName == "Medellín")
    }

    @Test func stenfrankCreditNote() throws {
        let document = try read("credit-note-stenfrank-unsigned.xml")
        #expect(document.kind == .creditNote)
        #expect(document.number == "NC1000")
        #expect(document.uniqueCode == nil)  // <cbc:UUID .../> is empty
        #expect(document.typeCode == "91")
        #expect(document.totals.payableAmount == .zero)
        #expect(document.customer.name == "ADQUIRIENTE DE EJEMPLO")
        // Only a registration address is given for the buyer.
        #expect(document.customer.address?.cityName == "Cali")
        #expect(document.customer.address?.cityCode == "76001")
        #expect(document.software?.providerNIT == "9000000")
        #expect(document.software?.providerCheckDigit == 9)
        #expect(document.software?.softwareID == "")
        #expect(document.lines.map(\.description) == ["Base para TV"])
        #expect(document.lines.first?.quantity == 1)
    }

    @Test func stenfrankDebitNote() throws {
        let document = try read("debit-note-stenfrank-unsigned.xml")
        #expect(document.kind == .debitNote)
        #expect(document.number == "ND1")
        #expect(document.customizationID == "11")
        #expect(document.typeCode == nil)
        #expect(document.currency == "USD")
        #expect(document.totals.payableAmount == amount("14994.07"))
        #expect(document.discrepancy == Discrepancy(referenceID: "SETP990000015", code: "1", description: "Factura anterior"))
        #expect(document.billingReference?.id == "SETP990000015")
        #expect(document.billingReference?.issueDate == CalendarDate(iso: "2019-06-21"))
        #expect(document.dueDate == CalendarDate(iso: "2019-06-30"))  // notes: cac:PaymentMeans/cbc:PaymentDueDate
        #expect(document.lines.first?.discount == amount("6299.94"))
        #expect(document.lines.first?.description == "Articulo 1 Prueba")
    }

    @Test func minimalCUFEInputInvoice() throws {
        let document = try read("invoice-minimal-cufe-input.xml")
        #expect(document.number == "SETP990000002")
        #expect(document.customizationID == "")
        #expect(document.supplier.identification == Identification(type: .nit, number: "900373115"))
        #expect(document.customer.identification.number == "800199436")
        #expect(document.supplier.address == nil)
        #expect(document.totals.payableAmount == amount("11900.00"))
        #expect(document.taxAmount(scheme: "01") == amount("1900.00"))
        #expect(document.lines.isEmpty)
        #expect(document.software == nil)
        #expect(document.qrText == "PLACEHOLDER")
    }

    @Test func bareIssueTimeIsBogotaTime() throws {
        var text = String(decoding: try Repository.fixture("invoice-minimal-cufe-input.xml"), as: UTF8.self)
        text = text.replacingOccurrences(of: "<cbc:IssueTime>09:15:23-05:00</cbc:IssueTime>", with: "<cbc:IssueTime>09:15:23</cbc:IssueTime>")
        let document = try UBLReader.read(Array(text.utf8), sourceName: "bare-time.xml")
        #expect(document.issueTime.text == "09:15:23-05:00")
    }

    @Test func documentWithoutDianExtensions() throws {
        let text = String(decoding: try Repository.fixture("credit-note-stenfrank-unsigned.xml"), as: UTF8.self)
        let start = try #require(text.range(of: "<ext:UBLExtensions>"))
        let end = try #require(text.range(of: "</ext:UBLExtensions>"))
        var stripped = text
        stripped.removeSubrange(start.lowerBound..<end.upperBound)
        let document = try UBLReader.read(Array(stripped.utf8), sourceName: "no-extensions.xml")
        #expect(document.software == nil)
        #expect(document.control == nil)
        #expect(document.qrText == nil)
        #expect(document.number == "NC1000")
    }
}
