public import DisplayModel

/// A checked reference to display data: `{buyer.name}`, or `{line.total}` inside `each="line in lines"`.
public struct FieldReference: Sendable, Hashable, CustomStringConvertible {
    /// `nil` for the data root; the loop variable's name otherwise.
    public var variable: String?
    /// The record fields followed from the root or the variable.
    public var components: [String]
    public var location: SourceSpan

    public init(variable: String?, components: [String], location: SourceSpan) {
        self.variable = variable
        self.components = components
        self.location = location
    }

    /// The path as written: `line.total`.
    public var description: String { ((variable.map { [$0] } ?? []) + components).joined(separator: ".") }
}

/// Text with bindings: literal pieces, fields, and the page counters of headers and footers.
public struct TextContent: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case field(FieldReference)
        /// `{totals.payable | words}`: a field through one or more formatters, applied in order.
        case formatted(FieldReference, [FormatterCall])
        /// `{page}`: the current page number (headers and footers only).
        case page
        /// `{pages}`: the page count (headers and footers only).
        case pages
    }

    public var segments: [Segment]

    public init(_ segments: [Segment]) { self.segments = segments }

    public static func literal(_ text: String) -> TextContent { TextContent([.literal(text)]) }

    /// Whether the content uses `{page}` or `{pages}`.
    public var usesPageCounters: Bool {
        segments.contains { if case .page = $0 { true } else if case .pages = $0 { true } else { false } }
    }
}

/// One formatter of a binding with its argument: `date("dd.MM.yyyy")` → `.date`, `"dd.MM.yyyy"`.
public struct FormatterCall: Sendable, Hashable {
    public var formatter: DisplayFormatter
    public var argument: String?

    public init(_ formatter: DisplayFormatter, argument: String? = nil) {
        self.formatter = formatter
        self.argument = argument
    }
}

/// `if="path"` or `if="not path"`.
public struct Condition: Sendable, Hashable {
    public var field: FieldReference
    public var negated: Bool

    public init(field: FieldReference, negated: Bool) {
        self.field = field
        self.negated = negated
    }
}

/// `each="line in lines"`: repeats an element once per item of a list, binding the item to a variable.
public struct Loop: Sendable, Hashable {
    public var variable: String
    public var list: FieldReference

    public init(variable: String, list: FieldReference) {
        self.variable = variable
        self.list = list
    }
}
