public import Intake
import Issuance

/// One problem with a submitted document, naming the field (and its place in the source when known): the
/// same shape whether it came from the JSON reader, the issuance checks or the schemas.
public typealias Problem = FieldError

extension FieldError {
    init(_ problem: IssueProblem) { self.init(field: problem.field, message: problem.message) }
}

/// A document that was not issued, and why. Nothing was numbered or stored.
public struct SubmissionError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String {
            case validationFailed = "validation_failed", schemaInvalid = "schema_invalid"
            case numberingExhausted = "numbering_exhausted", renderFailed = "render_failed"
        }
        private let base: Base
        public static let validationFailed = Code(base: .validationFailed)
        public static let schemaInvalid = Code(base: .schemaInvalid)
        public static let numberingExhausted = Code(base: .numberingExhausted)
        public static let renderFailed = Code(base: .renderFailed)
        public var description: String { base.rawValue }
    }

    public var code: Code
    public var source: String
    public var problems: [Problem]

    public var description: String {
        let header = "\(source): not issued (\(code)): \(problems.count) problem\(problems.count == 1 ? "" : "s")"
        return ([header] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
