import DocumentModel
import FolioTesting
import Foundation
import Signing
import Testing
import UBL
import XMLTree

/// Invoices, notes and events written by Folio, signed, and checked by `xmlsec1 --verify` (the independent
/// verifier), by ``SignatureVerifier``, by the UBL XSD and byte for byte against the input.
@Suite struct XAdESSignerTests {
    static let schemaNames = [
        "invoice": "Invoice", "credit note": "CreditNote", "debit note": "DebitNote",
        "final-consumer invoice": "Invoice",
    ]

    static func sign(_ name: String, role: SignerRole = .supplier) throws -> (unsigned: [UInt8], signed: [UInt8]) {
        let document = try #require(SampleDocuments.byName[name])
        let unsigned = try UBLWriter.write(document)
        let signed = try XAdESSigner(identity: try Shared.identity(), role: role).sign(unsigned, signingTime: signingTime)
        return (unsigned, signed)
    }

    @Test(arguments: SampleDocuments.names)
    func verifiesWithXmlsec1AndSignatureVerifier(name: String) throws {
        let (_, signed) = try Self.sign(name)
        let result = try xmlsecVerify(signed)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("OK\nSignedInfo References (ok/all): 3/3"), "\(result.stderr)")

        let verified = try SignatureVerifier.verify(signed, trustedRootsPEM: [try Shared.certificates().rootPEMText()])
        #expect(verified.signingTime == "2024-03-15T10:40:00.250-05:00")
        #expect(
            verified.signerSubject
                == "CN=Firma Pruebas Ñandú,serialNumber=900373115,O=Óptica Folio Pruebas S.A.S.,L=Bogotá D.C.,C=CO")
        #expect(verified.certificateDER == (try signerDER()))
        // What was signed carries ñ, accents, `&` and (invoices) the 3,000-character description.
        if name != "final-consumer invoice" { #expect(signed.text.contains("Peña &amp; Hijos Ñandú S.A.S.")) }
        if name.hasSuffix("invoice") {
            let escaped = SampleDocuments.longDescription.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            #expect(signed.text.contains("<cbc:Description>\(escaped)</cbc:Description>"))
        }
    }

    @Test(arguments: SampleDocuments.names)
    func bytesOutsideTheSignatureAreTheInputBytes(name: String) throws {
        let (unsigned, signed) = try Self.sign(name)
        let slot = Array("<folio:SignaturePending/>".utf8)
        let slotStart = try #require(unsigned.firstRange(of: slot))
        let signatureStart = try #require(signed.firstRange(of: Array("<ds:Signature ".utf8)))
        let signatureEnd = try #require(signed.firstRange(of: Array("</ds:Signature>".utf8)))
        #expect(signed[..<signatureStart.lowerBound] == unsigned[..<slotStart.lowerBound])
        #expect(signed[signatureEnd.upperBound...] == unsigned[slotStart.upperBound...])
    }

    @Test(arguments: SampleDocuments.names)
    func validatesAgainstTheUBLSchema(name: String) throws {
        let (_, signed) = try Self.sign(name)
        let schema = Repository.schema("UBL-\(try #require(Self.schemaNames[name]))-2.1.xsd")
        let result = try TestProcess.run(
            "xmllint", ["--noout", "--schema", schema, try writeTemporary(signed, name: "signed.xml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("signed.xml validates\n"), "\(result.stderr)")
        // Folio's validator: no error; only the two known check-digit warnings (the slot warning is gone).
        let diagnostics = try Shared.ublValidator().validate(signed, sourceName: name)
        #expect(diagnostics.filter { $0.severity >= .error }.isEmpty, "\(diagnostics)")
        #expect(diagnostics.count == 2, "\(diagnostics)")
    }

    @Test func oneByteInTheAmountBreaksBothVerifiers() throws {
        let (_, signed) = try Self.sign("invoice")
        let original = Array("<cbc:PayableAmount currencyID=\"COP\">599101.50<".utf8)
        let range = try #require(signed.firstRange(of: original))
        var tampered = signed
        tampered[range.lowerBound + original.count - 2] = UInt8(ascii: "1")  // 599101.50 → 599101.51
        #expect(tampered.count == signed.count)

        let result = try xmlsecVerify(tampered)
        #expect(result.status != 0)
        #expect(result.stderr.contains("FAIL"), "\(result.stderr)")
        #expect {
            try SignatureVerifier.verify(tampered)
        } throws: { error in
            let error = error as? SigningError
            return error?.code == .invalidSignature
                && error?.message == "digest mismatch for the document: modified after signing"
        }
    }

    @Test func signedPropertiesAreWhatDIANsPolicyAsks() throws {
        let (_, signed) = try Self.sign("invoice")
        let root = try #require(try XMLDocument.parse(signed, sourceName: "signed").root)
        let signature = try #require(
            root.firstChild(named: "UBLExtensions", namespace: UBLNamespace.ext)?
                .children(named: "UBLExtension", namespace: UBLNamespace.ext).last?
                .firstChild(named: "ExtensionContent", namespace: UBLNamespace.ext)?
                .firstChild(named: "Signature", namespace: UBLNamespace.ds))
        let id = try #require(signature.attribute("Id"))
        #expect(id.wholeMatch(of: #/xmldsig-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#) != nil)
        let signedInfo = try #require(signature.firstChild(named: "SignedInfo", namespace: UBLNamespace.ds))
        #expect(
            signedInfo.firstChild(named: "CanonicalizationMethod", namespace: UBLNamespace.ds)?.attribute("Algorithm")
                == "http://www.w3.org/TR/2001/REC-xml-c14n-20010315")
        #expect(
            signedInfo.firstChild(named: "SignatureMethod", namespace: UBLNamespace.ds)?.attribute("Algorithm")
                == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
        let references = signedInfo.children(named: "Reference", namespace: UBLNamespace.ds)
        #expect(references.map { $0.attribute("URI") } == ["", "#\(id)-keyinfo", "#\(id)-signedprops"])
        #expect(references[0].attribute("Id") == "\(id)-ref0")
        #expect(references[2].attribute("Type") == "http://uri.etsi.org/01903#SignedProperties")
        #expect(signature.firstChild(named: "SignatureValue", namespace: UBLNamespace.ds)?.attribute("Id") == "\(id)-sigvalue")
        #expect(signature.firstChild(named: "KeyInfo", namespace: UBLNamespace.ds)?.attribute("Id") == "\(id)-keyinfo")

        // The chain in X509Data, signer first, compared with openssl's own DER output.
        let x509 = signature.firstChild(named: "KeyInfo", namespace: UBLNamespace.ds)?
            .firstChild(named: "X509Data", namespace: UBLNamespace.ds)?.children(
                named: "X509Certificate", namespace: UBLNamespace.ds)
        #expect(try x509?.map { [UInt8](try #require(Data(base64Encoded: $0.text))) } == (try chainDER()))

        let qualifying = try #require(
            signature.firstChild(named: "Object", namespace: UBLNamespace.ds)?
                .firstChild(named: "QualifyingProperties", namespace: UBLNamespace.xades))
        #expect(qualifying.attribute("Target") == "#\(id)")
        let text = signed.text
        for expected in [
            "<xades:SignedProperties Id=\"\(id)-signedprops\">",
            "<xades:SigningTime>2024-03-15T10:40:00.250-05:00</xades:SigningTime>",
            "<ds:X509IssuerName>CN=Folio Test Intermediate CA,O=Folio Pruebas CA,C=CO</ds:X509IssuerName>"
                + "<ds:X509SerialNumber>375066797833109987262465</ds:X509SerialNumber>",
            "<ds:X509SerialNumber>8192</ds:X509SerialNumber>", "<ds:X509SerialNumber>4096</ds:X509SerialNumber>",
            "<xades:Identifier>https://facturaelectronica.dian.gov.co/politicadefirma/v2/politicadefirmav2.pdf</xades:Identifier>",
            "<ds:DigestValue>dMoMvtcG5aIzgYo0tIsSQeVJBDnUnfSOfBpxXrmor0Y=</ds:DigestValue>",
            "<xades:ClaimedRole>supplier</xades:ClaimedRole>",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // One xades:Cert per certificate; each digest is `openssl dgst -sha256` of the DER.
        for digest in try chainSHA256() {
            #expect(
                text.contains(
                    "<xades:CertDigest><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>\(digest)</ds:DigestValue>"
                ))
        }
    }

    @Test func base64ValuesHaveNoLineBreaksAndNoCarriageReturns() throws {
        let (_, signed) = try Self.sign("invoice")
        #expect(!signed.contains(13))
        #expect(!signed.text.contains("&#13;"))
        for element in ["ds:SignatureValue", "ds:X509Certificate", "ds:DigestValue"] {
            for match in signed.text.matches(of: try Regex("<\(element)[^>]*>([^<]*)</\(element)>")) {
                let value = String(match.output[1].substring ?? "")
                #expect(!value.isEmpty && !value.contains(where: \.isWhitespace), "\(element): \(value)")
            }
        }
    }

    @Test func thirdPartyRole() throws {
        let (_, signed) = try Self.sign("credit note", role: .thirdParty)
        #expect(signed.text.contains("<xades:ClaimedRole>third party</xades:ClaimedRole>"))
        #expect(try xmlsecVerify(signed).status == 0)
    }

    @Test func sameInputSignsToTheSameBytes() throws {
        #expect(try Self.sign("debit note").signed == (try Self.sign("debit note").signed))
    }

    @Test func signsFromSeveralThreadsAtOnce() throws {
        let signer = XAdESSigner(identity: try Shared.identity())
        let inputs = try SampleDocuments.names.map { try UBLWriter.write(try #require(SampleDocuments.byName[$0])) }
        let results = Results(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let outcome = Result {
                try SignatureVerifier.verify(try signer.sign(inputs[index % inputs.count], signingTime: signingTime))
            }
            results.set(index, outcome.map(\.signingTime))
        }
        #expect(results.all.allSatisfy { (try? $0?.get()) == "2024-03-15T10:40:00.250-05:00" }, "\(results.all)")
    }

    @Test func refusesAnAlreadySignedDocumentAndMalformedXML() throws {
        let (_, signed) = try Self.sign("invoice")
        let signer = XAdESSigner(identity: try Shared.identity())
        #expect { try signer.sign(signed, signingTime: signingTime) } throws: {
            ($0 as? SigningError)?.code == .unsupportedDocument
        }
        #expect { try signer.sign(Array("<Invoice><cbc:ID>1</Invoice>".utf8), signingTime: signingTime) } throws: {
            ($0 as? SigningError)?.code == .malformedDocument
        }
        let doctype = "<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Invoice>&x;</Invoice>"
        #expect { try signer.sign(Array(doctype.utf8), signingTime: signingTime) } throws: {
            ($0 as? SigningError)?.code == .malformedDocument
        }
    }
}

/// Per-index results written from `concurrentPerform`.
private final class Results: @unchecked Sendable {  // each index written by one iteration; read after all finish
    private let lock = NSLock()
    private var values: [Result<String, any Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<String, any Error>) { lock.withLock { values[index] = value } }
    var all: [Result<String, any Error>?] { lock.withLock { values } }
}

/// The signer certificate as DER, converted by `openssl x509`.
func signerDER() throws -> [UInt8] { try der(of: try Shared.certificates().signerPEM) }

/// Signer, intermediate and root as DER, converted by `openssl x509`.
func chainDER() throws -> [[UInt8]] {
    let certificates = try Shared.certificates()
    return try [certificates.signerPEM, certificates.intermediatePEM, certificates.rootPEM].map(der(of:))
}

/// base64(SHA-256(DER)) of the chain, computed by `openssl dgst`.
func chainSHA256() throws -> [String] {
    let certificates = try Shared.certificates()
    return try [certificates.signerPEM, certificates.intermediatePEM, certificates.rootPEM].map { pem in
        let derPath = pem.path + ".der"
        _ = try TestProcess.run("openssl", ["x509", "-in", pem.path, "-outform", "DER", "-out", derPath])
        let digest = try TestProcess.run("openssl", ["dgst", "-sha256", "-binary", "-out", derPath + ".sha256", derPath])
        #expect(digest.status == 0)
        return Data([UInt8](try Data(contentsOf: URL(fileURLWithPath: derPath + ".sha256")))).base64EncodedString()
    }
}

private func der(of pem: URL) throws -> [UInt8] {
    let output = pem.path + ".der"
    let result = try TestProcess.run("openssl", ["x509", "-in", pem.path, "-outform", "DER", "-out", output])
    guard result.status == 0 else { throw TestSupportError(.commandFailed, result.stderr) }
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
}
