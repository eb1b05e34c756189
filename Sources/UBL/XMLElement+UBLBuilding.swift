import DocumentModel
import XMLTree

/// Small helpers that keep the writer readable: one call per UBL element.
extension XMLElement {
    /// Appends `cbc:name` with `text` and attributes in the given order.
    @discardableResult
    func cbc(_ name: String, _ text: String, _ attributes: KeyValuePairs<String, String> = [:]) -> XMLElement {
        let element = addChild(name, namespace: UBLNamespace.cbc, text: text)
        for (key, value) in attributes { element.setAttribute(key, value) }
        return element
    }

    /// Appends an amount element (`cbc:PayableAmount currencyID="COP"`) with exactly two decimals.
    @discardableResult
    func amount(_ name: String, _ amount: Amount, currency: String) -> XMLElement {
        cbc(name, amount.fixed2, ["currencyID": currency])
    }

    /// Appends an empty aggregate `cac:name` to fill in.
    func cac(_ name: String) -> XMLElement {
        addChild(name, namespace: UBLNamespace.cac)
    }

    /// Appends `sts:name` (DIAN structures), optionally with text.
    @discardableResult
    func sts(_ name: String, _ text: String? = nil, _ attributes: KeyValuePairs<String, String> = [:]) -> XMLElement {
        let element = addChild(name, namespace: UBLNamespace.sts, text: text)
        for (key, value) in attributes { element.setAttribute(key, value) }
        return element
    }
}

/// DIAN's agency attributes, written on every identifier DIAN assigns or checks.
enum DIANAgency {
    static let id = "195"
    static let name = "CO, DIAN (Dirección de Impuestos y Aduanas Nacionales)"
    /// DIAN's own NIT and check digit (`sts:AuthorizationProviderID`, rules FAB31/FAB34).
    static let nit = "800197268"
    static let checkDigit = "4"
}
