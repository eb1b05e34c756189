import FolioTesting
import Foundation
import Signing
import Testing

/// The committed TEST-ONLY certificate of the example configuration loads and signs verifiably.
@Suite struct ExampleCertificateTests {
    @Test func exampleIdentitySignsAndVerifiesAgainstItsRoot() throws {
        let directory = Repository.root.appending(path: "Examples/certificates")
        let identity = try SigningIdentity(
            pkcs12: directory.appending(path: "folio-demo-TEST-ONLY.p12").path, password: "folio-demo-solo-pruebas")
        #expect(identity.subject == "CN=Folio Demo S.A.S. TEST ONLY,serialNumber=900108281,O=Folio Demo S.A.S.,C=CO")
        #expect(identity.certificateChainDER.count == 3)
        let signed = try XAdESSigner(identity: identity).sign(
            try Repository.fixture("application-response-event-030-minimal.xml"), signingTime: signingTime)
        let root = directory.appending(path: "folio-demo-root-TEST-ONLY.pem").path
        let result = try TestProcess.run(
            "xmlsec1",
            [
                "--verify", "--trusted-pem", root, "--enabled-reference-uris", "empty,same-doc",
                try writeTemporary(signed, name: "demo.xml"),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        _ = try SignatureVerifier.verify(signed, trustedRootsPEM: [try String(contentsOfFile: root, encoding: .utf8)])
    }
}
