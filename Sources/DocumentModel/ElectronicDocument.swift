/// The kind of electronic document.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case invoice
    case creditNote = "credit-note"
    case debitNote = "debit-note"

    /// The DIAN document type code (tabla 6.1.3): 01 factura, 91 nota crédito, 92 nota débito.
    public var dianTypeCode: String {
        switch self {
        case .invoice: "01"
        case .creditNote: "91"
        case .debitNote: "92"
        }
    }

    /// CUFE for invoices, CUDE for notes.
    public var uniqueCodeName: String { self == .invoice ? "CUFE" : "CUDE" }
}

/// DIAN's environment (`cbc:ProfileExecutionID`): 1 producción, 2 pruebas/habilitación.
public enum DIANEnvironment: String, Sendable, Hashable, Codable {
    case production = "1"
    case testing = "2"
}

/// How the buyer pays (`cac:PaymentMeans`).
public struct PaymentMeans: Sendable, Hashable, Codable {
    /// `1` contado, `2` crédito.
    public var methodID: String
    /// DIAN MediosPago code: `10` efectivo, `42` consignación, `47` transferencia, `48` tarjeta crédito, `ZZZ` otro…
    public var code: String
    public var dueDate: CalendarDate?

    public init(methodID: String, code: String, dueDate: CalendarDate? = nil) {
        self.methodID = methodID
        self.code = code
        self.dueDate = dueDate
    }

    public var isCredit: Bool { methodID == "2" }
}

/// The resolution's numbering written in `sts:InvoiceControl`.
public struct InvoiceControl: Sendable, Hashable, Codable {
    public var authorization: String
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var prefix: String
    public var from: Int
    public var to: Int

    public init(authorization: String, startDate: CalendarDate, endDate: CalendarDate, prefix: String, from: Int, to: Int) {
        self.authorization = authorization
        self.startDate = startDate
        self.endDate = endDate
        self.prefix = prefix
        self.from = from
        self.to = to
    }
}

/// The software that issued the document (`sts:SoftwareProvider`, `sts:SoftwareSecurityCode`).
public struct SoftwareProvider: Sendable, Hashable, Codable {
    public var providerNIT: String
    public var providerCheckDigit: Int
    public var softwareID: String
    public var securityCode: String

    public init(providerNIT: String, providerCheckDigit: Int, softwareID: String, securityCode: String) {
        self.providerNIT = providerNIT
        self.providerCheckDigit = providerCheckDigit
        self.softwareID = softwareID
        self.securityCode = securityCode
    }
}

/// The invoice a note refers to (`cac:BillingReference/cac:InvoiceDocumentReference`).
public struct BillingReference: Sendable, Hashable, Codable {
    public var id: String
    public var uuid: String?
    public var issueDate: CalendarDate?

    public init(id: String, uuid: String?, issueDate: CalendarDate?) {
        self.id = id
        self.uuid = uuid
        self.issueDate = issueDate
    }
}

/// The period a document covers (`cac:InvoicePeriod`); a note without a referenced invoice (22/32) carries one.
public struct InvoicePeriod: Sendable, Hashable, Codable {
    public var startDate: CalendarDate
    public var endDate: CalendarDate

    public init(startDate: CalendarDate, endDate: CalendarDate) {
        self.startDate = startDate
        self.endDate = endDate
    }
}

/// Why a note was issued (`cac:DiscrepancyResponse`).
public struct Discrepancy: Sendable, Hashable, Codable {
    public var referenceID: String?
    /// DIAN concept code (credit notes 1–5, debit notes 1–4).
    public var code: String
    public var description: String

    public init(referenceID: String?, code: String, description: String) {
        self.referenceID = referenceID
        self.code = code
        self.description = description
    }
}

/// An electronic document exactly as written in (or read from) its UBL XML: every amount explicit.
///
/// Folio builds one from an ERP draft (``TotalsCalculator``), writes it as UBL, and reads any DIAN UBL
/// document back into the same shape, so the graphic representation always shows what the XML says.
public struct ElectronicDocument: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    public var environment: DIANEnvironment
    /// `cbc:CustomizationID` (invoices 10 estándar; credit notes 20/22; debit notes 30/32).
    public var customizationID: String
    /// `cbc:ID`: prefix + number.
    public var number: String
    /// CUFE or CUDE (`cbc:UUID`).
    public var uniqueCode: String?
    public var issueDate: CalendarDate
    public var issueTime: OffsetTime
    public var dueDate: CalendarDate?
    /// `cbc:InvoiceTypeCode` (01 venta …) or `cbc:CreditNoteTypeCode` (91); debit notes have none.
    public var typeCode: String?
    public var notes: [String]
    public var currency: String
    public var orderReference: String?
    public var billingReference: BillingReference?
    public var discrepancy: Discrepancy?
    public var supplier: Party
    public var customer: Party
    public var paymentMeans: PaymentMeans?
    public var taxTotals: [TaxTotal]
    public var totals: MonetaryTotal
    public var lines: [DocumentLine]
    public var control: InvoiceControl?
    public var software: SoftwareProvider?
    /// The `sts:QRCode` text.
    public var qrText: String?
    /// `cac:InvoicePeriod`, when the document states one.
    public var invoicePeriod: InvoicePeriod? = nil

    public init(
        kind: DocumentKind, environment: DIANEnvironment, customizationID: String, number: String,
        uniqueCode: String?, issueDate: CalendarDate, issueTime: OffsetTime, dueDate: CalendarDate?, typeCode: String?,
        notes: [String], currency: String, orderReference: String?, billingReference: BillingReference?,
        discrepancy: Discrepancy?, supplier: Party, customer: Party, paymentMeans: PaymentMeans?, taxTotals: [TaxTotal],
        totals: MonetaryTotal, lines: [DocumentLine], control: InvoiceControl?, software: SoftwareProvider?,
        qrText: String?
    ) {
        self.kind = kind
        self.environment = environment
        self.customizationID = customizationID
        self.number = number
        self.uniqueCode = uniqueCode
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.dueDate = dueDate
        self.typeCode = typeCode
        self.notes = notes
        self.currency = currency
        self.orderReference = orderReference
        self.billingReference = billingReference
        self.discrepancy = discrepancy
        self.supplier = supplier
        self.customer = customer
        self.paymentMeans = paymentMeans
        self.taxTotals = taxTotals
        self.totals = totals
        self.lines = lines
        self.control = control
        self.software = software
        self.qrText = qrText
    }

    /// The total of one tax scheme (`0.00` when absent), as the CUFE and the QR need it.
    public func taxAmount(scheme id: String) -> Amount {
        taxTotals.filter { $0.scheme.id == id }.reduce(Amount.zero) { $0 + $1.taxAmount }
    }
}
