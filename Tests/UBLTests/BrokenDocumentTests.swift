import DocumentModel
import Foundation
import Testing
import UBL

/// Errors name the element path and the source line (line numbers read by hand from the fixtures).
@Suite struct BrokenDocumentTests {
    private func generica() throws -> String {
        String(decoding: try Repository.fixture("invoice-dian-generica-signed-setp990000002.xml"), as: UTF8.self)
    }

    @Test func missingPayableAmountNamesPathAndLine() throws {
        let text = try generica().replacingOccurrences(
            of: "      <cbc:PayableAmount currencyID=\"COP\">14024.07</cbc:PayableAmount>\n", with: "")
        let error = try #require(throws: UBLReadError.self) {
            try UBLReader.read(Array(text.utf8), sourceName: "no-payable.xml")
        }
        #expect(error.code == .missingElement)
        #expect(error.path == "Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount")
        #expect(error.line == 394)  // <cac:LegalMonetaryTotal> in the fixture
        #expect(error.message == "Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount (line 394): missing")
    }

    @Test func malformedXMLGivesLineAndColumn() throws {
        // Line 113 of the fixture is `   <cbc:IssueTime>09:15:23-05:00</cbc:IssueTime>`; break its end tag.
        let text = try generica().replacingOccurrences(of: "09:15:23-05:00</cbc:IssueTime>", with: "09:15:23-05:00</cbc:IssueTme>")
        let error = try #require(throws: UBLReadError.self) {
            try UBLReader.read(Array(text.utf8), sourceName: "bad.xml")
        }
        #expect(error.code == .malformedXML)
        #expect(error.line == 113)
        // `xmllint --noout` puts its caret just after `</cbc:IssueTme>`: column 48 of that line.
        #expect(error.column == 48)
        #expect(error.message.contains("bad.xml:113:48"))
        #expect(!error.diagnostics.isEmpty)
    }

    @Test func invalidAmountNamesTheElement() throws {
        let text = try generica().replacingOccurrences(of: ">14024.07<", with: ">14.024,07<")
        let error = try #require(throws: UBLReadError.self) {
            try UBLReader.read(Array(text.utf8), sourceName: "comma.xml")
        }
        #expect(error.code == .invalidValue)
        #expect(error.message == "Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount (line 399): '14.024,07' is not a decimal number")
    }

    @Test func nonUBLRootIsRefused() throws {
        let error = try #require(throws: UBLReadError.self) {
            try UBLReader.read(try Repository.fixture("application-response-event-030-minimal.xml"), sourceName: "ar.xml")
        }
        #expect(error.code == .notUBL)
        #expect(error.line == 6)  // the root's start tag spans lines 2–6; libxml2 numbers it by its last line
        #expect(error.message.contains("ApplicationResponse"))
        let plain = try #require(throws: UBLReadError.self) {
            try UBLReader.read(Array("<Invoice><ID>1</ID></Invoice>".utf8), sourceName: "no-namespace.xml")
        }
        #expect(plain.code == .notUBL)
    }

    @Test func missingPartyIdentificationIsLocated() throws {
        let text = try generica().replacingOccurrences(
            of: "schemeID=\"3\" schemeName=\"31\">900108281</cbc:CompanyID>", with: "schemeID=\"3\" schemeName=\"31\"></cbc:CompanyID>")
        let error = try #require(throws: UBLReadError.self) {
            try UBLReader.read(Array(text.utf8), sourceName: "no-id.xml")
        }
        #expect(error.code == .invalidValue)
        #expect(error.path == "Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID")
    }
}
