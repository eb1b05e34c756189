import CXMLSec
import Foundation

/// One X.509 certificate, owned. Not `Sendable`; ``SigningIdentity`` keeps certificates as DER bytes.
final class Certificate {
    let pointer: OpaquePointer  // X509*

    init(takingOwnershipOf pointer: OpaquePointer) { self.pointer = pointer }

    /// Parses DER bytes.
    convenience init(der: [UInt8], what: String) throws(SigningError) {
        var parsed: OpaquePointer?
        der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            parsed = d2i_X509(nil, &cursor, buffer.count)
        }
        guard let parsed else {
            throw SigningError(
                .invalidIdentity, "\(what) is not a DER X.509 certificate", details: XMLSecLibrary.drainOpenSSLErrors())
        }
        self.init(takingOwnershipOf: parsed)
    }

    deinit { X509_free(pointer) }

    /// The DER encoding.
    var der: [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(pointer, &out)
        guard length > 0, let out else { return [] }
        defer { folio_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    /// The subject as an RFC 2253 string (`CN=…,O=…,C=CO`), UTF-8 kept as is.
    var subject: String { Self.name(X509_get_subject_name(pointer)) }
    /// The issuer as an RFC 2253 string; written in `ds:X509IssuerName`.
    var issuer: String { Self.name(X509_get_issuer_name(pointer)) }

    /// The serial number in decimal, as `ds:X509SerialNumber` requires.
    var serialDecimal: String {
        guard let bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(pointer), nil) else { return "" }
        defer { BN_free(bn) }
        guard let text = BN_bn2dec(bn) else { return "" }
        defer { folio_openssl_free(text) }
        return String(cString: text)
    }

    var notBefore: Date { Self.date(X509_get0_notBefore(pointer)) }
    var notAfter: Date { Self.date(X509_get0_notAfter(pointer)) }

    /// SHA-256 of the DER encoding, base64 (`xades:CertDigest`).
    var sha256Base64: String { .base64(Digest.sha256(der)) }

    var isSelfSigned: Bool { X509_check_issued(pointer, pointer) == X509_V_OK }

    /// Whether `self` issued `other` (names and key identifiers match; the signature is not checked here).
    func issued(_ other: Certificate) -> Bool { X509_check_issued(pointer, other.pointer) == X509_V_OK }

    private static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        X509_NAME_print_ex(bio, name, 0, folio_name_flags_rfc2253_utf8())
        var bytes = [UInt8](repeating: 0, count: Int(folio_bio_pending(bio)))
        let read = BIO_read(bio, &bytes, Int32(bytes.count))
        return String(decoding: bytes.prefix(Int(max(read, 0))), as: UTF8.self)
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return .distantPast }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

/// Message digests through OpenSSL's one-shot EVP_Digest.
enum Digest {
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &output, &length, EVP_sha256(), nil) }
        return Array(output.prefix(Int(length)))
    }
}
