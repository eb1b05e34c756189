import FolioTesting
import Foundation
import Signing
import Testing

/// The WS-Security header of DIAN's SOAP requests (DIAN.md §5).
@Suite struct WSSecurityTests {
    /// 2026-01-01T15:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_767_279_600)

    static let envelope = """
        <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wcf="http://wcf.dian.colombia">\
        <soap:Header xmlns:wsa="http://www.w3.org/2005/08/addressing">\
        <wsa:Action>http://wcf.dian.colombia/IWcfDianCustomerServices/SendBillSync</wsa:Action>\
        <wsa:To>https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc</wsa:To>\
        </soap:Header>\
        <soap:Body><wcf:SendBillSync><wcf:fileName>z0900373115000240000000a.zip</wcf:fileName>\
        <wcf:contentFile>UEsDBBQAAAAIAA==</wcf:contentFile></wcf:SendBillSync></soap:Body>\
        </soap:Envelope>
        """

    static func secured() throws -> [UInt8] {
        try WSSecurity(identity: try Shared.identity()).secure(Array(envelope.utf8), now: now, validity: 300)
    }

    @Test func secureThenVerifyReturnsTheSubject() throws {
        let secured = try Self.secured()
        let subject = try WSSecurity.verify(secured, now: Self.now.addingTimeInterval(60))
        #expect(subject == "CN=Firma Pruebas Ñandú,serialNumber=900373115,O=Óptica Folio Pruebas S.A.S.,L=Bogotá D.C.,C=CO")

        let text = secured.text
        #expect(
            text.contains(
                "<wsu:Created>2026-01-01T15:00:00.000Z</wsu:Created><wsu:Expires>2026-01-01T15:05:00.000Z</wsu:Expires>"))
        #expect(text.contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\">"))
        #expect(
            text.contains("<InclusiveNamespaces xmlns=\"http://www.w3.org/2001/10/xml-exc-c14n#\" PrefixList=\"wsa soap wcf\"/>"))
        #expect(text.contains("<InclusiveNamespaces xmlns=\"http://www.w3.org/2001/10/xml-exc-c14n#\" PrefixList=\"soap wcf\"/>"))
        #expect(text.contains("<wsse:Reference URI=\"#X509-"))
        #expect(text.contains("<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"))
        // The security header comes first in soap:Header; Action and To follow untouched.
        #expect(text.contains("<soap:Header xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><wsse:Security "))
        #expect(text.contains("<wsa:Action>http://wcf.dian.colombia/IWcfDianCustomerServices/SendBillSync</wsa:Action>"))
        #expect(!secured.contains(13))
    }

    @Test func xmlsec1VerifiesTheSignatureOverWsaTo() throws {
        let certificates = try Shared.certificates()
        let path = try writeTemporary(try Self.secured(), name: "envelope.xml")
        let result = try TestProcess.run(
            "xmlsec1",
            [
                "--verify", "--pubkey-cert-pem", certificates.signerPEM.path, "--id-attr:Id",
                "http://www.w3.org/2005/08/addressing:To", "--enabled-reference-uris", "same-doc", path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("OK\nSignedInfo References (ok/all): 1/1"), "\(result.stderr)")
    }

    @Test func tamperedWsaToFails() throws {
        let tampered = try secured0().replacingOccurrences(
            of: "https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc",
            with: "https://vpfe.dian.gov.co/WcfDianCustomerServices.svc")
        #expect {
            try WSSecurity.verify(Array(tampered.utf8), now: Self.now)
        } throws: { error in
            let error = error as? SigningError
            return error?.code == .invalidSignature && error?.message == "digest mismatch for wsa:To: modified after signing"
        }
    }

    @Test func expiredAndFutureTimestampsFail() throws {
        let secured = try Self.secured()
        #expect { try WSSecurity.verify(secured, now: Self.now.addingTimeInterval(301)) } throws: {
            ($0 as? SigningError)?.message == "the message expired at 2026-01-01T15:05:00.000Z"
        }
        #expect { try WSSecurity.verify(secured, now: Self.now.addingTimeInterval(-301)) } throws: {
            ($0 as? SigningError)?.code == .expired
        }
    }

    @Test func envelopeWithoutWsaToOrSecurityIsRefused() throws {
        let noTo = Self.envelope.replacingOccurrences(
            of: "<wsa:To>https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc</wsa:To>", with: "")
        #expect { try WSSecurity(identity: try Shared.identity()).secure(Array(noTo.utf8), now: Self.now) } throws: {
            ($0 as? SigningError)?.message == "soap:Header has no wsa:To"
        }
        #expect { try WSSecurity.verify(Array(Self.envelope.utf8), now: Self.now) } throws: {
            ($0 as? SigningError)?.code == .notSigned
        }
    }

    private func secured0() throws -> String { try Self.secured().text }
}
