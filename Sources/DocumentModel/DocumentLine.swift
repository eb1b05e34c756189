public import Foundation

/// One issued line (`cac:InvoiceLine` / `CreditNoteLine` / `DebitNoteLine`), with its amounts computed.
public struct DocumentLine: Sendable, Hashable, Codable {
    /// 1-based line number.
    public var id: Int
    /// The seller's item code (`cac:SellersItemIdentification/cbc:ID`).
    public var code: String?
    public var description: String
    public var quantity: Decimal
    /// UN/ECE rec. 20 unit code as DIAN uses it (`94` unidad, `KGM`, `HUR`, …).
    public var unitCode: String
    public var unitPrice: Amount
    /// The discount on this line (`cac:AllowanceCharge` with ChargeIndicator false), already rounded.
    public var discount: Amount
    /// `round(quantity × unitPrice) − discount`.
    public var lineExtensionAmount: Amount
    /// One `TaxTotal` per scheme with one subtotal (the line's rate).
    public var taxes: [TaxTotal]
    public var note: String?

    public init(
        id: Int, code: String?, description: String, quantity: Decimal, unitCode: String, unitPrice: Amount,
        discount: Amount, lineExtensionAmount: Amount, taxes: [TaxTotal], note: String? = nil
    ) {
        self.id = id
        self.code = code
        self.description = description
        self.quantity = quantity
        self.unitCode = unitCode
        self.unitPrice = unitPrice
        self.discount = discount
        self.lineExtensionAmount = lineExtensionAmount
        self.taxes = taxes
        self.note = note
    }
}

/// `cac:LegalMonetaryTotal` (invoices, credit notes) or `cac:RequestedMonetaryTotal` (debit notes).
public struct MonetaryTotal: Sendable, Hashable, Codable {
    /// Σ line extension amounts.
    public var lineExtensionAmount: Amount
    /// Σ taxable bases (each line counted once).
    public var taxExclusiveAmount: Amount
    /// Line extension + taxes.
    public var taxInclusiveAmount: Amount
    public var allowanceTotalAmount: Amount
    public var chargeTotalAmount: Amount
    public var prepaidAmount: Amount
    /// Tax inclusive − allowances + charges − prepaid.
    public var payableAmount: Amount

    public init(
        lineExtensionAmount: Amount, taxExclusiveAmount: Amount, taxInclusiveAmount: Amount,
        allowanceTotalAmount: Amount = .zero, chargeTotalAmount: Amount = .zero, prepaidAmount: Amount = .zero,
        payableAmount: Amount
    ) {
        self.lineExtensionAmount = lineExtensionAmount
        self.taxExclusiveAmount = taxExclusiveAmount
        self.taxInclusiveAmount = taxInclusiveAmount
        self.allowanceTotalAmount = allowanceTotalAmount
        self.chargeTotalAmount = chargeTotalAmount
        self.prepaidAmount = prepaidAmount
        self.payableAmount = payableAmount
    }
}
