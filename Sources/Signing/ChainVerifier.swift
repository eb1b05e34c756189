import CXMLSec
import Foundation

/// Checks that a certificate chains to trusted roots, with OpenSSL's path validation.
enum ChainVerifier {
    static func verify(_ leaf: Certificate, intermediates: [Certificate], rootsPEM: [String], at date: Date) throws(SigningError)
    {
        guard let store = X509_STORE_new() else { throw SigningError(.library, "X509_STORE_new failed") }
        defer { X509_STORE_free(store) }
        var roots = 0
        for pem in rootsPEM {
            let bytes = Array(pem.utf8)
            bytes.withUnsafeBytes { buffer in
                let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count))!
                defer { BIO_free(bio) }
                while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                    if X509_STORE_add_cert(store, certificate) == 1 { roots += 1 }
                    X509_free(certificate)
                }
            }
        }
        ERR_clear_error()
        guard roots > 0 else { throw SigningError(.untrustedCertificate, "no certificate could be read from the trusted roots") }
        let untrusted = folio_sk_x509_new()
        defer { folio_sk_x509_pop_free(untrusted) }
        for certificate in intermediates where X509_up_ref(certificate.pointer) == 1 {
            _ = folio_sk_x509_push(untrusted, certificate.pointer)
        }
        guard let context = X509_STORE_CTX_new() else { throw SigningError(.library, "X509_STORE_CTX_new failed") }
        defer { X509_STORE_CTX_free(context) }
        guard X509_STORE_CTX_init(context, store, leaf.pointer, untrusted) == 1 else {
            throw SigningError(.library, "X509_STORE_CTX_init failed")
        }
        X509_STORE_CTX_set_time(context, 0, time_t(date.timeIntervalSince1970))
        guard X509_verify_cert(context) == 1 else {
            let code = X509_STORE_CTX_get_error(context)
            let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
            ERR_clear_error()
            throw SigningError(
                .untrustedCertificate, "the signer certificate (\(leaf.subject)) is not trusted at the signing time: \(reason)")
        }
    }
}
