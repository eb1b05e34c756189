import CXMLSec
import Foundation
import Synchronization

/// Reads keys and certificates from PKCS#12 and PEM files with OpenSSL.
enum IdentityLoader {
    static func pkcs12(path: String, password: String) throws -> (key: PrivateKey, certificates: [Certificate]) {
        try XMLSecLibrary.ensureInitialized()
        let bytes = try read(path, what: "PKCS#12 file")
        let p12: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let p12 else {
            throw SigningError(
                .unreadableFile, "\(path): not a PKCS#12 file (expected DER .p12/.pfx)",
                details: XMLSecLibrary.drainOpenSSLErrors())
        }
        defer { PKCS12_free(p12) }
        ERR_clear_error()
        if PKCS12_mac_present(p12) == 1, PKCS12_verify_mac(p12, password, Int32(password.utf8.count)) != 1 {
            throw SigningError(
                .wrongPassword, "\(path): wrong password for the PKCS#12 file", details: XMLSecLibrary.drainOpenSSLErrors())
        }
        var parsed = parse(p12, password: password)
        if parsed == nil {
            // RC2-40 and 3DES bags need OpenSSL 3's legacy provider.
            LegacyProvider.load()
            parsed = parse(p12, password: password)
        }
        guard let (keyPointer, certificatePointer, others) = parsed else {
            throw SigningError(
                .invalidIdentity, "\(path): the PKCS#12 file cannot be decrypted (unsupported algorithm?)",
                details: XMLSecLibrary.drainOpenSSLErrors())
        }
        ERR_clear_error()  // a first attempt without the legacy provider may have queued errors
        let key = PrivateKey(takingOwnershipOf: keyPointer)
        var certificates = [Certificate(takingOwnershipOf: certificatePointer)]
        certificates += others.map { Certificate(takingOwnershipOf: $0) }
        return (key, certificates)
    }

    private static func parse(_ p12: OpaquePointer, password: String) -> (OpaquePointer, OpaquePointer, [OpaquePointer])? {
        var key: OpaquePointer?
        var certificate: OpaquePointer?
        var stack: OpaquePointer?
        guard PKCS12_parse(p12, password, &key, &certificate, &stack) == 1, let key, let certificate else {
            if let key { EVP_PKEY_free(key) }
            if let certificate { X509_free(certificate) }
            if let stack { folio_sk_x509_pop_free(stack) }
            return nil
        }
        var others: [OpaquePointer] = []
        if let stack {
            for index in 0..<folio_sk_x509_num(stack) {
                if let item = folio_sk_x509_value(stack, index), X509_up_ref(item) == 1 { others.append(item) }
            }
            folio_sk_x509_pop_free(stack)
        }
        return (key, certificate, others)
    }

    static func pemPrivateKey(path: String) throws -> PrivateKey {
        try XMLSecLibrary.ensureInitialized()
        let bytes = try read(path, what: "private key file")
        let key: OpaquePointer? = withMemoryBIO(bytes) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
        guard let key else {
            throw SigningError(
                .invalidIdentity, "\(path): no unencrypted PEM private key in the file",
                details: XMLSecLibrary.drainOpenSSLErrors())
        }
        return PrivateKey(takingOwnershipOf: key)
    }

    static func pemCertificates(path: String) throws -> [Certificate] {
        try XMLSecLibrary.ensureInitialized()
        let bytes = try read(path, what: "certificate file")
        let certificates: [Certificate] = withMemoryBIO(bytes) { bio in
            var result: [Certificate] = []
            while let next = PEM_read_bio_X509(bio, nil, nil, nil) { result.append(Certificate(takingOwnershipOf: next)) }
            return result
        }
        ERR_clear_error()  // the end of the file is reported as an error
        guard !certificates.isEmpty else {
            throw SigningError(.invalidIdentity, "\(path): no PEM certificate in the file")
        }
        return certificates
    }

    /// The signer (the certificate of `key`) first, then its issuer, and so on while the issuer is present.
    static func orderChain(_ certificates: [Certificate], key: PrivateKey, source: String) throws -> [Certificate] {
        guard let signer = certificates.first(where: { X509_check_private_key($0.pointer, key.pointer) == 1 }) else {
            ERR_clear_error()
            throw SigningError(.invalidIdentity, "\(source): no certificate matches the private key")
        }
        var chain = [signer]
        var remaining = certificates.filter { $0 !== signer }
        while let last = chain.last, !last.isSelfSigned,
            let index = remaining.firstIndex(where: { $0.issued(last) })
        {
            chain.append(remaining.remove(at: index))
        }
        return chain
    }

    private static func read(_ path: String, what: String) throws(SigningError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw SigningError(.unreadableFile, "\(path): the \(what) \(reason)")
        }
        return [UInt8](data)
    }

    private static func withMemoryBIO<R>(_ bytes: [UInt8], _ body: (OpaquePointer) -> R) -> R {
        bytes.withUnsafeBytes { buffer in
            let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count))!
            defer { BIO_free(bio) }
            return body(bio)
        }
    }
}

/// OpenSSL 3 keeps RC2 and friends in the "legacy" provider; loading it also requires loading "default".
private enum LegacyProvider {
    private static let loaded: Bool = {
        _ = OSSL_PROVIDER_load(nil, "legacy")
        _ = OSSL_PROVIDER_load(nil, "default")
        return true
    }()

    static func load() { _ = loaded }
}
