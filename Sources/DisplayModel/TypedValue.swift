public import DocumentModel
public import Foundation

/// A value that keeps its type until it is printed: an amount of money, a number or a date. A template
/// prints its default form (`$ 1.234.567,89`, `2,5`, `04/03/2025`), or another one through a formatter
/// (`{totals.payable | words}`, `{document.issueDate | date("dd.MM.yyyy")}`). Formatting still happens only
/// here, in the display model; templates never compute.
public enum TypedValue: Sendable, Hashable {
    /// Money, printed `$ 1.234.567,89`.
    case amount(Amount)
    /// A quantity or rate, printed with its own decimals: `2,5`, `1.000`.
    case decimal(Decimal)
    /// A calendar date, printed `dd/MM/yyyy`.
    case date(CalendarDate)

    /// What kind of value this is.
    public var kind: ValueKind {
        switch self {
        case .amount: .amount
        case .decimal: .decimal
        case .date: .date
        }
    }

    /// The form a template prints without a formatter.
    public var defaultText: String {
        switch self {
        case .amount(let amount): ColombianFormat.money(amount)
        case .decimal(let value): ColombianFormat.number(value)
        case .date(let date): ColombianFormat.date(date)
        }
    }
}

/// The kind of a ``TypedValue``, as the display schema declares it.
public enum ValueKind: String, Sendable, Hashable, CaseIterable {
    case amount
    case decimal
    case date

    /// A name for messages: `an amount`, `a number`, `a date`.
    public var phrase: String {
        switch self {
        case .amount: "an amount"
        case .decimal: "a number"
        case .date: "a date"
        }
    }
}
