/// A signature that could not be made or checked: an unreadable identity, a document that cannot be
/// signed, or a signature that does not verify. The message names the file, element or reference.
public struct SigningError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case unreadableFile = "unreadable_file"
            case wrongPassword = "wrong_password"
            case invalidIdentity = "invalid_identity"
            case malformedDocument = "malformed_document"
            case unsupportedDocument = "unsupported_document"
            case notSigned = "not_signed"
            case invalidSignature = "invalid_signature"
            case untrustedCertificate = "untrusted_certificate"
            case policyMismatch = "policy_mismatch"
            case expired = "expired"
            case library = "library"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A key, certificate or PKCS#12 file is missing or unreadable.
        public static let unreadableFile = Code(.unreadableFile)
        /// The PKCS#12 password is wrong.
        public static let wrongPassword = Code(.wrongPassword)
        /// The key and certificates do not form a usable identity (no RSA key, key and certificate differ…).
        public static let invalidIdentity = Code(.invalidIdentity)
        /// The bytes are not well-formed XML, or carry a DOCTYPE.
        public static let malformedDocument = Code(.malformedDocument)
        /// The XML is not a document this signer handles (no root, no SOAP header, two signature slots…).
        public static let unsupportedDocument = Code(.unsupportedDocument)
        /// The document has no signature to verify.
        public static let notSigned = Code(.notSigned)
        /// A digest or the signature value does not match, or the signature is not shaped as DIAN requires.
        public static let invalidSignature = Code(.invalidSignature)
        /// The signer's certificate does not chain to a trusted root.
        public static let untrustedCertificate = Code(.untrustedCertificate)
        /// The XAdES policy identifier, its hash or the signing-certificate digest is wrong.
        public static let policyMismatch = Code(.policyMismatch)
        /// A WS-Security timestamp or a certificate is outside its validity window.
        public static let expired = Code(.expired)
        /// xmlsec1, libxml2 or OpenSSL failed unexpectedly.
        public static let library = Code(.library)

        public var description: String { value.rawValue }
    }

    public var code: Code
    /// One line naming the file, element or reference at fault.
    public var message: String
    /// What xmlsec1 / OpenSSL said, when they said something.
    public var details: [String]

    public init(_ code: Code, _ message: String, details: [String] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String {
        details.isEmpty ? "\(code): \(message)" : "\(code): \(message) (\(details.joined(separator: "; ")))"
    }
}
