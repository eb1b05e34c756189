import CXMLSec
public import Foundation

extension WSSecurity {
    /// Checks a request's WS-Security header, as DIAN's server does (used by the DIAN simulator).
    ///
    /// The signature must cover exactly `wsa:To` (exclusive C14N, RSA-SHA256, one reference), be made
    /// with the key of the `wsse:BinarySecurityToken` its `ds:KeyInfo` points to, and `now` must lie in
    /// the timestamp window (`wsu:Created` at most five minutes ahead) and in the certificate's validity.
    ///
    /// - Returns: The token certificate's subject (RFC 2253).
    /// - Throws: ``SigningError``: `.notSigned` (no header), `.invalidSignature` (naming what does not
    ///   match), `.expired` (timestamp or certificate).
    public static func verify(_ envelope: [UInt8], now: Date) throws -> String {
        let document = try ParsedXML(parsing: envelope, sourceName: "SOAP envelope")
        let (header, to) = try addressing(document)
        guard let security = header.child("Security", Namespace.wsse) else {
            throw SigningError(.notSigned, "soap:Header has no wsse:Security")
        }
        try checkTimestamp(security, now: now)

        guard let signature = security.child("Signature", Namespace.ds),
            let signedInfo = signature.child("SignedInfo", Namespace.ds)
        else { throw SigningError(.notSigned, "wsse:Security has no ds:Signature") }
        guard signedInfo.child("CanonicalizationMethod", Namespace.ds)?.attribute("Algorithm") == Algorithm.exclusiveC14N,
            signedInfo.child("SignatureMethod", Namespace.ds)?.attribute("Algorithm") == Algorithm.rsaSHA256
        else { throw SigningError(.invalidSignature, "WS-Security needs exclusive C14N and RSA-SHA256") }
        let references = signedInfo.children("Reference", Namespace.ds)
        guard let toID = to.attribute("Id", namespace: Namespace.wsu), references.count == 1,
            references[0].attribute("URI") == "#\(toID)"
        else { throw SigningError(.invalidSignature, "the signature must have one reference, to wsa:To's wsu:Id") }
        let transforms = (references[0].child("Transforms", Namespace.ds)?.children("Transform", Namespace.ds) ?? [])
            .map { $0.attribute("Algorithm") ?? "" }
        guard transforms.allSatisfy({ $0 == Algorithm.exclusiveC14N }),
            references[0].child("DigestMethod", Namespace.ds)?.attribute("Algorithm") == Algorithm.sha256
        else { throw SigningError(.invalidSignature, "the wsa:To reference must use exclusive C14N and SHA-256") }

        let certificate = try tokenCertificate(security, signature: signature)
        guard certificate.notBefore <= now, now <= certificate.notAfter else {
            throw SigningError(
                .expired, "the token certificate (\(certificate.subject)) is not valid at \(BogotaTimestamp.utc(now))")
        }
        if let attribute = to.attributeNode("Id", namespace: Namespace.wsu) { document.registerID(toID, attribute: attribute) }
        try DSigVerification.verify(signature, in: document, key: certificate, references: ["#\(toID)": "wsa:To"])
        return certificate.subject
    }

    private static func checkTimestamp(_ security: xmlNodePtr, now: Date) throws(SigningError) {
        guard let timestamp = security.child("Timestamp", Namespace.wsu),
            let created = timestamp.child("Created", Namespace.wsu).flatMap({ XSDDateTime.parse($0.text) }),
            let expires = timestamp.child("Expires", Namespace.wsu).flatMap({ XSDDateTime.parse($0.text) })
        else { throw SigningError(.invalidSignature, "wsu:Timestamp with wsu:Created and wsu:Expires is required") }
        guard created <= now.addingTimeInterval(allowedClockSkew) else {
            throw SigningError(.expired, "wsu:Created is in the future (\(BogotaTimestamp.utc(created)))")
        }
        guard now < expires else {
            throw SigningError(.expired, "the message expired at \(BogotaTimestamp.utc(expires))")
        }
    }

    /// The `wsse:BinarySecurityToken` that `ds:KeyInfo/wsse:SecurityTokenReference/wsse:Reference` names.
    private static func tokenCertificate(_ security: xmlNodePtr, signature: xmlNodePtr) throws(SigningError) -> Certificate {
        guard
            let uri = signature.path([
                ("KeyInfo", Namespace.ds), ("SecurityTokenReference", Namespace.wsse), ("Reference", Namespace.wsse),
            ])?
            .attribute("URI"), uri.hasPrefix("#")
        else { throw SigningError(.invalidSignature, "ds:KeyInfo does not reference a wsse:BinarySecurityToken") }
        guard
            let token = security.children("BinarySecurityToken", Namespace.wsse)
                .first(where: { "#" + ($0.attribute("Id", namespace: Namespace.wsu) ?? "") == uri }),
            let der = Data(base64Encoded: token.text, options: .ignoreUnknownCharacters)
        else { throw SigningError(.invalidSignature, "no base64 wsse:BinarySecurityToken with wsu:Id \(uri.dropFirst())") }
        return try Certificate(der: [UInt8](der), what: "the wsse:BinarySecurityToken")
    }
}
