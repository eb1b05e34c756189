import DocumentModel
import Foundation
import XMLTree

extension UBLWriter {
    /// One `cac:InvoiceLine` / `cac:CreditNoteLine` / `cac:DebitNoteLine`.
    ///
    /// Invoice lines put `cac:AllowanceCharge` before `cac:TaxTotal`; credit and debit note lines put it
    /// after (their XSD sequences differ).
    static func writeLine(_ line: DocumentLine, kind: DocumentKind, currency: String, into root: XMLElement) {
        let element = root.cac(kind.lineElement)
        element.cbc("ID", String(line.id))
        if let note = line.note { element.cbc("Note", note) }
        element.cbc(kind.quantityElement, DecimalText.plain(line.quantity), ["unitCode": line.unitCode])
        element.amount("LineExtensionAmount", line.lineExtensionAmount, currency: currency)
        if kind == .invoice {
            writeDiscount(of: line, currency: currency, into: element)
            for tax in line.taxes { writeTaxTotal(tax, currency: currency, into: element) }
        } else {
            for tax in line.taxes { writeTaxTotal(tax, currency: currency, into: element) }
            writeDiscount(of: line, currency: currency, into: element)
        }

        let item = element.cac("Item")
        item.cbc("Description", line.description)
        if let code = line.code {
            item.cac("SellersItemIdentification").cbc("ID", code)
            // 999 = "estándar de adopción del contribuyente": the seller's own code.
            item.cac("StandardItemIdentification").cbc("ID", code, ["schemeID": "999"])
        }
        let price = element.cac("Price")
        price.amount("PriceAmount", line.unitPrice, currency: currency, keepingPrecision: true)
        price.cbc("BaseQuantity", "1", ["unitCode": line.unitCode])
    }

    /// The line discount as `cac:AllowanceCharge` (ChargeIndicator false) on the gross amount.
    private static func writeDiscount(of line: DocumentLine, currency: String, into element: XMLElement) {
        guard !line.discount.isZero else { return }
        let base = line.lineExtensionAmount + line.discount
        let charge = element.cac("AllowanceCharge")
        charge.cbc("ID", "1")
        charge.cbc("ChargeIndicator", "false")
        charge.cbc("AllowanceChargeReason", "Descuento")
        if !base.isZero {
            charge.cbc("MultiplierFactorNumeric", DecimalText.fixed(line.discount.value * 100 / base.value, scale: 2))
        }
        charge.amount("Amount", line.discount, currency: currency)
        charge.amount("BaseAmount", base, currency: currency)
    }
}

extension XMLElement {
    /// A unit price: two decimals, unless the price has more (kept exactly, so `quantity × price`
    /// still gives the written line amount).
    @discardableResult
    func amount(_ name: String, _ amount: Amount, currency: String, keepingPrecision: Bool) -> XMLElement {
        let exact = MoneyRounding.round(amount.value) == amount.value
        return cbc(name, exact ? amount.fixed2 : DecimalText.plain(amount.value), ["currencyID": currency])
    }
}
