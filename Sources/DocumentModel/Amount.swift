public import Foundation

/// A sum of money in a document's currency, held as a decimal — never as a binary floating-point number.
///
/// Amounts keep whatever precision they were built with (unit prices may carry more than two decimals);
/// ``rounded()`` applies Folio's one rounding rule (see ``MoneyRounding``) and ``fixed2`` writes the
/// dot-decimal, two-decimal form that UBL and the CUFE use (`1785000.00`).
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The exact decimal value.
    public var value: Decimal

    public static let zero = Amount(Decimal(0))

    public init(_ value: Decimal) { self.value = value }

    /// Parses a dot-decimal string such as `"1234.5"` or `"-3"`. Returns `nil` for anything else
    /// (thousands separators, a decimal comma, exponents, blanks).
    public init?(exactly text: String) {
        guard let value = DecimalText.parse(text) else { return nil }
        self.value = value
    }

    /// This amount rounded with Folio's money rule to two decimals.
    public func rounded() -> Amount { Amount(MoneyRounding.round(value)) }

    /// Two decimals, dot separator, no grouping: the form written in UBL and hashed into the CUFE.
    public var fixed2: String { DecimalText.fixed(MoneyRounding.round(value), scale: 2) }

    public var isNegative: Bool { value < 0 }
    public var isZero: Bool { value == 0 }

    public var description: String { fixed2 }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value + rhs.value) }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value - rhs.value) }
    public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }
    public static func * (lhs: Amount, rhs: Decimal) -> Amount { Amount(lhs.value * rhs) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal amount: \(text)")
        }
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.plain(value))
    }
}

extension Amount: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.value = Decimal(value) }
}
