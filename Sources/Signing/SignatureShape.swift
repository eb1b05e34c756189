import CXMLSec
import Foundation

/// The structure DIAN's policy prescribes for a `ds:Signature`, checked before any cryptography: the
/// algorithms, exactly three references and where each one points.
struct SignatureShape {
    let signature: xmlNodePtr
    let keyInfo: xmlNodePtr
    let signedProperties: xmlNodePtr
    /// `URI` → a phrase for messages (`the document`, `ds:KeyInfo`, `xades:SignedProperties`).
    let referenceDescriptions: [String: String]

    static let canonicalizations: Set = [
        Algorithm.inclusiveC14N, "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", Algorithm.exclusiveC14N,
    ]
    static let signatureMethods: Set = [
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1", Algorithm.rsaSHA256,
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    ]
    static let digestMethods: Set = [
        "http://www.w3.org/2000/09/xmldsig#sha1", Algorithm.sha256, "http://www.w3.org/2001/04/xmldsig-more#sha384",
        "http://www.w3.org/2001/04/xmlenc#sha512",
    ]

    init(_ signature: xmlNodePtr) throws(SigningError) {
        self.signature = signature
        guard let signatureID = signature.attribute("Id") else { throw Self.invalid("ds:Signature has no Id") }
        guard let signedInfo = signature.child("SignedInfo", Namespace.ds) else { throw Self.invalid("ds:SignedInfo is missing") }
        let c14n = signedInfo.child("CanonicalizationMethod", Namespace.ds)?.attribute("Algorithm") ?? ""
        guard Self.canonicalizations.contains(c14n) else { throw Self.invalid("unsupported CanonicalizationMethod '\(c14n)'") }
        let method = signedInfo.child("SignatureMethod", Namespace.ds)?.attribute("Algorithm") ?? ""
        guard Self.signatureMethods.contains(method) else { throw Self.invalid("unsupported SignatureMethod '\(method)'") }

        guard let keyInfo = signature.child("KeyInfo", Namespace.ds), let keyInfoID = keyInfo.attribute("Id") else {
            throw Self.invalid("ds:KeyInfo with an Id is missing")
        }
        let qualifying = signature.children("Object", Namespace.ds)
            .compactMap { $0.child("QualifyingProperties", Namespace.xades) }
        guard qualifying.count == 1, let properties = qualifying[0].child("SignedProperties", Namespace.xades),
            let propertiesID = properties.attribute("Id")
        else { throw Self.invalid("exactly one xades:QualifyingProperties with xades:SignedProperties Id is required") }
        guard qualifying[0].attribute("Target") == "#\(signatureID)" else {
            throw Self.invalid("xades:QualifyingProperties Target is not #\(signatureID)")
        }
        self.keyInfo = keyInfo
        self.signedProperties = properties

        let references = signedInfo.children("Reference", Namespace.ds)
        guard references.count == 3 else { throw Self.invalid("\(references.count) references; DIAN's policy requires 3") }
        var found: [String: String] = [:]
        for reference in references {
            guard let uri = reference.attribute("URI") else { throw Self.invalid("a ds:Reference has no URI") }
            let digest = reference.child("DigestMethod", Namespace.ds)?.attribute("Algorithm") ?? ""
            guard Self.digestMethods.contains(digest) else {
                throw Self.invalid("unsupported DigestMethod '\(digest)' (URI \"\(uri)\")")
            }
            let transforms = (reference.child("Transforms", Namespace.ds)?.children("Transform", Namespace.ds) ?? [])
                .map { $0.attribute("Algorithm") ?? "" }
            let c14nOnly = transforms.allSatisfy { Self.canonicalizations.contains($0) }
            switch uri {
            case "":
                guard transforms.first == Algorithm.enveloped, transforms.dropFirst().allSatisfy(Self.canonicalizations.contains)
                else { throw Self.invalid("the document reference (URI=\"\") must use the enveloped-signature transform only") }
                found[uri] = "the document"
            case "#\(keyInfoID)":
                guard c14nOnly else { throw Self.invalid("unexpected transforms on the ds:KeyInfo reference") }
                found[uri] = "ds:KeyInfo"
            case "#\(propertiesID)":
                guard c14nOnly, reference.attribute("Type") == Algorithm.signedPropertiesType else {
                    throw Self.invalid("the xades:SignedProperties reference needs Type=\"\(Algorithm.signedPropertiesType)\"")
                }
                found[uri] = "xades:SignedProperties"
            default:
                throw Self.invalid("reference URI \"\(uri)\" points outside this signature's KeyInfo and SignedProperties")
            }
        }
        guard found.count == 3 else { throw Self.invalid("the three references must be distinct") }
        referenceDescriptions = found
    }

    /// The certificates of `ds:KeyInfo/ds:X509Data`, in document order.
    func certificates() throws(SigningError) -> [Certificate] {
        let nodes = keyInfo.children("X509Data", Namespace.ds).flatMap { $0.children("X509Certificate", Namespace.ds) }
        guard !nodes.isEmpty else { throw Self.invalid("ds:KeyInfo has no ds:X509Certificate") }
        var result: [Certificate] = []
        for (index, node) in nodes.enumerated() {
            guard let data = Data(base64Encoded: node.text, options: .ignoreUnknownCharacters) else {
                throw Self.invalid("ds:X509Certificate \(index + 1) is not base64")
            }
            result.append(try Certificate(der: [UInt8](data), what: "ds:X509Certificate \(index + 1)"))
        }
        return result
    }

    /// The end-entity certificate: the one that issued none of the others (the first when ambiguous).
    func signer(among certificates: [Certificate]) -> Certificate {
        certificates.first { candidate in !certificates.contains { $0 !== candidate && candidate.issued($0) } }
            ?? certificates[0]
    }

    static func invalid(_ message: String) -> SigningError { SigningError(.invalidSignature, message) }
}
