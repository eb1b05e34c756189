/// A document the writer refuses because UBL 2.1 or DIAN's extensions cannot carry it as given.
///
/// The writer never drops data silently: what it cannot write, it reports.
public struct UBLWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as a stable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case missingField, unsupportedField
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Something UBL or DIAN requires is absent from the document (software provider, QR text, lines).
        public static let missingField = Code(.missingField)
        /// The document carries something this kind of UBL document has no element for.
        public static let unsupportedField = Code(.unsupportedField)

        public var description: String { value.rawValue }
    }

    public var code: Code
    /// Names the field and the UBL element concerned.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
