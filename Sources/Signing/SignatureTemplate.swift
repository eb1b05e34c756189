import CXMLSec

/// Builds the `ds:Signature` template with its XAdES qualifying properties, and signs it with xmlsec.
enum SignatureTemplate {
    static func build(
        in document: ParsedXML, baseID: String, certificates: [Certificate], signingTime: String, role: SignerRole
    ) throws(SigningError) -> xmlNodePtr {
        let doc = document.pointer
        guard
            let signature = xmlSecTmplSignatureCreateNsPref(
                doc, folio_xmlsec_inclusive_c14n(), folio_xmlsec_rsa_sha256(), baseID, "ds")
        else { throw SigningError(.library, "xmlSecTmplSignatureCreateNsPref failed") }
        guard
            let documentReference = xmlSecTmplSignatureAddReference(
                signature, folio_xmlsec_sha256(), "\(baseID)-ref0", "", nil),
            xmlSecTmplReferenceAddTransform(documentReference, folio_xmlsec_enveloped()) != nil,
            xmlSecTmplSignatureAddReference(signature, folio_xmlsec_sha256(), nil, "#\(baseID)-keyinfo", nil) != nil,
            xmlSecTmplSignatureAddReference(
                signature, folio_xmlsec_sha256(), nil, "#\(baseID)-signedprops", Algorithm.signedPropertiesType) != nil,
            let keyInfo = xmlSecTmplSignatureEnsureKeyInfo(signature, "\(baseID)-keyinfo"),
            let x509Data = xmlSecTmplKeyInfoAddX509Data(keyInfo),
            let object = xmlSecTmplSignatureAddObject(signature, nil, nil, nil)
        else {
            xmlFreeNode(signature)
            throw SigningError(.library, "xmlsec could not build the signature template")
        }
        let ds = signature.namespace(Namespace.ds, prefix: "ds")
        signature.child("SignatureValue", Namespace.ds).map { _ = xmlSetProp($0, "Id", "\(baseID)-sigvalue") }
        for certificate in certificates {
            x509Data.addElement("X509Certificate", ds, text: .base64(certificate.der))
        }
        addQualifyingProperties(
            to: object, ds: ds, baseID: baseID, certificates: certificates, signingTime: signingTime, role: role)
        return signature
    }

    /// `xades:QualifyingProperties` with the signed properties DIAN's policy requires.
    private static func addQualifyingProperties(
        to object: xmlNodePtr, ds: xmlNsPtr, baseID: String, certificates: [Certificate], signingTime: String,
        role: SignerRole
    ) {
        let qualifying = xmlNewDocNode(object.pointee.doc, nil, "QualifyingProperties", nil)!
        xmlAddChild(object, qualifying)
        let xades = xmlNewNs(qualifying, Namespace.xades, "xades")!
        xmlSetNs(qualifying, xades)
        _ = xmlSetProp(qualifying, "Target", "#\(baseID)")
        let signed = qualifying.addElement("SignedProperties", xades)
        _ = xmlSetProp(signed, "Id", "\(baseID)-signedprops")
        let properties = signed.addElement("SignedSignatureProperties", xades)
        properties.addElement("SigningTime", xades, text: signingTime)

        let signingCertificate = properties.addElement("SigningCertificate", xades)
        for certificate in certificates {
            let cert = signingCertificate.addElement("Cert", xades)
            addDigest(to: cert.addElement("CertDigest", xades), ds: ds, value: certificate.sha256Base64)
            let issuerSerial = cert.addElement("IssuerSerial", xades)
            issuerSerial.addElement("X509IssuerName", ds, text: certificate.issuer)
            issuerSerial.addElement("X509SerialNumber", ds, text: certificate.serialDecimal)
        }

        let policy = properties.addElement("SignaturePolicyIdentifier", xades).addElement("SignaturePolicyId", xades)
        let policyID = policy.addElement("SigPolicyId", xades)
        policyID.addElement("Identifier", xades, text: XMLSecLibrary.policyIdentifier)
        policyID.addElement("Description", xades, text: XMLSecLibrary.policyDescription)
        addDigest(to: policy.addElement("SigPolicyHash", xades), ds: ds, value: XMLSecLibrary.policyHash)

        properties.addElement("SignerRole", xades).addElement("ClaimedRoles", xades)
            .addElement("ClaimedRole", xades, text: role.rawValue)
    }

    private static func addDigest(to parent: xmlNodePtr, ds: xmlNsPtr, value: String) {
        let method = parent.addElement("DigestMethod", ds)
        _ = xmlSetProp(method, "Algorithm", Algorithm.sha256)
        parent.addElement("DigestValue", ds, text: value)
    }

    /// Registers the Ids, then lets xmlsec compute the three digests and the signature value.
    static func sign(_ signature: xmlNodePtr, key: PrivateKey, document: ParsedXML, baseID: String) throws(SigningError) {
        for node in [signature] + signature.descendants(where: { $0.attribute("Id") != nil }) {
            if let id = node.attribute("Id"), let attribute = node.attributeNode("Id") {
                document.registerID(id, attribute: attribute)
            }
        }
        let xmlsecKey = try key.xmlSecKey()
        guard let context = xmlSecDSigCtxCreate(nil) else {
            xmlSecKeyDestroy(xmlsecKey)
            throw SigningError(.library, "xmlSecDSigCtxCreate failed")
        }
        defer { xmlSecDSigCtxDestroy(context) }
        context.pointee.signKey = xmlsecKey  // destroyed with the context
        context.pointee.transformCtx.enabledUris = UInt32(xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument)
        let (status, errors) = XMLSecLibrary.collectingErrors { xmlSecDSigCtxSign(context, signature) }
        guard status >= 0 else {
            throw SigningError(.library, "xmlsec could not sign the document (signature \(baseID))", details: errors)
        }
    }
}
