/// One problem with one field of an ERP document: the field's path (`lines[3].quantity`), what is wrong and
/// how to fix it, and where it is in the source when known.
public struct FieldError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Dotted path with array indexes counted from 1, as a person reads them: `lines[1].taxes[2].rate`.
    public var field: String
    public var message: String
    public var line: Int?
    public var column: Int?
    /// The DIAN rule code (`FAU02`, `FAD09e`, …) when the problem is one of DIAN's validation rules.
    public var code: String?

    public init(field: String, message: String, line: Int? = nil, column: Int? = nil, code: String? = nil) {
        self.field = field
        self.message = message
        self.line = line
        self.column = column
        self.code = code
    }

    public var description: String {
        let place = line.map { " (line \($0)\(column.map { ", column \($0)" } ?? ""))" } ?? ""
        return "\(code.map { "[\($0)] " } ?? "")\(field.isEmpty ? "document" : field)\(place): \(message)"
    }
}

/// An ERP document that cannot be accepted, with every problem found (not only the first).
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var errors: [FieldError]

    public init(source: String, errors: [FieldError]) {
        self.source = source
        self.errors = errors
    }

    public var description: String {
        let header = "\(source): \(errors.count) problem\(errors.count == 1 ? "" : "s")"
        return ([header] + errors.map { "  - \($0)" }).joined(separator: "\n")
    }
}
