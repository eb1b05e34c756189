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
