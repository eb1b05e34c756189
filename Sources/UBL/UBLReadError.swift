public import XMLTree

/// Why a document could not be read, with the element path and source line.
///
/// `message` reads like `Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount (line 212): missing`.
public struct UBLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case malformedXML, notUBL, missingElement, invalidValue
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The bytes are not well-formed XML (see ``UBLReadError/diagnostics``).
        public static let malformedXML = Code(.malformedXML)
        /// The root element is not the UBL 2.1 document being read (an Invoice, CreditNote or DebitNote for
        /// `read`, an ApplicationResponse for `readApplicationResponse`, any of them for `readAny`).
        public static let notUBL = Code(.notUBL)
        /// A required element is absent.
        public static let missingElement = Code(.missingElement)
        /// An element's text or attribute is not what UBL/DIAN allows (a date, an amount, a code).
        public static let invalidValue = Code(.invalidValue)

        public var description: String { value.rawValue }
    }

    public var code: Code
    /// The path, line and problem in one sentence.
    public var message: String
    /// The name the document was read under.
    public var sourceName: String
    /// The element path (`Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount`), when the problem is an element.
    public var path: String?
    /// 1-based line (for a missing element: the line of its parent); 0 when unknown.
    public var line: Int
    /// 1-based column for malformed XML; 0 otherwise.
    public var column: Int
    /// libxml2's diagnostics for malformed XML.
    public var diagnostics: [XMLDiagnostic]

    public init(
        code: Code, message: String, sourceName: String, path: String? = nil, line: Int = 0, column: Int = 0,
        diagnostics: [XMLDiagnostic] = []
    ) {
        self.code = code
        self.message = message
        self.sourceName = sourceName
        self.path = path
        self.line = line
        self.column = column
        self.diagnostics = diagnostics
    }

    public var description: String { "\(sourceName): \(code): \(message)" }
}
