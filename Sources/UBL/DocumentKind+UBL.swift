import DocumentModel

/// The names that differ between Invoice, CreditNote and DebitNote.
extension DocumentKind {
    /// The root element's local name.
    var rootName: String {
        switch self {
        case .invoice: "Invoice"
        case .creditNote: "CreditNote"
        case .debitNote: "DebitNote"
        }
    }

    /// The root element's namespace (also the default namespace of the document).
    var rootNamespace: String {
        switch self {
        case .invoice: UBLNamespace.invoice
        case .creditNote: UBLNamespace.creditNote
        case .debitNote: UBLNamespace.debitNote
        }
    }

    /// The XSD file in `Schemas/ubl-2.1/maindoc/`.
    var schemaFileName: String { "UBL-\(rootName)-2.1.xsd" }

    /// `cbc:ProfileID` (rules FAD03 / CAD03 / DAD03).
    var profileID: String {
        switch self {
        case .invoice: "DIAN 2.1: Factura Electrónica de Venta"
        case .creditNote: "DIAN 2.1: Nota Crédito de Factura Electrónica de Venta"
        case .debitNote: "DIAN 2.1: Nota Débito de Factura Electrónica de Venta"
        }
    }

    /// `cbc:InvoiceTypeCode` / `cbc:CreditNoteTypeCode`; a debit note has no type-code element.
    var typeCodeElement: String? {
        switch self {
        case .invoice: "InvoiceTypeCode"
        case .creditNote: "CreditNoteTypeCode"
        case .debitNote: nil
        }
    }

    /// `cbc:UUID/@schemeName`.
    var uniqueCodeScheme: String { "\(uniqueCodeName)-SHA384" }

    /// `cac:LegalMonetaryTotal`, or `cac:RequestedMonetaryTotal` for debit notes.
    var monetaryTotalElement: String { self == .debitNote ? "RequestedMonetaryTotal" : "LegalMonetaryTotal" }

    /// `cac:InvoiceLine` / `cac:CreditNoteLine` / `cac:DebitNoteLine`.
    var lineElement: String { "\(rootName)Line" }

    /// `cbc:InvoicedQuantity` / `cbc:CreditedQuantity` / `cbc:DebitedQuantity`.
    var quantityElement: String {
        switch self {
        case .invoice: "InvoicedQuantity"
        case .creditNote: "CreditedQuantity"
        case .debitNote: "DebitedQuantity"
        }
    }

    /// The kind whose root element is `localName` in `namespace`, if any.
    init?(rootName localName: String, namespace: String?) {
        guard let kind = DocumentKind.allCases.first(where: { $0.rootName == localName && $0.rootNamespace == namespace })
        else { return nil }
        self = kind
    }
}
