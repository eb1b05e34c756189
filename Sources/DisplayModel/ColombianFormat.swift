public import DocumentModel
public import Foundation

/// Colombian (es-CO) presentation of numbers and dates, written out by hand so it never depends on the
/// machine's locale data or on Foundation's `es_CO` rules (which print money without decimals).
///
/// - Money: `$ 1.234.567,89` — a dollar sign, a NO-BREAK SPACE (U+00A0), thousands grouped with `.`, always two
///   decimals after `,`, rounded half away from zero (``MoneyRounding``). Negative: `-$ 1.234,56`.
/// - Quantities and percentages: as many decimals as the value has (`2,5`, `1.000`, `19%`).
/// - Dates: `dd/MM/yyyy`.
public enum ColombianFormat {
    /// The no-break space written after `$`.
    public static let noBreakSpace: Character = "\u{00A0}"

    /// `$ 1.234.567,89` with a no-break space after `$`.
    public static func money(_ amount: Amount) -> String {
        let fixed = amount.fixed2  // "-1234567.89"
        let negative = fixed.hasPrefix("-")
        let unsigned = negative ? fixed.dropFirst() : Substring(fixed)
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var result = negative ? "-$" : "$"
        result.append(noBreakSpace)
        result += grouped(parts[0])
        result += ","
        result += parts.count > 1 ? parts[1] : "00"
        return result
    }

    /// A decimal with `.` grouping and `,` decimals, keeping the value's own decimals: `1.000`, `2,5`, `-0,125`.
    public static func number(_ value: Decimal) -> String {
        let plain = DecimalText.plain(value)
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : Substring(plain)
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var result = negative ? "-" : ""
        result += grouped(parts[0])
        if parts.count > 1 {
            result += ","
            result += parts[1]
        }
        return result
    }

    /// `19%`, `2,5%`.
    public static func percent(_ value: Decimal) -> String { number(value) + "%" }

    /// `05/01/2025`.
    public static func date(_ date: CalendarDate) -> String {
        twoDigits(date.day) + "/" + twoDigits(date.month) + "/" + String(date.year)
    }

    /// `10:42:17` (the offset is left out; Colombia is always −05:00).
    public static func time(_ time: OffsetTime) -> String {
        twoDigits(time.hour) + ":" + twoDigits(time.minute) + ":" + twoDigits(time.second)
    }

    /// A NIT with its check digit, `900.108.281-3`; without a check digit, just the grouped number.
    public static func nit(_ number: String, checkDigit: Int?) -> String {
        let grouped = number.allSatisfy({ $0.isASCII && $0.isNumber }) ? NIT.grouped(number) : number
        return checkDigit.map { grouped + "-" + String($0) } ?? grouped
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// `1234567` → `1.234.567`.
    static func grouped(_ digits: Substring) -> String {
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3)
        let count = digits.count
        for (index, character) in digits.enumerated() {
            if index > 0 && (count - index) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return result
    }
}
