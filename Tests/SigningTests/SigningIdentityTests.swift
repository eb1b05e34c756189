import FolioTesting
import Foundation
import Signing
import Testing

@Suite struct SigningIdentityTests {
    @Test func pkcs12WithPasswordLoadsTheChainSignerFirst() throws {
        let certificates = try Shared.certificates()
        let identity = try SigningIdentity(pkcs12: certificates.pkcs12.path, password: certificates.pkcs12Password)
        #expect(
            identity.subject == "CN=Firma Pruebas Ñandú,serialNumber=900373115,O=Óptica Folio Pruebas S.A.S.,L=Bogotá D.C.,C=CO")
        // 2039-12-31T23:59:59Z, as given to `openssl ca -enddate`.
        #expect(identity.notAfter == Date(timeIntervalSince1970: 2_208_988_799))
        #expect(identity.certificateChainDER == (try chainDER()))
    }

    @Test func legacyEncryptedPKCS12Loads() throws {
        let certificates = try Shared.certificates()
        let identity = try SigningIdentity(pkcs12: certificates.legacyPKCS12.path, password: certificates.pkcs12Password)
        #expect(identity.certificateChainDER == (try chainDER()))
    }

    @Test func wrongPasswordNamesTheFile() throws {
        let path = try Shared.certificates().pkcs12.path
        #expect {
            try SigningIdentity(pkcs12: path, password: "not the password")
        } throws: { error in
            let error = error as? SigningError
            return error?.code == .wrongPassword && error?.message == "\(path): wrong password for the PKCS#12 file"
        }
    }

    @Test func missingAndNonPKCS12FilesNameTheFile() throws {
        #expect {
            try SigningIdentity(pkcs12: "/nonexistent/firma.p12", password: "x")
        } throws: { error in
            (error as? SigningError)?.message == "/nonexistent/firma.p12: the PKCS#12 file does not exist"
        }
        let pem = try Shared.certificates().signerPEM.path
        #expect {
            try SigningIdentity(pkcs12: pem, password: "x")
        } throws: { error in
            (error as? SigningError)?.message.hasPrefix("\(pem): not a PKCS#12 file") == true
        }
    }

    @Test func pemKeyAndShuffledChainSignVerifiably() throws {
        let certificates = try Shared.certificates()
        // Root, signer, intermediate: the identity puts them back in chain order.
        let shuffled = try [certificates.rootPEM, certificates.signerPEM, certificates.intermediatePEM]
            .map { try Data(contentsOf: $0) }.reduce(Data(), +)
        let chainPath = try writeTemporary([UInt8](shuffled), name: "shuffled.pem")
        let identity = try SigningIdentity(privateKeyPEM: certificates.signerKeyPEM.path, certificateChainPEM: chainPath)
        #expect(identity.certificateChainDER == (try chainDER()))

        let signed = try XAdESSigner(identity: identity).sign(
            try Repository.fixture("application-response-event-030-minimal.xml"), signingTime: signingTime)
        #expect(try xmlsecVerify(signed).status == 0)
    }

    @Test func keyThatMatchesNoCertificateIsRefused() throws {
        let certificates = try Shared.certificates()
        let otherKey = certificates.directory.appending(path: "intermediate.key").path
        #expect {
            try SigningIdentity(privateKeyPEM: otherKey, certificateChainPEM: certificates.signerPEM.path)
        } throws: { error in
            (error as? SigningError)?.message == "\(certificates.signerPEM.path): no certificate matches the private key"
        }
    }
}

@Suite struct CertificateValidityTests {
    @Test func signingOutsideTheCertificateValidityIsRefused() throws {
        let signer = XAdESSigner(identity: try Shared.identity())
        let unsigned = try Repository.fixture("application-response-event-030-minimal.xml")
        // 2040-01-01T00:00:00Z, after the test certificates' 2039-12-31T23:59:59Z.
        #expect { try signer.sign(unsigned, signingTime: Date(timeIntervalSince1970: 2_208_988_800)) } throws: {
            let error = $0 as? SigningError
            return error?.code == .expired
                && error?.message.hasSuffix("to 2039-12-31T18:59:59.000-05:00") == true
        }
    }
}
