public import Foundation

/// A DIAN tax scheme (`cac:TaxScheme`: `cbc:ID` + `cbc:Name`).
public struct TaxScheme: Sendable, Hashable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    public static let iva = TaxScheme(id: "01", name: "IVA")
    public static let ica = TaxScheme(id: "03", name: "ICA")
    public static let inc = TaxScheme(id: "04", name: "INC")
    public static let notApplicable = TaxScheme(id: "ZZ", name: "No aplica")

    /// The schemes Folio computes from ERP rates, by DIAN code.
    public static let computable: [String: TaxScheme] = ["01": .iva, "03": .ica, "04": .inc]
}

/// One tax at one rate on one base (`cac:TaxSubtotal`).
public struct TaxSubtotal: Sendable, Hashable, Codable {
    public var scheme: TaxScheme
    public var taxableAmount: Amount
    public var taxAmount: Amount
    /// The rate in percent (19, 5, 0, 8 …).
    public var percent: Decimal

    public init(scheme: TaxScheme, taxableAmount: Amount, taxAmount: Amount, percent: Decimal) {
        self.scheme = scheme
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.percent = percent
    }
}

/// One tax scheme's total with one subtotal per rate (`cac:TaxTotal`).
public struct TaxTotal: Sendable, Hashable, Codable {
    public var scheme: TaxScheme
    public var taxAmount: Amount
    public var subtotals: [TaxSubtotal]

    public init(scheme: TaxScheme, taxAmount: Amount, subtotals: [TaxSubtotal]) {
        self.scheme = scheme
        self.taxAmount = taxAmount
        self.subtotals = subtotals
    }
}

/// A rate asked for by the ERP on a line: a scheme and a percentage.
public struct TaxRate: Sendable, Hashable, Codable {
    public var scheme: TaxScheme
    public var percent: Decimal

    public init(scheme: TaxScheme, percent: Decimal) {
        self.scheme = scheme
        self.percent = percent
    }
}
