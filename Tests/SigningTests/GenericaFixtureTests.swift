import Foundation
import Signing
import Testing

/// DIAN's own signed "Generica" sample (2019, Andes SCD test certificate; contacts anonymised afterwards, so
/// its document digest no longer matches — see Fixtures/PROVENANCE.md). The verifier must understand DIAN's
/// real structure: three references, KeyInfo and SignedProperties Ids, the signer's CertDigest.
@Suite struct GenericaFixtureTests {
    static func fixture() throws -> String {
        try Repository.fixture("invoice-dian-generica-signed-setp990000002.xml").text
    }

    @Test func theV1PolicyPathIsRefusedByName() throws {
        #expect {
            try SignatureVerifier.verify(Array(try Self.fixture().utf8))
        } throws: { error in
            let error = error as? SigningError
            return error?.code == .policyMismatch
                && error?.message.hasPrefix(
                    "xades:SigPolicyId/Identifier is 'https://facturaelectronica.dian.gov.co/politicadefirma/v1/politicadefirmav2.pdf'"
                ) == true
        }
    }

    /// With the identifier path corrected, every structural, policy and signing-certificate check passes
    /// and the first failure is the anonymised document's digest.
    @Test func dianStructurePassesTheChecksUpToTheDocumentDigest() throws {
        let corrected = try Self.fixture().replacingOccurrences(
            of: "politicadefirma/v1/politicadefirmav2.pdf", with: "politicadefirma/v2/politicadefirmav2.pdf")
        #expect {
            try SignatureVerifier.verify(Array(corrected.utf8))
        } throws: { error in
            (error as? SigningError)?.message == "digest mismatch for the document: modified after signing"
        }
    }
}
