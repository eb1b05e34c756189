public import Foundation

/// A private key and its certificate chain (signer first, then its issuers), loaded once and shared.
///
/// Kept as DER bytes so it is a plain `Sendable` value; each signature parses the key again (a fraction
/// of a millisecond next to the RSA operation).
public struct SigningIdentity: Sendable {
    /// The private key, DER.
    let privateKeyDER: [UInt8]
    /// The certificates, DER: the signer's first, then each one's issuer up to the root when present.
    public let certificateChainDER: [[UInt8]]
    /// The signer certificate's subject, RFC 2253 (`CN=…,O=…,C=CO`).
    public let subject: String
    /// When the signer certificate expires.
    public let notAfter: Date

    /// Loads a PKCS#12 (`.p12`/`.pfx`) file, the form Colombian certification authorities deliver.
    ///
    /// Files encrypted with the legacy RC2/3DES algorithms that older CAs still use are read too.
    /// Certificates in the file that are not in the signer's issuer chain are left out.
    /// - Parameters:
    ///   - path: The file.
    ///   - password: Its password.
    /// - Throws: ``SigningError`` naming the file: `.unreadableFile`, `.wrongPassword` or `.invalidIdentity`.
    public init(pkcs12 path: String, password: String) throws {
        let loaded = try IdentityLoader.pkcs12(path: path, password: password)
        try self.init(key: loaded.key, certificates: loaded.certificates, source: path)
    }

    /// Loads an unencrypted PEM private key and a PEM file with the signer's certificate and, optionally,
    /// its issuers (in any order).
    ///
    /// - Parameters:
    ///   - privateKeyPEM: Path of the key file.
    ///   - certificateChainPEM: Path of the certificates file.
    /// - Throws: ``SigningError`` naming the file that could not be read or does not match.
    public init(privateKeyPEM: String, certificateChainPEM: String) throws {
        let key = try IdentityLoader.pemPrivateKey(path: privateKeyPEM)
        let certificates = try IdentityLoader.pemCertificates(path: certificateChainPEM)
        try self.init(key: key, certificates: certificates, source: certificateChainPEM)
    }

    private init(key: PrivateKey, certificates: [Certificate], source: String) throws {
        guard key.isRSA else {
            throw SigningError(.invalidIdentity, "\(source): the private key is not RSA (DIAN's policy asks for RSA-SHA256)")
        }
        let chain = try IdentityLoader.orderChain(certificates, key: key, source: source)
        privateKeyDER = key.der
        certificateChainDER = chain.map(\.der)
        subject = chain[0].subject
        notAfter = chain[0].notAfter
    }

    /// The parsed chain, signer first.
    func certificates() throws(SigningError) -> [Certificate] {
        var result: [Certificate] = []
        for (index, der) in certificateChainDER.enumerated() {
            result.append(try Certificate(der: der, what: "certificate \(index + 1) of the identity"))
        }
        return result
    }
}
