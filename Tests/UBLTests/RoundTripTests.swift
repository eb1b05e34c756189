import FolioTesting
import DocumentModel
import Foundation
import Testing
import UBL

/// Writer → reader gives back the same document; an independent reader (xmllint XPath) sees the values.
@Suite struct RoundTripTests {
    @Test(arguments: SampleDocuments.names)
    func readingWhatWasWrittenGivesTheSameDocument(name: String) throws {
        let document = try #require(SampleDocuments.byName[name])
        let read = try UBLReader.read(try UBLWriter.write(document), sourceName: name)
        #expect(read == document)
    }

    private func xpath(_ expression: String, _ path: String) throws -> String {
        let output = try Xmllint().run(["--xpath", expression, path])
        #expect(output.status == 0, "\(expression): \(output.stderr)")
        return output.stdout.hasSuffix("\n") ? String(output.stdout.dropLast()) : output.stdout
    }

    /// `/*/a/b` written with local names only, so the expression does not depend on Folio's prefixes.
    private func path(_ steps: String...) -> String { "/*/" + steps.map { "*[local-name()='\($0)']" }.joined(separator: "/") }

    @Test func xmllintReadsTheInvoiceValues() throws {
        let file = try writeTemporaryFile(try UBLWriter.write(SampleDocuments.invoice), name: "invoice.xml")
        let buyer = path("AccountingCustomerParty", "Party", "PartyTaxScheme", "RegistrationName")
        #expect(try xpath("string(\(buyer))", file) == "Peña & Hijos Ñandú S.A.S.")
        #expect(try xpath("string-length(\(path("InvoiceLine", "Item", "Description")))", file) == "3000")
        #expect(try xpath("count(\(path("InvoiceLine")))", file) == "3")
        #expect(try xpath("string(\(path("LegalMonetaryTotal", "PayableAmount")))", file) == "599101.50")
        #expect(try xpath("string(\(path("LegalMonetaryTotal", "PayableAmount"))/@currencyID)", file) == "COP")
        #expect(try xpath("string(\(path("IssueTime")))", file) == "10:53:10-05:00")
        #expect(try xpath("string(\(path("DueDate")))", file) == "2024-04-14")
        #expect(try xpath("string(\(path("UUID"))/@schemeName)", file) == "CUFE-SHA384")
        #expect(try xpath("string(\(path("ProfileID")))", file) == "DIAN 2.1: Factura Electrónica de Venta")
        let company = path("AccountingCustomerParty", "Party", "PartyTaxScheme", "CompanyID")
        #expect(try xpath("concat(\(company), ' ', \(company)/@schemeID, ' ', \(company)/@schemeName)", file) == "860034313 7 31")
        #expect(try xpath("string(\(path("TaxTotal", "TaxSubtotal", "TaxCategory", "Percent")))", file) == "0.00")
        #expect(try xpath("string(\(path("InvoiceLine", "InvoicedQuantity"))[1]/@unitCode)", file) == "94")
        #expect(try xpath("string((\(path("InvoiceLine", "InvoicedQuantity")))[2])", file) == "1.5")
        #expect(try xpath("string((\(path("InvoiceLine", "AllowanceCharge", "Amount")))[1])", file) == "30000.00")
        // The signature slot holds only the pending-signature marker.
        #expect(try xpath("count(\(path("UBLExtensions", "UBLExtension"))[2]/*/*)", file) == "1")
        #expect(try xpath("local-name(\(path("UBLExtensions", "UBLExtension"))[2]/*/*)", file) == "SignaturePending")
        let authorization = path("UBLExtensions", "UBLExtension", "ExtensionContent", "DianExtensions", "AuthorizationProvider", "AuthorizationProviderID")
        #expect(try xpath("concat(\(authorization), ' ', \(authorization)/@schemeID)", file) == "800197268 4")
        let qr = path("UBLExtensions", "UBLExtension", "ExtensionContent", "DianExtensions", "QRCode")
        #expect(try xpath("string(\(qr))", file) == SampleDocuments.invoice.qrText)
    }

    @Test func finalConsumerHasNoAddress() throws {
        let file = try writeTemporaryFile(try UBLWriter.write(SampleDocuments.finalConsumerInvoice), name: "cf.xml")
        let party = path("AccountingCustomerParty", "Party")
        #expect(try xpath("count(\(party)//*[local-name()='PhysicalLocation' or local-name()='RegistrationAddress'])", file) == "0")
        #expect(try xpath("string(\(party)/*[local-name()='PartyTaxScheme']/*[local-name()='CompanyID'])", file) == "222222222222")
        #expect(try xpath("string(\(party)/*[local-name()='PartyIdentification']/*[local-name()='ID']/@schemeName)", file) == "13")
        #expect(try xpath("string(\(path("AccountingCustomerParty", "AdditionalAccountID")))", file) == "2")
    }

    @Test func notesCarryTheirReferencesAndNoDueDate() throws {
        let credit = try writeTemporaryFile(try UBLWriter.write(SampleDocuments.creditNote), name: "nc.xml")
        #expect(try xpath("string(\(path("CreditNoteTypeCode")))", credit) == "91")
        #expect(try xpath("string(\(path("DiscrepancyResponse", "ResponseCode")))", credit) == "2")
        #expect(try xpath("string(\(path("BillingReference", "InvoiceDocumentReference", "ID")))", credit) == "SETP990000101")
        #expect(try xpath("string(\(path("UUID"))/@schemeName)", credit) == "CUDE-SHA384")
        #expect(try xpath("count(\(path("DueDate")))", credit) == "0")

        let debit = try writeTemporaryFile(try UBLWriter.write(SampleDocuments.debitNote), name: "nd.xml")
        #expect(try xpath("string(\(path("RequestedMonetaryTotal", "PayableAmount")))", debit) == "11900.00")
        #expect(try xpath("string(\(path("PaymentMeans", "PaymentDueDate")))", debit) == "2024-05-01")
        #expect(try xpath("count(\(path("DueDate")))", debit) == "0")
        #expect(try xpath("string(\(path("DebitNoteLine", "DebitedQuantity")))", debit) == "1")
        #expect(try xpath("string(\(path("ProfileExecutionID")))", debit) == "1")
    }
}
