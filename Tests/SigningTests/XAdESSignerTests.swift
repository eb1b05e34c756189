import DocumentModel
import FolioTesting
import Foundation
import Signing
import Testing
import UBL

@Suite struct XAdESSignerTests {
    @Test func signedInvoiceVerifiesWithXmlsec1() throws {
        let unsigned = try UBLWriter.write(SampleDocuments.invoice)
        let signed = try XAdESSigner(identity: try Shared.identity()).sign(unsigned, signingTime: signingTime)
        let result = try xmlsecVerify(signed)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("OK"), "\(result.stderr)")
        try Data(signed).write(to: URL(fileURLWithPath: "/tmp/folio-signed-invoice.xml"))
    }
}

@Suite struct QuickVerifierTests {
    @Test func verifierAcceptsAndRejects() throws {
        let unsigned = try UBLWriter.write(SampleDocuments.invoice)
        let signed = try XAdESSigner(identity: try Shared.identity()).sign(unsigned, signingTime: signingTime)
        let verified = try SignatureVerifier.verify(signed, trustedRootsPEM: [try Shared.certificates().rootPEMText()])
        #expect(verified.signingTime == "2024-03-15T10:40:00.250-05:00")
        let tampered = signed.text.replacingOccurrences(of: "599101.50</cbc:PayableAmount>", with: "599101.51</cbc:PayableAmount>")
        #expect(tampered != signed.text)
        #expect(throws: SigningError.self) { try SignatureVerifier.verify(Array(tampered.utf8)) }
        do { _ = try SignatureVerifier.verify(Array(tampered.utf8)) } catch { print("ERR", error) }
    }
}
