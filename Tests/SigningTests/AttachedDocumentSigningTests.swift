import DocumentModel
import FolioTesting
import Foundation
import Signing
import Testing
import UBL
import XMLTree

/// The buyer's container end to end: signed invoice + signed ApplicationResponse → AttachedDocument → signed.
@Suite struct AttachedDocumentSigningTests {
    @Test func signedAttachedDocumentVerifiesAndValidates() throws {
        let signer = XAdESSigner(identity: try Shared.identity())
        let invoice = try signer.sign(try UBLWriter.write(SampleDocuments.invoice), signingTime: signingTime)
        // The event fixture, pointed at the sample invoice, stands in for DIAN's response (signed here).
        let responseText = try Repository.fixture("application-response-event-030-minimal.xml").text
            .replacingOccurrences(of: "<cbc:ID>SETP990000002</cbc:ID>", with: "<cbc:ID>SETP990000101</cbc:ID>")
        let response = try signer.sign(Array(responseText.utf8), signingTime: signingTime)

        let unsigned = try AttachedDocumentWriter.write(
            signedInvoice: invoice, applicationResponse: response, issuedAt: signingTime.addingTimeInterval(3600))
        let attached = try signer.sign(unsigned, signingTime: signingTime.addingTimeInterval(3600))

        // One ds:Signature element (the embedded ones are CDATA text): xmlsec1 checks the container's.
        let result = try xmlsecVerify(attached, name: "attached.xml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("SignedInfo References (ok/all): 3/3"))
        #expect(try SignatureVerifier.verify(attached).signingTime == "2024-03-15T11:40:00.250-05:00")

        let schema = Repository.schema("UBL-AttachedDocument-2.1.xsd")
        let lint = try TestProcess.run(
            "xmllint", ["--noout", "--schema", schema, try writeTemporary(attached, name: "attached.xml")])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.hasSuffix("attached.xml validates\n"), "\(lint.stderr)")

        // The embedded invoice and response are byte-exact copies: each still verifies on its own.
        let root = try #require(try XMLDocument.parse(attached, sourceName: "attached").root)
        let embeddedInvoice = try #require(
            root.firstChild(named: "Attachment", namespace: UBLNamespace.cac)?
                .firstChild(named: "ExternalReference", namespace: UBLNamespace.cac)?
                .firstChild(named: "Description", namespace: UBLNamespace.cbc)?.text)
        #expect(Array(embeddedInvoice.utf8) == invoice)
        #expect(try xmlsecVerify(Array(embeddedInvoice.utf8), name: "embedded-invoice.xml").status == 0)
        let embeddedResponse = try #require(
            root.firstChild(named: "ParentDocumentLineReference", namespace: UBLNamespace.cac)?
                .firstChild(named: "DocumentReference", namespace: UBLNamespace.cac)?
                .firstChild(named: "Attachment", namespace: UBLNamespace.cac)?
                .firstChild(named: "ExternalReference", namespace: UBLNamespace.cac)?
                .firstChild(named: "Description", namespace: UBLNamespace.cbc)?.text)
        #expect(Array(embeddedResponse.utf8) == response)
        #expect(try xmlsecVerify(Array(embeddedResponse.utf8), name: "embedded-response.xml").status == 0)
    }
}
