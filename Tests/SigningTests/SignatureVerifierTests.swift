import FolioTesting
import Foundation
import Signing
import Testing
import UBL

/// What ``SignatureVerifier`` refuses, each with the reason named.
@Suite struct SignatureVerifierTests {
    static func signedInvoice() throws -> String {
        try XAdESSigner(identity: try Shared.identity()).sign(
            try UBLWriter.write(SampleDocuments.invoice), signingTime: signingTime
        ).text
    }

    @Test func unsignedDocumentIsNotSigned() throws {
        #expect { try SignatureVerifier.verify(try UBLWriter.write(SampleDocuments.invoice)) } throws: {
            ($0 as? SigningError)?.code == .notSigned
        }
    }

    @Test func changedPolicyHashIsAPolicyMismatch() throws {
        let changed = try Self.signedInvoice().replacingOccurrences(
            of: "dMoMvtcG5aIzgYo0tIsSQeVJBDnUnfSOfBpxXrmor0Y=", with: "sbcECQ7v+y/m3OcBCJyvmkBhtFs=")
        #expect { try SignatureVerifier.verify(Array(changed.utf8)) } throws: {
            let error = $0 as? SigningError
            return error?.code == .policyMismatch && error?.message.hasPrefix("xades:SigPolicyHash must be SHA-256") == true
        }
    }

    @Test func changedSignatureValueFails() throws {
        let signed = try Self.signedInvoice()
        let start = try #require(signed.range(of: "-sigvalue\">"))
        var characters = Array(signed)
        let index = signed.distance(from: signed.startIndex, to: start.upperBound) + 10
        characters[index] = characters[index] == "A" ? "B" : "A"
        #expect { try SignatureVerifier.verify(Array(String(characters).utf8)) } throws: {
            ($0 as? SigningError)?.message == "the signature value does not match ds:SignedInfo"
        }
        #expect(try xmlsecVerify(Array(String(characters).utf8)).status != 0)
    }

    @Test func changedSigningTimeBreaksTheSignedPropertiesReference() throws {
        let changed = try Self.signedInvoice().replacingOccurrences(
            of: "<xades:SigningTime>2024-03-15T10:40:00.250-05:00", with: "<xades:SigningTime>2024-03-14T10:40:00.250-05:00")
        #expect { try SignatureVerifier.verify(Array(changed.utf8)) } throws: {
            ($0 as? SigningError)?.message == "digest mismatch for xades:SignedProperties: modified after signing"
        }
    }

    @Test func unrelatedRootIsNotTrusted() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-other-root")
        let key = directory.appending(path: "other.key").path
        let certificate = directory.appending(path: "other.pem").path
        let made = try TestProcess.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "30", "-subj",
                "/CN=Other Root",
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let other = try String(contentsOfFile: certificate, encoding: .utf8)
        #expect { try SignatureVerifier.verify(Array(try Self.signedInvoice().utf8), trustedRootsPEM: [other]) } throws: {
            ($0 as? SigningError)?.code == .untrustedCertificate
        }
    }

    @Test func referenceToAnElementOutsideTheSignatureIsRefused() throws {
        // Point the KeyInfo reference at another Id: a wrapping attempt, refused before any digest.
        let signed = try Self.signedInvoice()
        let changed = signed.replacingOccurrences(of: "-keyinfo\">", with: "-elsewhere\">", options: [], range: nil)
            .replacingOccurrences(of: "URI=\"#xmldsig-", with: "URI=\"#other-")
        #expect { try SignatureVerifier.verify(Array(changed.utf8)) } throws: {
            ($0 as? SigningError)?.message.contains("points outside this signature") == true
        }
    }
}
