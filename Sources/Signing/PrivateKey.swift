import CXMLSec

/// An OpenSSL private or public key, owned. Not `Sendable`: made from DER for each operation.
final class PrivateKey {
    let pointer: OpaquePointer  // EVP_PKEY*

    init(takingOwnershipOf pointer: OpaquePointer) { self.pointer = pointer }

    /// Parses a DER private key (PKCS#1 or PKCS#8).
    convenience init(der: [UInt8]) throws(SigningError) {
        var parsed: OpaquePointer?
        der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            parsed = d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        guard let parsed else {
            throw SigningError(.invalidIdentity, "the private key cannot be read", details: XMLSecLibrary.drainOpenSSLErrors())
        }
        self.init(takingOwnershipOf: parsed)
    }

    deinit { EVP_PKEY_free(pointer) }

    var der: [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PrivateKey(pointer, &out)
        guard length > 0, let out else { return [] }
        defer { folio_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    var isRSA: Bool { EVP_PKEY_get_base_id(pointer) == EVP_PKEY_RSA }

    /// An xmlsec key holding a new reference to this key (xmlsec frees its own reference).
    func xmlSecKey() throws(SigningError) -> xmlSecKeyPtr {
        try Self.xmlSecKey(adopting: pointer)
    }

    /// An xmlsec key for `evpKey`, taking a new reference to it.
    static func xmlSecKey(adopting evpKey: OpaquePointer) throws(SigningError) -> xmlSecKeyPtr {
        guard EVP_PKEY_up_ref(evpKey) == 1 else { throw SigningError(.library, "EVP_PKEY_up_ref failed") }
        guard let data = xmlSecOpenSSLEvpKeyAdopt(evpKey) else {
            EVP_PKEY_free(evpKey)
            throw SigningError(.library, "xmlSecOpenSSLEvpKeyAdopt refused the key")
        }
        guard let key = xmlSecKeyCreate() else {
            xmlSecKeyDataDestroy(data)
            throw SigningError(.library, "xmlSecKeyCreate failed")
        }
        guard xmlSecKeySetValue(key, data) >= 0 else {
            xmlSecKeyDataDestroy(data)
            xmlSecKeyDestroy(key)
            throw SigningError(.library, "xmlSecKeySetValue failed")
        }
        return key
    }
}
