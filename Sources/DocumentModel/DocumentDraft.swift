public import Foundation

/// A document as an ERP asks for it: rates and prices, not amounts. ``TotalsCalculator`` derives every amount.
public struct DocumentDraft: Sendable, Hashable {
    public var kind: DocumentKind
    /// The ERP's own reference: the idempotency key (the same reference never issues twice).
    public var erpReference: String
    /// Which configured company issues it.
    public var company: String
    public var customer: Party
    public var lines: [DraftLine]
    public var paymentMeans: PaymentMeans
    public var notes: [String]
    public var orderReference: String?
    public var currency: String
    public var billingReference: BillingReference?
    public var discrepancy: Discrepancy?
    /// Totals the ERP computed itself, compared with Folio's under a small tolerance.
    public var declaredTotals: DeclaredTotals?
    /// The ERP's printing hints (warehouse, branch, printer, copies) for the print routing rules.
    public var printHints = PrintHints()

    public init(
        kind: DocumentKind, erpReference: String, company: String, customer: Party, lines: [DraftLine],
        paymentMeans: PaymentMeans, notes: [String] = [], orderReference: String? = nil, currency: String = "COP",
        billingReference: BillingReference? = nil, discrepancy: Discrepancy? = nil, declaredTotals: DeclaredTotals? = nil
    ) {
        self.kind = kind
        self.erpReference = erpReference
        self.company = company
        self.customer = customer
        self.lines = lines
        self.paymentMeans = paymentMeans
        self.notes = notes
        self.orderReference = orderReference
        self.currency = currency
        self.billingReference = billingReference
        self.discrepancy = discrepancy
        self.declaredTotals = declaredTotals
    }
}

/// One line as the ERP sends it.
public struct DraftLine: Sendable, Hashable {
    public var code: String?
    public var description: String
    public var quantity: Decimal
    public var unitCode: String
    public var unitPrice: Amount
    public var discount: Discount?
    public var taxes: [TaxRate]
    public var note: String?

    public init(
        code: String?, description: String, quantity: Decimal, unitCode: String, unitPrice: Amount,
        discount: Discount? = nil, taxes: [TaxRate], note: String? = nil
    ) {
        self.code = code
        self.description = description
        self.quantity = quantity
        self.unitCode = unitCode
        self.unitPrice = unitPrice
        self.discount = discount
        self.taxes = taxes
        self.note = note
    }
}

/// A line discount: a fixed amount or a percentage of the line's gross amount.
public enum Discount: Sendable, Hashable {
    case amount(Amount)
    case percent(Decimal)
}

/// Totals an ERP may send beside its lines.
public struct DeclaredTotals: Sendable, Hashable {
    public var lineExtensionAmount: Amount?
    public var taxAmount: Amount?
    public var payableAmount: Amount?

    public init(lineExtensionAmount: Amount? = nil, taxAmount: Amount? = nil, payableAmount: Amount? = nil) {
        self.lineExtensionAmount = lineExtensionAmount
        self.taxAmount = taxAmount
        self.payableAmount = payableAmount
    }
}
