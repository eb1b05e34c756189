import CXMLSec
public import Foundation

/// What a verified signature says.
public struct VerifiedSignature: Sendable {
    /// `xades:SigningTime` as written (`2024-03-15T10:40:00.250-05:00`).
    public var signingTime: String
    /// The signer certificate's subject, RFC 2253.
    public var signerSubject: String
    /// The signer certificate, DER.
    public var certificateDER: [UInt8]

    public init(signingTime: String, signerSubject: String, certificateDER: [UInt8]) {
        self.signingTime = signingTime
        self.signerSubject = signerSubject
        self.certificateDER = certificateDER
    }
}

/// Verifies the enveloped XAdES-EPES signature of a DIAN UBL document.
public enum SignatureVerifier {
    /// Verifies the document's one `ds:Signature` with the signer certificate found in its `ds:KeyInfo`.
    ///
    /// Checks the signature value and all three references (the whole document with the enveloped
    /// transform, `ds:KeyInfo`, `xades:SignedProperties`), that the references point into this signature,
    /// the policy identifier and its pinned hash, and that `xades:SigningCertificate` names the signer
    /// certificate (digest and serial). With `trustedRootsPEM`, the signer's chain (the other
    /// `ds:X509Certificate`s as intermediates) must lead to one of those roots at the signing time.
    ///
    /// Only same-document references are followed; nothing is fetched.
    /// - Parameters:
    ///   - signedXML: The signed document, exactly as stored.
    ///   - trustedRootsPEM: PEM texts of trusted root certificates; empty to skip the chain check.
    /// - Returns: The signing time, signer subject and certificate.
    /// - Throws: ``SigningError``: `.notSigned`, `.invalidSignature` (naming the reference that failed),
    ///   `.policyMismatch`, `.untrustedCertificate`, `.malformedDocument`.
    public static func verify(_ signedXML: [UInt8], trustedRootsPEM: [String] = []) throws -> VerifiedSignature {
        let document = try ParsedXML(parsing: signedXML, sourceName: "signed document")
        let root = document.root
        var signatures = root.descendants { $0.matches("Signature", Namespace.ds) }
        if root.matches("Signature", Namespace.ds) { signatures.insert(root, at: 0) }
        guard let signature = signatures.first else {
            throw SigningError(.notSigned, "the document has no ds:Signature")
        }
        guard signatures.count == 1 else {
            throw SigningError(.invalidSignature, "the document has \(signatures.count) ds:Signature elements; expected one")
        }
        let shape = try SignatureShape(signature)
        let certificates = try shape.certificates()
        let signer = shape.signer(among: certificates)
        let properties = try XAdESProperties(shape.signedProperties)
        try properties.checkPolicy()
        try properties.checkSigningCertificate(signer)
        if !trustedRootsPEM.isEmpty {
            try ChainVerifier.verify(
                signer, intermediates: certificates.filter { $0 !== signer }, rootsPEM: trustedRootsPEM,
                at: properties.signingDate)
        }
        try DSigVerification.verify(signature, in: document, key: signer, references: shape.referenceDescriptions)
        return VerifiedSignature(signingTime: properties.signingTime, signerSubject: signer.subject, certificateDER: signer.der)
    }
}
