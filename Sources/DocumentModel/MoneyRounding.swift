public import Foundation

/// Folio's rounding rule, written down once.
///
/// - Every **amount that is written** (line extension, taxable base, tax, totals) is rounded to
///   **2 decimals, half away from zero** (`0.005 → 0.01`, `-0.005 → -0.01`), DIAN's usual rule.
/// - A line's amount is `round(quantity × unitPrice) − round(discount)`; nothing is rounded before the product.
/// - A tax amount is `round(taxableBase × percent / 100)` per **rate**, computed on the rounded base of each
///   line; a document's tax subtotal for one rate is the sum of its lines' rounded tax amounts for that rate,
///   so the lines and the totals always add up exactly in the XML.
/// - Totals are sums of rounded amounts and are therefore exact; they are never rounded again.
/// - Quantities and unit prices keep the precision the ERP sent (up to 6 decimals).
public enum MoneyRounding {
    /// The number of decimals of every written amount.
    public static let scale = 2

    /// Rounds to ``scale`` decimals, half away from zero.
    public static func round(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Truncates to ``scale`` decimals (toward zero), for the few places DIAN prescribes truncation.
    public static func truncate(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, value < 0 ? .up : .down)
        return result
    }
}
