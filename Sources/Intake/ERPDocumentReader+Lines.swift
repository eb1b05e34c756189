import DocumentModel
import Foundation

extension ERPDocumentReader {
    /// Rates DIAN accepts per tax, in percent.
    static let allowedRates: [String: Set<Decimal>] = ["01": [0, 5, 19], "04": [2, 4, 8, 16]]
    static let taxAliases: [String: TaxScheme] = ["01": .iva, "IVA": .iva, "04": .inc, "INC": .inc, "03": .ica, "ICA": .ica]
    static let maximumLines = 10_000
    /// A line of more than a thousand billion pesos is a typo, and past ~24 digits the XML schemas' decimals end.
    static let maximumLineAmount: Decimal = 1_000_000_000_000_000

    static func lines(_ node: JSONNode?, _ r: inout FieldReader) -> [DraftLine]? {
        guard let elements = r.array(node, "lines") else { return nil }
        if elements.isEmpty {
            r.fail("lines", node, "must contain at least one line")
            return nil
        }
        if elements.count > maximumLines {
            r.fail("lines", node, "has \(elements.count) lines; at most \(maximumLines) are accepted per document")
            return nil
        }
        var result: [DraftLine] = []
        var ok = true
        for (index, element) in elements.enumerated() {
            if let line = self.line(element, "lines[\(index + 1)]", &r) { result.append(line) } else { ok = false }
        }
        return ok ? result : nil
    }

    static func line(_ node: JSONNode, _ path: String, _ r: inout FieldReader) -> DraftLine? {
        guard let node = r.object(node, path, allowed: lineKeys) else { return nil }
        let code = r.string(node["code"], "\(path).code", required: false, maxLength: 100)
        let description = r.string(node["description"], "\(path).description", maxLength: 5_000)
        let quantity = r.decimal(node["quantity"], "\(path).quantity", limit: 1_000_000_000)
        if let quantity, quantity <= 0 {
            r.fail("\(path).quantity", node["quantity"], "must be greater than 0 (got \(DecimalText.plain(quantity))); return goods with a credit note")
        }
        let unit = r.string(node["unit"], "\(path).unit", required: false) ?? "94"
        if unit.count > 3 || !unit.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            r.fail("\(path).unit", node["unit"], "\"\(unit)\" is not a DIAN unit code (e.g. 94 unidad, KGM, LTR, HUR)")
        }
        let price = r.decimal(node["unit_price"], "\(path).unit_price")
        if let price, price < 0 {
            r.fail("\(path).unit_price", node["unit_price"], "must not be negative")
        }
        let discount = self.discount(node["discount"], "\(path).discount", &r)
        let taxes = self.taxes(node["taxes"], "\(path).taxes", &r)
        if let quantity, let price, quantity * price > maximumLineAmount {
            r.fail(
                "\(path).unit_price", node["unit_price"],
                "quantity × unit_price exceeds \(DecimalText.plain(maximumLineAmount)), the largest line amount Folio accepts")
            return nil
        }
        if let quantity, let price, quantity > 0, case .amount(let amount)? = discount,
            amount.value > quantity * price
        {
            r.fail("\(path).discount.amount", node["discount"], "is larger than the line's amount")
        }
        let note = r.string(node["note"], "\(path).note", required: false)
        guard let description, let quantity, quantity > 0, let price, price >= 0, let taxes else { return nil }
        return DraftLine(
            code: code, description: description, quantity: quantity, unitCode: unit, unitPrice: Amount(price),
            discount: discount, taxes: taxes, note: note)
    }

    static func discount(_ node: JSONNode?, _ path: String, _ r: inout FieldReader) -> Discount? {
        guard let node = r.object(node, path, allowed: ["percent", "amount"], required: false) else { return nil }
        if node["percent"] != nil && node["amount"] != nil {
            r.fail(path, node, "give either percent or amount, not both")
            return nil
        }
        if let percent = r.decimal(node["percent"], "\(path).percent", required: false, maxDecimals: 2, limit: 100) {
            guard percent >= 0 && percent <= 100 else {
                r.fail("\(path).percent", node["percent"], "must be between 0 and 100")
                return nil
            }
            return .percent(percent)
        }
        if let amount = r.decimal(node["amount"], "\(path).amount", required: false, maxDecimals: 2) {
            guard amount >= 0 else {
                r.fail("\(path).amount", node["amount"], "must not be negative")
                return nil
            }
            return .amount(Amount(amount))
        }
        r.fail(path, node, "needs either percent or amount")
        return nil
    }

    static func taxes(_ node: JSONNode?, _ path: String, _ r: inout FieldReader) -> [TaxRate]? {
        guard let elements = r.array(node, path, required: false) else {
            return node == nil || node?.value == .null ? [] : nil
        }
        var rates: [TaxRate] = []
        var ok = true
        for (index, element) in elements.enumerated() {
            let itemPath = "\(path)[\(index + 1)]"
            guard let item = r.object(element, itemPath, allowed: ["tax", "rate"]) else {
                ok = false
                continue
            }
            let code = r.string(item["tax"], "\(itemPath).tax")
            let rate = r.decimal(item["rate"], "\(itemPath).rate", maxDecimals: 2, limit: 100)
            guard let code, let rate else {
                ok = false
                continue
            }
            guard let scheme = taxAliases[code.uppercased()] else {
                r.fail("\(itemPath).tax", item["tax"], "unknown tax code \"\(code)\"; use 01 (IVA), 04 (INC) or 03 (ICA)")
                ok = false
                continue
            }
            if let allowed = allowedRates[scheme.id], !allowed.contains(rate) {
                let list = allowed.sorted().map { DecimalText.plain($0) }.joined(separator: ", ")
                r.fail("\(itemPath).rate", item["rate"], "\(DecimalText.plain(rate)) % is not a \(scheme.name) rate; use one of \(list)")
                ok = false
                continue
            }
            if rate < 0 || rate > 100 {
                r.fail("\(itemPath).rate", item["rate"], "must be between 0 and 100")
                ok = false
                continue
            }
            if rates.contains(where: { $0.scheme == scheme }) {
                r.fail("\(itemPath).tax", item["tax"], "\(scheme.name) appears twice on this line")
                ok = false
                continue
            }
            rates.append(TaxRate(scheme: scheme, percent: rate))
        }
        return ok ? rates : nil
    }
}
