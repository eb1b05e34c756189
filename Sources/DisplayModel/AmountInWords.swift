public import DocumentModel

/// Amounts written out in Spanish words, upper case, as Colombian invoices print them ("son: …").
///
/// The convention, for Colombian pesos:
/// - the whole pesos in words, then `PESOS` (`PESO` for exactly one), then ` CON cc/100` when there are
///   centavos, then ` M/CTE` (moneda corriente): `CINCO MILLONES … OCHENTA Y TRES PESOS CON 51/100 M/CTE`;
///   no `CON 00/100` for whole amounts;
/// - `uno` is shortened before a noun: `UN PESO`, `VEINTIÚN PESOS`, `CIENTO UN MIL`, `TREINTA Y UN MILLONES`;
/// - `CIEN` alone, `CIENTO` before more (`CIENTO DIEZ`); `MIL` alone, never `UN MIL`;
/// - `DE` before `PESOS` when the amount ends in whole millions or billions: `UN MILLÓN DE PESOS`,
///   `MIL MILLONES DE PESOS`, but `DOS MILLONES MIL PESOS`;
/// - 10⁶ `MILLÓN`/`MILLONES`, 10⁹ `MIL MILLONES`, 10¹² `BILLÓN`/`BILLONES` (long scale);
/// - zero is `CERO PESOS M/CTE`; a negative amount starts with `MENOS`.
/// Amounts are rounded to two decimals first (``MoneyRounding``). Up to 999 999 999 999 999 999 pesos are written.
/// Other currencies use their own unit name (`DÓLARES`, `EUROS`) and no `M/CTE`.
public enum AmountInWords {
    /// `amount` in words for `currency` (ISO 4217, default `COP`).
    public static func spanish(_ amount: Amount, currency: String = "COP") -> String {
        let fixed = amount.fixed2
        let negative = fixed.hasPrefix("-")
        let parts = (negative ? fixed.dropFirst() : Substring(fixed)).split(separator: ".")
        let whole = UInt64(parts[0]) ?? 0
        let cents = parts.count > 1 ? String(parts[1]) : "00"
        let (singular, plural, suffix) = unitNames(currency)

        var result = negative ? "MENOS " : ""
        if whole == 1 {
            result += "UN " + singular
        } else {
            result += apocopated(words(whole))
            if whole > 0 && whole % 1_000_000 == 0 { result += " DE" }
            result += " " + plural
        }
        if cents != "00" { result += " CON " + cents + "/100" }
        if let suffix { result += " " + suffix }
        return result
    }

    /// A whole number in words (`uno`, not shortened): `0` → `CERO`, `21` → `VEINTIUNO`.
    public static func words(_ number: UInt64) -> String {
        if number == 0 { return "CERO" }
        var parts: [String] = []
        let billions = number / 1_000_000_000_000
        let millions = number / 1_000_000 % 1_000_000
        let rest = number % 1_000_000
        if billions > 0 { parts.append(billions == 1 ? "UN BILLÓN" : apocopated(belowMillion(billions)) + " BILLONES") }
        if millions > 0 { parts.append(millions == 1 ? "UN MILLÓN" : apocopated(belowMillion(millions)) + " MILLONES") }
        if rest > 0 { parts.append(belowMillion(rest)) }
        return parts.joined(separator: " ")
    }

    private static func belowMillion(_ number: UInt64) -> String {
        let thousands = number / 1000
        let units = number % 1000
        var parts: [String] = []
        if thousands == 1 {
            parts.append("MIL")
        } else if thousands > 1 {
            parts.append(apocopated(belowThousand(thousands)) + " MIL")
        }
        if units > 0 { parts.append(belowThousand(units)) }
        return parts.joined(separator: " ")
    }

    private static func belowThousand(_ number: UInt64) -> String {
        if number == 100 { return "CIEN" }
        let hundreds = Int(number / 100)
        let rest = Int(number % 100)
        var parts: [String] = []
        if hundreds > 0 { parts.append(hundredNames[hundreds]) }
        if rest > 0 && rest < 30 {
            parts.append(smallNames[rest])
        } else if rest >= 30 {
            let tens = rest / 10
            let unit = rest % 10
            parts.append(unit == 0 ? tensNames[tens] : tensNames[tens] + " Y " + smallNames[unit])
        }
        return parts.joined(separator: " ")
    }

    /// `…UNO` → `…UN` and `VEINTIUNO` → `VEINTIÚN`, before a noun (`MIL`, `MILLONES`, `PESOS`).
    private static func apocopated(_ words: String) -> String {
        if words.hasSuffix("VEINTIUNO") { return String(words.dropLast(9)) + "VEINTIÚN" }
        if words.hasSuffix("UNO") { return String(words.dropLast(3)) + "UN" }
        return words
    }

    private static func unitNames(_ currency: String) -> (singular: String, plural: String, suffix: String?) {
        switch currency {
        case "USD": ("DÓLAR", "DÓLARES", nil)
        case "EUR": ("EURO", "EUROS", nil)
        default: ("PESO", "PESOS", "M/CTE")
        }
    }

    private static let smallNames = [
        "", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE",
        "DIEZ", "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE", "DIECIOCHO", "DIECINUEVE",
        "VEINTE", "VEINTIUNO", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO", "VEINTICINCO", "VEINTISÉIS",
        "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE",
    ]
    private static let tensNames = [
        "", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA", "NOVENTA",
    ]
    private static let hundredNames = [
        "", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS", "SEISCIENTOS", "SETECIENTOS",
        "OCHOCIENTOS", "NOVECIENTOS",
    ]
}
