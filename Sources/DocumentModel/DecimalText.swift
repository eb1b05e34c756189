public import Foundation

/// Conversions between `Decimal` and the plain dot-decimal text that UBL, JSON and the CUFE use.
/// Never locale-dependent.
public enum DecimalText {
    /// Parses `-?digits(.digits)?` exactly; no exponent, no grouping, no spaces, at most 38 digits.
    public static func parse(_ text: String) -> Decimal? {
        var digits = 0
        var sawDot = false
        var sawDigit = false
        for (index, character) in text.enumerated() {
            switch character {
            case "-" where index == 0:
                continue
            case ".":
                if sawDot || !sawDigit { return nil }
                sawDot = true
            case "0"..."9":
                sawDigit = true
                digits += 1
            default:
                return nil
            }
        }
        guard sawDigit, digits <= 38, text.last != "." else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Writes `value` with exactly `scale` decimals (rounding half away from zero first).
    public static func fixed(_ value: Decimal, scale: Int) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, scale, .plain)
        let plainText = plain(rounded)
        let negative = plainText.hasPrefix("-")
        let unsigned = negative ? String(plainText.dropFirst()) : plainText
        var parts = unsigned.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.append("") }
        var fraction = parts[1]
        while fraction.count < scale { fraction += "0" }
        let body = scale > 0 ? parts[0] + "." + fraction : parts[0]
        return (negative && rounded != 0 ? "-" : "") + body
    }

    /// Writes `value` with as many decimals as it has (`12.5`, `3`, `0.125`), dot separator.
    public static func plain(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }
}
