/// A value as templates see it: already formatted text, a list, a record of named fields, or a yes/no flag.
///
/// The display model is the only place where Folio formats anything. A template reads these values through
/// `{path}` bindings, loops over lists with `each` and tests values with `if`; it never computes.
public indirect enum DisplayValue: Sendable, Hashable {
    /// Formatted text, printed as is (`$ 1.234,56`, `14/03/2025`).
    case text(String)
    /// A sequence of values, for `each`.
    case list([DisplayValue])
    /// Named fields, reached with dotted paths (`issuer.name`).
    case record([String: DisplayValue])
    /// A condition for `if` (`totals.hasDiscounts`).
    case flag(Bool)
    /// An amount, number or date that formatters can print in other forms; printed by default as its
    /// ``TypedValue/defaultText``.
    case value(TypedValue)

    /// The field `name` of a record; `nil` for anything else or an absent field.
    public subscript(field name: String) -> DisplayValue? {
        guard case .record(let fields) = self else { return nil }
        return fields[name]
    }

    /// The value at a dotted path such as `"buyer.name"`; `nil` when any step is missing.
    public subscript(path path: String) -> DisplayValue? {
        value(at: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    /// The value reached by following record fields named by `components`, in order.
    public func value(at components: some Sequence<String>) -> DisplayValue? {
        var current = self
        for component in components {
            guard let next = current[field: component] else { return nil }
            current = next
        }
        return current
    }

    /// The text of a `.text` value, the default form of a `.value`; `nil` otherwise.
    public var text: String? {
        switch self {
        case .text(let text): text
        case .value(let value): value.defaultText
        default: nil
        }
    }

    /// The items of a `.list` value; `nil` otherwise.
    public var items: [DisplayValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// How `if` reads a value: a flag is itself, text is true when not empty, a list or record when it has
    /// at least one element.
    public var isTruthy: Bool {
        switch self {
        case .flag(let flag): flag
        case .text(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        case .record(let fields): !fields.isEmpty
        case .value: true
        }
    }
}

extension DisplayValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension DisplayValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .flag(value) }
}

extension DisplayValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: DisplayValue...) { self = .list(elements) }
}

extension DisplayValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, DisplayValue)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
