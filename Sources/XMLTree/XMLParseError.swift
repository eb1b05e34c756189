/// A document or schema that could not be read: unreadable bytes, malformed XML or a broken XSD.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case unreadable, malformed, invalidSchema
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The file could not be read, or the input was too large for libxml2.
        public static let unreadable = Code(.unreadable)
        /// The bytes are not well-formed XML.
        public static let malformed = Code(.malformed)
        /// The XSD could not be compiled.
        public static let invalidSchema = Code(.invalidSchema)

        public var description: String { value.rawValue }
    }

    public var code: Code
    /// A one-line summary naming the source and the first problem.
    public var message: String
    /// Every problem libxml2 reported, in order.
    public var diagnostics: [XMLDiagnostic]

    public init(code: Code, message: String, diagnostics: [XMLDiagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The first error-level diagnostic, which is where the reader should look.
    public var firstError: XMLDiagnostic? {
        diagnostics.first { $0.severity >= .error } ?? diagnostics.first
    }

    public var description: String { "\(code): \(message)" }
}
