import CXMLSec

/// The XML-DSig core check through xmlsec: digests of the references and the signature value.
enum DSigVerification {
    /// - Parameter references: `URI` → phrase, to name the reference that failed.
    static func verify(
        _ signature: xmlNodePtr, in document: ParsedXML, key certificate: Certificate, references: [String: String]
    ) throws(SigningError) {
        for node in [signature] + signature.descendants(where: { $0.attribute("Id") != nil }) {
            if let id = node.attribute("Id"), let attribute = node.attributeNode("Id") {
                document.registerID(id, attribute: attribute)
            }
        }
        guard let publicKey = X509_get0_pubkey(certificate.pointer) else {
            throw SigningError(.invalidSignature, "the signer certificate has no usable public key")
        }
        let key = try PrivateKey.xmlSecKey(adopting: publicKey)
        guard let context = xmlSecDSigCtxCreate(nil) else {
            xmlSecKeyDestroy(key)
            throw SigningError(.library, "xmlSecDSigCtxCreate failed")
        }
        defer { xmlSecDSigCtxDestroy(context) }
        context.pointee.signKey = key
        context.pointee.transformCtx.enabledUris = UInt32(xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument)
        // DIAN signatures have no ds:Manifest; never follow references hidden in one.
        context.pointee.flags |= UInt32(XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS)
        let (status, errors) = XMLSecLibrary.collectingErrors { xmlSecDSigCtxVerify(context, signature) }
        guard status >= 0 else {
            throw SigningError(.invalidSignature, "the signature cannot be processed", details: errors)
        }
        guard context.pointee.status == xmlSecDSigStatusSucceeded else {
            var failed: [String] = []
            if let list = context.pointer(to: \.signedInfoReferences) {
                for index in 0..<xmlSecPtrListGetSize(list) {
                    guard let item = xmlSecPtrListGetItem(list, index) else { continue }
                    let reference = item.assumingMemoryBound(to: xmlSecDSigReferenceCtx.self)
                    guard reference.pointee.status != xmlSecDSigStatusSucceeded else { continue }
                    let uri = reference.pointee.uri.map { String(cString: $0) } ?? ""
                    failed.append(references[uri] ?? "URI \"\(uri)\"")
                }
            }
            let message =
                failed.isEmpty
                ? "the signature value does not match ds:SignedInfo"
                : "digest mismatch for \(failed.joined(separator: ", ")): modified after signing"
            throw SigningError(.invalidSignature, message, details: errors)
        }
    }
}
