import DocumentModel
import Foundation
import Testing
import UBL
import XMLTree

/// The AttachedDocument container, built from DIAN's signed "Generica" invoice (SETP990000002) and the
/// minimal event fixture that refers to it (signatures are not checked here; see SigningTests).
@Suite struct AttachedDocumentWriterTests {
    /// 2024-03-10 15:00:05 in Bogotá.
    static let issuedAt = Date(timeIntervalSince1970: 1_710_100_805)

    static func write() throws -> (invoice: [UInt8], response: [UInt8], attached: [UInt8]) {
        let invoice = try Repository.fixture("invoice-dian-generica-signed-setp990000002.xml")
        let response = try Repository.fixture("application-response-event-030-minimal.xml")
        let attached = try AttachedDocumentWriter.write(signedInvoice: invoice, applicationResponse: response, issuedAt: issuedAt)
        return (invoice, response, attached)
    }

    @Test func carriesBothDocumentsVerbatimInCDATA() throws {
        let (invoice, response, attached) = try Self.write()
        let text = String(decoding: attached, as: UTF8.self)
        let invoiceText = String(decoding: invoice, as: UTF8.self)
        let responseText = String(decoding: response, as: UTF8.self)
        #expect(text.contains("<cbc:Description><![CDATA[" + invoiceText + "]]></cbc:Description>"))
        #expect(text.contains("<cbc:Description><![CDATA[" + responseText + "]]></cbc:Description>"))

        // Read back with libxml2: the CDATA text is the exact documents.
        let root = try #require(try XMLDocument.parse(attached, sourceName: "attached").root)
        let description = root.firstChild(named: "Attachment", namespace: UBLNamespace.cac)?
            .firstChild(named: "ExternalReference", namespace: UBLNamespace.cac)?
            .firstChild(named: "Description", namespace: UBLNamespace.cbc)
        #expect(description?.text == invoiceText)
    }

    @Test func headerPartiesAndVerification() throws {
        let text = String(decoding: try Self.write().attached, as: UTF8.self)
        for expected in [
            "<cbc:CustomizationID>Documentos adjuntos</cbc:CustomizationID>",
            "<cbc:ProfileExecutionID>2</cbc:ProfileExecutionID>",
            "<cbc:ID>SETP990000002</cbc:ID>",
            "<cbc:IssueDate>2024-03-10</cbc:IssueDate>",
            "<cbc:IssueTime>15:00:05-05:00</cbc:IssueTime>",
            "<cbc:DocumentType>Contenedor de Factura Electrónica</cbc:DocumentType>",
            "<cbc:ParentDocumentID>SETP990000002</cbc:ParentDocumentID>",
            "<cbc:DocumentType>ApplicationResponse</cbc:DocumentType>",
            "<cbc:ValidationResultCode>030</cbc:ValidationResultCode>",
            "<cbc:ValidationDate>2024-03-10</cbc:ValidationDate>",
            "<cbc:ValidationTime>14:22:00-05:00</cbc:ValidationTime>",
            "<folio:SignaturePending/>",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // The issuer and buyer of the Generica invoice (read by hand from the fixture).
        #expect(text.contains(">800197268</cbc:CompanyID>"))
        #expect(text.contains(">900108281</cbc:CompanyID>"))
    }

    @Test func validatesAgainstTheUBLAttachedDocumentSchemaWithXmllint() throws {
        let attached = try Self.write().attached
        let path = try writeTemporaryFile(attached, name: "attached.xml")
        let result = try Xmllint().validate(path, schema: Repository.schema("UBL-AttachedDocument-2.1.xsd"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("attached.xml validates\n"), "\(result.stderr)")
    }

    @Test func refusesAnUnsignedInvoice() throws {
        let unsigned = try Repository.fixture("invoice-stenfrank-setp990000008-unsigned.xml")
        let response = try Repository.fixture("application-response-event-030-minimal.xml")
        #expect {
            try AttachedDocumentWriter.write(signedInvoice: unsigned, applicationResponse: response, issuedAt: Self.issuedAt)
        } throws: { error in
            (error as? UBLWriteError)?.message.contains("is not signed") == true
        }
    }

    @Test func refusesAResponseForAnotherDocument() throws {
        let invoice = try Repository.fixture("invoice-dian-generica-signed-setp990000002.xml")
        let other = String(decoding: try Repository.fixture("application-response-event-030-minimal.xml"), as: UTF8.self)
            .replacingOccurrences(of: "<cbc:ID>SETP990000002</cbc:ID>", with: "<cbc:ID>SETP990000099</cbc:ID>")
        #expect {
            try AttachedDocumentWriter.write(
                signedInvoice: invoice, applicationResponse: Array(other.utf8), issuedAt: Self.issuedAt)
        } throws: { error in
            (error as? UBLWriteError)?.message == "the application response refers to SETP990000099, not to SETP990000002"
        }
    }
}
