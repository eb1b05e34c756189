import CXMLSec
public import Foundation

/// Who signs a DIAN document: the issuer itself, or a technology provider on its behalf
/// (`xades:SignerRole/xades:ClaimedRoles/xades:ClaimedRole`).
public enum SignerRole: String, Sendable {
    case supplier
    case thirdParty = "third party"
}

/// Signs UBL documents with an enveloped XAdES-EPES signature as DIAN's *Política de firma v2* requires
/// (DIAN.md §4): inclusive C14N, RSA-SHA256, three references (document, `KeyInfo`, `SignedProperties`),
/// signing time, signing certificate chain, policy identifier with its pinned hash, and claimed role.
///
/// Blocking (RSA and C14N of the whole document): call it off Swift's cooperative pool. Safe to use from
/// several threads at once — every call builds its own libxml2 document and xmlsec context.
public final class XAdESSigner: Sendable {
    public let identity: SigningIdentity
    public let role: SignerRole

    /// - Parameters:
    ///   - identity: The key and certificate chain.
    ///   - role: The claimed role; `.supplier` when the issuer signs its own documents.
    public init(identity: SigningIdentity, role: SignerRole = .supplier) {
        self.identity = identity
        self.role = role
    }

    /// Signs a UBL document (Invoice, CreditNote, DebitNote, ApplicationResponse, AttachedDocument).
    ///
    /// The input is UBL as ``UBLWriter`` writes it: the slot `<folio:SignaturePending/>`
    /// (namespace `urn:folio:signature-pending`) inside an `ext:ExtensionContent` is replaced by `ds:Signature`.
    /// Without a slot, a new last `ext:UBLExtension` receives the signature (and `ext:UBLExtensions` is
    /// created as the root's first child when missing).
    ///
    /// Every byte outside the inserted signature is the input's byte: the signature is spliced into the
    /// original bytes, never re-serialised with the rest. The result is the exact file to store and send.
    ///
    /// - Parameters:
    ///   - unsignedXML: The UTF-8 document.
    ///   - signingTime: Written as `xades:SigningTime` in Bogotá time (`-05:00`) with milliseconds.
    /// - Returns: The signed document.
    /// - Throws: ``SigningError``: `.malformedDocument`, `.unsupportedDocument` (two slots, an empty
    ///   `ext:UBLExtensions`, already signed), `.expired` (the certificate is not valid at `signingTime`),
    ///   `.invalidIdentity` or `.library`.
    public func sign(_ unsignedXML: [UInt8], signingTime: Date) throws -> [UInt8] {
        let document = try ParsedXML(parsing: unsignedXML, sourceName: "document to sign")
        let ranges = try ElementRanges(unsignedXML)
        let certificates = try identity.certificates()
        let time = BogotaTimestamp.string(signingTime)
        guard certificates[0].notBefore <= signingTime, signingTime <= certificates[0].notAfter else {
            throw SigningError(
                .expired,
                "the signer certificate (\(identity.subject)) is not valid at \(time): valid from "
                    + "\(BogotaTimestamp.string(certificates[0].notBefore)) to \(BogotaTimestamp.string(certificates[0].notAfter))"
            )
        }
        let key = try PrivateKey(der: identity.privateKeyDER)
        let baseID = "xmldsig-" + DerivedUUID.make(from: unsignedXML, salt: time + identity.subject)

        let placement = try SignaturePlacement.locate(in: document, ranges: ranges)
        let signature = try SignatureTemplate.build(
            in: document, baseID: baseID, certificates: certificates, signingTime: time, role: role)
        let inserted = placement.insert(signature, into: document)
        try SignatureTemplate.sign(signature, key: key, document: document, baseID: baseID)

        let fragment = Serialization.bytes(of: inserted)
        guard !fragment.contains(13) else {
            throw SigningError(.library, "the signature contains a carriage return; refusing to write `&#13;` into base64 values")
        }
        return placement.splice(fragment, into: unsignedXML)
    }
}

/// `2026-01-05T10:43:14.123-05:00`: Bogotá has no daylight-saving time, so the offset is fixed.
enum BogotaTimestamp {
    static func string(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let local = milliseconds - 5 * 3_600_000
        let seconds = local.floorDivided(by: 1000)
        let fraction = local - seconds * 1000
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d-05:00", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(fraction))
    }

    /// `2026-01-05T15:43:14.123Z`, for WS-Security timestamps.
    static func utc(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds.floorDivided(by: 1000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec),
            Int(milliseconds - seconds * 1000))
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}

/// A UUID-shaped identifier derived from the document and signing time (deterministic, so the same input
/// signs to the same bytes, and distinct documents get distinct Ids without a random source).
enum DerivedUUID {
    static func make(from bytes: [UInt8], salt: String) -> String {
        var hash = Digest.sha256(bytes + Array(salt.utf8))
        hash[6] = (hash[6] & 0x0F) | 0x80  // version 8: custom
        hash[8] = (hash[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = hash.prefix(16).map { String(format: "%02x", $0) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
