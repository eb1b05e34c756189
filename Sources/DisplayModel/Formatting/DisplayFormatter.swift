public import DocumentModel
import Foundation

/// The formatters a template may apply to a binding, after a `|`: `{totals.payable | words}`,
/// `{document.issueDate | date("dd.MM.yyyy")}`, `{buyer.name | upper}`. Several may follow each other
/// (`{line.description | upper}`); each one after the first formats the text the previous one produced.
///
/// Formatters only change how a value is written: amounts are computed by the document model, never by a
/// template. Which fields each formatter accepts is checked when the template loads (``accepts(_:)``).
public enum DisplayFormatter: String, Sendable, Hashable, CaseIterable {
    /// An amount or number as money: `$ 1.234.567,89` (no-break space after `$`).
    case money
    /// A date as `dd/MM/yyyy`, or in the pattern given: `date("dd.MM.yyyy")` (`d`, `dd`, `M`, `MM`, `yy`,
    /// `yyyy` and the separators `/`, `.`, `-`, space).
    case date
    /// A NIT written as digits, grouped with its DIAN check digit: `900108281` → `900.108.281-3`.
    case nit
    /// A number as a percentage: `19` → `19%`, `2.5` → `2,5%`.
    case percent
    /// An amount in Spanish words: `UN MILLÓN CUARENTA MIL DOSCIENTOS PESOS M/CTE`; `words("USD")` for
    /// another currency.
    case words
    /// Text in capitals: `Bogotá` → `BOGOTÁ`.
    case upper

    /// Whether the formatter can format a field of this shape (checked when a template loads).
    public func accepts(_ schema: DisplaySchema) -> Bool {
        switch (self, schema) {
        case (.money, .value(.amount)), (.money, .value(.decimal)), (.words, .value(.amount)), (.words, .value(.decimal)):
            true
        case (.percent, .value(.decimal)), (.date, .value(.date)), (.nit, .text), (.upper, .text), (.upper, .value):
            true
        default:
            false
        }
    }

    /// What the formatter accepts, for messages: `an amount or a number`.
    public var accepted: String {
        switch self {
        case .money, .words: "an amount or a number"
        case .percent: "a number"
        case .date: "a date"
        case .nit: "text holding a NIT's digits"
        case .upper: "text"
        }
    }

    /// The problem with an argument (`date("…")`, `words("…")`), or `nil` when it is fine.
    public func problem(withArgument argument: String?) -> String? {
        guard let argument else { return nil }
        switch self {
        case .date:
            return DatePattern(argument) == nil
                ? "`\(argument)` is not a date pattern: use d, dd, M, MM, yy, yyyy and / . - or spaces" : nil
        case .words:
            return argument.count == 3 && argument.allSatisfy({ $0.isASCII && $0.isUppercase })
                ? nil : "`\(argument)` is not a currency code such as `COP` or `USD`"
        default:
            return "`\(rawValue)` takes no argument"
        }
    }

    /// Formats `value`.
    /// - Throws: ``DisplayFormatError`` when the data is not what the formatter formats (display data read
    ///   from JSON can hold any text); an empty text formats to empty text.
    public func format(_ value: DisplayValue, argument: String? = nil) throws(DisplayFormatError) -> String {
        if case .text(let text) = value, text.isEmpty { return "" }
        switch self {
        case .upper:
            guard let text = value.text else { throw failure(value) }
            return text.uppercased()
        case .nit:
            guard case .text(let digits) = value, let checkDigit = NIT.checkDigit(of: digits) else { throw failure(value) }
            return ColombianFormat.nit(digits, checkDigit: checkDigit)
        case .date:
            guard let date = Self.date(value) else { throw failure(value) }
            return (argument.flatMap(DatePattern.init) ?? DatePattern.standard).format(date)
        case .money:
            guard let number = Self.number(value) else { throw failure(value) }
            return ColombianFormat.money(Amount(number))
        case .words:
            guard let number = Self.number(value) else { throw failure(value) }
            return AmountInWords.spanish(Amount(number), currency: argument ?? "COP")
        case .percent:
            guard let number = Self.number(value) else { throw failure(value) }
            return ColombianFormat.percent(number)
        }
    }

    private func failure(_ value: DisplayValue) -> DisplayFormatError {
        DisplayFormatError(formatter: self, value: value.text ?? "(\(DisplaySchema.text.kindName))")
    }

    /// A typed number, or text in the dot-decimal form of sample files (`1234.5`).
    private static func number(_ value: DisplayValue) -> Decimal? {
        switch value {
        case .value(.amount(let amount)): amount.value
        case .value(.decimal(let number)): number
        case .text(let text): Amount(exactly: text)?.value
        default: nil
        }
    }

    /// A typed date, or text in ISO form (`2025-03-04`).
    private static func date(_ value: DisplayValue) -> CalendarDate? {
        switch value {
        case .value(.date(let date)): date
        case .text(let text): CalendarDate(iso: text)
        default: nil
        }
    }
}

/// A value a formatter cannot format: `money` given `abc`.
public struct DisplayFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var formatter: DisplayFormatter
    /// The value as text.
    public var value: String

    public var description: String { "`\(formatter.rawValue)` cannot format `\(value)`: it formats \(formatter.accepted)" }
}

/// `dd/MM/yyyy` and friends: day, month and year fields with separators, nothing else.
struct DatePattern {
    private enum Token: Equatable {
        case day(width: Int)
        case month(width: Int)
        case year(width: Int)
        case literal(Character)
    }

    private let tokens: [Token]

    static let standard = DatePattern("dd/MM/yyyy")!

    init?(_ pattern: String) {
        var tokens: [Token] = []
        var characters = Array(pattern)[...]
        while let first = characters.first {
            let run = characters.prefix { $0 == first }.count
            characters = characters.dropFirst(run)
            switch (first, run) {
            case ("d", 1...2): tokens.append(.day(width: run))
            case ("M", 1...2): tokens.append(.month(width: run))
            case ("y", 2), ("y", 4): tokens.append(.year(width: run))
            case ("/", _), (".", _), ("-", _), (" ", _): tokens += Array(repeating: .literal(first), count: run)
            default: return nil
            }
        }
        guard !tokens.isEmpty else { return nil }
        self.tokens = tokens
    }

    func format(_ date: CalendarDate) -> String {
        var result = ""
        for token in tokens {
            switch token {
            case .day(let width): result += Self.padded(date.day, width)
            case .month(let width): result += Self.padded(date.month, width)
            case .year(4): result += Self.padded(date.year, 4)
            case .year: result += Self.padded(date.year % 100, 2)
            case .literal(let character): result.append(character)
            }
        }
        return result
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
