import CXMLSec
import Foundation

/// The signed XAdES properties of a signature, read for verification.
struct XAdESProperties {
    let properties: xmlNodePtr
    let signingTime: String
    let signingDate: Date

    init(_ signedProperties: xmlNodePtr) throws(SigningError) {
        guard let properties = signedProperties.child("SignedSignatureProperties", Namespace.xades) else {
            throw SigningError(.policyMismatch, "xades:SignedSignatureProperties is missing")
        }
        guard let time = properties.child("SigningTime", Namespace.xades)?.text,
            let date = XSDDateTime.parse(time.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw SigningError(.policyMismatch, "xades:SigningTime is missing or not an xsd:dateTime") }
        self.properties = properties
        self.signingTime = time
        self.signingDate = date
    }

    /// DIAN's policy v2 identifier and its pinned SHA-256.
    func checkPolicy() throws(SigningError) {
        let policy = properties.path([
            ("SignaturePolicyIdentifier", Namespace.xades), ("SignaturePolicyId", Namespace.xades),
        ])
        let identifier = policy?.path([("SigPolicyId", Namespace.xades), ("Identifier", Namespace.xades)])?.text
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard identifier == XMLSecLibrary.policyIdentifier else {
            throw SigningError(
                .policyMismatch,
                "xades:SigPolicyId/Identifier is '\(identifier ?? "missing")', expected \(XMLSecLibrary.policyIdentifier)")
        }
        let hash = policy?.child("SigPolicyHash", Namespace.xades)
        let method = hash?.child("DigestMethod", Namespace.ds)?.attribute("Algorithm")
        let value = hash?.child("DigestValue", Namespace.ds)?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard method == Algorithm.sha256, value == XMLSecLibrary.policyHash else {
            throw SigningError(
                .policyMismatch, "xades:SigPolicyHash must be SHA-256 \(XMLSecLibrary.policyHash) (found \(value ?? "none"))")
        }
    }

    /// `xades:SigningCertificate` must list the signer certificate: its digest and its serial number.
    func checkSigningCertificate(_ signer: Certificate) throws(SigningError) {
        let certs = properties.child("SigningCertificate", Namespace.xades)?.children("Cert", Namespace.xades) ?? []
        guard !certs.isEmpty else { throw SigningError(.policyMismatch, "xades:SigningCertificate has no xades:Cert") }
        let der = signer.der
        for cert in certs {
            let digest = cert.child("CertDigest", Namespace.xades)
            guard let method = digest?.child("DigestMethod", Namespace.ds)?.attribute("Algorithm"),
                let value = digest?.child("DigestValue", Namespace.ds)?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                let computed = Digest.base64(der, algorithm: method), computed == value
            else { continue }
            let serial = cert.path([("IssuerSerial", Namespace.xades), ("X509SerialNumber", Namespace.ds)])?.text
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard serial == signer.serialDecimal else {
                throw SigningError(
                    .policyMismatch,
                    "xades:IssuerSerial/X509SerialNumber is \(serial ?? "missing"), the signer's is \(signer.serialDecimal)")
            }
            return
        }
        throw SigningError(.policyMismatch, "no xades:Cert digest matches the signer certificate (\(signer.subject))")
    }
}

extension Digest {
    /// Base64 digest of `bytes` with the XML-DSig algorithm URI, or `nil` for an unknown algorithm.
    static func base64(_ bytes: [UInt8], algorithm: String) -> String? {
        let names = [
            "http://www.w3.org/2000/09/xmldsig#sha1": "SHA1", Algorithm.sha256: "SHA256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384": "SHA384", "http://www.w3.org/2001/04/xmlenc#sha512": "SHA512",
        ]
        guard let name = names[algorithm], let md = EVP_get_digestbyname(name) else { return nil }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &output, &length, md, nil) }
        return .base64(Array(output.prefix(Int(length))))
    }
}

/// `xsd:dateTime` values (`2024-03-15T10:40:00.250-05:00`, `…Z`, no zone = UTC).
enum XSDDateTime {
    static func parse(_ text: String) -> Date? {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/#
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(match.1)! - 1900
        parts.tm_mon = Int32(match.2)! - 1
        parts.tm_mday = Int32(match.3)!
        parts.tm_hour = Int32(match.4)!
        parts.tm_min = Int32(match.5)!
        parts.tm_sec = Int32(match.6)!
        var seconds = TimeInterval(timegm(&parts))
        if let fraction = match.7 { seconds += Double("0" + fraction) ?? 0 }
        if let zone = match.8, zone != "Z" {
            let sign: Double = zone.hasPrefix("-") ? -1 : 1
            let hours = Double(zone.dropFirst().prefix(2))!
            let minutes = Double(zone.suffix(2))!
            seconds -= sign * (hours * 3600 + minutes * 60)
        }
        return Date(timeIntervalSince1970: seconds)
    }
}
