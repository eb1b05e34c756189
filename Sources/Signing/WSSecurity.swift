import CXMLSec
public import Foundation

/// The WS-Security 1.0 header DIAN's SOAP 1.2 web services require (DIAN.md §5): a timestamp, the
/// signer's certificate as a `wsse:BinarySecurityToken`, and an RSA-SHA256 signature over `wsa:To` with
/// exclusive C14N.
///
/// Blocking (RSA): call it off Swift's cooperative pool. Safe to use from several threads at once.
public struct WSSecurity: Sendable {
    public let identity: SigningIdentity

    static let base64Encoding =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
    static let x509Token = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"
    /// Clock difference tolerated between client and server when checking `wsu:Created`.
    static let allowedClockSkew: TimeInterval = 300

    public init(identity: SigningIdentity) {
        self.identity = identity
    }

    /// Adds the `wsse:Security` header, as the first child of `soap:Header`.
    ///
    /// `wsa:To` gets a `wsu:Id` when it has none. The exclusive-C14N `PrefixList`s are DIAN's literal
    /// `wsa soap wcf` (SignedInfo) and `soap wcf` (the reference), as in DIAN.md §5; prefixes the envelope
    /// does not use are ignored by C14N. Ids are derived from the envelope and `now` (no random source).
    ///
    /// - Parameters:
    ///   - envelope: A SOAP 1.2 envelope whose `soap:Header` already holds `wsa:Action` and `wsa:To`.
    ///   - now: The `wsu:Created` time.
    ///   - validity: Seconds until `wsu:Expires`.
    /// - Returns: The envelope to POST (UTF-8, not indented).
    /// - Throws: ``SigningError`` `.unsupportedDocument` naming the missing element, or `.library`.
    public func secure(_ envelope: [UInt8], now: Date, validity: TimeInterval = 300) throws -> [UInt8] {
        let document = try ParsedXML(parsing: envelope, sourceName: "SOAP envelope")
        let (header, to) = try Self.addressing(document)
        let base = DerivedUUID.make(from: envelope, salt: BogotaTimestamp.utc(now))
        let certificate = try identity.certificates()[0]
        let key = try PrivateKey(der: identity.privateKeyDER)

        var toID = to.attribute("Id", namespace: Namespace.wsu)
        if toID == nil {
            toID = "ID-\(base)"
            _ = xmlNewNsProp(to, to.namespace(Namespace.wsu, prefix: "wsu"), "Id", toID!)
        }
        let security = xmlNewDocNode(document.pointer, nil, "Security", nil)!
        if let first = header.pointee.children { xmlAddPrevSibling(first, security) } else { xmlAddChild(header, security) }
        let wsse = xmlNewNs(security, Namespace.wsse, "wsse")!
        xmlSetNs(security, wsse)
        let wsu = xmlNewNs(security, Namespace.wsu, "wsu")!

        let timestamp = security.addElement("Timestamp", wsu)
        _ = xmlNewNsProp(timestamp, wsu, "Id", "TS-\(base)")
        timestamp.addElement("Created", wsu, text: BogotaTimestamp.utc(now))
        timestamp.addElement("Expires", wsu, text: BogotaTimestamp.utc(now.addingTimeInterval(validity)))
        let token = security.addElement("BinarySecurityToken", wsse, text: .base64(certificate.der))
        _ = xmlSetProp(token, "EncodingType", Self.base64Encoding)
        _ = xmlSetProp(token, "ValueType", Self.x509Token)
        _ = xmlNewNsProp(token, wsu, "Id", "X509-\(base)")

        guard
            let signature = xmlSecTmplSignatureCreateNsPref(
                document.pointer, folio_xmlsec_exclusive_c14n(), folio_xmlsec_rsa_sha256(), "SIG-\(base)", "ds")
        else { throw SigningError(.library, "xmlSecTmplSignatureCreateNsPref failed") }
        xmlAddChild(security, signature)
        guard let c14n = xmlSecTmplSignatureGetC14NMethodNode(signature),
            xmlSecTmplTransformAddC14NInclNamespaces(c14n, "wsa soap wcf") >= 0,
            let reference = xmlSecTmplSignatureAddReference(signature, folio_xmlsec_sha256(), nil, "#\(toID!)", nil),
            let transform = xmlSecTmplReferenceAddTransform(reference, folio_xmlsec_exclusive_c14n()),
            xmlSecTmplTransformAddC14NInclNamespaces(transform, "soap wcf") >= 0,
            let keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, "KI-\(base)")
        else { throw SigningError(.library, "xmlsec could not build the WS-Security signature template") }
        let tokenReference = keyInfo.addElement("SecurityTokenReference", wsse)
        _ = xmlNewNsProp(tokenReference, wsu, "Id", "STR-\(base)")
        let tokenPointer = tokenReference.addElement("Reference", wsse)
        _ = xmlSetProp(tokenPointer, "URI", "#X509-\(base)")
        _ = xmlSetProp(tokenPointer, "ValueType", Self.x509Token)

        if let attribute = to.attributeNode("Id", namespace: Namespace.wsu) { document.registerID(toID!, attribute: attribute) }
        try SignatureTemplate.sign(signature, key: key, document: document, baseID: "SIG-\(base)")
        let bytes = Serialization.document(document)
        guard !bytes.contains(13) else { throw SigningError(.library, "the secured envelope contains a carriage return") }
        return bytes
    }

    /// `soap:Header` and its `wsa:To`, after checking `wsa:Action` is there.
    static func addressing(_ document: ParsedXML) throws(SigningError) -> (header: xmlNodePtr, to: xmlNodePtr) {
        let root = document.root
        guard root.matches("Envelope", Namespace.soap12) else {
            throw SigningError(.unsupportedDocument, "the root is <\(root.qualifiedName)>, not a SOAP 1.2 soap:Envelope")
        }
        guard let header = root.child("Header", Namespace.soap12) else {
            throw SigningError(.unsupportedDocument, "soap:Envelope has no soap:Header")
        }
        guard header.child("Action", Namespace.wsa) != nil else {
            throw SigningError(.unsupportedDocument, "soap:Header has no wsa:Action")
        }
        guard let to = header.child("To", Namespace.wsa) else {
            throw SigningError(.unsupportedDocument, "soap:Header has no wsa:To")
        }
        return (header, to)
    }
}
